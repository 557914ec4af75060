"""Every figure of the suite, drawn from an :class:`~quotedrift.analysis.Analysis` (all drawing lives here).

Each public function takes an analysis and returns a matplotlib figure with the numbers it plots attached:
``fig.data`` (a tidy DataFrame, the figure's CSV), ``fig.caption`` (one line) and ``fig.name`` (the file name
used when saved). Notebooks show the figure; :func:`save` writes it (``quotedrift figures`` and
``make report``) — drawing never writes files, so rerunning a notebook cell writes nothing.

Figures hold at sixty outlets: each row label is the outlet's full name (wrapped, never cut), made unique
with the source id only where two outlets share a name (``notebook.source_labels``); each outlet keeps one
colour, hatch and marker (``figures.outlet_styles``, distinct for up to 64 outlets); the height grows with
the number of rows (``rows_height``).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.ticker
import pandas as pd

from . import figures, notebook, provenance
from .scorecard import DEFAULT_WEIGHTS, summary_rank

ROW_INCHES = 0.3  # height of one outlet row: room for a two-line label at 7.5 pt
BASE_INCHES = 1.6  # title, axis label and caption
LABEL_WRAP = 30  # characters per line of a row label (two lines hold any outlet name in the corpora)
LABEL_FONT = 7.5
CATEGORIES = ("cosmetic", "editorial", "substantive")
CATEGORY_HATCHES = {"cosmetic": "", "editorial": "..", "substantive": "//"}
CATEGORY_ALPHA = {"cosmetic": 0.35, "editorial": 0.65, "substantive": 1.0}
HEATMAP_COLUMN_INCHES = 0.22  # one utterance column of the drift heatmap
HEATMAP_MAX_INCHES = 24.0


# ---------------------------------------------------------------------------------------------- helpers


def rows_height(n_rows: int, extra: float = 0.0) -> float:
    """Figure height (inches) for ``n_rows`` outlet rows: grows linearly, so sixty rows stay readable."""
    return BASE_INCHES + extra + ROW_INCHES * max(n_rows, 1)


MAX_LABEL_LINES = 2  # what one row (ROW_INCHES) holds at LABEL_FONT


def wrap_label(label: str, width: int = LABEL_WRAP) -> str:
    """A row label on at most two lines, broken between words (never cut, never '…'): a label too long for
    two lines of ``width`` characters gets longer lines."""
    while True:
        lines = textwrap.wrap(label, width, break_long_words=False, break_on_hyphens=False)
        if len(lines) <= MAX_LABEL_LINES:
            return "\n".join(lines) or label
        width += 4


def bar_style(style: figures.OutletStyle) -> dict:
    """Keyword arguments for one outlet's bar: its colour and hatch, the hatch drawn in a colour that shows
    on that fill (white on dark colours, dark grey on light ones), no outline."""
    return {"color": style.colour, "hatch": style.hatch, "edgecolor": style.hatch_colour, "linewidth": 0}


def attach(fig, name: str, data: pd.DataFrame, caption: str):
    """Attach the figure's name, data and caption (see the module docstring); returns the figure."""
    fig.name, fig.data, fig.caption = name, data.reset_index(drop=True), caption
    return fig


def _session(analysis) -> tuple[dict[str, str], dict[str, figures.OutletStyle]]:
    figures.use_style()
    articles = analysis.articles
    return notebook.source_labels(articles), figures.outlet_styles(articles["source"])


def _row_labels(ax, sources: list[str], labels: dict[str, str], prefix: dict[str, str] | None = None) -> None:
    prefix = prefix or {}
    ax.set_yticks(range(len(sources)), [wrap_label(prefix.get(s, "") + labels[s]) for s in sources],
                  fontsize=LABEL_FONT)
    ax.set_ylim(len(sources) - 0.5, -0.5)


def _outlet_bars(ax, sources: list[str], values: Iterable[float], styles: dict) -> None:
    """One bar per source, in its outlet style (its 'series')."""
    for y, (source, value) in enumerate(zip(sources, values)):
        ax.barh(y, value, gid=f"outlet:{source}", **bar_style(styles[source]))


def _stacked_bars(ax, table: pd.DataFrame, styles: dict, hatches: dict[str, str],
                  alphas: dict[str, float] | None = None) -> None:
    """Rows (sources) of ``table`` as bars stacked by column (category): the outlet's colour, the category's
    hatch and shade."""
    alphas = alphas or {}
    left = pd.Series(0.0, index=table.index)
    for column in table.columns:
        for y, source in enumerate(table.index):
            style = styles[source]
            ax.barh(y, table.at[source, column], left=left[source], color=style.colour, hatch=hatches.get(column, ""),
                    alpha=alphas.get(column, 1.0), edgecolor=style.hatch_colour, linewidth=0,
                    gid=f"outlet:{source}:{column}")
        left = left + table[column].astype(float)


