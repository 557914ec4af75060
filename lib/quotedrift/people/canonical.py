"""One canonical name per person across the corpus (the ``speaker`` column of quotes.csv)."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .names import SAME_PERSON_THRESHOLD, _flat, _words, canonical_entity, cluster_names, is_person_name, same_person
from .officials import unnamed_officials


def canonical_speakers(quotes: pd.DataFrame, mapping: dict[str, tuple[str, float]] | None = None) -> pd.DataFrame:
    """Fill ``speaker`` with the canonical name shared across the corpus, and ``speaker_confidence``.

    Person names that :func:`same_person` links are merged; the canonical spelling is the most common
    full spelling among the quotations (ties broken alphabetically). A bare surname joins the cluster of
    the only full name with that surname. The confidence is multiplied by the merge confidence. ``mapping``:
    :func:`quotes_speaker_mapping` of these quotations when the caller has it already.
    """
    out = quotes.copy()
    if out.empty:
        if "speaker_confidence" not in out.columns:
            out["speaker_confidence"] = pd.Series(dtype=float)
        return out
    if "speaker_confidence" not in out.columns:
        out["speaker_confidence"] = 1.0
    speakers = [canonical_entity(s) for s in out["speaker"].fillna("").astype(str)]
    mapping = quotes_speaker_mapping(out) if mapping is None else mapping
    canonical, confidence = [], []
    for speaker, conf in zip(speakers, out["speaker_confidence"].fillna(0.0)):
        name, merge = mapping.get(speaker, (speaker, 1.0))
        canonical.append(name)
        confidence.append(round(float(conf) * merge, 3) if name else 0.0)
    out["speaker"] = canonical
    out["speaker_confidence"] = confidence
    return out


def quotes_speaker_mapping(quotes: pd.DataFrame) -> dict[str, tuple[str, float]]:
    """:func:`speaker_mapping` of a quotation table (its ``speaker`` and ``kind`` columns)."""
    speakers = [canonical_entity(s) for s in quotes["speaker"].fillna("").astype(str)]
    kinds = quotes["kind"].fillna("").astype(str) if "kind" in quotes.columns else [""] * len(quotes)
    return speaker_mapping(speakers, list(kinds))


def speaker_mapping(speakers: list[str], kinds: list[str]) -> dict[str, tuple[str, float]]:
    """{article-level speaker (tidied by ``canonical_entity``): (canonical name, merge confidence)} for the
    speakers of the corpus's quotations (``kinds``: each quotation's kind), as :func:`canonical_speakers` merges
    them; a name not in it is its own canonical name."""
    counts = Counter(s for s in speakers if s and is_person_name(s))
    full = sorted(n for n in counts if len(_words(n)) >= 2)
    mapping: dict[str, tuple[str, float]] = {}
    for cluster in cluster_names(full):
        best = sorted(cluster, key=lambda n: (-counts[n], n))[0]
        for name in cluster:
            mapping[name] = (best, 1.0 if _flat(name) == _flat(best) else same_person(name, best))
    for name in counts:
        if name not in mapping:
            owners = {mapping[f][0] for f in full if same_person(name, f) >= SAME_PERSON_THRESHOLD}
            if len(owners) == 1:
                owner = owners.pop()
                mapping[name] = (owner, same_person(name, owner))
    anchors = sorted({s for s, k in zip(speakers, kinds) if k == "statement" and s and s not in counts})
    mapping.update(unnamed_officials([s for s in speakers if s and s not in counts], anchors))
    return mapping
