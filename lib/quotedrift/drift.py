"""Stage 4a: textual drift — every difference between a quotation and its utterance's reference.

Each witness is aligned word by word to the run of reference words it renders (``difflib`` opcodes on
cosmetically normalised words, see :mod:`quotedrift.wording`); inside a replaced word the character detail
comes from diff-match-patch (timeout 0, so the output is deterministic). Every edit is classified:

- ``cosmetic``: case, punctuation and quote style, US/UK spelling, "can not"/"cannot", dotted abbreviations
  (ops ``case``, ``spelling``, ``punctuation``);
- ``editorial``: an editor's visible hand — a bracketed or parenthesised insertion, also where it stands in
  for reference words ("[the country]" for its official name), and words left out at an ellipsis
  (ops ``bracketed_insertion``, ``ellipsis``);
- ``substantive``: words replaced, added, dropped or moved (ops ``replace``, ``insert``, ``delete``,
  ``reorder``); a sentence that one quotation prints twice is an insertion of the whole repeated sentence.

``edits`` columns
    utterance_id, quote_id, source, op, reference_text, text, category, words (reference or witness words
    the edit touches, whichever is more; a moved passage counts once, on its ``reorder`` row in the witness),
    start, end (span in the witness's article; empty span for a deletion), reference_source, reference_start,
    reference_end (span in the reference's article), detail.

Fidelity of a source (see :func:`fidelity`) is recomputable from ``edits.csv`` and the ``aligned_words``
column of the scorecard: ``fidelity = max(0, 1 - substantive_words / aligned_words)`` where
``substantive_words`` is the sum of ``words`` over the source's substantive edits and ``aligned_words`` the
number of reference words its linked quotations render; a source whose quotations render fewer than
``MIN_FIDELITY_WORDS`` reference words has no fidelity (a label quoted in passing measures nothing).
"""

from __future__ import annotations

import functools
import pandas as pd
from diff_match_patch import diff_match_patch

from .align import Alignment
from .wording import Word, word_opcodes

EDIT_COLUMNS = ["utterance_id", "quote_id", "source", "op", "reference_text", "text", "category", "words",
                "start", "end", "reference_source", "reference_start", "reference_end", "detail"]
CATEGORY_OF = {
    "case": "cosmetic", "spelling": "cosmetic", "punctuation": "cosmetic",
    "bracketed_insertion": "editorial", "ellipsis": "editorial",
    "replace": "substantive", "insert": "substantive", "delete": "substantive", "reorder": "substantive",
}
# reference words a source's linked quotations must render for its fidelity to be reported: a sentence, not a
# label ("moral lessons", "hypocrisy" quoted in passing); the same length as a wording that founds a translation
# family (align.references.MIN_FAMILY_WORDS). On the four gold stories it leaves two faithful and two spun
# copies unmeasured, which render 2 to 5 reference words each.
MIN_FIDELITY_WORDS = 6
_QUOTE_STYLE = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'"})


def edits_table(result: Alignment, texts: dict[str, str]) -> pd.DataFrame:
    """Every edit of every witness against the reference it is measured against (its utterance's reference, or
    its translation family's), in utterance and document order. A reference has no edits against itself."""
    rows: list[dict] = []
    printed: set[tuple[str, str, tuple[str, ...]]] = set()  # (utterance, quotation, words) already rendered
    for uid, utterance in sorted(result.utterance_of.items(), key=lambda kv: (kv[1], kv[0])):
        ref = result.units[result.family_of[uid]]
        if uid == ref.uid:
            continue
        unit = result.units[uid]
        start, end = result.window_of[uid]
        key = (utterance, unit.quote_id, unit.norms)
        if key in printed:
            rows.append({"utterance_id": utterance, "quote_id": unit.quote_id, "source": unit.source,
                         "reference_source": ref.source, **repeated_sentence(unit, texts[unit.source])})
            continue
        printed.add(key)
        for edit in compare_words(ref.words[start:end], unit.words, texts[ref.source], texts[unit.source]):
            rows.append({"utterance_id": utterance, "quote_id": unit.quote_id, "source": unit.source,
                         "reference_source": ref.source, **edit})
    table = pd.DataFrame(rows, columns=EDIT_COLUMNS)
    return table.astype({"words": int, "start": int, "end": int, "reference_start": int, "reference_end": int})


def repeated_sentence(unit, text: str) -> dict:
    """A sentence a quotation prints a second time ("Today I feel gay… today I feel gay."): the speaker said it
    once, so the copy adds its words (a substantive insertion of the whole sentence)."""
    return _row("insert", "", 0, 0, text, unit.start, unit.end, _distinct(unit.words),
                "the quotation prints this sentence a second time")


def compare_words(reference: list[Word], witness: list[Word], ref_text: str, text: str) -> list[dict]:
    """Edits turning the reference words into the witness words, each with spans on both sides."""
    edits: list[dict] = []
    for tag, i1, i2, j1, j2 in word_opcodes(tuple(w.norm for w in reference), tuple(w.norm for w in witness)):
        if tag == "equal":
            edits += _cosmetic_edits(reference[i1:i2], witness[j1:j2], ref_text, text)
        else:
            edits.append(_word_edit(tag, reference[i1:i2], witness[j1:j2], ref_text, text, witness, j1))
    return _mark_reorders(edits)


