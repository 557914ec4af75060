"""The helpers the notebooks share (quotedrift.notebook), on small tables where the answer is known."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from quotedrift import notebook
from quotedrift.paths import PROJECT_ROOT, SEEDS

ARTICLES = pd.DataFrame({"source": ["a", "b", "c"], "outlet": ["Al Mayadeen English", "Al Mayadeen English", ""],
                         "words": [500, 250, 0]})


@pytest.mark.parametrize(
    ("value", "expected"),
    [("seeds", PROJECT_ROOT / "seeds"), ("figures/x", PROJECT_ROOT / "figures" / "x"), ("/data/c", Path("/data/c"))],
)
def test_project_path_never_depends_on_the_working_folder(value, expected, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert notebook.project_path(value) == expected


def test_source_labels_tell_apart_outlets_with_one_name():
    assert notebook.source_labels(ARTICLES) == {"a": "Al Mayadeen English [a]", "b": "Al Mayadeen English [b]",
                                                "c": "c"}


@pytest.mark.parametrize(
    ("outlet", "width", "expected"),
    [("An outlet with a very long name", 12, "An outlet…"),
     ("An outlet with a very long name", None, "An outlet with a very long name"),
     ("Short", 12, "Short"),
     ("Supercalifragilistic", 8, "Superca…"),  # one long word: the only place a cut can go
     ("  Spaced   out  ", None, "Spaced out")],
)
def test_source_labels_are_never_cut_mid_word(outlet, width, expected):
    assert notebook.source_labels(pd.DataFrame({"source": ["x"], "outlet": [outlet]}), width=width) == {"x": expected}


def test_source_labels_add_the_short_id_only_where_it_tells_apart():
    articles = pd.DataFrame({"source": ["001_aa", "002_bb", "kbs-1", "kbs-2", "x"],
                             "outlet": ["Yonhap", "Yonhap", "KBS", "KBS", "KBS World"]})
    assert notebook.source_labels(articles) == {"001_aa": "Yonhap [001]", "002_bb": "Yonhap [002]",
                                                "kbs-1": "KBS [kbs-1]", "kbs-2": "KBS [kbs-2]", "x": "KBS World"}


@pytest.mark.parametrize(
    ("row", "bad"),
    [({"source": "a", "start": 0, "end": 3, "text": "Kwo"}, False),
     ({"source": "a", "start": 0, "end": 3, "text": "Kim"}, True),
     ({"source": "z", "start": 0, "end": 3, "text": "Kwo"}, True)],
)
def test_check_spans(row, bad):
    assert (len(notebook.check_spans(pd.DataFrame([row]), {"a": "Kwon said."})) == 1) is bad


def test_counts_by_keeps_every_source_and_zeros():
    table = pd.DataFrame({"source": ["a", "a", "b"], "kind": ["glued_words", "boilerplate", "glued_words"]})
    counts = notebook.counts_by(table, ["a", "b", "c"], "kind")
    assert counts.to_dict("index") == {"a": {"boilerplate": 1, "glued_words": 1}, "b": {"boilerplate": 0, "glued_words": 1},
                                       "c": {"boilerplate": 0, "glued_words": 0}}


def test_per_1000_words_is_zero_for_an_empty_article():
    counts = pd.DataFrame({"glued_words": [2, 1, 0]}, index=pd.Index(["a", "b", "c"], name="source"))
    assert notebook.per_1000_words(counts, ARTICLES)["glued_words"].tolist() == [4.0, 4.0, 0.0]


def test_speaker_spellings_lists_each_outlets_forms():
    quotes = pd.DataFrame({"source": ["a", "a", "b"], "speaker": ["Kwon Jong Gun"] * 3,
                           "speaker_mention": ["Kwon", "Kwon Jong Gun", "Kwon Jung Joon"]})
    table = notebook.speaker_spellings(quotes)
    assert table.to_dict("records") == [{"speaker": "Kwon Jong Gun", "a": "Kwon / Kwon Jong Gun", "b": "Kwon Jung Joon"}]


def test_most_reported_orders_by_sources_then_id():
    utterances = pd.DataFrame({"utterance_id": ["u001", "u002", "u003"], "n_sources": [2, 5, 5]})
    assert notebook.most_reported(utterances, 2)["utterance_id"].tolist() == ["u002", "u003"]


def test_with_reference_row_puts_the_reference_words_first():
    table = pd.DataFrame([["grave", "serious"]], index=["s1"], columns=["00 a", "01 grave"])
    assert notebook.with_reference_row(table).loc["reference"].tolist() == ["a", "grave"]


def test_scorecard_dimensions_scale_garbles_against_the_most_damaged():
    card = pd.DataFrame({"source": ["a", "b"], "fidelity": [1.0, None], "garbles_per_1000_words": [10.0, 5.0],
                         "attribution_agreement": [0.5, 1.0]})
    dims = notebook.scorecard_dimensions(card)
    assert dims["garbles"].tolist() == [0.0, 0.5] and pd.isna(dims.loc[1, "fidelity"])


def test_start_analyses_the_corpus_and_points_figures_into_the_project():
    session = notebook.start("seeds", "figures")
    assert session.figures_dir == PROJECT_ROOT / "figures"
    assert set(session.labels) == set(session.styles) == set(session.analysis.articles["source"])
    assert session.analysis.corpus.folder == SEEDS
