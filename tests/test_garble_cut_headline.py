"""cut_headline: a headline cut in the middle of a word, as the page's own address shows."""

from __future__ import annotations

import pytest

from quotedrift.corpus import load_corpus
from quotedrift.garble import cutheadline


BODY = "\n\nThe president spoke for an hour on Saturday before the first match.\n"


def cut_headline_rows(tmp_path, headline: str, url: str) -> list[str]:
    (tmp_path / "a.txt").write_text(headline + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another report" + BODY, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,outlet,published,url,role,speaker,notes\n"
                                          f"a.txt,A,,{url},report,,\nb.txt,B,,,report,,\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    return [corpus.texts[r["source"]][r["start"]:r["end"]] for r in cutheadline.cut_headlines(corpus)]


@pytest.mark.parametrize("headline, url, expected", [
    ("Chief says he feels like a worker in a bizarre speech on eve of 2",
     "https://example.com/en/article/chief-says-he-feels-like-a-worker-in-bizarre-speech-on-eve-of-2022-world-cup/6378",
     ["on eve of 2"]),
    ("Don’t criticise the hosts, criticise me, says the chief of the governing bo",
     "https://example.com/dont-criticise-the-hosts-criticise-me-says-the-chief-of-the-governing-body",
     ["of the governing bo"]),
])
def test_cut_headline_found(tmp_path, headline, url, expected):
    assert cut_headline_rows(tmp_path, headline, url) == expected


@pytest.mark.parametrize("headline, url", [
    # whole headlines: a full stop or a closing mark ends them, or the address has no longer word there
    ("Chief says he feels like a worker on eve of 2022.", "https://example.com/chief-says-on-eve-of-2022-world-cup"),
    ("Chief says ‘Criticise me’", "https://example.com/chief-says-criticise-me-25728"),
    ("Chief says he feels like a worker on eve of the cup", "https://example.com/chief-feels-like-worker-world-cup"),
    # an address shorter or worded otherwise than its headline: by choice, not a cut
    ("Chief says he feels like a worker on eve of the World Cup", "https://example.com/chief-says-worker-on-eve"),
    ("Chief says he feels like a worker in Qatar", ""),
    ("Part 1 of 2", "https://example.com/part-1-of-2"),
])
def test_cut_headline_legitimate(tmp_path, headline, url):
    assert cut_headline_rows(tmp_path, headline, url) == []