def _cosmetic_edits(ref: list[Word], wit: list[Word], ref_text: str, text: str) -> list[dict]:
    """Case and spelling differences inside words that normalise alike, and punctuation between them."""
    edits = []
    for (rs, re_), (ws, we) in _printed_pairs(ref, wit):
        old, new = ref_text[rs:re_], text[ws:we]
        if old != new:
            op = "case" if old.lower() == new.lower() else "spelling"
            edits.append(_row(op, ref_text, rs, re_, text, ws, we, 1, f"{old} → {new}"))
    for k, (r, w) in enumerate(zip(ref, wit)):
        if k + 1 < len(ref) and ref[k + 1].start != r.start and wit[k + 1].start != w.start:
            ref_gap, wit_gap = ref_text[r.end:ref[k + 1].start], text[w.end:wit[k + 1].start]
            if _punctuation(ref_gap) != _punctuation(wit_gap):
                (rs, re_), (ws, we) = _marks(ref_text, r.end, ref[k + 1].start), _marks(text, w.end, wit[k + 1].start)
                edits.append(_row("punctuation", ref_text, rs, re_, text, ws, we, 0,
                                  f"{ref_gap.strip() or '(none)'} → {wit_gap.strip() or '(none)'}"))
    return edits


def _printed_pairs(ref: list[Word], wit: list[Word]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs of printed-word spans behind equal normalised words ("can not" ↔ "cannot" is one pair)."""
    pairs: list[list[int]] = []
    for r, w in zip(ref, wit):
        if pairs and (pairs[-1][0] == r.start or pairs[-1][2] == w.start):
            pairs[-1][1], pairs[-1][3] = max(pairs[-1][1], r.end), max(pairs[-1][3], w.end)
        else:
            pairs.append([r.start, r.end, w.start, w.end])
    return [((a, b), (c, d)) for a, b, c, d in pairs]


def _marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the punctuation in a gap between two words (empty at the gap's start when there is none)."""
    gap = text[start:end]
    if not gap.strip():
        return start, start
    left = len(gap) - len(gap.lstrip())
    right = len(gap.rstrip())
    return start + left, start + right


def _punctuation(gap: str) -> str:
    """The marks in a gap between words, quote style unified, white space dropped."""
    return "".join(gap.translate(_QUOTE_STYLE).split())


def _word_edit(tag: str, ref: list[Word], wit: list[Word], ref_text: str, text: str,
               witness: list[Word], j1: int) -> dict:
    """One replace / insert / delete opcode, classified."""
    if tag == "delete":
        position = witness[j1].start if j1 < len(witness) else (witness[-1].end if witness else 0)
        elided = j1 < len(witness) and witness[j1].after_ellipsis
        return _row("ellipsis" if elided else "delete", ref_text, ref[0].start, ref[-1].end,
                    text, position, position, _distinct(ref), "")
    bracketed = all(w.bracketed for w in wit)
    op = "bracketed_insertion" if bracketed else tag
    ref_start, ref_end = (ref[0].start, ref[-1].end) if ref else (0, 0)
    detail = _char_detail(ref_text[ref_start:ref_end], text[wit[0].start:wit[-1].end]) if ref else ""
    return _row(op, ref_text, ref_start, ref_end, text, wit[0].start, wit[-1].end,
                max(_distinct(ref), _distinct(wit)), detail)


def _distinct(words: list[Word]) -> int:
    """Number of printed words (``cannot`` normalises to two words but is one)."""
    return len({(w.start, w.end) for w in words})


def _row(op: str, ref_text: str, ref_start: int, ref_end: int, text: str, start: int, end: int,
         n_words: int, detail: str) -> dict:
    return {"op": op, "reference_text": ref_text[ref_start:ref_end], "text": text[start:end],
            "category": CATEGORY_OF[op], "words": n_words, "start": start, "end": end,
            "reference_start": ref_start, "reference_end": ref_end, "detail": detail}


@functools.lru_cache(maxsize=1 << 16)
def _char_detail(old: str, new: str) -> str:
    """Character-level diff of a replacement: ``[-old-]{+new+}`` marks, deterministic (no timeout)."""
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(old, new)
    engine.diff_cleanupSemantic(diffs)
    marks = {0: "{}", -1: "[-{}-]", 1: "{{+{}+}}"}
    return "".join(marks[op].format(chunk) for op, chunk in diffs)


def _mark_reorders(edits: list[dict]) -> list[dict]:
    """A deletion and an insertion of the same words is one moved passage: both become ``reorder``. The passage's
    words are counted once, on the row where they now stand (the row where they stood counts 0 words), so that
    moving "around the world" weighs on fidelity as three words, not six."""
    deleted = {e["reference_text"].lower(): e for e in edits if e["op"] == "delete"}
    for edit in edits:
        moved = deleted.get(edit["text"].lower()) if edit["op"] == "insert" else None
        if moved is not None:
            edit["op"] = moved["op"] = "reorder"
            moved["words"] = 0
            moved["detail"] = "moved: its words are counted on the row where they now stand"
    return edits


def aligned_words(result: Alignment) -> pd.Series:
    """Reference words rendered by each source's linked quotations (the fidelity denominator)."""
    counts: dict[str, int] = {}
    for uid, window in result.window_of.items():
        source = result.units[uid].source
        counts[source] = counts.get(source, 0) + (window[1] - window[0])
    return pd.Series(counts, dtype=int, name="aligned_words")


def fidelity(substantive_words: int, aligned: int) -> float | None:
    """1.0 when a source's quotations differ from their references only cosmetically or editorially; falls
    with the share of reference words touched by substantive edits; None with fewer than MIN_FIDELITY_WORDS
    aligned (a label quoted in passing is no evidence of how an outlet reproduces what was said)."""
    if aligned < MIN_FIDELITY_WORDS:
        return None
    return round(max(0.0, 1.0 - substantive_words / aligned), 3)
