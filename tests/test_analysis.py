"""The whole pipeline on arbitrary text: never a traceback, every span is its article's text, same result twice."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
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


class Terminal:
    """A stderr that says it is a terminal (tqdm draws only there) and keeps what was written."""

    def __init__(self):
        self.text = ""

    def isatty(self):
        return True

    def write(self, text):
        self.text += text

    def flush(self):
        pass


@pytest.mark.parametrize(("delay", "bar"), [(0.0, True), (3600.0, False)])
def test_a_progress_bar_only_for_a_long_analysis(monkeypatch, delay, bar):
    from quotedrift import analysis
    from quotedrift.paths import SEEDS

    terminal = Terminal()
    monkeypatch.setattr(analysis, "PROGRESS_DELAY", delay)
    monkeypatch.setattr(sys, "stderr", terminal)
    analysis.analyze(SEEDS)
    assert ("quotedrift:" in terminal.text and "7/7" in terminal.text) is bar


def test_analyze_loads_no_drawing_notebook_or_progress_module():
    """``quotedrift analyze`` on a small corpus imports none of the heavy modules it does not use (issue 15:
    matplotlib alone cost 1.3 s of every run); the word-meaning model only when its scores are not cached."""
    code = ("import sys, tempfile; from quotedrift.cli import main; from quotedrift.paths import SEEDS; "
            "main(['analyze', str(SEEDS), '--out', tempfile.mkdtemp() + '/out']); "
            "print(' '.join(m for m in ('matplotlib', 'nbformat', 'tqdm', 'pycountry', 'importlib.metadata', "
            "'multiprocessing') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == ""


@pytest.mark.parametrize(("text", "fails"), [('Kwon said: "We will respond."\n', False), (None, True)])
def test_analyze_restores_the_callers_collector_thresholds(tmp_path, monkeypatch, text, fails):
    """The analysis runs with fewer cycle collections (``GC_THRESHOLDS``) and hands the caller's settings back,
    after a result and after an error (an empty folder)."""
    import gc

    from quotedrift import analysis

    if text is not None:
        (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    seen, load = [], analysis.load_corpus
    monkeypatch.setattr(analysis, "load_corpus", lambda path: seen.append(gc.get_threshold()) or load(path))
    previous = gc.get_threshold()
    gc.set_threshold(1234, 5, 6)
    try:
        if fails:
            with pytest.raises(CorpusError):
                analysis.analyze(tmp_path)
        else:
            analysis.analyze(tmp_path)
        assert (seen, gc.get_threshold()) == ([analysis.GC_THRESHOLDS], (1234, 5, 6))
    finally:
        gc.set_threshold(*previous)
