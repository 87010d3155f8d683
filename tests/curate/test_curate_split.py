"""Split sizes, stratification, seeding and shortfalls."""

from __future__ import annotations

from collections import Counter

import pytest

from flutter_rl.curate.items import Item
from flutter_rl.curate.labels import SCREEN_TYPES
from flutter_rl.curate.split import SplitError, allocate, allocate_even, split
from flutter_rl.settings import DataSettings


def _items(per_cell: dict[str, int], types: tuple[str, ...] = SCREEN_TYPES) -> list[Item]:
    """`per_cell[difficulty]` items of every type at that difficulty."""
    items = []
    for difficulty, n in per_cell.items():
        for t in types:
            for k in range(n):
                items.append(
                    Item(
                        id=f"{t}-{difficulty}-{k:03d}",
                        image_path="",
                        original_path="",
                        source="test",
                        width=390,
                        height=844,
                        image_sha256="",
                        phash="0" * 16,
                        screen_type=t,
                        difficulty=difficulty,
                    )
                )
    return items


def test_reference_split_sizes_and_difficulties() -> None:
    items = _items({"easy": 20, "medium": 10, "hard": 10})  # 240 easy, 120 medium, 120 hard
    splits, shortfalls = split(items, DataSettings())

    assert len(splits["train"]) == 160 and len(splits["eval"]) == 100
    assert {i.difficulty for i in splits["train"]} == {"easy"}
    assert Counter(i.difficulty for i in splits["eval"]) == {"easy": 34, "medium": 33, "hard": 33}
    assert not shortfalls
    ids = [i.id for part in splits.values() for i in part]
    assert len(ids) == len(set(ids)) == len(items)  # disjoint, and nothing dropped
    assert all(i.split == name for name, part in splits.items() for i in part)


def test_splits_are_stratified_by_type_within_difficulty() -> None:
    items = _items({"easy": 20, "medium": 10, "hard": 10})
    splits, _ = split(items, DataSettings())
    per_type = Counter(i.screen_type for i in splits["train"])
    assert max(per_type.values()) - min(per_type.values()) <= 1  # 160 over 12 equal types
    eval_medium = Counter(i.screen_type for i in splits["eval"] if i.difficulty == "medium")
    assert max(eval_medium.values()) - min(eval_medium.values()) <= 1


def test_uneven_types_keep_their_proportions() -> None:
    items = _items({"easy": 30}, ("login",)) + _items({"easy": 10}, ("list",))
    splits, _ = split(items, DataSettings(train_size=20, eval_size=8, eval_difficulties=["easy"]))
    assert Counter(i.screen_type for i in splits["eval"]) == {"login": 6, "list": 2}
    assert Counter(i.screen_type for i in splits["train"]) == {"login": 15, "list": 5}


def test_same_seed_same_split_and_another_seed_differs() -> None:
    items = _items({"easy": 20, "medium": 10, "hard": 10})
    ids = lambda s: [i.id for i in s["train"]]  # noqa: E731
    first, _ = split(items, DataSettings(seed=1))
    again, _ = split(list(reversed(items)), DataSettings(seed=1))
    other, _ = split(items, DataSettings(seed=2))
    assert ids(first) == ids(again)
    assert ids(first) != ids(other)


def test_not_enough_easy_screens_is_a_reported_shortfall() -> None:
    items = _items({"easy": 5, "medium": 5, "hard": 5})  # 60 easy: 34 go to eval, 26 left for train
    splits, shortfalls = split(items, DataSettings())
    assert len(splits["train"]) == 26
    train_short = [s for s in shortfalls if s.split == "train"]
    assert len(train_short) == 1 and (train_short[0].requested, train_short[0].available) == (160, 26)
    assert len(splits["eval"]) == 100


def test_missing_difficulty_hands_its_eval_quota_to_the_others() -> None:
    items = _items({"easy": 20, "medium": 10})
    splits, shortfalls = split(items, DataSettings())
    assert len(splits["eval"]) == 100
    assert [(s.split, s.difficulty, s.available) for s in shortfalls if s.split == "eval"] == [("eval", "hard", 0)]


def test_an_empty_split_is_an_error_naming_its_cause() -> None:
    with pytest.raises(SplitError, match=r"train split.*data.train_difficulties \['easy'\]"):
        split(_items({"medium": 20}), DataSettings())
    with pytest.raises(SplitError, match=r"eval split.*data.eval_difficulties \['hard'\]"):
        split(_items({"easy": 20}), DataSettings(eval_difficulties=["hard"]))


def test_eval_taking_every_screen_says_so_and_points_at_an_eval_only_dataset() -> None:
    items = _items({"easy": 2, "medium": 2, "hard": 2})  # 72 screens, eval asks for 100
    with pytest.raises(SplitError, match=r"eval split took all of them \(data.eval_size = 100\).*train_size = 0"):
        split(items, DataSettings())


def test_train_size_zero_is_an_eval_only_dataset() -> None:
    items = _items({"easy": 2, "medium": 2, "hard": 2})
    splits, shortfalls = split(items, DataSettings(train_size=0, eval_size=len(items)))
    assert len(splits["eval"]) == len(items)
    assert splits["train"] == [] and splits["unused"] == []
    assert not [s for s in shortfalls if s.split == "train"]


def test_allocate_is_proportional_and_exact() -> None:
    assert allocate({"a": 30, "b": 10}, 8) == {"a": 6, "b": 2}
    assert sum(allocate({"a": 1, "b": 1, "c": 1}, 2).values()) == 2
    assert allocate({"a": 1, "b": 2}, 10) == {"a": 1, "b": 2}


def test_allocate_even_shares_equally_and_passes_on_what_a_small_group_cannot_take() -> None:
    assert allocate_even({"a": 30, "b": 10, "c": 2}, 12) == {"a": 5, "b": 5, "c": 2}
    assert allocate_even({"a": 30, "b": 10}, 7) == {"a": 4, "b": 3}
    assert allocate_even({"a": 1, "b": 0}, 5) == {"a": 1, "b": 0}


def test_held_out_types_never_train_and_even_eval_covers_every_type() -> None:
    held_out = ("chat", "dashboard", "signup")
    trained = [t for t in SCREEN_TYPES if t not in held_out]
    items = _items({"easy": 40, "medium": 40}, tuple(trained)) + _items({"easy": 3, "medium": 3, "hard": 3})
    settings = DataSettings(
        train_size=200,
        eval_size=72,
        train_difficulties=["easy", "medium"],
        train_screen_types=trained,
        eval_even_types=True,
    )
    splits, _ = split(items, settings)
    assert not {i.screen_type for i in splits["train"]} & set(held_out)
    per_cell = Counter((i.screen_type, i.difficulty) for i in splits["eval"])
    assert set(per_cell.values()) == {2} and len(per_cell) == 3 * len(SCREEN_TYPES)  # 24 per difficulty, 2 per type
    proportional, _ = split(items, settings.model_copy(update={"eval_even_types": False}))
    assert not {i.screen_type for i in proportional["eval"] if i.difficulty == "easy"} & set(
        held_out
    )  # why the option exists
