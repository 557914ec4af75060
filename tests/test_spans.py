"""Every *_start/*_end pair in every table holds the text its row claims (issue 13, 'offsets of every span
are true'): on arbitrary articles (hypothesis) and on every story in the repository (seeds/ and corpora/)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from span_claims import SPAN_CLAIMS, claim_holds, false_spans

from quotedrift import analyze
from quotedrift.corpus import CorpusError
from quotedrift.paths import PROJECT_ROOT, SEEDS

STORIES = [SEEDS] + sorted(p for p in (PROJECT_ROOT / "corpora").iterdir() if p.is_dir())

# Pieces that exercise every evidence column: names, cues before and after the quotation, relays, titles,
# descriptors, pronouns, countries, glued and unbalanced marks, single marks, line breaks, CRLF.
PIECES = st.sampled_from([
    "Kwon Jong Gun", " Kwon", " said", " says", " told reporters", " according to", ' "', "”", "“", "'", "‘", "’",
    " the", " U.S.", ".", ",", "\n", "\n\n", " the official", " he", " she", " North Korea", " the ministry",
    " director-general of the U.S. affairs department,", " (KCNA)", " as quoted by the Korean Central News Agency",
    " Yonhap reported", " state media", " warned", " claimed", " Mr. Smith", " lineSending", " é", " — ",
    " Jens Stoltenberg", " NATO Secretary-General", "wordGlued", " «", "»", " 5'10\"", " ...",
])
NOISE = st.lists(PIECES, min_size=0, max_size=8).map("".join)
SPEAKER = st.sampled_from(["Kwon", "Kwon Jong Gun", "the official", "he", "North Korea", "Yonhap", "Mr. Smith",
                           "the ministry's spokeswoman", "NATO Secretary-General Jens Stoltenberg"])
CUE = st.sampled_from(["said", "says", "told reporters", "warned", "claimed", "added", "wrote"])
MARK_PAIR = st.sampled_from([('"', '"'), ("“", "”"), ("‘", "’"), ("«", "»"), ("“", ""), ("", "”"), ("“", "“")])
WORDS = st.sampled_from(["We will respond", "the U.S. is to blame", "grave provocation", "rumor", "no. It is over"])


@st.composite
def attributed_sentence(draw) -> str:
    """A quotation with its attribution before, after or on both sides, and noise around it."""
    opening, closing = draw(MARK_PAIR)
    quotation = f"{opening}{draw(WORDS)}{draw(st.sampled_from(['', ',', '.', '?']))}{closing}"
    who = f"{draw(SPEAKER)} {draw(CUE)}"
    relay = draw(st.sampled_from(["", ", as quoted by the Korean Central News Agency", " (KCNA)", ", state media said"]))
    layout = draw(st.sampled_from(["{q} {w}{r}.", "{w}{r}: {q}", "{q} {c} {s}{r}.", "{w} that {q}", "{n}{q}{n}"]))
    return layout.format(q=quotation, w=who, r=relay, c=draw(CUE), s=draw(SPEAKER), n=draw(NOISE))


ARTICLE = st.lists(st.one_of(attributed_sentence(), NOISE), min_size=0, max_size=12).map(
    lambda parts: "".join(p + (" " if i % 3 else "\n\n") for i, p in enumerate(parts)))


@pytest.mark.parametrize("story", STORIES, ids=lambda p: p.name)
def test_every_span_of_every_story_holds_its_text(story, seed_analysis):
    result = seed_analysis if story == SEEDS else analyze(story)
    assert false_spans(result.tables, result.texts) == []


def test_the_claims_cover_every_span_column_of_every_table(seed_analysis):
    """A new *_start column in any table must be added to SPAN_CLAIMS (or this fails)."""
    claimed = {(table, start) for table, start, *_ in SPAN_CLAIMS}
    for name, frame in seed_analysis.tables.items():
        for column in frame.columns:
            if column == "start" or column.endswith("_start"):
                assert (name, column) in claimed, f"{name}.{column} has no claim in tests/span_claims.py"
                assert column.replace("start", "end") in frame.columns


@pytest.mark.parametrize("how, printed, claimed, holds", [
    ("exact", "Kwon", "Kwon", True), ("exact", " arm", "said", False),
    ("lower", "Said", "said", True), ("lower", "2023", "said", False),
    ("relay", "the Korean  Central News Agency", "Korean Central News Agency", True),
    ("relay", "Yonhap", "KCNA", False),
    ("repair", "word“glued", None, True), ("repair", "no marks here", None, False),
])
def test_claim_check_tells_true_from_false(how, printed, claimed, holds):
    assert claim_holds(how, printed, claimed) is holds


def test_false_spans_reports_an_offset_counted_from_a_window():
    import pandas as pd
    texts = {"a": '"We will," Kwon said.'}
    good = pd.DataFrame([{"source": "a", "start": 1, "end": 8, "text": "We will", "speaker_mention": "Kwon",
                          "mention_start": 11, "mention_end": 15, "cue": "said", "cue_start": 16, "cue_end": 20,
                          "relay": "", "relay_start": -1, "relay_end": -1, "repair_start": -1, "repair_end": -1}])
    assert false_spans({"quotes": good}, texts) == []
    bad = good.assign(cue_start=6, cue_end=10)  # counted from the closing mark, not from the article
    assert len(false_spans({"quotes": bad}, texts)) == 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=1, max_size=3))
def test_every_span_on_arbitrary_articles_holds_its_text(articles):
    with tempfile.TemporaryDirectory() as tmp:
        for n, text in enumerate(articles):
            Path(tmp, f"a{n}.txt").write_text(text, encoding="utf-8", newline="")
        try:
            result = analyze(tmp)
        except CorpusError:
            return
    assert false_spans(result.tables, result.texts) == []
