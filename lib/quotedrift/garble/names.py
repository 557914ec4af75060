"""name_inconsistency: one person spelled in incompatible ways within one article (speaker resolution)."""

from __future__ import annotations

from rapidfuzz.distance import DamerauLevenshtein

from ..people.names import name_variants_in_text
from .registry import register, row
from .util import listing as _listing

MISSPELLING_EDITS = 1  # a letter dropped, added, changed or two swapped: a misspelling, not a familiar form


@register("name_inconsistency", severity=3, colour="#fcc2d7",
          explanation="‘{text}’: one person is spelled in several ways in this article",
          confirmed_by=("named", "spelling", "spelled"))
def name_inconsistencies(text: str, words=None) -> list[dict]:
    """One person spelled in incompatible ways within one article ("Park Jong-jun", "Park Jung Joon"),
    from the speaker resolution (``people.names.name_variants_in_text``); every spelling of the group is a row."""
    rows = []
    for group in name_variants_in_text(text):
        spellings = list(dict.fromkeys(name for _, _, name in group))
        if _short_forms(spellings) or _full_name_beside_familiar(spellings):
            continue
        for start, end, name in group:
            others = [s for s in spellings if s != name]
            if not others:
                continue
            rows.append(row(start, end, "name_inconsistency",
                            f"‘{text[start:end]}’: the same person is also written "
                            + _listing(others) + " in this article"))
    return rows


def _full_name_beside_familiar(spellings: list[str]) -> bool:
    """Whether one spelling is a full name with more given names than the other, the same surname, and a
    first given name with the same first letter: the person's full name beside the familiar one
    ("Giovanni Vincenzo Rossi", "Gianni Rossi"), as biographies print them. A familiar form made by
    shortening keeps the given name's first letter (Gianni, Alex, Kate); one that does not (Bill for William)
    stays a row. A given name one letter off ("Govanni"), a misspelled surname ("Gianni Rosi") and same-length
    variants ("Gainni Rossi") are not excused."""
    if len(spellings) != 2:
        return False
    short, full = sorted((s.split() for s in spellings), key=len)
    if len(full) <= len(short) or short[-1] != full[-1]:
        return False
    familiar, given = short[0].lower(), full[0].lower()
    return familiar[:1] == given[:1] and DamerauLevenshtein.distance(familiar, given) > MISSPELLING_EDITS


def _short_forms(spellings: list[str]) -> bool:
    """Whether the spellings differ only by a given name and its short form inside it ("Tony Smith" and
    "Antony Smith"): a familiar form, not a misspelling."""
    parts = [s.split() for s in spellings]
    if len(parts) != 2 or any(len(p) != 2 for p in parts) or parts[0][1] != parts[1][1]:
        return False
    a, b = sorted((parts[0][0].lower(), parts[1][0].lower()), key=len)
    return len(a) >= 3 and a in b
