"""Every ``*_start``/``*_end`` pair of every table, checked against the text it claims (issue 13).

Imported by the span property tests and the bad-input suite: one list of claims, used everywhere.
"""

from __future__ import annotations

import re

# (table, start column, end column, article column, claimed-text column, how the claim is compared)
SPAN_CLAIMS = (
    ("quotes", "start", "end", "source", "text", "exact"),
    ("quotes", "mention_start", "mention_end", "source", "speaker_mention", "exact"),
    ("quotes", "cue_start", "cue_end", "source", "cue", "lower"),
    ("quotes", "relay_start", "relay_end", "source", "relay", "relay"),
    ("quotes", "repair_start", "repair_end", "source", None, "repair"),
    ("garbles", "start", "end", "source", "text", "exact"),
    ("edits", "start", "end", "source", "text", "exact"),
    ("edits", "reference_start", "reference_end", "reference_source", "reference_text", "exact"),
    ("utterances", "reference_start", "reference_end", "reference_source", "reference_text", "exact"),
    ("quote_utterances", "start", "end", "source", "text", "exact"),
    ("people", "example_start", "example_end", "example_source", "variant", "exact"),
)
MARKS = "\"“”„‟«»″'‘’‚‛‹›"


def _relay(printed: str) -> str:
    """A relay as the quotes table names it: leading 'the'/'its' dropped, white space collapsed."""
    return re.sub(r"^(?:the|its)\s+", "", " ".join(printed.split()), flags=re.IGNORECASE)


def claim_holds(how: str, printed: str, claimed) -> bool:
    if how == "exact":
        return printed == str(claimed)
    if how == "lower":
        return printed.lower() == str(claimed)
    if how == "relay":
        return _relay(printed) == str(claimed)
    # a repair span covers the damaged quotation mark it reports
    return any(mark in printed for mark in MARKS)


def false_spans(tables: dict, texts: dict[str, str]) -> list[str]:
    """One line per span whose offsets do not hold the text its row claims (an empty list when all are true).

    A pair of -1 means 'absent' and is skipped; any other value must be 0 <= start <= end <= len(text)."""
    problems = []
    for table, start_col, end_col, source_col, text_col, how in SPAN_CLAIMS:
        frame = tables.get(table)
        if frame is None or frame.empty or start_col not in frame.columns:
            continue
        for row in frame.to_dict("records"):
            start, end = row[start_col], row[end_col]
            if (start, end) == (-1, -1) or (how != "exact" and start == -1):
                continue
            source = row[source_col]
            text = texts.get(source, "")
            claimed = row[text_col] if text_col else None
            if not (0 <= start <= end <= len(text)):
                problems.append(f"{table}.{start_col}: {source} [{start}:{end}] outside the text ({len(text)} chars)")
            elif not claim_holds(how, text[int(start):int(end)], claimed):
                problems.append(f"{table}.{start_col}: {source} [{start}:{end}] reads {text[int(start):int(end)]!r}, "
                                f"the row claims {claimed!r}")
    return problems