def _empty_note(ax, text: str) -> None:
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center")


# ---------------------------------------------------------------------------------------------- figures


def article_sizes(analysis):
    """Words per article, split into the reporting and the page chrome or repeated text."""
    labels, styles = _session(analysis)
    sizes = notebook.article_sizes(analysis.articles, analysis.corpus.boilerplate)
    sources = list(sizes["source"])
    fig, ax = plt.subplots(figsize=(7.5, rows_height(len(sources))))
    _outlet_bars(ax, sources, sizes["text_words"], styles)
    chrome = ax.barh(range(len(sources)), sizes["chrome_words"], left=sizes["text_words"], color="#bbbbbb",
                     linewidth=0)
    _row_labels(ax, sources, labels)
    ax.set_xlabel("words")
    ax.set_title("Article sizes")
    ax.legend([chrome], ["page chrome or repeated text"], loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return attach(fig, "00-article-sizes", sizes,
                  "Words per article: reporting (outlet colour) and page chrome or repeated text (grey).")


def quotes_per_source(analysis):
    """Quotations per source, stacked by kind (hatch)."""
    labels, styles = _session(analysis)
    counts = notebook.counts_by(analysis.quotes, analysis.articles["source"], "kind")
    fig, ax = plt.subplots(figsize=(7.5, rows_height(len(counts))))
    hatches = dict(zip(sorted(counts.columns), figures.HATCHES))
    _stacked_bars(ax, counts, styles, hatches)
    _row_labels(ax, list(counts.index), labels)
    ax.set_xlabel("quotations")
    ax.set_title("Quotations per source (hatch: kind)")
    figures.legend_outside(ax, list(counts.columns), hatches, title="kind")
    if not len(counts.columns):
        _empty_note(ax, "no quotations found")
        data = pd.DataFrame({"source": list(counts.index), "kind": "", "quotations": 0})
    else:
        data = counts.reset_index().melt(id_vars="source", var_name="kind", value_name="quotations")
    return attach(fig, "01-quotes-per-source", data, "Quotations per source, by kind (hatch).")


def drift_per_source(analysis):
    """Edits against the reference per source, stacked by category (shade and hatch)."""
    labels, styles = _session(analysis)
    counts = notebook.counts_by(analysis.edits, analysis.articles["source"], "category")
    counts = counts.reindex(columns=list(CATEGORIES), fill_value=0).fillna(0).astype(int)
    fig, ax = plt.subplots(figsize=(7.5, rows_height(len(counts))))
    _stacked_bars(ax, counts, styles, CATEGORY_HATCHES, CATEGORY_ALPHA)
    _row_labels(ax, list(counts.index), labels)
    ax.set_xlabel("edits against the reference")
    ax.set_title("Drift per source (shade and hatch: category)")
    figures.legend_outside(ax, list(CATEGORIES), CATEGORY_HATCHES, CATEGORY_ALPHA, title="category")
    if analysis.edits.empty:
        _empty_note(ax, "no edits: nothing linked, or every version verbatim")
    return attach(fig, "02-drift-per-source", counts.reset_index(),
                  "Edits of each source's quotations against their references, by category.")


def drift_per_utterance(analysis):
    """Substantive edits per source (rows) and utterance (columns), darker is more."""
    labels, _ = _session(analysis)
    edits, sources = analysis.edits, list(analysis.articles["source"])
    substantive = edits[edits["category"] == "substantive"] if len(edits) else edits
    if substantive.empty:
        grid = pd.DataFrame(index=pd.Index(sources, name="source"))
    else:
        grid = pd.crosstab(substantive["source"], substantive["utterance_id"]).reindex(sources, fill_value=0)
        grid.index.name, grid.columns.name = "source", None
    width = min(HEATMAP_MAX_INCHES, max(7.5, 3.5 + HEATMAP_COLUMN_INCHES * len(grid.columns)))
    fig, ax = plt.subplots(figsize=(width, rows_height(len(sources), extra=0.6)))
    if grid.columns.empty:
        _empty_note(ax, "no substantive edits")
        ax.set_xticks([])
        _row_labels(ax, sources, labels)
        data = pd.DataFrame(columns=["utterance_id", "source", "substantive_edits"])
    else:
        image = ax.imshow(grid.to_numpy(), cmap="Greys", aspect="auto", vmin=0)
        _row_labels(ax, sources, labels)
        ax.set_xticks(range(len(grid.columns)), [str(u) for u in grid.columns], rotation=90, fontsize=7)
        ax.set_xlabel("utterance")
        ax.grid(False)
        fig.colorbar(image, ax=ax, label="substantive edits", shrink=min(1.0, 8 / max(len(sources), 1)) or 1.0)
        data = grid.reset_index().melt(id_vars="source", var_name="utterance_id", value_name="substantive_edits")
        data = data[["utterance_id", "source", "substantive_edits"]]
    ax.set_title("Substantive edits per utterance and source")
    return attach(fig, "02-drift-per-utterance", data,
                  "Substantive edits per source (rows) and utterance (columns); darker is more.")


def garbles_per_1000_words(analysis):
    """Damaged spans per 1,000 words, stacked by kind (shade and hatch)."""
    labels, styles = _session(analysis)
    rates = notebook.per_1000_words(notebook.counts_by(analysis.garbles, analysis.articles["source"], "kind"),
                                    analysis.articles)
    kinds = list(rates.columns)
    hatches = {kind: figures.HATCHES[i % len(figures.HATCHES)] for i, kind in enumerate(kinds)}
    shades = {kind: 0.25 + 0.6 * i / max(len(kinds) - 1, 1) for i, kind in enumerate(kinds)}
    fig, ax = plt.subplots(figsize=(7.5, rows_height(len(rates))))
    _stacked_bars(ax, rates, styles, hatches, shades)
    _row_labels(ax, list(rates.index), labels)
    ax.set_xlabel("damaged spans per 1,000 words")
    ax.set_title("Garbling per source (shade and hatch: kind)")
    figures.legend_outside(ax, kinds, hatches, shades, title="kind")
    if not kinds:
        _empty_note(ax, "no damage found")
        data = pd.DataFrame(columns=["source", "kind", "per_1000_words"])
    else:
        data = rates.reset_index().melt(id_vars="source", var_name="kind", value_name="per_1000_words")
    return attach(fig, "03-garbles-per-1000-words", data, "Damaged spans per 1,000 words of each article, by kind.")


def attribution_by_source(analysis):
    """Attribution agreement and the share of loaded cue verbs, side by side, one row per source."""
    labels, styles = _session(analysis)
    per_source = notebook.attribution_per_source(analysis.articles, analysis.attribution, analysis.scorecard)
    sources = list(per_source.index)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, rows_height(len(sources))), sharey=True)
    _outlet_bars(left, sources, per_source["attribution_agreement"].fillna(0), styles)
    _outlet_bars(right, sources, per_source["loaded_cue_share"].fillna(0), styles)
    _row_labels(left, sources, labels)
    for axis, column, label in ((left, "attribution_agreement", "attribution agreement (1: as the others)"),
                                (right, "loaded_cue_share", "share of loaded cue verbs")):
        axis.set_xlim(0, 1)
        axis.set_xlabel(label)
        if per_source[column].isna().all() or analysis.attribution.empty:
            _empty_note(axis, "no attributions to compare")
    fig.suptitle("Attribution by source")
    return attach(fig, "04-attribution-by-source", per_source.reset_index(),
                  "Left: share of a source's attributions that agree with the other sources. "
                  "Right: share of its cue verbs that are loaded (claimed, slammed, …).")


