"""Utterance cards: one per utterance, every version shown, marks exactly the rows of edits.csv, text escaped."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from quotedrift import analyze, cards
from quotedrift.cli import write_tables
from quotedrift.paths import PROJECT_ROOT, SEEDS

THIRTY_OUTLETS = PROJECT_ROOT / "corpora" / "dec2022_kirby"


class CardReader(HTMLParser):
    """The versions, marks (text joined per edit) and edit rows of one card."""

    def __init__(self):
        super().__init__()
        self.versions: list[str] = []
        self.marks: dict[int, dict] = {}
        self.rows: list[int] = []
        self._open: list[int | None] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "qd-version" in (attrs.get("class") or ""):
            self.versions.append(attrs["data-quote-id"])
        if "qd-edit-row" in (attrs.get("class") or ""):
            self.rows.append(int(attrs["data-edit"]))
        if tag in ("mark", "del") and "qd-edit" in (attrs.get("class") or ""):
            n = int(attrs["data-edit"])
            mark = self.marks.setdefault(n, {"op": attrs["data-op"], "category": attrs["data-category"],
                                             "start": int(attrs["data-start"]), "end": int(attrs["data-end"]),
                                             "text": "", "tag": tag})
            assert (mark["start"], mark["end"]) == (int(attrs["data-start"]), int(attrs["data-end"]))
            self._open.append(n)
        elif tag in ("mark", "del"):
            self._open.append(None)

    def handle_endtag(self, tag):
        if tag in ("mark", "del") and self._open:
            self._open.pop()

    def handle_data(self, data):
        for n in {n for n in self._open if n is not None}:
            self.marks[n]["text"] += data


def read_card(markup: str) -> CardReader:
    reader = CardReader()
    reader.feed(markup)
    return reader


@pytest.fixture(scope="module", params=["seeds", THIRTY_OUTLETS.name])
def written(request, tmp_path_factory, seed_analysis, story_analysis):
    analysis = seed_analysis if request.param == "seeds" else story_analysis(request.param)
    out = tmp_path_factory.mktemp("cards")
    write_tables(analysis, out / "tables")
    paths = cards.write_cards(analysis, out / "cards")
    edits = pd.read_csv(out / "tables" / "edits.csv", keep_default_na=False, dtype={"utterance_id": str})
    return analysis, paths, edits


def test_a_card_for_every_utterance_two_sources_print(written):
    analysis, paths, _ = written
    shared = analysis.utterances[analysis.utterances["n_sources"] >= 2]
    assert len(shared) > 0 and (analysis.utterances["n_sources"] == 1).any()
    assert sorted(p.stem for p in paths) == sorted(shared["utterance_id"])


def test_each_card_shows_every_version_and_marks_exactly_its_edits(written):
    analysis, paths, edits = written
    quotes = analysis.quotes
    for path in paths:
        uid = path.stem
        card = read_card(path.read_text(encoding="utf-8"))
        expected_versions = quotes.loc[quotes["utterance_id"] == uid, "quote_id"]
        assert sorted(card.versions) == sorted(expected_versions), uid
        mine = edits[edits["utterance_id"] == uid].reset_index(drop=True)
        assert sorted(card.rows) == list(range(len(mine))), uid
        assert sorted(card.marks) == list(range(len(mine))), uid
        for n, edit in mine.iterrows():
            mark = card.marks[n]
            assert (mark["op"], mark["category"], mark["start"], mark["end"]) == (
                edit["op"], edit["category"], int(edit["start"]), int(edit["end"])), (uid, n)
            if edit["start"] == edit["end"]:  # a deletion: the reference words, struck out at their place
                assert mark["tag"] == "del" and mark["text"] in (str(edit["reference_text"]), "∅")
            else:
                assert mark["text"] == analysis.texts[edit["source"]][edit["start"]:edit["end"]] == edit["text"]


def test_cards_are_standalone_and_escape_article_text(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    line = "“We will <script>alert(1)</script> never accept this deal,” Minister Jane Doe said on Monday."
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(f"Headline {name}\n\n{line}\n\nOther news follows here today.\n",
                                            encoding="utf-8")
    analysis = analyze(folder)
    paths = cards.write_cards(analysis, tmp_path / "out")
    assert paths, "the two articles share one quotation"
    page = paths[0].read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script>" not in page and "&lt;script&gt;" in page
    assert "http" not in page.replace('href="http', "")  # nothing loaded from elsewhere


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [("First one. He said “yes” today. Next.", 19, 24, "He said “yes” today."),
     ("No stop at all here “quote” and on", 20, 27, "No stop at all here “quote” and on"),
     ("Para one\n“Quote here,” she said.\nPara three", 9, 22, "“Quote here,” she said.")],
)
def test_sentence_around_a_quotation(text, start, end, expected):
    left, right = cards.sentence_around(text, start, end)
    assert text[left:right].strip() == expected


@pytest.mark.parametrize(
    ("reference", "expected"),
    [("one two three", "u001 “one two three”"),
     ("a b c d e f g h i j", "u001 “a b c d e f g h …”")],
)
def test_utterance_title_shows_the_first_words(reference, expected):
    assert cards.utterance_title("u001", reference) == expected


@pytest.mark.skipif(cards.chromium() is None, reason="no Chromium on this machine")
def test_png_of_a_card(tmp_path, seed_analysis):
    analysis = seed_analysis
    uid = analysis.utterances["utterance_id"].iloc[0]
    page = tmp_path / f"{uid}.html"
    page.write_text(cards.card_document(analysis, uid), encoding="utf-8")
    cards.screenshot(page, tmp_path / f"{uid}.png")
    assert (tmp_path / f"{uid}.png").read_bytes().startswith(b"\x89PNG")


def test_cards_folder_lists_every_card(written):
    _, paths, _ = written
    index = (Path(paths[0]).parent / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{p.name}"' in index for p in paths)
