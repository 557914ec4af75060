"""unbalanced_quote and broken_quote: the repairs the quotation extractor made (``quotes.repair`` columns)."""

from __future__ import annotations

from .registry import register, row


def _repairs(corpus, quotes, kind: str) -> list[dict]:
    if quotes is None or len(quotes) == 0 or "repair" not in quotes:
        return []
    in_scope = set(corpus.articles.loc[corpus.articles["in_scope"].astype(bool), "source"])
    repaired = quotes[(quotes["repair"] == kind) & quotes["source"].isin(in_scope)]
    return [{"source": q.source, **row(int(q.repair_start), int(q.repair_end), kind, str(q.repair_detail))}
            for q in repaired.itertuples()]


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
