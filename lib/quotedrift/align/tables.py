"""The tables alignment writes: links, quotation–utterance membership, utterances, variant tables.

``links`` (one row per version and utterance, plus one per rewording's partner; grows linearly with the outlets)
    quote_a (the version's quotation), quote_b (the quotation of the reference it is measured against, or for
    ``link = partner`` the quotation its rewording was matched with), similarity (0–1: word-alignment ratio over
    the overlapping window; paraphrase links are capped at 0.5), relation (``identical`` | ``cosmetic_variant`` |
    ``contained`` | ``elided`` | ``reworded`` | ``overlap`` | ``paraphrase``, then ``: `` and why), utterance_id,
    link (``reference`` | ``partner``). Quotations of one source are never linked.
``link_pairs`` (on request, :func:`pairs_table`; grows with the square of an utterance's outlets)
    quote_a, quote_b (quote_a < quote_b, different sources), similarity, relation, utterance_id: every two
    versions of one utterance that render overlapping reference words.
``quote_utterances`` (one row per quotation and utterance it renders)
    quote_id, utterance_id, source, start, end, text (the sub-span of the quotation that renders the utterance:
    ``text == article_text[start:end]``), reference_quote (the quotation it is measured against; its own id for
    a reference), ref_word_from, ref_word_to (the reference words it renders, as word positions [from, to):
    not character offsets, hence no _start/_end), is_reference. Where a report renders a passage of
    consecutive primary sentences as one sentence, reference_quote names the passage's first quotation and the
    word positions count over the whole passage.
``utterances`` (one row per utterance)
    utterance_id, speaker, reference_source, reference_text, n_sources, n_quotes, reference_quote,
    reference_start, reference_end, reference_basis (``primary`` | ``chosen`` | ``consensus`` | ``families`` |
    ``damaged``: every version carries a garble row, the least damaged is the reference | ``single``: a
    quotation no other source prints, its own reference), n_families (independent wordings each version is
    measured against; 1 but for ``families``). Utterances printed by two or more sources come first
    (``n_sources`` >= 2, the ones compared: :func:`shared_utterances`); every quotation that renders none of
    them is an utterance of its own (``n_sources`` 1), numbered after them in source and document order, so
    that every quotation has an ``utterance_id``. ``quote_utterances``, ``links`` and ``edits`` hold compared
    utterances only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from difflib import SequenceMatcher

import pandas as pd

from ..wording import matching_blocks
from .candidates import relation, window_ratio
from .references import Alignment
from .units import Unit

LINK_COLUMNS = ["quote_a", "quote_b", "similarity", "relation", "utterance_id", "link"]
PAIR_COLUMNS = ["quote_a", "quote_b", "similarity", "relation", "utterance_id"]
MEMBER_COLUMNS = ["quote_id", "utterance_id", "source", "start", "end", "text", "reference_quote",
                  "ref_word_from", "ref_word_to", "is_reference"]
UTTERANCE_COLUMNS = ["utterance_id", "speaker", "reference_source", "reference_text", "n_sources", "n_quotes",
                     "reference_quote", "reference_start", "reference_end", "reference_basis", "n_families"]


def describe(unit: Unit, reference: Unit, cache: dict) -> tuple[float, str]:
    """Similarity and relation of a version to the reference it is measured against (once per wording pair)."""
    key = (unit.norms, tuple(w.raw for w in unit.words), reference.norms, tuple(w.raw for w in reference.words))
    if key not in cache:
        blocks = matching_blocks(unit.norms, reference.norms, 2) or matching_blocks(unit.norms, reference.norms)
        if not blocks:
            cache[key] = (0.0, "overlap: renders the reference words through its partner")
        else:
            matched = sum(m.size for m in blocks)
            shorter = min(len(unit.words), len(reference.words))
            cache[key] = (round(window_ratio(unit.norms, reference.norms, blocks), 3),
                          relation(unit, reference, blocks, matched, shorter))
    return cache[key]


def links_table(result: Alignment) -> pd.DataFrame:
    """Each version's link to its reference, and each rewording's link to its partner (see module doc)."""
    units = result.units
    best: dict[tuple[str, str], dict] = {}
    cache: dict = {}

    def keep(row: dict) -> None:
        key = (row["quote_a"], row["quote_b"])
        if key not in best or row["similarity"] > best[key]["similarity"]:
            best[key] = row

    paraphrase_partner = {link.a: link for link in result.links if link.paraphrase}
    for uid, utterance in result.utterance_of.items():
        unit, ref = units[uid], units[result.family_of[uid]]
        if unit.source == ref.source:
            continue
        if uid in paraphrase_partner:
            link = paraphrase_partner[uid]
            similarity, why = link.similarity, f"{link.relation}; renders the reference words of {ref.quote_id}"
        else:
            similarity, why = describe(unit, ref, cache)
        keep({"quote_a": unit.quote_id, "quote_b": ref.quote_id, "similarity": similarity, "relation": why,
              "utterance_id": utterance, "link": "reference"})
    for link in result.links:
        a, b = units[link.a], units[link.b]
        utterance = result.utterance_of.get(link.a)
        if utterance is None or result.utterance_of.get(link.b) != utterance or a.source == b.source:
            continue
        if (a.quote_id, b.quote_id) not in best and (b.quote_id, a.quote_id) not in best:
            keep({"quote_a": a.quote_id, "quote_b": b.quote_id, "similarity": link.similarity,
                  "relation": link.relation, "utterance_id": utterance, "link": "partner"})
    rows = sorted(best.values(), key=lambda r: (r["quote_a"], r["quote_b"]))
    return pd.DataFrame(rows, columns=LINK_COLUMNS)


def pairs_table(result: Alignment) -> pd.DataFrame:
    """Every two versions of one utterance, from different sources, that render overlapping reference words.

    The old all-pairs ``links`` table, for small corpora and for scoring links against a gold annotation: its
    size grows with the square of an utterance's outlets, so ``analyze`` never builds it unasked.
    """
    units = result.units
    members: dict[str, list[int]] = defaultdict(list)
    for uid, utterance in result.utterance_of.items():
        members[utterance].append(uid)
    paraphrased = {uid for link in result.links if link.paraphrase for uid in (link.a, link.b)}
    best: dict[tuple[str, str], dict] = {}
    for utterance, uids in sorted(members.items()):
        ref = units[result.reference_of[utterance]]
        uids = sorted(uids)
        for i, a in enumerate(uids):
            for b in uids[i + 1:]:
                wa, wb = result.main_window_of[a], result.main_window_of[b]
                if units[a].source == units[b].source or not (wa[0] < wb[1] and wb[0] < wa[1]):
                    continue
                shared = " ".join(w.raw for w in ref.words[max(wa[0], wb[0]):min(wa[1], wb[1])])
                blocks = matching_blocks(units[a].norms, units[b].norms)
                similarity = round(window_ratio(units[a].norms, units[b].norms, blocks), 3) if blocks else 0.0
                paraphrase = similarity < 0.5 and (a in paraphrased or b in paraphrased)
                kind = "paraphrase" if paraphrase else "overlap"
                qa, qb = sorted((units[a].quote_id, units[b].quote_id))
                row = {"quote_a": qa, "quote_b": qb, "similarity": min(similarity, 0.5) if paraphrase else similarity,
                       "relation": f"{kind}: both render the reference words '{_clip(shared)}' ({ref.quote_id})",
                       "utterance_id": utterance}
                if (qa, qb) not in best or row["similarity"] > best[(qa, qb)]["similarity"]:
                    best[(qa, qb)] = row
    return pd.DataFrame(sorted(best.values(), key=lambda r: (r["quote_a"], r["quote_b"])), columns=PAIR_COLUMNS)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def membership_table(result: Alignment, texts: dict[str, str]) -> pd.DataFrame:
    """One row per unit that renders an utterance: the quotation, the utterance and the sub-span (module doc)."""
    rows = []
    for uid, utterance in result.utterance_of.items():
        unit, ref = result.units[uid], result.units[result.family_of[uid]]
        start, end = result.window_of[uid]
        rows.append({"quote_id": unit.quote_id, "utterance_id": utterance, "source": unit.source,
                     "start": unit.start, "end": unit.end, "text": texts[unit.source][unit.start:unit.end],
                     "reference_quote": ref.quote_id, "ref_word_from": start, "ref_word_to": end,
                     "is_reference": result.family_of[uid] == uid})
    table = pd.DataFrame(rows, columns=MEMBER_COLUMNS)
    return table.sort_values(["source", "start", "utterance_id"], kind="stable", ignore_index=True)


def quote_utterances(result: Alignment) -> dict[str, str]:
    """quote_id → the utterance most of its units' words belong to (first in document order on ties)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for uid, utterance in result.utterance_of.items():
        votes[result.units[uid].quote_id][utterance] += len(result.units[uid].words)
    return {q: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for q, c in votes.items()}


