"""Stage 5: one scorecard row per source — drift, garbling and attribution side by side, with the counts behind
every ratio, so each number can be recomputed from ``edits.csv``, ``garbles.csv`` and ``attribution.csv``.

``scorecard`` columns
    source, outlet, role, words, quotes, linked_quotes, fidelity, garbles_per_1000_words,
    attribution_agreement — the contract — then:
    in_scope (False for non-English articles, whose scores are left empty), language,
    aligned_words, substantive_words (fidelity = max(0, 1 − substantive_words / aligned_words)),
    cosmetic_edits, editorial_edits, substantive_edits,
    garbles, garble_severity (sum of the rows' severities), garbles_per_1000_<kind> for every kind in
    the garble registry (zero where none was found),
    attribution_rows, attribution_unflagged (attribution_agreement = unflagged / rows),
    loaded_cues, loaded_cue_share, utterances (carried, of those printed by two or more sources), coverage
    (utterances carried / such utterances in the story), unconfirmed (quotations of kind direct or partial that
    no other source carries: their utterance is their own). ``linked_quotes`` counts quotations in utterances
    printed by two or more sources.

There is no single grade. :func:`summary_rank` builds an optional rank from weights the reader chooses.
"""

from __future__ import annotations

import pandas as pd

from . import garble

from .attribution import agreement
from .drift import fidelity

CONFIRMABLE_KINDS = ("direct", "partial")
DEFAULT_WEIGHTS = {"fidelity": 1.0, "garbles_per_1000_words": 1.0, "attribution_agreement": 1.0}


def scorecard_table(articles: pd.DataFrame, quotes: pd.DataFrame, edits: pd.DataFrame, garbles: pd.DataFrame,
                    attribution: pd.DataFrame, aligned_words: pd.Series, utterances: pd.DataFrame) -> pd.DataFrame:
    """Aggregate every stage per source (one row per article, sorted by source). Linked quotations, utterances
    carried and coverage count the utterances printed by two or more sources (an utterance of one quotation
    is compared with nothing)."""
    card = articles[["source", "outlet", "role", "words", "in_scope", "language"]].copy().set_index("source")
    card["quotes"] = quotes.groupby("source").size()
    compared = set(utterances.loc[pd.to_numeric(utterances["n_sources"]) >= 2, "utterance_id"])
    n_utterances = len(compared)
    linked = quotes[quotes["utterance_id"].isin(compared)]
    card["linked_quotes"] = linked.groupby("source").size()
    card["aligned_words"] = aligned_words
    for category in ("cosmetic", "editorial", "substantive"):
        card[f"{category}_edits"] = edits[edits["category"] == category].groupby("source").size()
    card["substantive_words"] = edits[edits["category"] == "substantive"].groupby("source")["words"].sum()
    counts = ["quotes", "linked_quotes", "aligned_words", "cosmetic_edits", "editorial_edits",
              "substantive_edits", "substantive_words"]
    card[counts] = card[counts].fillna(0).astype(int)
    card["fidelity"] = [fidelity(s, a) for s, a in zip(card["substantive_words"], card["aligned_words"])]
    _add_garbles(card, garbles)
    _add_attribution(card, attribution)
    card["utterances"] = linked.groupby("source")["utterance_id"].nunique()
    card["utterances"] = card["utterances"].fillna(0).astype(int)
    card["coverage"] = (card["utterances"] / n_utterances).round(3) if n_utterances else float("nan")
    confirmable = quotes[quotes["kind"].isin(CONFIRMABLE_KINDS) & ~quotes["utterance_id"].isin(compared)]
    card["unconfirmed"] = confirmable.groupby("source").size()
    card["unconfirmed"] = card["unconfirmed"].fillna(0).astype(int)
    _blank_out_of_scope(card)
    card = card.reset_index()
    lead = ["source", "outlet", "role", "words", "quotes", "linked_quotes", "fidelity",
            "garbles_per_1000_words", "attribution_agreement"]
    return card[lead + [c for c in card.columns if c not in lead]].sort_values("source").reset_index(drop=True)


def _add_garbles(card: pd.DataFrame, garbles: pd.DataFrame) -> None:
    card["garbles"] = garbles.groupby("source").size()
    card["garbles"] = card["garbles"].fillna(0).astype(int)
    severity = garbles["severity"] if "severity" in garbles else pd.Series(1, index=garbles.index)
    card["garble_severity"] = severity.groupby(garbles["source"]).sum()
    card["garble_severity"] = card["garble_severity"].fillna(0)
    card["garbles_per_1000_words"] = (1000 * card["garbles"] / card["words"]).round(2)
    for kind in garble.kinds() + tuple(sorted(set(garbles["kind"]) - set(garble.kinds()))):
        count = garbles[garbles["kind"] == kind].groupby("source").size()
        card[f"garbles_per_1000_{kind}"] = (1000 * count.reindex(card.index).fillna(0) / card["words"]).round(2)


