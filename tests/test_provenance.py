"""Provenance: shared readings, their weights, the pair estimate, the tree and the figure.

Hand-made inputs where the answer is known: copies that share a rare slip come out closer than an
independent outlet; readings every source shares, and common phrases, link nobody.
"""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from quotedrift import plots, provenance as pv  # noqa: E402
from quotedrift.notebook import source_labels  # noqa: E402
from quotedrift.analysis import Analysis, analyze  # noqa: E402
from quotedrift.corpus import Corpus  # noqa: E402

GRAVE = "the image of the DPRK by fabricating a non-existent thing is a grave provocation"
STATEMENT = ("We have never exported weapons or ammunition to Russia before and we will not plan to export them. "
             "Trying to tarnish the image of the DPRK by fabricating a non-existent thing is a grave provocation.")
WIRE_PROSE = ("North Korea's defence ministry on Thursday rejected accusations of an arms trade between Pyongyang "
              "and Moscow")

ARTICLES = {
    "kcna": STATEMENT,
    "wire-a": (f"SEOUL -- {WIRE_PROSE}, its state media said.\n"
               f"\"Trying to distort {GRAVE},\" "
               "the official said, accusing Washington of supplying missiles and missiles to Kyiv.\n"
               "\"We have never exported weapons or ammunition to Russia before and we will not plan to export them,\" "
               "the official added.\n"),
    "wire-b": (f"{WIRE_PROSE}, its state media said, in a statement read on television.\n"
               f"\"Trying to distort {GRAVE},\" "
               "the unnamed official said, accusing Washington of supplying missiles and missiles to Kyiv.\n"
               "Analysts say the denial changes little.\n"),
    "indie-c": ("Pyongyang has denied selling arms to Russia. In a statement carried by the official news agency, a "
                "defence official said: \"Trying to tarnish the image of the DPRK by fabricating a non-existent thing "
                "is a grave provocation.\"\nThe official also said, \"We have never exported weapons or ammunition to "
                "Russia before and we will not plan to export them.\"\n"),
    "indie-d": ("The North's military spoke out on Thursday, according to reports from the capital.\n"
                f"\"Trying to tarnish {GRAVE},\" "
                "he said, in comments reported by the state news agency.\n"),
}


