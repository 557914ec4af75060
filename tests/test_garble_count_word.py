"""count_word_typo: a number word with a letter dropped, counting a unit of time."""

from __future__ import annotations

import pytest

from quotedrift.garble import countword


def found(text: str) -> list[tuple[str, str]]:
    rows = countword.count_word_typos(text)
    assert all(r["severity"] == 2 for r in rows)
    return [(text[r["start"]:r["end"]], r["detail"]) for r in rows]


@pytest.mark.parametrize("text, expected, meant", [
    ("Staff may take the ‘thee-month severance’ and leave.", "thee", "three"),  # a real word left
    ("He was given a seve-day deadline.", "seve", "seven"),  # a non-word left
    ("The thee-year-old boy was unhurt.", "thee", "three"),  # a longer compound
    ("A fory-year career ended.", "fory", "forty"),
    ("A twelve-month plan, then a thee-months wait.", "thee", "three"),  # plural unit
])
def test_count_word_typo_found(text, expected, meant):
    rows = found(text)
    assert [t for t, _ in rows] == [expected]
    assert f"‘{meant}’" in rows[0][1]


@pytest.mark.parametrize("text", [
    "A three-month severance package.",  # the number itself
    "Voters went to the even-year elections.",  # a commoner word than the number it would come from
    "They built a tree-house.",  # not a unit of time
    "A two-day visit, a ten-year plan.",  # short number words: left to the spelling detectors
    "There was a thee and thou in the old text.",  # no compound
    "A day-to-day routine and a year-long wait.",  # the unit first
])
def test_count_word_typo_legitimate(text):
    assert found(text) == []