SCORECARD_DIMENSIONS = {"fidelity": "fidelity", "garbles": "freedom from garbling",
                        "attribution": "attribution agreement"}


def scorecard(analysis, weights: dict[str, float] | None = None):
    """Each source on the three scorecard dimensions scaled 0–1 (1 best); primary texts marked ★."""
    labels, styles = _session(analysis)
    card, articles = analysis.scorecard, analysis.articles
    ranked = notebook.ranked_scorecard(card, summary_rank(card, weights or DEFAULT_WEIGHTS) if len(card) else None)
    sources = list(articles["source"])
    dims = list(SCORECARD_DIMENSIONS)
    values = ranked.set_index("source").reindex(sources)[dims] if len(ranked) else \
        pd.DataFrame(index=sources, columns=dims, dtype=float)
    roles = articles.set_index("source")["role"]
    fig, axes = plt.subplots(1, len(dims), figsize=(10, rows_height(len(sources))), sharey=True)
    for axis, dim in zip(axes, dims):
        _outlet_bars(axis, sources, values[dim].astype(float).fillna(0), styles)
        axis.set_xlim(0, 1)
        axis.set_title(SCORECARD_DIMENSIONS[dim])
        if values[dim].isna().all():
            _empty_note(axis, "no values")
    _row_labels(axes[0], sources, labels, {s: "★ " for s in sources if roles[s] == "primary"})
    fig.suptitle("Scorecard by source (1 is best on every panel)")
    data = values.rename_axis("source").reset_index().assign(role=[roles[s] for s in sources])
    return attach(fig, "05-scorecard", data,
                  "Each source on three dimensions scaled 0–1 (1 best): fidelity of its quotations, freedom from "
                  "garbling (relative to the most damaged source), attribution agreement. ★ primary text. "
                  "A missing bar: no value on that dimension.")


