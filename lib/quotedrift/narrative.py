"""Plain-words findings, written from the numbers of one analysis (each notebook ends with them).

Each function takes an :class:`~quotedrift.analysis.Analysis` (and, where needed, a derived table) and returns
a list of sentences. Sentences say what the numbers are; where a table is empty they say so plainly.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from . import garble
from .notebook import counts_by, per_1000_words, source_labels


def plural(count: int | float, noun: str, plural_form: str | None = None) -> str:
    """'1 article', '3 articles', '0 quotations'."""
    count = int(count)
    word = noun if count == 1 else (plural_form or noun + "s")
    return f"{count:,} {word}"


def listing(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _labels(analysis) -> dict[str, str]:
    return source_labels(analysis.articles)


def corpus_findings(analysis) -> list[str]:
    """Sources, roles, languages, sizes and page chrome of the corpus."""
    articles, chrome = analysis.articles, analysis.corpus.boilerplate
    labels = _labels(analysis)
    words = articles["words"].astype(int)
    found = [f"The corpus '{analysis.corpus.name}' holds {plural(len(articles), 'article')} "
             f"with {words.sum():,} words in all ({words.min():,} to {words.max():,} per article)."]
    primary = articles.loc[articles["role"] == "primary", "source"].tolist()
    if primary:
        found.append(f"{listing([labels[s] for s in primary])} {'is a primary text' if len(primary) == 1 else 'are primary texts'}: "
                     "quotations are measured against it.")
    else:
        found.append("No article is marked as a primary text, so quotations are measured against the reading most "
                     "outlets agree on (or the reference source named in the parameters).")
    other = articles[articles["language"] != "en"]
    if len(other):
        found.append(f"{plural(len(other), 'article')} not in English ({listing([f'{labels[s]}: {l}' for s, l in zip(other['source'], other['language'])])}) "
                     "are listed but left out of the scores.")
    else:
        found.append("Every article is in English.")
    if chrome.empty:
        found.append("No page chrome or repeated text was found.")
    else:
        share = chrome.assign(n=chrome["end"] - chrome["start"]).groupby("source")["n"].sum()
        chars = articles.set_index("source")["chars"].astype(int)
        ratio = (share / chars.reindex(share.index)).sort_values(ascending=False)
        top = ratio.index[0]
        found.append(f"{plural(len(chrome), 'span')} of page chrome or repeated text were found in "
                     f"{plural(chrome['source'].nunique(), 'article')}; the most is in {labels[top]} "
                     f"({ratio.iloc[0]:.0%} of its characters).")
    return found


def quotes_findings(analysis) -> list[str]:
    """How many quotations, of which kinds, by whom."""
    quotes, labels = analysis.quotes, _labels(analysis)
    if quotes.empty:
        return [f"No quotations were found in this corpus ({plural(len(analysis.articles), 'article')})."]
    per_source = quotes.groupby("source").size().sort_values(ascending=False)
    kinds = quotes["kind"].value_counts()
    found = [f"{plural(len(quotes), 'quotation')} in {plural(per_source.size, 'article')}; "
             f"{labels.get(per_source.index[0], per_source.index[0])} carries the most ({per_source.iloc[0]}).",
             "By kind: " + ", ".join(f"{k} {v}" for k, v in kinds.items()) + "."]
    speakers = quotes["speaker"].fillna("").astype(str)
    named = speakers[speakers.str.strip() != ""]
    if len(named):
        top = named.value_counts()
        found.append(f"{plural(top.size, 'speaker')} named; the most quoted is {top.index[0]} "
                     f"({plural(top.iloc[0], 'quotation')}). {len(quotes) - len(named)} quotations have no speaker.")
    else:
        found.append("No quotation has a speaker yet.")
    return found


def drift_findings(analysis) -> list[str]:
    """Utterances, linked sources and the drift of each source."""
    utterances, edits, scorecard, labels = analysis.utterances, analysis.edits, analysis.scorecard, _labels(analysis)
    if utterances.empty:
        return ["No utterance is reported by more than one source here, so there is no drift to measure."]
    found = [f"{plural(len(utterances), 'utterance')} found; the most widely reported is carried by "
             f"{plural(pd.to_numeric(utterances['n_sources']).max(), 'source')}."]
    if edits.empty:
        found.append("No edits were recorded: every linked quotation matches its reference word for word.")
    else:
        by = edits["category"].value_counts()
        found.append("Edits against the references: " + ", ".join(f"{v} {k}" for k, v in by.items()) + ".")
        subst = edits[edits["category"] == "substantive"].groupby("source").size()
        if len(subst):
            worst = subst.sort_values(ascending=False)
            found.append(f"{labels.get(worst.index[0], worst.index[0])} has the most substantive edits ({worst.iloc[0]}).")
    fidelity = pd.to_numeric(scorecard.get("fidelity", pd.Series(dtype=float)), errors="coerce")
    if fidelity.notna().any():
        ranked = scorecard.assign(fidelity=fidelity).dropna(subset=["fidelity"]).sort_values("fidelity")
        low, high = ranked.iloc[0], ranked.iloc[-1]
        found.append(f"Fidelity ranges from {low['fidelity']:.2f} ({labels.get(low['source'], low['source'])}) "
                     f"to {high['fidelity']:.2f} ({labels.get(high['source'], high['source'])}).")
    return found


def garble_findings(analysis) -> list[str]:
    """Damage per source and kind."""
    garbles, articles, labels = analysis.garbles, analysis.articles, _labels(analysis)
    if garbles.empty:
        return ["No damage of any kind was found in this corpus."]
    rates = per_1000_words(counts_by(garbles, articles["source"], "kind"), articles).sum(axis=1)
    rates = rates.sort_values(ascending=False)
    kinds = garbles["kind"].value_counts()
    order = {kind: i for i, kind in enumerate(garble.kinds())}
    kinds = kinds.loc[sorted(kinds.index, key=lambda k: (order.get(k, len(order)), k))]
    found = [f"{plural(len(garbles), 'damaged span')} in {plural(garbles['source'].nunique(), 'article')}; "
             "by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.items()) + ".",
             f"The most damaged is {labels.get(rates.index[0], rates.index[0])} "
             f"({rates.iloc[0]:.1f} per 1,000 words); the least is {labels.get(rates.index[-1], rates.index[-1])} "
             f"({rates.iloc[-1]:.1f})."]
    found += [f"{kind} ({plural(count, 'span')}): {_kind_meaning(kind)}." for kind, count in kinds.items()]
    if all(garble.severity(kind) == 1 for kind in kinds.index):
        found.append("All of it is cosmetic residue (page chrome, repeated lines, run-together sentences); "
                     "no damage inside the reporting itself was found.")
    return found


def _kind_meaning(kind: str) -> str:
    """What a garble kind means, from the registry's explanation template."""
    found = garble.detector(kind)
    return found.meaning if found else "a kind no registered detector reports"


