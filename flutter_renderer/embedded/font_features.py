"""`TextStyle.fontFeatures`: which OpenType features change what the renderer's font draws.

Text is drawn in Roboto whatever `fontFamily` says (FIDELITY.md, Fonts). A feature the font has no
table for changes nothing, nor does turning on a feature that is on by default or turning off one
that is off; those are accepted. Any other feature would change glyphs and is unsupported.
"""

from __future__ import annotations

from typing import Any

from flutter_renderer.ir import DartObject

# The GSUB and GPOS feature tags of the Roboto the Flet client draws with
# (flet_web/web/assets/fonts/roboto.woff2, "Roboto Version 2.137; 2017"), read with fontTools.
ROBOTO_FEATURES = frozenset(
    (
        "c2sc ccmp dlig dnom frac liga lnum locl numr onum pnum smcp ss01 ss02 ss03 ss04 ss05 ss06 ss07 tnum cpsp kern"
    ).split()
)
# Features the shaper applies unless they are turned off.
DEFAULT_ON = frozenset("ccmp locl rlig liga clig calt kern mark mkmk rclt".split())
_TAGS = {
    "alternative": "aalt",
    "alternativeFractions": "afrc",
    "contextualAlternates": "calt",
    "caseSensitiveForms": "case",
    "denominator": "dnom",
    "fractions": "frac",
    "historicalForms": "hist",
    "historicalLigatures": "hlig",
    "liningFigures": "lnum",
    "localeAware": "locl",
    "notationalForms": "nalt",
    "numerators": "numr",
    "oldstyleFigures": "onum",
    "ordinalForms": "ordn",
    "proportionalFigures": "pnum",
    "randomize": "rand",
    "stylisticAlternates": "salt",
    "scientificInferiors": "sinf",
    "subscripts": "subs",
    "superscripts": "sups",
    "swash": "swsh",
    "tabularFigures": "tnum",
    "slashedZero": "zero",
}


def tag_and_value(feature: Any) -> tuple[str, int]:
    """FontFeature(...) / FontFeature.tabularFigures() / ... -> (OpenType tag, value; 0 is off).
    Raises TypeError for a value that is not a FontFeature."""
    if not isinstance(feature, DartObject) or feature.type != "FontFeature":
        raise TypeError("not a FontFeature")
    ctor, args = feature.ctor, feature.args
    if ctor == "":
        return str(args[0]), int(args[1]) if len(args) > 1 else 1
    if ctor in ("enable", "disable"):
        return str(args[0]), int(ctor == "enable")
    if ctor in ("stylisticSet", "characterVariant"):
        return f"{'ss' if ctor == 'stylisticSet' else 'cv'}{int(args[0]):02d}", 1
    if ctor == "localeAware":
        return "locl", int(feature.kwargs.get("enable", True) is not False)
    if ctor not in _TAGS:
        raise TypeError("not a FontFeature")
    return _TAGS[ctor], int(args[0]) if args else 1


def changes_glyphs(feature: Any) -> bool:
    """Whether this feature would draw Roboto differently from the shaper's defaults."""
    tag, value = tag_and_value(feature)
    return tag in ROBOTO_FEATURES and (value != 0) != (tag in DEFAULT_ON)
