"""Plain-words findings, written from the numbers of one analysis (each notebook ends with them).

Each function takes an :class:`~quotedrift.analysis.Analysis` (and, where needed, a derived table) and returns
a list of sentences. Sentences say what the numbers are; where a table is empty they say so plainly. They
never say more than the tables: sources that share the highest (or lowest) value, as the table shows it,
are named together as a tie, and a source with no value on a dimension is said to have none, not ranked.
Outlets are named by their full, unique labels (``notebook.source_labels``), never cut.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from . import garble
from .align import shared_utterances
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


def extremes(values: pd.Series, highest: bool = True, decimals: int | None = None) -> list:
    """The index labels that share the highest (or lowest) value — rounded to ``decimals`` as a table shows
    it — in index order; missing values never count."""
    shown = pd.to_numeric(values, errors="coerce").dropna()
    if decimals is not None:
        shown = shown.round(decimals)
    if shown.empty:
        return []
    best = shown.max() if highest else shown.min()
    return [label for label, value in shown.items() if value == best]


def named(sources: list, labels: dict[str, str]) -> str:
    """'A', 'A and B', 'A, B and C' from source ids."""
    return listing([labels.get(s, s) for s in sources])


def leads(sources: list, labels: dict[str, str], verb: str, verb_plural: str) -> str:
    """'A has' / 'A and B share' style subject-verb: one source or a tie."""
    return f"{named(sources, labels)} {verb if len(sources) == 1 else verb_plural}"


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
        ratio = share / chars.reindex(share.index)
        top = extremes((ratio * 100).round(0), highest=True)
        where = f"in {named(top, labels)}" if len(top) == 1 else f"tied in {named(top, labels)}"
        found.append(f"{plural(len(chrome), 'span')} of page chrome or repeated text were found in "
                     f"{plural(chrome['source'].nunique(), 'article')}; the most is {where} "
                     f"({ratio[top[0]]:.0%} of {'its' if len(top) == 1 else 'each one’s'} characters).")
    return found


def quotes_findings(analysis) -> list[str]:
    """How many quotations, of which kinds, by whom."""
    quotes, labels = analysis.quotes, _labels(analysis)
    if quotes.empty:
        return [f"No quotations were found in this corpus ({plural(len(analysis.articles), 'article')})."]
    per_source = quotes.groupby("source").size()
    kinds = quotes["kind"].value_counts()
    most = extremes(per_source)
    found = [f"{plural(len(quotes), 'quotation')} in {plural(per_source.size, 'article')}; "
             f"{leads(most, labels, 'carries', 'tie for carrying')} the most ({per_source[most[0]]}"
             f"{'' if len(most) == 1 else ' each'}).",
             "By kind: " + ", ".join(f"{k} {v}" for k, v in kinds.items()) + "."]
    speakers = quotes["speaker"].fillna("").astype(str)
    with_speaker = speakers[speakers.str.strip() != ""]
    if len(with_speaker):
        top = with_speaker.value_counts().sort_index()
        most = extremes(top)
        who = f"the most quoted is {most[0]}" if len(most) == 1 else f"{listing(most)} are quoted most, equally"
        found.append(f"{plural(top.size, 'speaker')} named; {who} ({plural(top[most[0]], 'quotation')}"
                     f"{'' if len(most) == 1 else ' each'}). "
                     f"{plural(len(quotes) - len(with_speaker), 'quotation')} "
                     f"{'has' if len(quotes) - len(with_speaker) == 1 else 'have'} no speaker.")
    else:
        found.append("No quotation has a speaker yet.")
    return found


def drift_findings(analysis) -> list[str]:
    """Utterances, linked sources and the drift of each source."""
    edits, scorecard, labels = analysis.edits, analysis.scorecard, _labels(analysis)
    utterances = shared_utterances(analysis.utterances)
    if utterances.empty:
        return ["No utterance is reported by more than one source here, so there is no drift to measure."]
    found = [f"{plural(len(utterances), 'utterance')} printed by two or more sources; the most widely reported is carried by "
             f"{plural(pd.to_numeric(utterances['n_sources']).max(), 'source')}."]
    if edits.empty:
        found.append("No edits were recorded: every linked quotation matches its reference word for word.")
    else:
        by = edits["category"].value_counts()
        found.append("Edits against the references: " + ", ".join(f"{v} {k}" for k, v in by.items()) + ".")
        subst = edits[edits["category"] == "substantive"].groupby("source").size()
        if len(subst):
            worst = extremes(subst)
            found.append(f"{leads(worst, labels, 'has', 'share')} the most substantive edits ({subst[worst[0]]}"
                         f"{'' if len(worst) == 1 else ' each'}).")
    fidelity = pd.to_numeric(scorecard.get("fidelity", pd.Series(dtype=float)), errors="coerce")
    fidelity.index = scorecard["source"] if "source" in scorecard else fidelity.index
    if fidelity.notna().any():
        low, high = extremes(fidelity, False, 2), extremes(fidelity, True, 2)
        if fidelity.round(2).dropna().nunique() == 1:
            found.append(f"Every scored source has fidelity {fidelity.dropna().iloc[0]:.2f}.")
        else:
            found.append(f"Fidelity ranges from {fidelity[low[0]]:.2f} ({named(low, labels)}) "
                         f"to {fidelity[high[0]]:.2f} ({named(high, labels)}).")
        missing = [s for s, v in fidelity.items() if pd.isna(v)]
        if missing:
            found.append(f"{named(missing, labels)} {'has' if len(missing) == 1 else 'have'} no fidelity value "
                         "(their linked quotations render fewer than a sentence of reference words).")
    return found


def garble_findings(analysis) -> list[str]:
    """Damage per source and kind."""
    garbles, articles, labels = analysis.garbles, analysis.articles, _labels(analysis)
    if garbles.empty:
        return ["No damage of any kind was found in this corpus."]
    rates = per_1000_words(counts_by(garbles, articles["source"], "kind"), articles).sum(axis=1).round(1)
    kinds = garbles["kind"].value_counts()
    order = {kind: i for i, kind in enumerate(garble.kinds())}
    kinds = kinds.loc[sorted(kinds.index, key=lambda k: (order.get(k, len(order)), k))]
    most, least = extremes(rates, True, 1), extremes(rates, False, 1)
    found = [f"{plural(len(garbles), 'damaged span')} in {plural(garbles['source'].nunique(), 'article')}; "
             "by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.items()) + ".",
             f"The most damaged {'is' if len(most) == 1 else 'are, tied,'} {named(most, labels)} "
             f"({rates[most[0]]:.1f} per 1,000 words); the least {'is' if len(least) == 1 else 'are, tied,'} "
             f"{named(least, labels)} ({rates[least[0]]:.1f})."]
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
    rank = scored.set_index("source")["summary_rank"].astype(float)
    first, last = extremes(rank, highest=False), extremes(rank, highest=True)
    weight_text = ", ".join(f"{k} {v:g}" for k, v in weights.items())
    top = (f"{named(first, labels)} ranks first" if len(first) == 1
           else f"{named(first, labels)} tie for first (rank 1)")
    found = [f"With weights {weight_text}, {top} of {plural(len(scored), 'ranked source')}."]
    if set(last) != set(first):
        bottom = int(rank[last[0]])
        found.append(f"{named(last, labels)} {'ranks' if len(last) == 1 else 'tie for'} last (rank {bottom}).")
    dims = ("fidelity", "garbles", "attribution")
    for source in first:
        missing = [d for d in dims if d in ranked and pd.isna(ranked.set_index("source").at[source, d])]
        if missing:
            found.append(f"{labels.get(source, source)} has no {' or '.join(missing)} value: its rank rests on "
                         "the other dimensions.")
    for dim, better in (("fidelity", "highest"), ("garbles", "least damaged"), ("attribution", "most in agreement")):
        values = ranked.set_index("source")[dim].dropna().round(2)
        if values.nunique() >= 2:
            low = extremes(values, highest=False)
            found.append(f"Lowest on {dim}: {named(low, labels)} "
                         f"({values[low[0]]:.2f} on a 0–1 scale where 1 is {better}).")
    return found