def attribution_findings(analysis) -> list[str]:
    """Agreement on who spoke, and loaded cues."""
    attribution, labels = analysis.attribution, _labels(analysis)
    shared = attribution[attribution["compared"].astype(bool)] if "compared" in attribution else attribution
    if shared.empty:
        return ["No utterance is attributed by two or more sources, so there are no attribution differences to compare."]
    flags = shared["flags"].fillna("").astype(str)
    flagged = shared[flags.str.strip() != ""]
    found = [f"{plural(shared['utterance_id'].nunique(), 'utterance')} compared across "
             f"{plural(shared['source'].nunique(), 'source')}; {plural(len(flagged), 'attribution')} "
             "differ from what the other sources say."]
    loaded = attribution[attribution["cue_stance"].fillna("") == "loaded"]
    if len(loaded):
        cues = sorted(set(loaded["cue"].dropna().astype(str)))
        who = sorted({labels.get(s, s) for s in loaded["source"]})
        found.append(f"Loaded cue verbs ({listing([repr(c) for c in cues])}) appear in {listing(who)}.")
    else:
        found.append("Every cue verb is neutral.")
    return found


def scorecard_findings(analysis, ranked: pd.DataFrame, weights: Mapping[str, float]) -> list[str]:
    """The scorecard in words: who ranks where, and on what."""
    labels = _labels(analysis)
    if analysis.scorecard.empty:
        return ["The scorecard is empty for this corpus: no source could be scored."]
    scored = ranked.dropna(subset=["summary_rank"])
    if scored.empty:
        return ["No source has a score on any dimension yet, so there is no summary rank."]
    top, bottom = scored.iloc[0], scored.iloc[-1]
    weight_text = ", ".join(f"{k} {v:g}" for k, v in weights.items())
    found = [f"With weights {weight_text}, {labels.get(top['source'], top['source'])} ranks first and "
             f"{labels.get(bottom['source'], bottom['source'])} last (rank {bottom['summary_rank']}) of "
             f"{plural(len(scored), 'ranked source')}."]
    for dim, better in (("fidelity", "highest"), ("garbles", "least damaged"), ("attribution", "most in agreement")):
        values = ranked[["source", dim]].dropna()
        if len(values) >= 2:
            low = values.sort_values(dim, kind="stable").iloc[0]
            found.append(f"Lowest on {dim}: {labels.get(low['source'], low['source'])} "
                         f"({low[dim]:.2f} on a 0–1 scale where 1 is {better}).")
    return found
