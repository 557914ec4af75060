"""unbalanced_quote and broken_quote: the repairs the quotation extractor made (``quotes.repair`` columns)."""

from __future__ import annotations

from ..extract.marks import (CLOSING_GLYPHS, DOUBLE_MARKS, LEADING_TAGS_RE, NEXT_PARAGRAPH_REACH, OPENING_GLYPHS,
                             SINGLE_MARKS, left_open_by_convention)
from .registry import register, row
from .util import in_scope_sources


def _repairs(corpus, quotes, kind: str) -> list[dict]:
    if quotes is None or len(quotes) == 0 or "repair" not in quotes:
        return []
    in_scope = set(in_scope_sources(corpus))
    repaired = quotes[(quotes["repair"] == kind) & quotes["source"].isin(in_scope)]
    return [{"source": q.source, **row(int(q.repair_start), int(q.repair_end), kind, str(q.repair_detail))}
            for q in repaired.itertuples()
            if kind != "unbalanced_quote" or not _reported_elsewhere(corpus.texts[q.source], int(q.repair_start))]


def _reported_elsewhere(text: str, at: int) -> bool:
    """Whether an opening mark left without its partner is damage another detector reports better: a second
    curly opening mark later in its paragraph (``quote_marks``: a quotation opened again), or a paragraph break
    inside the sentence, the next paragraph going on in lower case (``broken_sentence``). Marks left open by
    the newspaper convention (the quotation runs on into a paragraph that opens with a mark, or to the end of
    the captured text) are no damage: :func:`quotedrift.extract.marks.left_open_by_convention`, the one rule
    for that, which the extractor applies too."""
    if left_open_by_convention(text, at):
        return True
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    rest = text[at + 1:end]
    if text[at:at + 1] == "“" and "“" in rest.split("”")[0]:
        return True
    following = LEADING_TAGS_RE.sub("", text[end:end + NEXT_PARAGRAPH_REACH]).lstrip()
    return rest.rstrip()[-1:].isalpha() and following[:1].islower() and not _closed_in(rest)


def _closed_in(rest: str) -> bool:
    """Whether a double closing mark (apostrophes aside) stands in the rest of the paragraph."""
    return any(c in rest for c in CLOSING_GLYPHS + DOUBLE_MARKS if c not in SINGLE_MARKS + OPENING_GLYPHS)


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