def copy_estimate(analysis):
    """Which sources seem to copy a common text: the single-linkage tree of shared rare readings."""
    labels, styles = _session(analysis)
    estimate = provenance.copy_estimate(provenance.shared_readings(analysis), analysis.articles)
    n_rows = len(provenance.compared_sources(analysis.articles))
    fig, ax = plt.subplots(figsize=(10, rows_height(n_rows)))
    drawn = draw_provenance(ax, estimate, analysis.articles, labels, {s: st.colour for s, st in styles.items()})
    return attach(fig, "05-provenance", drawn, provenance.provenance_caption(estimate))


def draw_provenance(ax, estimate: pd.DataFrame, articles: pd.DataFrame, labels: dict[str, str],
                    colours: dict[str, str], min_score: float = provenance.MIN_EDGE_SCORE) -> pd.DataFrame:
    """Draw ``provenance.copy_tree`` as a dendrogram on its side: one row per source (its label, a colour
    marker), joins at their score (higher = more shared), the strongest joins labelled with their heaviest
    shared reading; unlinked sources at the bottom. Returns the numbers drawn (the tree, each join's label)."""
    tree = provenance.copy_tree(estimate, articles, min_score)
    order = provenance.leaf_order(tree, articles)
    leaf_x = max(0.1, math.ceil((tree["score"].max() if len(tree) else 0.1) * 10 + 0.5) / 10)
    y_of = {source: i for i, source in enumerate(order)}
    node = {source: (leaf_x, float(y_of[source])) for source in order}
    group = {source: source for source in order}
    join_labels = provenance.edge_labels(tree, estimate)
    label_at: dict[int, tuple[float, float]] = {}
    for row in tree.itertuples():
        (xa, ya), (xb, yb), x = node[group[row.source_a]], node[group[row.source_b]], row.score
        ax.plot([xa, x, x, xb], [ya, ya, yb, yb], color="#555555", linewidth=1.0, solid_joinstyle="miter")
        label_at[row.step] = (x, (ya + yb) / 2)
        node[f"g{row.step}"] = label_at[row.step]
        for member in row.members.split(";"):
            group[member] = f"g{row.step}"
    strong = tree[tree["score"] >= provenance.LABEL_MIN_SCORE]
    for step in provenance.labels_that_fit(strong, label_at):  # above the branch leaving the join, on white
        x, y = label_at[step]
        ax.text(x, y - 0.12, " " + join_labels[step], fontsize=6.5, va="bottom", ha="left", color="#222222",
                clip_on=False, bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 0.3})
    linked = {s for members in tree["members"] for s in members.split(";")}
    for source in order:
        colour = colours.get(source, "#777777") if source in linked else "#bbbbbb"
        ax.plot([leaf_x], [y_of[source]], marker="s", markersize=6, linestyle="none", color=colour)
    names = {s: labels.get(s, s) if s in linked else f"{labels.get(s, s)} (no shared rare reading)" for s in order}
    _row_labels(ax, order, names)
    ax.set_xscale("log")  # spreads the many weak joins apart
    ax.set_xlim(leaf_x, min_score * 0.8)
    ticks = [t for t in (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0) if min_score <= t <= leaf_x]
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
    ax.set_xlabel("score of the link that joins them (log scale; higher = more rare readings shared)")
    ax.grid(False)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_title("Which outlets seem to copy a common text (estimate)", loc="left")
    return tree.assign(label=tree["step"].map(join_labels))


# ---------------------------------------------------------------------------------------------- registry

FIGURES: dict[str, Callable] = {
    "article_sizes": article_sizes,
    "quotes_per_source": quotes_per_source,
    "drift_per_source": drift_per_source,
    "drift_per_utterance": drift_per_utterance,
    "garbles_per_1000_words": garbles_per_1000_words,
    "attribution_by_source": attribution_by_source,
    "scorecard": scorecard,
    "copy_estimate": copy_estimate,
}


def save(fig, folder: str | Path, corpus=None, formats: Iterable[str] = figures.FORMATS,
         name: str | None = None) -> dict[str, Path]:
    """Write an attached figure (``fig.name``, ``fig.data``, ``fig.caption``) into ``folder`` in the given
    formats plus its CSV; ``name`` overrides the file name (any name of letters, digits, '-' and '_')."""
    return figures.save_figure(fig, name or fig.name, fig.data, folder, fig.caption, corpus=corpus,
                               formats=tuple(formats))


def draw_all(analysis) -> list:
    """Every figure of the suite, in notebook order."""
    return [draw(analysis) for draw in FIGURES.values()]


def close(figs: Iterable) -> None:
    """Release figures drawn outside a notebook."""
    for fig in figs:
        plt.close(fig)
