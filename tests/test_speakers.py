"""One name per person: name finding, romanisation-aware comparison, variant groups, canonical speakers."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotedrift.speakers import canonical_speakers, find_person_names, name_variants_in_text, same_person


@pytest.mark.parametrize("a, b", [
    ("Kwon Jong Gun", "Kwon Jong-gun"), ("Kwon Jong Gun", "Kwon Jong-jun"), ("Kwon Jong Gun", "Kwon Jung Joon"),
    ("Kim Yo Jong", "Kim Yo-jong"), ("Kwon Jong-un", "Kwon Jong Gun"), ("Kim Jong Un", "Kim Jong-un"),
    ("Vassily Nebenzia", "Vasily Nebenzya"), ("John Kirby", "Kirby"),
])
def test_same_person(a, b):
    assert same_person(a, b) >= 0.7


@pytest.mark.parametrize("a, b", [
    ("Kim Jong Un", "Kim Yo Jong"), ("Kwon Jong-un", "Kim Jong Un"), ("Kim Jong Un", "Kim Jong Il"),
    ("John Kirby", "Jens Stoltenberg"), ("Vladimir Putin", "Vladimir Chizhov"),
])
def test_different_people(a, b):
    assert same_person(a, b) < 0.7


@pytest.mark.parametrize("text, expected", [
    ("NATO Secretary-General Jens Stoltenberg met Park Jin in Seoul.", ["Jens Stoltenberg", "Park Jin"]),
    ("Russian President Vladimir Putin wrote to Kim Jong Un. Putin said more.", ["Vladimir Putin", "Kim Jong Un", "Putin"]),
    ("The Korean Central News Agency said the White House and the Wagner Group lied.", []),
    ("Earlier this week North Korea said so. Meanwhile Washington waited.", []),
    ("Kirby spoke. John Kirby spoke again.", ["Kirby", "John Kirby"]),
])
def test_find_person_names(text, expected):
    assert [name for _, _, name in find_person_names(text)] == expected


def test_name_variants_in_text():
    text = ("Kwon Jong-jun dismissed it. Kwon Jung Joon said so. Kim Yo Jong and Kim Yo-jong agreed. "
            "Kwon Jong Gun repeated it. Kwon also spoke.")
    groups = name_variants_in_text(text)
    assert [[name for _, _, name in group] for group in groups] == [
        ["Kwon Jong-jun", "Kwon Jung Joon", "Kwon Jong Gun"]]
    for group in groups:
        for start, end, name in group:
            assert text[start:end] == name


def test_canonical_speakers_most_common_full_spelling():
    quotes = pd.DataFrame({
        "speaker": ["Kwon Jong Gun", "Kwon Jong Gun", "Kwon Jong-gun", "Kwon Jung Joon", "Kwon Jong-jun", "Kwon",
                    "Kim Yo-jong", "Kim Yo Jong", "Kim Jong Un", "the U.S.", "the White House", ""],
        "speaker_confidence": [1.0] * 12,
    })
    out = canonical_speakers(quotes)
    assert out["speaker"].tolist() == ["Kwon Jong Gun"] * 6 + ["Kim Yo Jong", "Kim Yo Jong", "Kim Jong Un",
                                                                "United States", "White House", ""]
    assert out["speaker_confidence"].iloc[3] < 1.0 and out["speaker_confidence"].iloc[0] == 1.0
    assert out["speaker_confidence"].iloc[-1] == 0.0


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_names_never_raise_and_spans_valid(text):
    for start, end, name in find_person_names(text):
        assert text[start:end] == name
    for group in name_variants_in_text(text):
        assert len(group) >= 2
    assert 0.0 <= same_person(text[:20], text[20:40]) <= 1.0
