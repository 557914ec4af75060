"""boilerplate and duplicated_text: the page chrome and repeated lines the corpus loader already marks."""

from __future__ import annotations

from .registry import register, row


def _loader_rows(corpus, kind: str) -> list[dict]:
    chrome = getattr(corpus, "boilerplate", None)
    if chrome is None or len(chrome) == 0:
        return []
    return [{"source": b.source, **row(int(b.start), int(b.end), kind, str(b.detail))}
            for b in chrome.itertuples() if b.kind == kind]


@register("boilerplate", severity=1, colour="#d9d9d9", scope="corpus",
          explanation="‘{text}’: page chrome or link residue, not part of the article",
          confirmed_by=("boilerplate", "chrome", "sidebar", "widget", "footer", "header", "sign-up", "short link"))
def loader_boilerplate(corpus, quotes=None) -> list[dict]:
    """Page chrome and link residue found by the corpus loader."""
    return _loader_rows(corpus, "boilerplate")


@register("duplicated_text", severity=1, colour="#e0d4f5", scope="corpus",
          explanation="‘{text}’: a line printed twice",
          confirmed_by=("duplicated", "twice", "repeated", "caption"))
def loader_duplicated_text(corpus, quotes=None) -> list[dict]:
    """Lines printed twice, found by the corpus loader."""
    return _loader_rows(corpus, "duplicated_text")
