"""What quotedrift knows about languages and the world, as data.

Every rule that needs to know a country, a news agency, a cue verb, a title or a naming scheme reads it from
the CSV files in this folder, never from Python code: a story the rules were not written for then needs at
most a data row, not a code change. ``README.md`` beside this file lists the tables and their columns.

Tables are read once per process (``functools.cache``) and returned as tuples of dicts (immutable, so a
caller cannot change what another caller sees). Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent


class LexiconError(ValueError):
    """A lexicon table that is missing or malformed (a bug in the package's data, not in the user's input)."""


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``lexicon/<name>.csv`` as dicts (header row gives the keys; ``#`` lines are comments)."""
    path = LEXICON_DIR / f"{name}.csv"
    if not path.is_file():
        raise LexiconError(f"lexicon table {name!r} not found ({path.name})")
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        rows = tuple({key: (value or "").strip() for key, value in row.items() if key}
                     for row in csv.DictReader(lines))
    return rows


@cache
def words(name: str, column: str = "word") -> frozenset[str]:
    """One column of a table as a set of lower-cased entries (for word lists such as cue verbs)."""
    return frozenset(row[column].lower() for row in table(name) if row.get(column))
