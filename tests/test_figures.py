"""The figure helper: four files per figure, byte-identical across runs, one palette per corpus, an index."""

from __future__ import annotations

import hashlib

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from quotedrift import figures  # noqa: E402
from quotedrift.corpus import Corpus  # noqa: E402

SOURCES = ["b_outlet", "a_outlet", "c_outlet"]


def small_corpus(published=("2023-01-29", "2022-09-22", "")) -> Corpus:
    articles = pd.DataFrame({"source": SOURCES, "outlet": SOURCES, "published": list(published), "words": [10, 20, 30]})
    from pathlib import Path

    return Corpus(folder=Path("demo_corpus"), texts={s: "x" for s in SOURCES}, articles=articles,
                  boilerplate=pd.DataFrame(columns=["source", "start", "end", "text", "kind", "detail"]))


def draw_and_save(folder, corpus) -> dict[str, str]:
    figures.use_style()
    data = corpus.articles[["source", "words"]]
    styles = figures.outlet_styles(data["source"])
    fig, ax = plt.subplots(figsize=(5, 2.5))
    ax.barh(data["source"], data["words"], color=[styles[s].colour for s in data["source"]],
            hatch=[styles[s].hatch for s in data["source"]])
    ax.set_title("Words per article")
    paths = figures.save_figure(fig, "00-words", data, folder, "Words per article.", corpus=corpus)
    plt.close(fig)
    return {fmt: hashlib.sha256(path.read_bytes()).hexdigest() for fmt, path in paths.items()}


def test_save_figure_writes_four_files_byte_identical_across_runs(tmp_path):
    corpus = small_corpus()
    first = draw_and_save(tmp_path / "one", corpus)
    second = draw_and_save(tmp_path / "two", corpus)
    assert set(first) == {"png", "svg", "pdf", "csv"}
    assert first == second
    for fmt in ("png", "svg", "pdf", "csv"):
        assert (tmp_path / "one" / f"00-words.{fmt}").stat().st_size > 0


def test_saved_files_carry_no_dates_and_png_is_300_dpi(tmp_path):
    draw_and_save(tmp_path, small_corpus())
    svg = (tmp_path / "00-words.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    pdf = (tmp_path / "00-words.pdf").read_bytes()
    assert b"/CreationDate" not in pdf and b"/ModDate" not in pdf
    with Image.open(tmp_path / "00-words.png") as image:
        assert round(image.info["dpi"][0]) == 300
        assert "Corpus: demo_corpus" in image.text["Description"]
    assert (tmp_path / "00-words.csv").read_text(encoding="utf-8").splitlines()[0] == "source,words"


def test_caption_names_corpus_and_date_range_from_the_articles():
    caption = figures.corpus_caption("seeds", small_corpus().articles)
    assert caption == "Corpus: seeds, 3 articles published 2022-09-22 to 2023-01-29"
    undated = figures.corpus_caption("x", small_corpus(published=("", "", "")).articles)
    assert undated == "Corpus: x, 3 articles (publication dates not given)"


@pytest.mark.parametrize("name", ["words", "Drift_per_source-2", "00-words", "x"])
def test_any_plain_figure_name_is_allowed(tmp_path, name):
    fig = plt.figure()
    paths = figures.save_figure(fig, name, pd.DataFrame({"a": [1]}), tmp_path, "caption", formats=("svg",))
    plt.close(fig)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{name}.csv", f"{name}.svg"] and set(paths) == {"svg", "csv"}


@pytest.mark.parametrize("name", ["", "../words", "a/b", ".hidden", "00-words.png", "two words", "-x"])
def test_bad_figure_names_are_refused(tmp_path, name):
    fig = plt.figure()
    with pytest.raises(ValueError, match="letters, digits"):
        figures.save_figure(fig, name, pd.DataFrame({"a": [1]}), tmp_path, "caption")
    plt.close(fig)


def test_palette_depends_only_on_the_set_of_sources():
    assert figures.outlet_styles(SOURCES) == figures.outlet_styles(sorted(SOURCES, reverse=True) + ["a_outlet"])
    assert figures.outlet_colours(SOURCES)["a_outlet"] == figures.OKABE_ITO[0]
    assert set(figures.outlet_colours(SOURCES).values()) <= set(figures.OKABE_ITO)


def test_palette_keeps_every_source_distinct_beyond_eight_sources():
    styles = figures.outlet_styles(f"s{i:02d}" for i in range(24))
    pairs = {(s.colour, s.hatch) for s in styles.values()}
    assert len(pairs) == 24
    first_eight = [styles[f"s{i:02d}"].colour for i in range(8)]
    assert len(set(first_eight)) == 8


def test_figure_index_lists_every_figure_with_its_caption(tmp_path):
    draw_and_save(tmp_path, small_corpus())
    index = figures.write_figure_index(tmp_path, "demo_corpus").read_text(encoding="utf-8")
    assert "# Figures: demo_corpus" in index
    assert "| [00-words](00-words.png) | Words per article. Corpus: demo_corpus, 3 articles" in index
    assert "[pdf](00-words.pdf)" in index and "[csv](00-words.csv)" in index


def test_clear_figures_removes_only_the_indexed_figure_files(tmp_path):
    draw_and_save(tmp_path, small_corpus())
    figures.write_figure_index(tmp_path, "demo_corpus")
    (tmp_path / "notes.txt").write_text("keep", encoding="utf-8")
    (tmp_path / "mine.png").write_bytes(b"not ours")  # written after the index: not the tool's
    figures.clear_figures(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.png", "notes.txt"]


def test_clear_figures_without_an_index_removes_nothing(tmp_path):
    draw_and_save(tmp_path, small_corpus())
    before = sorted(p.name for p in tmp_path.iterdir())
    figures.clear_figures(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