def utterances_table(result: Alignment, texts: dict[str, str]) -> pd.DataFrame:
    """One row per utterance: speaker, reference and how many sources carry it."""
    members: dict[str, list[int]] = defaultdict(list)
    for uid, utterance in result.utterance_of.items():
        members[utterance].append(uid)
    rows = []
    for utterance, ref_uid in sorted(result.reference_of.items()):
        ref = result.units[ref_uid]
        found = [result.units[u] for u in members[utterance]]
        speakers = Counter(u.speaker for u in found if u.speaker)
        speaker = sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if speakers else ""
        families = {result.family_of[u] for u in members[utterance] if result.units[result.family_of[u]].role != "primary"}
        rows.append({
            "utterance_id": utterance, "speaker": speaker, "reference_source": ref.source,
            "reference_text": texts[ref.source][ref.start:ref.end], "reference_quote": ref.quote_id,
            "reference_start": ref.start, "reference_end": ref.end,
            "reference_basis": result.basis_of[utterance],
            "n_sources": len({u.source for u in found}),
            "n_quotes": len({u.quote_id for u in found}),
            "n_families": max(1, len(families)),
        })
    return pd.DataFrame(rows, columns=UTTERANCE_COLUMNS)


def families(result: Alignment, utterance: str) -> dict[int, list[int]]:
    """Reference uid → the members measured against it, for one utterance (main reference first)."""
    found: dict[int, list[int]] = defaultdict(list)
    main = result.reference_of[utterance]
    found[main] = []
    for uid, utt in sorted(result.utterance_of.items()):
        if utt == utterance:
            family = result.family_of[uid]
            found[main if result.units[family].role == "primary" else family].append(uid)
    return dict(found)


