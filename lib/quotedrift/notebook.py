"""Helpers the notebooks share: parameters as project paths, labels, and the derived tables they show.

Everything here works on the contract tables of :func:`quotedrift.analyze` (columns in
``analysis.COLUMNS``) and copes with empty tables, so a notebook runs through on any corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from . import figures
from .analysis import Analysis, analyze
from .paths import PROJECT_ROOT, display_path

LABEL_WIDTH = 40


class Session(NamedTuple):
    """What every notebook starts from: the analysis, outlet labels and styles, where figures go."""

    analysis: Analysis
    labels: dict[str, str]
    styles: dict
    figures_dir: Path


def start(corpus: str | Path, figures_folder: str | Path, reference: str | None = None) -> Session:
    """Set the figure style and analyse the corpus named by a notebook's parameters (paths off the project)."""
    figures.use_style()
    analysis = analyze(project_path(corpus), reference=reference)
    articles = analysis.articles
    return Session(analysis, source_labels(articles), figures.outlet_styles(articles["source"]),
                   project_path(figures_folder))


def project_path(value: str | Path) -> Path:
    """A notebook parameter as a path: relative values hang off the project root, never the working folder."""
    path = Path(value)
    return path if path.is_absolute() else PROJECT_ROOT / path


def shown_path(path: str | Path) -> str:
    """A path as a reader sees it in a notebook (project-relative, or the folder name; never a machine path)."""
    return display_path(path)


def source_labels(articles: pd.DataFrame, width: int = LABEL_WIDTH) -> dict[str, str]:
    """A short readable label per source: its outlet (shortened), followed by the start of the source id
    where two sources would otherwise get the same label."""
    labels = {}
    for source, outlet in zip(articles["source"].astype(str), articles["outlet"].fillna("").astype(str)):
        label = outlet.strip() or source
        labels[source] = label if len(label) <= width else label[: width - 1].rstrip() + "…"
    counts = pd.Series(list(labels.values())).value_counts()
    for source, label in labels.items():
        if counts[label] > 1 and label != source:
            labels[source] = f"{label} [{source.split('_')[0] if '_' in source else source[:12]}]"
    return labels


def check_spans(table: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
    """Rows whose ``text`` is not exactly ``article_text[start:end]`` (empty when every span is evidence)."""
    if table.empty or "text" not in table:
        return table.iloc[0:0]
    bad = [
        i for i, row in table.iterrows()
        if row["source"] not in texts or texts[row["source"]][int(row["start"]):int(row["end"])] != row["text"]
    ]
    return table.loc[bad]


def spans_of(table: pd.DataFrame, source: str) -> pd.DataFrame:
    """The rows of a span table that belong to one source, in text order."""
    if table.empty:
        return table
    rows = table[table["source"] == source]
    return rows.sort_values(["start", "end"], kind="stable")


def counts_by(table: pd.DataFrame, sources: Iterable[str], column: str) -> pd.DataFrame:
    """Rows counted per source (rows) and value of ``column`` (columns); every source listed, zeros kept."""
    sources = list(sources)
    if table.empty or column not in table:
        return pd.DataFrame(index=pd.Index(sources, name="source"))
    counts = pd.crosstab(table["source"], table[column].fillna("").astype(str))
    counts = counts.reindex(index=sources, fill_value=0)
    counts.index.name = "source"
    counts.columns.name = None
    return counts[sorted(counts.columns)].astype(int)


def per_1000_words(counts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Counts per source divided by the source's words, times 1,000."""
    words = articles.set_index("source")["words"].reindex(counts.index).astype(float)
    rates = counts.div(words.where(words > 0), axis=0) * 1000
    return rates.fillna(0.0).round(2)


def speaker_spellings(quotes: pd.DataFrame) -> pd.DataFrame:
    """For each canonical speaker, every way each source wrote them (``speaker_mention``), joined by ' / '."""
    needed = {"speaker", "speaker_mention", "source"}
    if quotes.empty or not needed <= set(quotes.columns):
        return pd.DataFrame(columns=["speaker"])
    named = quotes[quotes["speaker"].fillna("").astype(str).str.strip() != ""]
    if named.empty:
        return pd.DataFrame(columns=["speaker"])
    table = (
        named.assign(speaker_mention=named["speaker_mention"].fillna("").astype(str))
        .groupby(["speaker", "source"])["speaker_mention"]
        .agg(lambda m: " / ".join(sorted({x for x in m if x})))
        .unstack("source", fill_value="")
    )
    table.columns.name = None
    return table.reset_index()


def utterance_versions(quotes: pd.DataFrame, utterance_id: str) -> dict[str, str]:
    """The quotation text each source gives for one utterance (several quotations of one source joined)."""
    rows = quotes[quotes["utterance_id"].astype(str) == str(utterance_id)].sort_values(["source", "start"])
    return {source: " … ".join(group["text"].astype(str)) for source, group in rows.groupby("source")}


def with_reference_row(table: pd.DataFrame, label: str = "reference") -> pd.DataFrame:
    """A variant table from ``Analysis.variant_table`` (columns named 'NN word') with the reference's own
    words added as the first row, so ``display.variant_table_html`` can mark what differs from it."""
    words = [str(c).split(" ", 1)[1] if " " in str(c) else str(c) for c in table.columns]
    reference = pd.DataFrame([words], index=[label], columns=table.columns)
    return pd.concat([reference, table.astype(object)])


def most_reported(utterances: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` utterances carried by the most sources (ties in id order)."""
    if utterances.empty:
        return utterances
    ranked = utterances.assign(n_sources=pd.to_numeric(utterances["n_sources"], errors="coerce").fillna(0))
    return ranked.sort_values(["n_sources", "utterance_id"], ascending=[False, True], kind="stable").head(n)


def scorecard_dimensions(scorecard: pd.DataFrame) -> pd.DataFrame:
    """Each scorecard dimension as a 0–1 score where 1 is best, one row per source.

    fidelity and attribution_agreement are already 0–1; garbles become ``1 - rate / highest rate`` in the
    corpus (the most damaged source gets 0, an undamaged one 1). Missing values stay missing.
    """
    table = pd.DataFrame({"source": scorecard["source"]})
    table["fidelity"] = pd.to_numeric(scorecard["fidelity"], errors="coerce")
    rate = pd.to_numeric(scorecard["garbles_per_1000_words"], errors="coerce")
    highest = rate.max()
    table["garbles"] = 1 - rate / highest if highest and highest > 0 else rate.where(rate.isna(), 1.0)
    table["attribution"] = pd.to_numeric(scorecard["attribution_agreement"], errors="coerce")
    return table.reset_index(drop=True)


def ranked_scorecard(scorecard: pd.DataFrame, rank: pd.Series | None) -> pd.DataFrame:
    """The 0–1 dimension scores of every source (``scorecard_dimensions``) with its summary rank (a Series
    indexed by source, e.g. from ``scorecard.summary_rank``), best first; unranked sources last."""
    if scorecard.empty:
        return pd.DataFrame(columns=["source", "fidelity", "garbles", "attribution", "summary_rank"])
    table = scorecard_dimensions(scorecard)
    ranks = pd.Series(dtype="Int64") if rank is None else rank
    table["summary_rank"] = table["source"].map(ranks).astype("Int64")
    return table.sort_values(["summary_rank", "source"], kind="stable", na_position="last").reset_index(drop=True)
