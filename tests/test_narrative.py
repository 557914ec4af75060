"""The narrative never says what the tables do not: on every story in corpora/ and on the seeds, each claim
of a findings sentence (who ranks first, who is lowest, who is most damaged, who has no value) names exactly
the sources the tables give, ties included, and every number in a sentence is one the tables hold."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from quotedrift import narrative, notebook
from quotedrift.paths import CORPORA
from quotedrift.scorecard import DEFAULT_WEIGHTS, summary_rank

STORIES = ["seeds"] + sorted(p.name for p in CORPORA.iterdir() if p.is_dir())
NUMBER_RE = re.compile(r"(?<![\w\[])\d[\d,]*(?:\.\d+)?(?![\w\]])")


@pytest.fixture(scope="module", params=STORIES)
def story(request, seed_analysis, story_analysis):
    analysis = seed_analysis if request.param == "seeds" else story_analysis(request.param)
    card = analysis.scorecard
    ranked = notebook.ranked_scorecard(card, summary_rank(card, DEFAULT_WEIGHTS) if len(card) else None)
    findings = {
        "corpus": narrative.corpus_findings(analysis),
        "quotes": narrative.quotes_findings(analysis),
        "drift": narrative.drift_findings(analysis),
        "garbles": narrative.garble_findings(analysis),
        "attribution": narrative.attribution_findings(analysis),
        "scorecard": narrative.scorecard_findings(analysis, ranked, DEFAULT_WEIGHTS),
    }
    return analysis, ranked, findings, notebook.source_labels(analysis.articles)


def names_in(segment: str, labels: dict[str, str]) -> set[str]:
    """The sources whose label appears in a piece of a sentence (longest labels first, so 'KBS World' is not
    also read as 'KBS')."""
    found = set()
    for source, label in sorted(labels.items(), key=lambda kv: -len(kv[1])):
        if label in segment:
            found.add(source)
            segment = segment.replace(label, "\0")
    return found


def sentence(findings: list[str], pattern: str) -> re.Match | None:
    matches = [m for m in (re.search(pattern, s, re.DOTALL) for s in findings) if m]
    assert len(matches) <= 1, pattern
    return matches[0] if matches else None


def extremes(values: pd.Series, highest: bool) -> set[str]:
    values = values.dropna()
    best = values.max() if highest else values.min()
    return set(values[values == best].index)


def test_first_place_names_every_source_of_rank_one(story):
    analysis, ranked, findings, labels = story
    scored = ranked.dropna(subset=["summary_rank"])
    if scored.empty:
        return
    match = sentence(findings["scorecard"], r"^With weights [^,]+(?:, [^,]+ \d+)*, (.+) (?:ranks first|tie for first)")
    assert match, findings["scorecard"]
    expected = set(scored.loc[scored["summary_rank"] == 1, "source"])
    assert names_in(match.group(1), labels) == expected
    assert ("tie for first" in match.group(0)) == (len(expected) > 1)


def test_a_first_placed_source_without_values_is_said_to_have_none(story):
    analysis, ranked, findings, labels = story
    for row in ranked[ranked["summary_rank"] == 1].itertuples():
        missing = [d for d in ("fidelity", "garbles", "attribution") if pd.isna(getattr(row, d))]
        said = sentence(findings["scorecard"], re.escape(labels[row.source]) + r" has no ([a-z ]+) value")
        assert (said is not None) == bool(missing), (row.source, missing)
        if said:
            assert said.group(1).split(" or ") == missing


@pytest.mark.parametrize("dim", ["fidelity", "garbles", "attribution"])
def test_lowest_on_a_dimension_names_every_tied_source(story, dim):
    analysis, ranked, findings, labels = story
    values = ranked.set_index("source")[dim].round(2)
    match = sentence(findings["scorecard"], rf"^Lowest on {dim}: (.+) \((\d\.\d\d) on a 0–1 scale")
    if values.nunique() < 2:
        assert match is None
        return
    assert match
    assert names_in(match.group(1), labels) == extremes(values, highest=False)
    assert float(match.group(2)) == values.min()


def test_most_substantive_edits_and_fidelity_range(story):
    analysis, ranked, findings, labels = story
    edits = analysis.edits
    subst = edits[edits["category"] == "substantive"].groupby("source").size()
    match = sentence(findings["drift"], r"^(.+) (?:has|share) the most substantive edits \((\d+)")
    assert (match is not None) == (len(subst) > 0)
    if match:
        assert names_in(match.group(1), labels) == extremes(subst, True) and int(match.group(2)) == subst.max()
    fidelity = pd.to_numeric(analysis.scorecard.set_index("source")["fidelity"], errors="coerce").round(2)
    match = sentence(findings["drift"], r"^Fidelity ranges from (\d\.\d\d) \((.+)\) to (\d\.\d\d) \((.+)\)\.$")
    if match:
        assert float(match.group(1)) == fidelity.min() and float(match.group(3)) == fidelity.max()
        assert names_in(match.group(2), labels) == extremes(fidelity, False)
        assert names_in(match.group(4), labels) == extremes(fidelity, True)
    missing = sentence(findings["drift"], r"^(.+) (?:has|have) no fidelity value")
    no_value = set(fidelity[fidelity.isna()].index)
    if analysis.utterances.empty:
        return
    assert (missing is not None) == bool(no_value)
    if missing:
        assert names_in(missing.group(1), labels) == no_value


def test_most_and_least_damaged(story):
    analysis, ranked, findings, labels = story
    if analysis.garbles.empty:
        return
    rates = notebook.per_1000_words(notebook.counts_by(analysis.garbles, analysis.articles["source"], "kind"),
                                    analysis.articles).sum(axis=1).round(1)
    match = sentence(findings["garbles"],
                     r"^The most damaged (?:is|are, tied,) (.+) \(([\d.]+) per 1,000 words\); "
                     r"the least (?:is|are, tied,) (.+) \(([\d.]+)\)\.$")
    assert match, findings["garbles"]
    assert names_in(match.group(1), labels) == extremes(rates, True) and float(match.group(2)) == rates.max()
    assert names_in(match.group(3), labels) == extremes(rates, False) and float(match.group(4)) == rates.min()


def test_most_quotations(story):
    analysis, ranked, findings, labels = story
    if analysis.quotes.empty:
        return
    per_source = analysis.quotes.groupby("source").size()
    match = sentence(findings["quotes"], r"; (.+) (?:carries|tie for carrying) the most \((\d+)")
    assert match
    assert names_in(match.group(1), labels) == extremes(per_source, True)
    assert int(match.group(2)) == per_source.max()


def table_numbers(analysis, ranked) -> set[str]:
    """Every number a findings sentence may state, as the tables give it: sizes, counts per value and per
    source, words, scores (2 decimals), damage rates (1 decimal), chrome shares (percent), ranks, weights."""
    tables = [*analysis.tables.values(), analysis.corpus.boilerplate]
    found: set[float] = {len(t) for t in tables} | {0, 1}
    for table in tables:
        for column in ("source", "utterance_id", "speaker", "kind", "category", "cue_stance"):
            if column in table and len(table):
                found |= set(table[column].value_counts().tolist()) | {table[column].nunique()}
    quotes = analysis.quotes
    if len(quotes):
        found |= {int((quotes["speaker"].fillna("").astype(str).str.strip() == "").sum())}
    flags = analysis.attribution["flags"].fillna("").astype(str) if len(analysis.attribution) else pd.Series([], dtype=str)
    found |= {int((flags.str.strip() != "").sum())}
    words = analysis.articles["words"].astype(int)
    found |= {int(words.sum()), int(words.min()), int(words.max())}
    found |= set(pd.to_numeric(analysis.utterances.get("n_sources", pd.Series([], dtype=float))).dropna().astype(int))
    edits = analysis.edits
    found |= set(edits[edits["category"] == "substantive"].groupby("source").size().tolist())
    for column in ("fidelity", "garbles", "attribution"):
        found |= {round(v, 2) for v in ranked[column].dropna()}
    found |= set(ranked["summary_rank"].dropna().astype(int).tolist()) | {int(ranked["summary_rank"].notna().sum())}
    attribution = analysis.attribution
    if "compared" in attribution and len(attribution):  # the attributions two or more sources share
        shared = attribution[attribution["compared"].astype(bool)]
        found |= {shared["utterance_id"].nunique(), shared["source"].nunique(),
                  int((shared["flags"].fillna("").astype(str).str.strip() != "").sum())}
    found |= {round(v, 2) for v in pd.to_numeric(analysis.scorecard["fidelity"], errors="coerce").dropna()}
    rates = notebook.per_1000_words(notebook.counts_by(analysis.garbles, analysis.articles["source"], "kind"),
                                    analysis.articles).sum(axis=1)
    found |= {round(v, 1) for v in rates}
    chrome = analysis.corpus.boilerplate
    if len(chrome):
        share = chrome.assign(n=chrome["end"] - chrome["start"]).groupby("source")["n"].sum()
        chars = analysis.articles.set_index("source")["chars"].astype(int)
        found |= {round(100 * v) for v in share / chars.reindex(share.index)}
    return {f"{v:g}" if isinstance(v, float) else str(v) for v in found} | {
        f"{v:.2f}" for v in found if isinstance(v, float)} | {f"{v:.1f}" for v in found if isinstance(v, float)}


def test_every_number_in_the_narrative_is_in_the_tables(story):
    analysis, ranked, findings, labels = story
    allowed = table_numbers(analysis, ranked) | {"1,000", "0–1"}
    for part, sentences in findings.items():
        for text in sentences:
            for label in sorted(labels.values(), key=len, reverse=True):  # numbers inside outlet names
                text = text.replace(label, "")
            for number in NUMBER_RE.findall(text):
                plain = number.replace(",", "")
                assert number in allowed or plain in allowed or f"{float(plain):g}" in allowed, (part, number, text)


@pytest.mark.parametrize(
    ("values", "highest", "decimals", "expected"),
    [({"a": 1.0, "b": 1.0, "c": 0.5}, True, None, ["a", "b"]),
     ({"a": 0.604, "b": 0.601, "c": 0.9}, False, 2, ["a", "b"]),  # equal as the table shows them
     ({"a": None, "b": 0.3}, True, None, ["b"]),
     ({"a": None}, True, None, [])],
)
def test_extremes_are_ties_as_shown(values, highest, decimals, expected):
    assert narrative.extremes(pd.Series(values, dtype=float), highest, decimals) == expected
