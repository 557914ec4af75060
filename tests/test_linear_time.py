"""Linear time on pathological text (issue 13), by operation count, not by the clock.

``analyze`` runs on two pathological articles at three sizes (n, 2n, 4n), and on a corpus of n, 2n, 4n outlets
that print one sentence (issue 15), while every Python line executed in quotedrift and every character a
regular expression scans is counted, per stage (the module that does the work). Fixed costs cancel in the increments: for linear work the second increment is twice the first, for
quadratic work four times. A stage fails when its increment ratio exceeds ``MAX_INCREMENT_RATIO``.

One utterance printed by 2,000 outlets (issue 15) is counted the same way in the stages that compare an
utterance's versions (alignment with its candidate search, the links and membership tables, drift,
attribution, the aligned garble detectors, the scorecard): the quotations and the article-scope garble
detectors (which read one article at a time) run uncounted and the corpus-scope detectors not at all, so that
500, 1,000 and 2,000 outlets cost seconds, not the 40 CPU s of counting every stage (the whole pipeline is
counted at 100, 200 and 400 outlets).

``benchmarks/pathological.py`` reports the seconds per MB at the sizes the issue names (5 MB on one line,
10,000 unmatched marks); these tests use small sizes so that they run in seconds.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

import quotedrift
from quotedrift import analyze

PACKAGE = str(Path(quotedrift.__file__).resolve().parent)
MAX_INCREMENT_RATIO = 2.8  # linear work gives 2.0, n log n about 2.2, quadratic 4.0
SEED = Path(PACKAGE).parents[1] / "seeds" / "002_12439db231305b66.txt"


def one_line(chars: int) -> str:
    """A garbled wire rewrite repeated to ``chars`` characters with every line break removed."""
    base = " ".join(SEED.read_text(encoding="utf-8").split()) + " "
    return (base * (chars // len(base) + 1))[:chars]


def unmatched(marks: int) -> str:
    return "Kwon said “word " * marks


SENTENCE = ("The relevant remarks by the other side are extremely absurd and irresponsible and they seriously "
            "violate basic facts and diplomatic protocol")


def many_outlets(outlets: int) -> dict[str, str]:
    """``outlets`` short reports of one statement: most print it word for word, one in ten with a word of its
    own, one in ten in capitals, one in ten only a fragment of it (every stage sees one utterance grow)."""
    articles = {}
    for i in range(outlets):
        quoted = {3: SENTENCE.replace("extremely", f"extremely w{i}x"), 5: SENTENCE.upper()}.get(i % 10, SENTENCE)
        quotation = "“extremely absurd and irresponsible”" if i % 10 == 7 else f"“{quoted}.”"
        articles[f"o{i:05d}.txt"] = (f"Outlet {i} report\n\nKwon Jong Gun, a spokesman of the ministry, said on "
                                     f"Monday: {quotation} He said the remarks came after a meeting in the capital.\n")
    return articles


CASES = {"one-line": (one_line, 6_000), "unmatched-marks": (unmatched, 150), "many-outlets": (many_outlets, 100)}
THOUSANDS_OF_OUTLETS = 500  # counted at 500, 1,000 and 2,000 outlets (issue 15: "printed by 2,000 outlets")


def write_corpus(built: str | dict[str, str], folder: Path) -> None:
    """One article ``a.txt``, or the named articles of a corpus."""
    for name, text in ({"a.txt": built} if isinstance(built, str) else built).items():
        (folder / name).write_text(text, encoding="utf-8")


def stage_of(module: str) -> str:
    """The stage a module belongs to: garble detectors and alignment apart, the rest is the pipeline."""
    if module.startswith("quotedrift.garble"):
        return "garble"
    if module.startswith(("quotedrift.align", "quotedrift.wording")):
        return "align"
    return "pipeline"


class CountingPattern:
    """A compiled pattern that adds the characters each call may scan to ``counts`` (by calling module), while
    lines are being counted."""

    def __init__(self, pattern: re.Pattern, counts: Counter, depth: int = 2):
        self._pattern, self._counts, self._depth = pattern, counts, depth  # depth: frames up to the caller

    def _add(self, n: int) -> None:
        if sys.gettrace() is not None:
            self._counts[stage_of(sys._getframe(self._depth).f_globals.get("__name__", ""))] += max(1, n)

    def _span(self, string, pos=0, endpos=sys.maxsize):
        return pos, min(endpos, len(string))

    def search(self, string, pos=0, endpos=sys.maxsize):
        found = self._pattern.search(string, pos, endpos)
        start, end = self._span(string, pos, endpos)
        self._add((found.end() if found else end) - start)
        return found

    def match(self, string, pos=0, endpos=sys.maxsize):
        found = self._pattern.match(string, pos, endpos)
        self._add(found.end() - pos if found else 1)
        return found

    def fullmatch(self, string, pos=0, endpos=sys.maxsize):
        start, end = self._span(string, pos, endpos)
        self._add(end - start)
        return self._pattern.fullmatch(string, pos, endpos)

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        start, end = self._span(string, pos, endpos)
        self._add(end - start)
        return self._pattern.finditer(string, pos, endpos)

    def findall(self, string, pos=0, endpos=sys.maxsize):
        start, end = self._span(string, pos, endpos)
        self._add(end - start)
        return self._pattern.findall(string, pos, endpos)

    def sub(self, repl, string, count=0):
        self._add(len(string))
        return self._pattern.sub(repl, string, count)

    def split(self, string, maxsplit=0):
        self._add(len(string))
        return self._pattern.split(string, maxsplit)

    def __getattr__(self, name):
        return getattr(self._pattern, name)


def count_operations(text: str | dict[str, str], tmp: Path, monkeypatch, only=None) -> Counter:
    """Operations per stage while analysing a one-article corpus holding ``text`` (or the corpus ``text``):
    all of ``analyze``, or only inside the functions ``only(monkeypatch, counted)`` wraps with ``counted``."""
    counts: Counter = Counter()
    for module in [m for name, m in sys.modules.items() if name.startswith("quotedrift") and m is not None]:
        for attr, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, attr, CountingPattern(value, counts))
    compile_ = re.compile
    for name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
        def plain(pattern, *args, _name=name, **kwargs):
            wrapped = CountingPattern(compile_(pattern, kwargs.pop("flags", 0)), counts, depth=3)
            return getattr(wrapped, _name)(*args, **kwargs)
        monkeypatch.setattr(re, name, plain)

    def local(frame, event, arg):
        if event == "line":
            counts[stage_of(frame.f_globals.get("__name__", ""))] += 1
        return local

    def global_(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    def counted(function):
        def run(*args, **kwargs):
            previous = sys.gettrace()
            sys.settrace(global_)
            try:
                return function(*args, **kwargs)
            finally:
                sys.settrace(previous)
        return run

    write_corpus(text, tmp)
    monkeypatch.setenv("QUOTEDRIFT_WORKERS", "1")  # every operation in this process, where it is counted
    try:
        if only is None:
            counted(analyze)(tmp)
        else:
            only(monkeypatch, counted)
            analyze(tmp)
    finally:
        monkeypatch.undo()
    return counts


def comparing_stages(monkeypatch, counted) -> None:
    """Count only the stages that compare an utterance's versions (see the module doc); leave out the
    corpus-scope garble detectors (counted in the whole-pipeline case) and count nothing before alignment."""
    from quotedrift import align, analysis, drift
    from quotedrift.garble import assemble

    monkeypatch.setattr(assemble, "corpus_garbles", lambda corpus, quotes=None: [])
    for module, name in [(align, "align"), (align, "quote_utterances"), (align, "utterances_table"),
                         (align, "single_utterances"), (align, "links_table"), (align, "membership_table"),
                         (drift, "edits_table"), (drift, "aligned_words"), (analysis, "aligned_garbles"),
                         (analysis, "attribution_table"), (analysis, "scorecard_table")]:
        monkeypatch.setattr(module, name, counted(getattr(module, name)))


@pytest.fixture(scope="module")
def growth(tmp_path_factory):
    """Per case and stage: the increment ratio (c(4n) − c(2n)) / (c(2n) − c(n))."""
    ratios = {case: increment_ratios(build, n, tmp_path_factory) for case, (build, n) in CASES.items()}
    ratios["2000-outlets"] = increment_ratios(many_outlets, THOUSANDS_OF_OUTLETS, tmp_path_factory,
                                               only=comparing_stages)
    return ratios


def increment_ratios(build, n: int, tmp_path_factory, only=None) -> dict[str, tuple[float, list[int]]]:
    """Per stage: (c(4n) − c(2n)) / (c(2n) − c(n)) and the three counts (``only``: see count_operations)."""
    warm = tmp_path_factory.mktemp("warm")  # caches (word lists, per-word look-ups) filled before counting
    write_corpus(build(n // 10 if only else 4 * n), warm)
    analyze(warm)
    counts = []
    for size in (n, 2 * n, 4 * n):
        with pytest.MonkeyPatch.context() as monkeypatch:
            counts.append(count_operations(build(size), tmp_path_factory.mktemp("case"), monkeypatch, only))
    ratios = {}
    for stage in ("pipeline", "garble", "align"):
        first, second = counts[1][stage] - counts[0][stage], counts[2][stage] - counts[1][stage]
        ratios[stage] = (second / first if first > 0 else 1.0, [c[stage] for c in counts])
    return ratios


@pytest.mark.parametrize(("case", "stage"), [
    ("one-line", "pipeline"), ("unmatched-marks", "pipeline"),
    ("one-line", "garble"), ("unmatched-marks", "garble"),
    ("one-line", "align"),  # copies of one quotation in one article: a source's own units skipped by binary search
    ("unmatched-marks", "align"),  # linear since the alignment restructure (issue 15)
    # one sentence printed by more and more outlets (issue 15): before, the departure detector compared every
    # outlet with every other at each shared word (garble ratio 3.2 at these sizes)
    ("many-outlets", "pipeline"), ("many-outlets", "garble"), ("many-outlets", "align"),
    # the same sentence printed by 500, 1,000 and 2,000 outlets, counted in the stages that compare versions
    ("2000-outlets", "pipeline"), ("2000-outlets", "garble"), ("2000-outlets", "align"),
])
def test_work_grows_linearly_with_the_article(growth, case, stage):
    ratio, counts = growth[case][stage]
    assert ratio <= MAX_INCREMENT_RATIO, f"{case} {stage}: operations {counts} at n, 2n, 4n (ratio {ratio:.2f})"


def test_the_count_catches_a_quadratic_attribution_search(tmp_path_factory):
    """The measure itself: with the old sentence search (the paragraph re-split for every quotation, as before
    issue 13) the pipeline's increments grow about four-fold on a one-line article."""
    from quotedrift import extract
    from quotedrift.text import sentence_spans

    def resplit_per_quotation(masked, paragraph, start, end, cache=None):
        for s, e in sentence_spans(masked, *paragraph):
            if s <= start < e + 2:
                return s, max(e, end)
        return paragraph

    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(extract, "_sentence_around", resplit_per_quotation)
        ratio, counts = increment_ratios(one_line, 12_000, tmp_path_factory)["pipeline"]
    assert ratio > MAX_INCREMENT_RATIO, counts


def test_the_count_catches_links_between_every_pair_of_versions(tmp_path_factory):
    """The measure of the comparing stages itself: with every pair of an utterance's versions linked (the
    all-pairs export in place of the links table, as before issue 15) the increments grow about four-fold."""
    from quotedrift import align

    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(align, "links_table", align.pairs_table)
        ratio, counts = increment_ratios(many_outlets, 50, tmp_path_factory, only=comparing_stages)["align"]
    assert ratio > MAX_INCREMENT_RATIO, counts