def write_corpus(folder: Path, articles: dict[str, str], primary: tuple[str, ...] = ("kcna",)) -> Path:
    lines = ["file,outlet,role"]
    for source, text in articles.items():
        (folder / f"{source}.txt").write_text(text, encoding="utf-8")
        lines.append(f"{source}.txt,{source.title()},{'primary' if source in primary else 'report'}")
    (folder / "sources.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def fake_analysis(texts: dict[str, str], **tables: pd.DataFrame) -> Analysis:
    """An Analysis holding only texts (and the given tables): enough for shared_readings."""
    articles = pd.DataFrame({"source": list(texts), "outlet": [s.upper() for s in texts], "role": "report"})
    corpus = Corpus(folder=Path("."), texts=texts, articles=articles,
                    boilerplate=pd.DataFrame(columns=["source", "start", "end", "text", "kind", "detail"]))
    empty = {"quotes": pd.DataFrame(columns=["quote_id", "source", "start", "end", "text", "utterance_id"]),
             "edits": pd.DataFrame(columns=["utterance_id", "source", "reference_text", "text", "category",
                                            "start", "end"]),
             "garbles": pd.DataFrame(columns=["source", "start", "end", "text", "kind"]),
             "attribution": pd.DataFrame(columns=["source", "speaker", "name_spelling"])}
    return Analysis(corpus=corpus, tables={"articles": articles, **empty, **tables})


def score(estimate: pd.DataFrame, a: str, b: str) -> float:
    a, b = sorted((a, b))
    row = estimate[(estimate["source_a"] == a) & (estimate["source_b"] == b)]
    return float(row["score"].iloc[0]) if len(row) else 0.0


# ---------------------------------------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def copied(tmp_path_factory) -> Analysis:
    return analyze(write_corpus(tmp_path_factory.mktemp("copied"), ARTICLES))


def test_copies_sharing_an_edit_and_a_garble_are_closest(copied):
    readings = pv.shared_readings(copied)
    estimate = pv.copy_estimate(readings, copied.tables["articles"])
    wire = readings[(readings["source_a"] == "wire-a") & (readings["source_b"] == "wire-b")]
    assert {"edit", "garble", "passage"} <= set(wire["kind"])
    assert "‘tarnish’ → ‘distort’" in set(wire["reading"])
    assert score(estimate, "wire-a", "wire-b") > max(score(estimate, "wire-a", s) for s in ("indie-c", "indie-d"))
    assert score(estimate, "wire-a", "wire-b") > score(estimate, "indie-c", "indie-d")
    assert "kcna" not in set(readings["source_a"]) | set(readings["source_b"])  # the primary is not a copy


def test_evidence_spans_point_at_the_shared_text(copied):
    readings = pv.shared_readings(copied)
    texts = copied.corpus.texts
    for row in readings.itertuples():
        if row.kind in ("passage", "garble"):
            assert pv.comparable(texts[row.source_a][row.start_a:row.end_a]) == \
                pv.comparable(texts[row.source_b][row.start_b:row.end_b])
    passage = readings[readings["kind"] == "passage"].iloc[0]
    assert WIRE_PROSE in texts["wire-a"][passage.start_a:passage.end_a]


def test_copies_end_next_to_each_other_in_the_tree(copied):
    articles = copied.tables["articles"]
    estimate = pv.copy_estimate(pv.shared_readings(copied), articles)
    order = pv.leaf_order(pv.copy_tree(estimate, articles), articles)
    assert abs(order.index("wire-a") - order.index("wire-b")) == 1
    assert "kcna" not in order


# ---------------------------------------------------------------------------------------------- passages


SHARED = "the ministry rejected accusations of an arms trade between Pyongyang and Moscow on Thursday"


@pytest.mark.parametrize("texts, linked", [
    ({"a": f"Seoul: {SHARED}.", "b": f"In Tokyo, {SHARED}, officials said.", "c": "Nothing of the kind here at all."},
     {("a", "b")}),
    # a passage every source prints is common, not evidence
    ({"a": f"{SHARED}.", "b": f"{SHARED}!", "c": f"Also: {SHARED}."}, set()),
    # sources sharing only common short phrases are not linked
    ({"a": "North Korea said on Thursday that the United States lied.",
      "b": "On Thursday North Korea said the United States was wrong.",
      "c": "The United States said North Korea fired a missile on Thursday."}, set()),
    # six function-heavy words in common are no passage
    ({"a": "And it has not been able to do so.", "b": "But it has not been able to say.", "c": "Other words."},
     set()),
])
def test_passages(texts, linked):
    readings = pv.shared_readings(fake_analysis(texts))
    passages = readings[readings["kind"] == "passage"]
    assert set(zip(passages["source_a"], passages["source_b"])) == linked


def test_long_quotations_are_not_passages_but_short_fragments_are():
    quote = "We have never exported weapons or ammunition to Russia before"
    texts = {"a": f"The official said \"{quote}\" on Thursday.", "b": f"Officials said: \"{quote}\".",
             "c": "Unrelated text about the weather in Seoul today."}
    quotes = pd.DataFrame([{"quote_id": f"{s}1", "source": s, "start": t.index(quote),
                            "end": t.index(quote) + len(quote), "text": quote, "utterance_id": "u1"}
                           for s, t in texts.items() if quote in t])
    readings = pv.shared_readings(fake_analysis(texts, quotes=quotes))
    assert "passage" not in set(readings["kind"])
    assert list(readings["kind"]) == ["quotation"]
    assert readings["weight"].iloc[0] == pytest.approx(math.log(3 / 2) * pv.QUOTATION_FACTOR, abs=1e-6)


def test_a_copy_broken_by_one_changed_word_gives_two_passages():
    left = "officials in the capital rejected accusations of an arms trade"
    right = "across the divided peninsula amid the ongoing war in Ukraine"
    texts = {"a": f"{left} and {right}.", "b": f"{left} or {right}.", "c": "Something else entirely, said he."}
    passages = pv.shared_readings(fake_analysis(texts)).query("kind == 'passage'")
    assert len(passages) == 2
    assert list(passages["words"]) == [10, 10]


# ---------------------------------------------------------------------------------------------- weights


@pytest.mark.parametrize("n_sources, n_sharing, expected", [
    (10, 2, math.log(5)),
    (10, 10, 0.0),  # a reading every source shares carries no weight
    (3, 3, 0.0),
])
def test_reading_weight(n_sources, n_sharing, expected):
    assert pv.reading_weight(n_sources, n_sharing) == pytest.approx(expected)


def test_rarer_and_longer_readings_weigh_more():
    assert pv.reading_weight(20, 2) > pv.reading_weight(20, 5)
    assert pv.reading_weight(20, 2, words=30) > pv.reading_weight(20, 2, words=6)


@pytest.mark.parametrize("n_sharing, kept", [(2, True), (5, True), (6, False), (10, False)])
def test_readings_most_sources_share_are_left_out(n_sharing, kept):
    sources = [f"s{i}" for i in range(10)]
    group = {"kind": "garble", "reading": "x", "spans": {s: (0, 1) for s in sources[:n_sharing]}}
    assert (len(pv.readings_table([group], len(sources))) > 0) == kept


# ---------------------------------------------------------------------------------------------- edits, spellings


def edits_table(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame([{"utterance_id": u, "source": s, "reference_text": ref, "text": printed,
                          "category": "substantive", "start": 0, "end": 0} for u, s, ref, printed in rows])


@pytest.mark.parametrize("rows, expected", [
    ([("u1", "a", "tarnish", "distort"), ("u1", "b", "tarnish", "distort")], {("a", "b")}),
    ([("u1", "a", "with", "It’s"), ("u1", "b", "with", "It's")], {("a", "b")}),  # quote style is cosmetic
    ([("u1", "a", "tarnish", "distort"), ("u2", "b", "tarnish", "distort")], set()),  # other utterance
    ([("u1", "a", "tarnish", "distort"), ("u1", "b", "tarnish", "damage")], set()),  # other edit
])
def test_edit_groups(rows, expected):
    texts = {"a": "", "b": "", "c": "", "d": ""}
    table = pv.readings_table(pv.edit_groups(edits_table(rows), texts), 4)
    assert set(zip(table["source_a"], table["source_b"])) == expected


def test_bracket_style_is_part_of_an_edit():
    texts = {"a": "of (North Korea) x", "b": "of [North Korea] x", "c": "of (North Korea) x", "d": ""}
    edits = pd.DataFrame([{"utterance_id": "u1", "source": s, "reference_text": "the DPRK", "text": "North Korea",
                           "category": "editorial", "start": 3, "end": 16} for s in ("a", "b", "c")])
    table = pv.readings_table(pv.edit_groups(edits, texts), 4)
    assert set(zip(table["source_a"], table["source_b"])) == {("a", "c")}


def test_page_chrome_is_not_a_shared_garble():
    garbles = pd.DataFrame([{"source": s, "start": 0, "end": 10, "text": "Share This", "kind": "boilerplate"}
                            for s in ("a", "b")] +
                           [{"source": s, "start": 11, "end": 22, "text": "lineSending", "kind": "glued_words"}
                            for s in ("a", "b")])
    groups = pv.garble_groups(garbles, {"a": "", "b": "", "c": "", "d": ""})
    assert [g["reading"] for g in groups] == ["glued words ‘lineSending’"]


@pytest.mark.parametrize("texts, expected_readings", [
    ({"a": "a rumour of arms", "b": "the rumour spread", "c": "a rumor of arms", "d": "the rumor spread", "e": "none"},
     {"‘rumour’ (others: ‘rumor’)", "‘rumor’ (others: ‘rumour’)"}),
    ({"a": "Kim Jong-un spoke", "b": "Kim Jong-un met", "c": "Kim Jong Un said", "d": "x", "e": "y"},
     {"‘Jong-un’ (others: ‘Jong Un’)"}),
    ({"a": "we can not say", "b": "they can not go", "c": "I cannot", "d": "you cannot", "e": "x"},
     {"‘can not’ (others: ‘cannot’)", "‘cannot’ (others: ‘can not’)"}),
    # nobody spells it otherwise: no choice, no evidence
    ({"a": "officials said", "b": "officials said", "c": "x", "d": "y", "e": "z"}, set()),
])
def test_spellings(texts, expected_readings):
    readings = pv.shared_readings(fake_analysis(texts))
    assert set(readings.loc[readings["kind"] == "spelling", "reading"]) == expected_readings


def test_the_dprk_counts_only_in_the_writers_own_words():
    texts = {"a": "The DPRK said no.", "b": "Pyongyang says the DPRK will act.", "c": "x y", "d": "z w",
             "e": "He said \"the DPRK is strong\" today."}
    quote = texts["e"].index("the DPRK")
    quotes = pd.DataFrame([{"quote_id": "e1", "source": "e", "start": quote, "end": quote + 19,
                            "text": "the DPRK is strong", "utterance_id": ""}])
    readings = pv.shared_readings(fake_analysis(texts, quotes=quotes))
    dprk = readings[readings["reading"].str.contains("DPRK")]
    assert set(zip(dprk["source_a"], dprk["source_b"])) == {("a", "b")}


# ---------------------------------------------------------------------------------------------- estimate and tree


def readings_frame(rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame([{"source_a": a, "source_b": b, "kind": kind, "reading": f"r{i}", "start_a": 0, "end_a": 1,
                          "start_b": 0, "end_b": 1, "weight": w, "n_sharing": 2, "words": 0}
                         for i, (a, b, kind, w) in enumerate(rows)], columns=pv.READING_COLUMNS)


def articles_of(*sources: str) -> pd.DataFrame:
    return pd.DataFrame({"source": list(sources), "outlet": [s.upper() for s in sources], "role": "report"})


def test_copy_estimate_counts_and_scores():
    readings = readings_frame([("a", "b", "passage", 3.0), ("a", "b", "edit", 2.0), ("a", "b", "garble", 2.0),
                               ("a", "c", "spelling", 0.5), ("b", "c", "spelling", 0.5)])
    estimate = pv.copy_estimate(readings, articles_of("a", "b", "c", "d"))
    first = estimate.iloc[0]
    assert (first["source_a"], first["source_b"]) == ("a", "b")
    assert (first["readings"], first["passage"], first["edit"], first["garble"], first["spelling"]) == (3, 1, 1, 1, 0)
    assert first["weight"] == pytest.approx(7.0)
    assert first["top_kind"] == "passage"
    assert estimate["score"].between(0, 1).all()
    assert score(estimate, "a", "b") > 4 * score(estimate, "a", "c")
    assert score(estimate, "a", "d") == 0.0


def test_one_weak_reading_is_not_a_strong_link_however_exclusive():
    estimate = pv.copy_estimate(readings_frame([("a", "b", "spelling", 0.4)]), articles_of("a", "b", "c"))
    assert score(estimate, "a", "b") < pv.MIN_EDGE_SCORE * 3


def test_tree_keeps_groups_together_and_unlinked_sources_last():
    readings = readings_frame([("a1", "a2", "passage", 9.0), ("a2", "a3", "passage", 8.0),
                               ("b1", "b2", "passage", 9.0), ("a3", "b1", "spelling", 0.3)])
    articles = articles_of("b2", "a3", "z", "a1", "b1", "a2")
    estimate = pv.copy_estimate(readings, articles)
    tree = pv.copy_tree(estimate, articles)
    order = pv.leaf_order(tree, articles)
    assert order[-1] == "z"
    positions = sorted(order.index(s) for s in ("a1", "a2", "a3"))
    assert positions == list(range(positions[0], positions[0] + 3))
    assert abs(order.index("b1") - order.index("b2")) == 1
    assert list(tree["step"]) == list(range(1, len(tree) + 1))
    assert tree["score"].is_monotonic_decreasing


def test_tree_is_deterministic_whatever_the_input_order():
    readings = readings_frame([("a", "b", "passage", 5.0), ("c", "d", "passage", 5.0), ("b", "c", "edit", 5.0)])
    articles = articles_of("a", "b", "c", "d")
    first = pv.copy_tree(pv.copy_estimate(readings, articles), articles)
    shuffled = readings.sample(frac=1, random_state=3)
    second = pv.copy_tree(pv.copy_estimate(shuffled, articles.iloc[::-1]), articles.iloc[::-1])
    pd.testing.assert_frame_equal(first, second)


def test_empty_corpus_gives_empty_tables():
    articles = articles_of("a", "b")
    estimate = pv.copy_estimate(readings_frame([]), articles)
    assert list(estimate.columns) == pv.ESTIMATE_COLUMNS and estimate.empty
    assert pv.copy_tree(estimate, articles).empty
    assert pv.leaf_order(pv.copy_tree(estimate, articles), articles) == ["a", "b"]


# ---------------------------------------------------------------------------------------------- figure


def test_draw_provenance_draws_an_estimate(copied):
    articles = copied.tables["articles"]
    estimate = pv.copy_estimate(pv.shared_readings(copied), articles)
    fig, ax = plt.subplots(figsize=(8, 4))
    data = plots.draw_provenance(ax, estimate, articles, source_labels(articles), {"wire-a": "#0072B2"})
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "Wire-A" in labels and "Wire-B" in labels
    assert "estimate" in ax.get_title(loc="left").lower()
    assert "estimate, not proof" in pv.provenance_caption(estimate).lower()
    assert {"source_a", "source_b", "score", "label"} <= set(data.columns)
    assert any("passage" in text.get_text() or "edit" in text.get_text() for text in ax.texts)
    plt.close(fig)


def test_draw_provenance_with_nothing_shared():
    articles = articles_of("a", "b")
    estimate = pv.copy_estimate(readings_frame([]), articles)
    fig, ax = plt.subplots()
    data = plots.draw_provenance(ax, estimate, articles, source_labels(articles), {})
    assert data.empty
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A (no shared rare reading)", "B (no shared rare reading)"]
    plt.close(fig)