def _add_attribution(card: pd.DataFrame, attribution: pd.DataFrame) -> None:
    summary = agreement(attribution).set_index("source")
    for column in ("attribution_rows", "attribution_unflagged", "loaded_cues"):
        card[column] = summary[column].reindex(card.index).fillna(0).astype(int) if len(summary) else 0
    for column in ("attribution_agreement", "loaded_cue_share"):
        card[column] = summary[column].reindex(card.index) if len(summary) else float("nan")


def _blank_out_of_scope(card: pd.DataFrame) -> None:
    """Non-English articles are listed but not scored."""
    scores = [c for c in card.columns if c in ("fidelity", "attribution_agreement", "loaded_cue_share", "coverage")
              or c.startswith("garbles_per_1000")]
    card.loc[~card["in_scope"].astype(bool), scores] = float("nan")


def summary_rank(card: pd.DataFrame, weights: dict[str, float] | None = None) -> pd.Series:
    """An optional rank (1 = best) from a weighted mean of per-dimension ranks.

    Each dimension is ranked across the scored sources (fidelity and attribution agreement: higher is better;
    garbles per 1,000 words: lower is better); the weighted mean of those ranks is ranked again. Sources
    with no value on a dimension are ranked on the others. Weights are the reader's to change.
    """
    weights = weights or DEFAULT_WEIGHTS
    scored = card[card["in_scope"].astype(bool)].set_index("source")
    ranks, total = 0, 0
    for column, weight in weights.items():
        if not weight or column not in scored:
            continue
        ascending = column.startswith("garbles")
        rank = scored[column].rank(ascending=ascending, method="min")
        ranks = ranks + weight * rank.fillna(rank.mean() if rank.notna().any() else 0)
        total += weight
    if not total:
        return pd.Series(dtype=float)
    return (ranks / total).rank(method="min").astype(int).rename("summary_rank")


MORE_OF_A_KIND = 3  # further spans of the same kind named in a garbling row's detail
EVIDENCE_COLUMNS = ["source", "dimension", "kind", "severity", "start", "end", "text", "detail"]


def evidence_table(quotes: pd.DataFrame, edits: pd.DataFrame, garbles: pd.DataFrame, attribution: pd.DataFrame,
                   source: str, per_dimension: int = 3) -> pd.DataFrame:
    """The worst evidence against one source, ``per_dimension`` items for each of drift, garbling and attribution,
    each with its span in the article so a reader can highlight it.

    drift: substantive edits, most words first. garbling: the most severe damage, one item per kind
    (most severe first; of one severity, the kind with most spans first), its detail naming up to three more spans of that kind. attribution: spellings of one person's name that disagree within the
    article (name_inconsistency rows), then flagged attribution rows with the quotation's span.
    """
    rows = []
    mine = edits[(edits["source"] == source) & (edits["category"] == "substantive")]
    for e in mine.sort_values(["words", "start"], ascending=[False, True]).head(per_dimension).itertuples():
        rows.append([source, "drift", e.op, 3, e.start, e.end, e.text,
                     f"‘{e.reference_text}’ → ‘{e.text}’ against {e.reference_source} ({e.utterance_id})"])
    damage = garbles[(garbles["source"] == source) & (garbles["kind"] != "name_inconsistency")]
    order = {kind: i for i, kind in enumerate(garble.kinds())}
    damage = damage.assign(_order=damage["kind"].map(order).fillna(len(order)),
                           _count=damage.groupby("kind")["start"].transform("size"))
    damage = damage.sort_values(["severity", "_count", "_order", "start"], ascending=[False, False, True, True])
    for g in damage.drop_duplicates("kind").head(per_dimension).itertuples():
        others = damage[(damage["kind"] == g.kind) & (damage["start"] != g.start)].head(MORE_OF_A_KIND)
        also = "; ".join(f"‘{o.text}’ at {o.start}–{o.end}" for o in others.itertuples())
        rows.append([source, "garbling", g.kind, g.severity, g.start, g.end, g.text,
                     g.detail + (f" Also of this kind: {also}." if also else "")])
    names = garbles[(garbles["source"] == source) & (garbles["kind"] == "name_inconsistency")]
    for g in names.head(per_dimension).itertuples():
        rows.append([source, "attribution", g.kind, g.severity, g.start, g.end, g.text, g.detail])
    flagged = attribution[(attribution["source"] == source) & (attribution["flags"] != "")]
    spans = quotes.set_index("quote_id")
    for a in flagged.head(max(0, per_dimension - len(names))).itertuples():
        q = spans.loc[a.quote_id]
        rows.append([source, "attribution", a.flags, 2, q["start"], q["end"], q["text"],
                     f"{a.utterance_id}: {a.flags.replace(';', ', ')} (as printed: {a.speaker_mention or 'no mention'}, "
                     f"cue {a.cue or 'none'}, relay {a.relay or 'none'})"])
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
