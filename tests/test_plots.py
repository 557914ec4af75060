"""Figures that hold at sixty outlets: every figure of quotedrift.plots drawn on a 60-outlet corpus built from
two stories in corpora/ (outlet names as their manifests give them, two outlets sharing a name), checked for
distinct uncut row labels that do not overlap, distinct outlet styles, and a height that grows with rows."""

from __future__ import annotations

import csv
import shutil

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from quotedrift import analyze, figures, plots, provenance  # noqa: E402
from quotedrift.notebook import source_labels  # noqa: E402
from quotedrift.paths import PROJECT_ROOT, SEEDS  # noqa: E402

STORIES = ("dec2022_kirby", "jun2023_maoning")
SIXTY = 60


def build_sixty(target) -> None:
    """Sixty articles: every article of the first story, then the second story's first ones, each file
    prefixed with its story (ids stay unique), manifest rows kept."""
    target.mkdir()
    rows = []
    for story in STORIES:
        folder = PROJECT_ROOT / "corpora" / story
        manifest = {r["file"]: r for r in csv.DictReader((folder / "sources.csv").open(encoding="utf-8"))}
        for path in sorted(p for p in folder.iterdir() if p.name in manifest):
            if len(rows) == SIXTY:
                break
            name = f"{story[:3]}-{path.name}"
            shutil.copy(path, target / name)
            rows.append({**{k: manifest[path.name].get(k, "") for k in ("outlet", "published", "url", "role")},
                         "file": name})
    with (target / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "outlet", "published", "url", "role"])
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def sixty(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sixty") / "sixty_outlets"
    build_sixty(folder)
    analysis = analyze(folder)
    assert len(analysis.articles) == SIXTY
    return analysis


@pytest.fixture(scope="module")
def drawn(sixty):
    figs = plots.draw_all(sixty)
    for fig in figs:
        fig.canvas.draw()
    yield dict(zip(plots.FIGURES, figs))  # by registry name (draw_all keeps its order)
    plots.close(figs)


def row_axes(fig):
    """The axes that carry the outlet row labels (the first with y tick labels)."""
    return next(ax for ax in fig.axes if [t for t in ax.get_yticklabels() if t.get_text()])


def row_labels(fig) -> list[str]:
    return [t.get_text() for t in row_axes(fig).get_yticklabels() if t.get_text()]


def test_the_corpus_has_outlets_that_share_a_name(sixty):
    outlets = sixty.articles["outlet"]
    assert outlets.duplicated().any()
    labels = source_labels(sixty.articles)
    assert len(set(labels.values())) == SIXTY
    for source, outlet in zip(sixty.articles["source"], outlets):
        assert labels[source].startswith(outlet)  # the full name, never cut
        assert (f"[{source}]" in labels[source]) == bool((outlets == outlet).sum() > 1)


@pytest.mark.parametrize("name", list(plots.FIGURES))
def test_every_figure_has_sixty_distinct_uncut_labels(sixty, drawn, name):
    labels = row_labels(drawn[name])
    expected = source_labels(sixty.articles)
    rows = len(provenance.compared_sources(sixty.articles)) if name == "copy_estimate" else SIXTY
    assert len(labels) == len(set(labels)) == rows
    for label in labels:
        unwrapped = label.replace("\n", " ").removeprefix("★ ").removesuffix(" (no shared rare reading)")
        assert "…" not in label and unwrapped in expected.values(), label


@pytest.mark.parametrize("name", list(plots.FIGURES))
def test_row_labels_never_overlap_and_height_grows(drawn, name):
    fig = drawn[name]
    boxes = sorted((t.get_window_extent() for t in row_axes(fig).get_yticklabels() if t.get_text()),
                   key=lambda b: b.y0)
    for lower, upper in zip(boxes, boxes[1:]):
        assert lower.y1 <= upper.y0 + 0.5, f"{fig.name}: row labels overlap"
    assert fig.get_figheight() >= plots.ROW_INCHES * SIXTY * 0.9


def test_heatmap_utterance_labels_do_not_overlap(drawn):
    fig = drawn["drift_per_utterance"]
    ax = row_axes(fig)
    boxes = sorted((t.get_window_extent() for t in ax.get_xticklabels() if t.get_text()), key=lambda b: b.x0)
    assert boxes, "the sixty-outlet corpus has substantive edits"
    for left, right in zip(boxes, boxes[1:]):
        assert left.x1 <= right.x0 + 0.5
    assert min(t.get_fontsize() for t in ax.get_xticklabels()) >= 7


@pytest.mark.parametrize("name", ["article_sizes", "attribution_by_source", "scorecard"])
def test_sixty_outlet_series_look_distinct(drawn, name):
    bars = {}
    for patch in drawn[name].axes[0].patches:
        gid = patch.get_gid() or ""
        if gid.startswith("outlet:"):
            bars[gid.split(":", 1)[1]] = (tuple(patch.get_facecolor()), patch.get_hatch() or "")
    assert len(bars) == SIXTY
    assert len(set(bars.values())) == SIXTY


def test_outlet_styles_stay_distinct_for_sixty_and_hatches_show():
    styles = figures.outlet_styles(f"source-{i:02d}" for i in range(SIXTY))
    assert len({(s.colour, s.hatch) for s in styles.values()}) == SIXTY
    assert len({(s.colour, s.marker) for s in styles.values()}) == SIXTY
    for style in styles.values():  # a hatch line contrasts with its fill
        assert abs(figures.relative_luminance(style.colour) - figures.relative_luminance(
            "#ffffff" if style.hatch_colour == "white" else style.hatch_colour)) > 0.15


@pytest.mark.parametrize(("label", "expected"), [("Short", "Short"),
                                                 ("Yonhap News Agency (English edition) [kbs-2]",
                                                  "Yonhap News Agency (English\nedition) [kbs-2]")])
def test_wrap_label_breaks_between_words(label, expected):
    assert plots.wrap_label(label) == expected


def test_every_figure_returns_its_data_and_caption_and_saves_in_any_name(tmp_path):
    analysis = analyze(SEEDS)
    for draw in plots.FIGURES.values():
        fig = draw(analysis)
        assert len(fig.data.columns) and fig.caption and fig.name
        plt.close(fig)
    fig = plots.scorecard(analysis)
    paths = plots.save(fig, tmp_path, corpus=analysis.corpus, formats=("svg",), name="my_scorecard")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my_scorecard.csv", "my_scorecard.svg"]
    assert set(paths) == {"svg", "csv"}
    plt.close(fig)


def test_drawing_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    analysis = analyze(SEEDS)
    plots.close(plots.draw_all(analysis))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("figures_folder", "expected"), [
    (None, set()),  # an interactive rerun of a figure cell writes nothing
    ("figures", {"csv", "pdf", "png", "svg"}),  # a notebook run for a report (`make report` sets FIGURES)
])
def test_a_figure_cell_writes_files_only_when_the_notebook_was_given_a_figures_folder(
        sixty, tmp_path, monkeypatch, figures_folder, expected):
    from quotedrift.notebook import show_figure

    monkeypatch.chdir(tmp_path)
    fig = plots.scorecard(sixty)
    show_figure(fig, tmp_path / figures_folder if figures_folder else None)
    plots.close([fig])
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert {p.suffix[1:] for p in written} == expected
    assert all(p.stem == fig.name for p in written)
