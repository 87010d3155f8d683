"""The catalog: Flutter's real constructor signatures, as the front end checks them."""

from flutter_renderer.catalog import CLASSES, CONSTANTS, ENUMS, UNSUPPORTED, lookup
from flutter_renderer.ir import DartObject


def test_required_parameters_are_flutters():
    assert {"onPressed", "child"} <= lookup("ElevatedButton").required
    assert lookup("Expanded").required == {"child"}
    assert lookup("Checkbox").required == {"value", "onChanged"}
    assert lookup("ListView", "separated").required == {"itemBuilder", "separatorBuilder", "itemCount"}
    assert lookup("Text").positional == ("data",)


def test_required_names_are_also_accepted_names_and_key_is_everywhere():
    for type_name, ctors in CLASSES.items():
        for ctor, signature in ctors.items():
            assert signature.required <= signature.named, (type_name, ctor)
            assert "key" in signature.named


def test_value_constructors_and_static_constants():
    assert lookup("EdgeInsets", "fromLTRB").positional == ("left", "top", "right", "bottom")
    assert lookup("EdgeInsets") is None  # EdgeInsets has no unnamed constructor
    assert CONSTANTS["EdgeInsets.zero"] == DartObject("EdgeInsets", "all", (0,))
    assert "w600" in ENUMS["FontWeight"] and "spaceBetween" in ENUMS["MainAxisAlignment"]


def test_unsupported_widgets_are_not_catalogued_as_supported():
    assert "CustomPaint" in UNSUPPORTED and "CustomPaint" not in CLASSES
    assert not set(CLASSES) & UNSUPPORTED
