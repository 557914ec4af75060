"""The whole pipeline on arbitrary text: never a traceback, every span is its article's text, same result twice."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotedrift import analyze
from quotedrift.corpus import CorpusError

PIECES = st.sampled_from(["Kwon", " said", ' "', "”", "“", "'", " the", " U.S.", ".", ",", "\n\n", " rumor", " grave",
                          " provocation", " Kim Yo Jong", " (KCNA)", " [North Korea]", " ...", "lineSending", " é"])
ARTICLE = st.lists(PIECES, min_size=0, max_size=60).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=1, max_size=3))
def test_any_articles_give_valid_spans_or_one_clear_error(articles):
    with tempfile.TemporaryDirectory() as tmp:
        for n, text in enumerate(articles):
            Path(tmp, f"a{n}.txt").write_text(text, encoding="utf-8")
        try:
            first = analyze(tmp)
        except CorpusError as err:
            assert "\n" not in str(err) and "empty" in str(err)
            return
        second = analyze(tmp)
    for name in ("quotes", "garbles", "edits"):
        assert first.tables[name].equals(second.tables[name])
    for name in ("quotes", "garbles"):
        for row in first.tables[name].itertuples():
            assert first.texts[row.source][row.start:row.end] == row.text
    for row in first.edits.itertuples():
        assert first.texts[row.source][row.start:row.end] == row.text
