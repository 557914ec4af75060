"""Helpers the notebooks share: parameters as project paths, labels, and the derived tables they show.

Everything here works on the contract tables of :func:`quotedrift.analyze` (columns in
``analysis.COLUMNS``) and copes with empty tables, so a notebook runs through on any corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .errors import InputError
from . import figures
from .analysis import Analysis, analyze
from .paths import PROJECT_ROOT, display_path

LABEL_WIDTH = 40


class Session(NamedTuple):
    """What every notebook starts from: the analysis, outlet labels and styles, where figures go."""

    analysis: Analysis
    labels: dict[str, str]
    styles: dict
    figures_dir: Path | None


# Names IPython itself puts in a notebook's namespace (never parameters).
IPYTHON_NAMES = frozenset({"In", "Out", "get_ipython", "exit", "quit", "open"})


class ParameterError(InputError):
    """A notebook was given a parameter its parameters cell does not declare (one line)."""


def unknown_parameters(namespace: Mapping[str, object], declared: Iterable[str]) -> list[str]:
    """Names in a notebook's namespace that its parameters cell did not declare: what papermill injected
    beyond the declared parameters (IPython's own and private names are ignored)."""
    declared = set(declared)
    return sorted(n for n in namespace if n not in declared and not n.startswith("_") and n not in IPYTHON_NAMES)


def start(corpus: str | Path, figures_folder: str | Path | None, reference: str | None = None,
          unknown: Iterable[str] = ()) -> Session:
    """Check the parameters, set the figure style and analyse the corpus named by a notebook's parameters
    (paths off the project). ``unknown`` lists injected names the parameters cell does not declare
    (``unknown_parameters``): any makes this raise ParameterError before anything runs."""
    unknown = sorted(unknown)
    if unknown:
        raise ParameterError(f"unknown notebook parameter {', '.join(unknown)} (see the parameters cell)")
    from . import display

    figures.use_style()
    analysis = analyze(project_path(corpus), reference=reference)
    articles = analysis.articles
    labels = source_labels(articles)
    display.use_names(labels, utterance_titles(analysis.utterances))
    folder = project_path(figures_folder) if figures_folder else None
    return Session(analysis, labels, figures.outlet_styles(articles["source"]), folder)


def utterance_titles(utterances: pd.DataFrame) -> dict[str, str]:
    """'u004 “first words of its reference …”' per utterance id (how tables and headings name utterances)."""
    from .cards import utterance_title

    return {str(u): utterance_title(str(u), str(t)) for u, t in zip(utterances["utterance_id"], utterances["reference_text"])}


def show_figure(fig, figures_dir: Path | None, corpus=None) -> None:
    """Show a figure from ``quotedrift.plots``; save it (PNG, SVG, PDF, CSV) only when the notebook was given
    a FIGURES folder (``make report`` does), so rerunning a cell writes nothing."""
    import matplotlib.pyplot as plt

    from . import plots

    if figures_dir is not None:
        plots.save(fig, figures_dir, corpus=corpus)
    plt.show()


def project_path(value: str | Path) -> Path:
    """A notebook parameter as a path: relative values hang off the project root, never the working folder."""
    path = Path(value)
    return path if path.is_absolute() else PROJECT_ROOT / path


def shown_path(path: str | Path) -> str:
    """A path as a reader sees it in a notebook (project-relative, or the folder name; never a machine path)."""
    return display_path(path)


def source_labels(articles: pd.DataFrame, width: int | None = None) -> dict[str, str]:
    """A readable, unique label per source: its outlet name (whitespace tidied), followed by the source id in
    brackets only where two sources share that name; the source id where no outlet is given.

    Names are never cut mid-word: with ``width`` a longer name keeps its first whole words and ends in '…'
    (figures wrap full names instead, see ``plots.wrap_label``)."""
    sources = articles["source"].astype(str).tolist()
    outlets = articles["outlet"].fillna("").astype(str) if "outlet" in articles else pd.Series([""] * len(sources))
    labels = {}
    for source, outlet in zip(sources, outlets):
        label = " ".join(outlet.split()) or source
        labels[source] = label if width is None else shorten_words(label, width)
    counts = pd.Series(list(labels.values()), dtype=object).value_counts()
    for source, label in labels.items():
        if counts.get(label, 0) > 1 and label != source:
            labels[source] = f"{label} [{_short_id(source, sources)}]"
    return labels


def _short_id(source: str, sources: list[str]) -> str:
    """The source id's first '_'-separated part where that alone tells it apart (seeds: '000'), else the id."""
    head = source.split("_")[0]
    return head if head and sum(s.split("_")[0] == head for s in sources) == 1 else source


def shorten_words(text: str, width: int) -> str:
    """``text`` if it fits in ``width`` characters, else its first whole words and '…' (never cut mid-word)."""
    if len(text) <= width:
        return text
    head = text[:width - 1]
    if " " in head and not text[width - 1].isspace():
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-") + "…"


def article_sizes(articles: pd.DataFrame, chrome: pd.DataFrame) -> pd.DataFrame:
    """Per source: words, the words of its page chrome or repeated text, and the rest (``text_words``)."""
    chrome_words = {s: 0 for s in articles["source"]}
    for row in chrome.itertuples():
        chrome_words[row.source] = chrome_words.get(row.source, 0) + len(str(row.text).split())
    sizes = articles[["source", "outlet", "words"]].copy()
    sizes["chrome_words"] = sizes["source"].map(chrome_words).fillna(0).astype(int)
    sizes["text_words"] = (sizes["words"] - sizes["chrome_words"]).clip(lower=0)
    return sizes.reset_index(drop=True)


def attribution_per_source(articles: pd.DataFrame, attribution: pd.DataFrame, scorecard: pd.DataFrame) -> pd.DataFrame:
    """Per source (index): attribution agreement (from the scorecard), attributions compared, and the share
    of them with a loaded cue verb (missing where the source has none)."""
    per_source = pd.DataFrame(index=pd.Index(list(articles["source"]), name="source"))
    if len(scorecard) and "attribution_agreement" in scorecard:
        per_source["attribution_agreement"] = pd.to_numeric(
            scorecard.set_index("source")["attribution_agreement"], errors="coerce").reindex(per_source.index)
    else:
        per_source["attribution_agreement"] = float("nan")
    stance = counts_by(attribution, articles["source"], "cue_stance")
    total = stance.sum(axis=1) if len(stance.columns) else pd.Series(0, index=per_source.index)
    per_source["attributions"] = total.astype(int)
    loaded = stance["loaded"] if "loaded" in stance else pd.Series(0, index=per_source.index)
    per_source["loaded_cue_share"] = (loaded / total.where(total > 0)).round(3)
    return per_source


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
