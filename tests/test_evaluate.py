"""The seed gold, scored: the issues' thresholds as regression tests (figures in the README come from `make eval`)."""

from __future__ import annotations

import pandas as pd
import pytest

from quotedrift.evaluate import score_garbles, score_links, score_quotes, spans_match


@pytest.fixture(scope="module")
def scores(seed_analysis, seed_gold):
    result = {}
    result.update(score_quotes(seed_analysis.quotes, seed_gold))
    result.update(score_links(seed_analysis.quotes, seed_analysis.link_pairs(), seed_gold))
    result.update(score_garbles(seed_analysis.garbles, seed_gold))
    return result


@pytest.mark.parametrize(
    ("metric", "minimum"),
    [("quote_precision", 0.98), ("quote_recall", 0.98), ("speaker_accuracy", 0.95), ("cue_accuracy", 0.9),
     ("link_precision", 0.98), ("link_recall_shared_wording", 0.98), ("link_recall_paraphrase", 0.5),
     ("garble_recall", 0.95)],
)
def test_seed_scores_meet_the_issue_thresholds(scores, metric, minimum):
    assert scores[metric] >= minimum


def test_no_never_link_pair_is_linked(scores):
    assert scores["never_link_violations"] == 0


def test_every_quotation_is_its_article_text(seed_analysis):
    for q in seed_analysis.quotes.itertuples():
        assert seed_analysis.texts[q.source][q.start:q.end] == q.text


@pytest.mark.parametrize(
    ("a", "b", "match"),
    [((0, 10), (0, 10), True), ((0, 10), (1, 10), True), ((0, 10), (0, 7), False), ((0, 10), (10, 20), False)],
)
def test_spans_match(a, b, match):
    assert spans_match(a, b) is match


def test_scores_fall_when_a_quotation_is_missing(seed_analysis, seed_gold):
    fewer = seed_analysis.quotes.iloc[1:]
    assert score_quotes(fewer, seed_gold)["quote_recall"] < score_quotes(seed_analysis.quotes, seed_gold)["quote_recall"]
    empty_links = pd.DataFrame(columns=["quote_a", "quote_b", "similarity", "relation"])
    assert score_links(seed_analysis.quotes, empty_links, seed_gold)["link_recall_shared_wording"] == 0.0
