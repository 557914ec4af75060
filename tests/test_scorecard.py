"""Scorecard: the numbers behind each ratio, the seeds' ranking, the optional weighted rank, the evidence list."""

from __future__ import annotations

import pandas as pd
import pytest

from quotedrift.drift import MIN_FIDELITY_WORDS
from quotedrift.scorecard import evidence_table, summary_rank

AGGREGATOR = "002_12439db231305b66"


def test_scorecard_has_the_contract_columns_and_one_row_per_article(seed_analysis):
    card = seed_analysis.scorecard
    assert list(card.columns[:9]) == ["source", "outlet", "role", "words", "quotes", "linked_quotes", "fidelity",
                                      "garbles_per_1000_words", "attribution_agreement"]
    assert len(card) == len(seed_analysis.articles)


def test_fidelity_is_recomputable_from_edits(seed_analysis):
    card = seed_analysis.scorecard.set_index("source")
    edits = seed_analysis.edits
    for source, row in card.iterrows():
        substantive = edits[(edits["source"] == source) & (edits["category"] == "substantive")]["words"].sum()
        assert row["substantive_words"] == substantive
        if row["aligned_words"] >= MIN_FIDELITY_WORDS:
            assert row["fidelity"] == pytest.approx(max(0, 1 - substantive / row["aligned_words"]), abs=1e-3)
        else:
            assert pd.isna(row["fidelity"])


def test_reworded_copy_is_last_on_fidelity_and_garbles(seed_analysis):
    card = seed_analysis.scorecard.set_index("source")
    assert card["fidelity"].idxmin() == AGGREGATOR
    assert card["garbles_per_1000_words"].idxmax() == AGGREGATOR


def test_cosmetic_only_sources_have_fidelity_one(seed_analysis):
    card = seed_analysis.scorecard.set_index("source")
    edits = seed_analysis.edits
    for source in card.index:
        mine = edits[edits["source"] == source]
        if card.loc[source, "aligned_words"] >= MIN_FIDELITY_WORDS and not (mine["category"] == "substantive").any():
            assert card.loc[source, "fidelity"] == 1.0


def test_garbles_per_1000_words_is_the_count_over_words(seed_analysis):
    card = seed_analysis.scorecard.set_index("source")
    counts = seed_analysis.garbles.groupby("source").size()
    for source, row in card.iterrows():
        assert row["garbles_per_1000_words"] == pytest.approx(1000 * counts.get(source, 0) / row["words"], abs=0.01)


@pytest.mark.parametrize(
    ("weights", "best", "worst"),
    [({"fidelity": 1.0}, "a", "c"), ({"garbles_per_1000_words": 1.0}, "c", "a"),
     ({"fidelity": 1.0, "garbles_per_1000_words": 0.0}, "a", "c")],
)
def test_summary_rank_follows_the_readers_weights(weights, best, worst):
    card = pd.DataFrame({"source": ["a", "b", "c"], "in_scope": [True, True, True], "fidelity": [1.0, 0.8, 0.5],
                         "garbles_per_1000_words": [9.0, 3.0, 1.0], "attribution_agreement": [1.0, 1.0, 1.0]})
    rank = summary_rank(card, weights)
    assert rank.idxmin() == best and rank.idxmax() == worst


def test_evidence_of_the_reworded_copy(seed_analysis):
    r = seed_analysis
    table = evidence_table(r.quotes, r.edits, r.garbles, r.attribution, AGGREGATOR)
    texts = set(table["text"])
    garbling = table[table["dimension"] == "garbling"]
    assert garbling["severity"].tolist() == sorted(garbling["severity"], reverse=True)
    assert "American" in texts  # 'Department of American Affairs': a departure from every other outlet, severity 3
    assert garbling["kind"].is_unique and len(garbling) == 3
    capitals = table[table["kind"] == "midsentence_capital"].iloc[0]  # three spans: the detail names the others
    assert capitals["detail"].count("Also of this kind") == 1 and capitals["detail"].count("‘") >= 3
    assert "making up something that does not exist" in texts  # a reworded quotation
    assert {"drift", "garbling", "attribution"} <= set(table["dimension"])
    for row in table.itertuples():
        assert r.texts[AGGREGATOR][row.start:row.end] == row.text