def variant_table(result: Alignment, utterance: str, reference_quote: str | None = None) -> pd.DataFrame:
    """Sources × reference word positions: what each witness prints at each word of a reference.

    Without ``reference_quote``: every witness against the utterance's main reference, family by family (the
    main reference's family first, see :mod:`.references`; row labels name the family where there are several).
    With ``reference_quote`` (a ``quote_utterances.reference_quote``): only the versions measured against that
    reference, aligned exactly as ``edits.csv`` aligns them. Columns are the reference words (position-numbered),
    rows the witnesses by source then quote. A cell holds the witness's word(s) there; ``''`` where the witness
    leaves the word out; ``None`` where the position lies beyond the part of the reference the witness quotes;
    ``+word`` marks words a witness adds before the next reference word. The order of the sources does not
    matter. ``attrs['quote_ids']`` lists each row's quotation.
    """
    groups = families(result, utterance)
    if reference_quote is None:
        ref = result.units[result.reference_of[utterance]]
        chosen = [(founder, members, result.main_window_of) for founder, members in groups.items()]
    else:
        members = [u for u, utt in result.utterance_of.items()
                   if utt == utterance and result.units[result.family_of[u]].quote_id == reference_quote]
        if not members:
            raise KeyError(f"{reference_quote} is not a reference of {utterance}")
        ref = result.units[result.family_of[members[0]]]
        chosen = [(ref.uid, members, result.window_of)]
    columns = [f"{i:02d} {w.raw}" for i, w in enumerate(ref.words)]
    rows, index, quote_ids = [], [], []
    for founder, members, windows in chosen:
        for uid in sorted(members, key=lambda u: (result.units[u].source, result.units[u].start)):
            unit = result.units[uid]
            rows.append(_cells(ref, unit, windows[uid]))
            label = f"{unit.source} ({unit.quote_id.split(':')[-1]})"
            if reference_quote is None and len(groups) > 1:
                label += f" · family {result.units[founder].source}"
            index.append(label)
            quote_ids.append(unit.quote_id)
    table = pd.DataFrame(rows, index=index, columns=columns, dtype=object)
    table.attrs["quote_ids"] = quote_ids
    return table


def _cells(ref: Unit, unit: Unit, window: tuple[int, int]) -> list[str | None]:
    start, end = window
    cells: list[str | None] = [None] * start + [""] * (end - start) + [None] * (len(ref.words) - end)
    matcher = SequenceMatcher(None, ref.norms[start:end], unit.norms, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        raw = [w.raw for w in unit.words[j1:j2]]
        if tag == "insert":
            position = min(start + i1, len(ref.words) - 1)
            cells[position] = f"+{' '.join(raw)} " + (cells[position] or "")
        elif tag == "equal":
            for k in range(i1, i2):
                cells[start + k] = raw[k - i1]
        elif tag == "replace":
            cells[start + i1] = " ".join(raw)
    return cells


def single_utterances(quotes: pd.DataFrame, utterance_of: dict[str, str], first: int) -> tuple[dict[str, str], pd.DataFrame]:
    """Every quotation in no compared utterance as an utterance of its own (a quotation reported once is still
    an utterance): quote_id → its utterance id (numbered from ``first`` in source and document order) and their
    ``utterances`` rows (the quotation is its own reference, basis ``single``)."""
    alone = quotes[~quotes["quote_id"].isin(utterance_of.keys())].sort_values(["source", "start", "quote_id"],
                                                                                kind="stable")
    ids, rows = {}, []
    for number, q in enumerate(alone.itertuples(index=False), start=first):
        utterance = f"u{number:03d}"
        ids[q.quote_id] = utterance
        rows.append({"utterance_id": utterance, "speaker": str(q.speaker or ""), "reference_source": q.source,
                     "reference_text": q.text, "n_sources": 1, "n_quotes": 1, "reference_quote": q.quote_id,
                     "reference_start": int(q.start), "reference_end": int(q.end), "reference_basis": "single",
                     "n_families": 1})
    return ids, pd.DataFrame(rows, columns=UTTERANCE_COLUMNS)


def shared_utterances(utterances: pd.DataFrame) -> pd.DataFrame:
    """The utterances printed by two or more sources (the ones compared), in id order."""
    return utterances[pd.to_numeric(utterances["n_sources"]) >= 2].reset_index(drop=True)

