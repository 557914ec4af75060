"""The lexicon layer: world knowledge lives in data tables, not in the package's Python code.

- Adding an agency, a quotation-mark style or a name scheme is one data row: proved with made-up ones.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from quotedrift import lexicon

PACKAGE = Path(lexicon.__file__).resolve().parent.parent


# ---------------------------------------------------------------------------------------------- one row


@pytest.fixture
def lexicon_row(monkeypatch):
    """Add rows to a lexicon table for one test (the tables are read once per process: the caches are cleared)."""

    def add(name: str, rows: list[dict]):
        original = lexicon.table(name)
        monkeypatch.setattr(lexicon, "table", _patched(lexicon.table.__wrapped__, name, original + tuple(rows)))
        for cached in (lexicon.words, lexicon.agency_aliases, lexicon.agency_regex, lexicon.countries,
                       lexicon.country_keys):
            cached.cache_clear()

    yield add
    for cached in (lexicon.words, lexicon.agency_aliases, lexicon.agency_regex, lexicon.countries,
                       lexicon.country_keys):
        cached.cache_clear()


def _patched(read, name, rows):
    def table(other: str):
        return rows if other == name else read(other)

    return table


def test_a_made_up_agency_is_one_row(lexicon_row):
    from quotedrift.attribution import relay_name

    assert relay_name("according to Zorblax Wire") == "other"
    lexicon_row("agencies", [{"name": "ZWA", "aliases": "Zorblax Wire|Zorblax Wire Agency", "kind": "wire",
                              "country": ""}])
    assert relay_name("according to Zorblax Wire") == "ZWA"
    assert relay_name("ZWA reported") == "ZWA"
    assert relay_name("told reporters") == "press briefing"


def test_a_made_up_quote_mark_style_is_one_row_per_glyph(monkeypatch):
    import importlib

    from quotedrift.extract import marks

    text = "He said 〝We will win the match tomorrow night〞 and left."
    assert not marks.find_marked_quotes(text)
    rows = lexicon.table("quote_marks") + ({"char": "〝", "family": "double", "role": "open", "name": "test"},
                                           {"char": "〞", "family": "double", "role": "close", "name": "test"})
    monkeypatch.setattr(lexicon, "table", _patched(lexicon.table, "quote_marks", rows))
    try:
        found = importlib.reload(marks).find_marked_quotes(text)
        assert [text[q.start:q.end] for q in found] == ["We will win the match tomorrow night"]
    finally:
        monkeypatch.undo()
        importlib.reload(marks)


def test_quote_marks_come_from_the_table():
    from quotedrift.extract import marks

    table = lexicon.table("quote_marks")
    assert set(marks.DOUBLE_MARKS) == {r["char"] for r in table if r["family"] == "double"}
    assert set(marks.SINGLE_MARKS) == {r["char"] for r in table if r["family"] == "single"}


def test_a_made_up_name_scheme_is_one_row_and_its_family_names(monkeypatch):
    from quotedrift.people import names as speakers

    monkeypatch.setitem(speakers.FAMILY_FIRST_SCHEMES, "zorblaxian", {"qor": "qor", "khor": "qor"})
    monkeypatch.setitem(speakers.SCHEME_LIMITS, "zorblaxian", (2, 4))
    monkeypatch.setitem(speakers.SCHEME_KEYS, "zorblaxian", (("kh", "q"),))
    speakers._same_person.cache_clear()
    try:
        assert speakers.scheme_of(["Qor", "Ta", "Vi"]) == "zorblaxian"
        assert speakers.same_person("Qor Ta Vi", "Khor Ta Vi") == 1.0
        assert speakers.same_person("Qor Ta Vi", "Qor Mi Lo") < speakers.SAME_PERSON_THRESHOLD
    finally:
        speakers._same_person.cache_clear()


# ---------------------------------------------------------------------------------------------- places


@pytest.mark.parametrize("text, country", [
    ("Tehran said", "Iran"), ("the Kremlin said", "Russia"), ("Downing Street said", "United Kingdom"),
    ("Pyongyang said", "North Korea"), ("U.S. officials", "United States"), ("Central Park", ""),
    ("director-general in charge of U.S. affairs", "United States"), ("Mr Musk said", ""),
])
def test_country_in(text, country):
    assert lexicon.country_in(text) == country


def test_first_name_genders_come_from_gender_guesser():
    genders = lexicon.first_name_genders()
    assert genders["ursula"] == "female" and genders["emmanuel"] == "male"
    assert "kim" not in genders  # both: no evidence


def test_every_table_loads_with_its_columns():
    for path in sorted(Path(lexicon.LEXICON_DIR).glob("*.csv")):
        rows = lexicon.table(path.stem)
        assert rows, path.name
        assert all(all(k for k in row) for row in rows), path.name
    assert pd.DataFrame(lexicon.table("cues"))["stance"].isin(["neutral", "loaded"]).all()
