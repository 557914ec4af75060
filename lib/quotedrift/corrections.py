"""The review loop: a reader's corrections, kept beside the corpus in ``corrections.csv``, applied on every run.

A reader who disagrees with a row writes one line per change::

    row_id,field,value,note
    000_9b930dce00ab652e:q004,speaker,Kim Su Min,the statement is hers (ZNA 29 Jan)
    002_12439db231305b66:1205:1373,kind,none,not damage: the quotation really ends there

``row_id`` is a ``quote_id`` of the quotes table or a ``garble_id`` of the garbles table (``source:start:end``).
Quotations take ``speaker``, ``speaker_mention``, ``cue``, ``relay`` and ``kind``; a garble row takes
``kind`` — another kind relabels it, ``none`` says it is not damage and removes it. Corrections are applied
right after the stage that found the row, so everything downstream (alignment, attribution, scorecard) is
computed from the corrected data. A corrected mention, cue or relay has its span set to -1, -1 (it is the
reader's word now, not the article's). Each corrected row says so in its ``corrected`` column ("field: old → new
(note)"); the rows removed are listed in ``Analysis.rejected``. The file is only read, never written.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .corpus import CorpusError

FILE = "corrections.csv"
COLUMNS = ("row_id", "field", "value", "note")
QUOTE_FIELDS = ("speaker", "speaker_mention", "cue", "relay", "kind")
# A corrected field no longer reads what the article prints at its span: the span is set to -1, -1 (absent),
# so every remaining span stays evidence.
SPAN_OF = {"speaker_mention": ("mention_start", "mention_end"), "cue": ("cue_start", "cue_end"),
           "relay": ("relay_start", "relay_end")}
GARBLE_FIELDS = ("kind",)
NOT_DAMAGE = "none"


def read_corrections(folder: str | Path) -> pd.DataFrame:
    """The corrections of a corpus folder (empty when it has no corrections.csv), with the CSV line of each.
    Raises CorpusError (one line naming the file and line) on a missing column or an unknown field."""
    path = Path(folder) / FILE
    if not path.is_file():
        return pd.DataFrame(columns=[*COLUMNS, "line"])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorpusError(f"{FILE}: undecodable bytes at offset {err.start} (the file must be UTF-8)") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS[:3] if c not in (reader.fieldnames or [])]
    if missing:
        raise CorpusError(f"{FILE}: no '{missing[0]}' column (the header is row_id,field,value,note)")
    rows = []
    for line, row in enumerate(reader, start=2):
        field = (row.get("field") or "").strip()
        if field not in QUOTE_FIELDS:
            raise CorpusError(f"{FILE} line {line}: field '{field}' cannot be corrected "
                              f"(choose from {', '.join(QUOTE_FIELDS)})")
        rows.append({"row_id": (row.get("row_id") or "").strip(), "field": field,
                     "value": (row.get("value") or "").strip(), "note": (row.get("note") or "").strip(),
                     "line": line})
    return pd.DataFrame(rows, columns=[*COLUMNS, "line"])


def garble_ids(garbles: pd.DataFrame) -> pd.Series:
    """``source:start:end`` for every garble row (what corrections.csv names it by)."""
    if garbles.empty:
        return pd.Series([], dtype=str, index=garbles.index)
    return garbles["source"].astype(str) + ":" + garbles["start"].astype(int).astype(str) + ":" + \
        garbles["end"].astype(int).astype(str)


def _mark(old: object, new: str, field: str, note: str) -> str:
    old = "" if old is None or (isinstance(old, float) and pd.isna(old)) else str(old)
    return f"{field}: {old or '—'} → {new or '—'}" + (f" ({note})" if note else "")


def apply_to_quotes(quotes: pd.DataFrame, corrections: pd.DataFrame) -> pd.DataFrame:
    """Quotations with their corrections applied and a ``corrected`` column (empty where untouched).
    Corrections naming a garble are left for :func:`apply_to_garbles`; an id that names neither a quotation
    nor the form of a garble id is an error (CorpusError, one line)."""
    quotes = quotes.copy()
    quotes["corrected"] = ""
    position = {qid: i for i, qid in zip(quotes.index, quotes["quote_id"].astype(str))}
    for row in corrections.itertuples(index=False):
        if row.row_id not in position:
            if not _looks_like_garble_id(row.row_id):
                raise CorpusError(f"{FILE} line {row.line}: no quotation or garble row '{row.row_id}'")
            continue
        i = position[row.row_id]
        quotes.at[i, "corrected"] = "; ".join(
            filter(None, [quotes.at[i, "corrected"], _mark(quotes.at[i, row.field], row.value, row.field, row.note)]))
        quotes.at[i, row.field] = row.value
        for column in SPAN_OF.get(row.field, ()):
            if column in quotes:
                quotes.at[i, column] = -1
    return quotes


def _looks_like_garble_id(row_id: str) -> bool:
    parts = row_id.rsplit(":", 2)
    return len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit()


def apply_to_garbles(garbles: pd.DataFrame, corrections: pd.DataFrame,
                     quote_ids: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(garbles corrected, rows removed as not damage). Adds ``garble_id`` and ``corrected`` columns. An id that
    names no row here is skipped: the garble stage runs in two steps (before and after alignment), so an id
    unknown to one may name a row of the other; :func:`check_garble_ids` reports the ids that name neither."""
    garbles = garbles.copy()
    garbles["garble_id"] = garble_ids(garbles)
    garbles["corrected"] = ""
    position = {gid: i for i, gid in zip(garbles.index, garbles["garble_id"])}
    rejected = []
    for row in corrections.itertuples(index=False):
        if row.row_id in quote_ids:
            continue
        if row.row_id not in position:
            continue
        if row.field not in GARBLE_FIELDS:
            raise CorpusError(f"{FILE} line {row.line}: a garble row takes only 'kind' (a kind, or '{NOT_DAMAGE}')")
        i = position[row.row_id]
        garbles.at[i, "corrected"] = _mark(garbles.at[i, "kind"], row.value, "kind", row.note)
        if row.value == NOT_DAMAGE:
            rejected.append(i)
        else:
            garbles.at[i, "kind"] = row.value
    removed = garbles.loc[rejected]
    return garbles.drop(index=rejected).reset_index(drop=True), removed.reset_index(drop=True)


def check_garble_ids(corrections: pd.DataFrame, quote_ids: set[str], *tables: pd.DataFrame) -> None:
    """Raise CorpusError (one line) for the first correction that names neither a quotation nor a row of the
    garble tables (``garble_id`` column: the corrected rows and the rejected ones)."""
    known = set(quote_ids).union(*(set(t["garble_id"]) for t in tables if "garble_id" in t))
    for row in corrections.itertuples(index=False):
        if row.row_id not in known:
            raise CorpusError(f"{FILE} line {row.line}: no quotation or garble row '{row.row_id}'")
