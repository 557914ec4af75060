"""unbalanced_quote and broken_quote: the repairs the quotation extractor made (``quotes.repair`` columns)."""

from __future__ import annotations

import re

from .registry import register, row


_TAGS = re.compile(r"^(?:\s*<[^<>\n]{1,300}>)+")  # HTML tags printed before a paragraph ("<p>“…")
OPENING_MARKS = "“\"‘'«„"
CLOSING_MARKS = "”\"’'»″"


def _repairs(corpus, quotes, kind: str) -> list[dict]:
    if quotes is None or len(quotes) == 0 or "repair" not in quotes:
        return []
    in_scope = set(corpus.articles.loc[corpus.articles["in_scope"].astype(bool), "source"])
    repaired = quotes[(quotes["repair"] == kind) & quotes["source"].isin(in_scope)]
    return [{"source": q.source, **row(int(q.repair_start), int(q.repair_end), kind, str(q.repair_detail))}
            for q in repaired.itertuples()
            if kind != "unbalanced_quote" or not _left_open_by_convention(corpus.texts[q.source], int(q.repair_start))]


def _left_open_by_convention(text: str, at: int) -> bool:
    """Whether an opening mark left without its partner is not damage: the quotation runs on into the next
    paragraph, which opens with a mark again (the newspaper convention for a quotation of several
    paragraphs), or it runs to the end of the text (the capture of the page was cut there). A second opening
    mark later in the same paragraph is reported by the ``quote_marks`` detector instead."""
    mark = text[at:at + 1]
    if mark not in OPENING_MARKS:
        return False
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    rest = text[at + 1:end]
    if mark == "“" and "“" in rest.split("”")[0]:
        return True
    if any(c in rest for c in CLOSING_MARKS if c not in "'’"):
        return False
    following = _TAGS.sub("", text[end:end + 400]).lstrip()
    if rest.rstrip()[-1:].isalpha() and following[:1].islower():
        return True  # a paragraph break inside the sentence: the broken_sentence detector reports it
    return not following or following[0] in OPENING_MARKS


@register("unbalanced_quote", severity=2, colour="#ffec99", scope="corpus",
          explanation="‘{text}’: a quotation mark without its partner",
          confirmed_by=("quote marks", "curly/straight", "misplaced quote", "quotation mark"))
def unbalanced_quotes(corpus, quotes=None) -> list[dict]:
    """Quotation marks the extractor could not pair."""
    return _repairs(corpus, quotes, "unbalanced_quote")


@register("broken_quote", severity=2, colour="#ffec99", scope="corpus",
          explanation="‘{text}’: a quotation split by a paragraph break",
          confirmed_by=("quote marks", "quotation mark", "split"))
def broken_quotes(corpus, quotes=None) -> list[dict]:
    """Quotations the extractor found split by a paragraph break."""
    return _repairs(corpus, quotes, "broken_quote")
