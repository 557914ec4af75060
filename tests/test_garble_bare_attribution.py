"""bare_attribution: a pronoun and a speech verb left as a sentence of their own, cut off from the words they
attribute."""

from __future__ import annotations

import pytest

from quotedrift.garble import bareattribution


def spans(rows: list[dict], text: str) -> list[str]:
    return [text[r["start"]:r["end"]] for r in rows]


@pytest.mark.parametrize("text, expected", [
    ("The embassy's spokesman said the president misspoke.\nHe tweeted. The palace said nothing.", ["He tweeted."]),
    ("He said. \"Demands for equality cannot be treated as a culture war.\"", ["He said."]),
    ("The ministry denied the report on Monday. It added. Officials declined to comment.", ["It added."]),
    ("The two leaders met for six hours.\n\nThey said.\n\nThe talks will resume in May.", ["They said."]),
])
def test_bare_attribution_found(text, expected):
    assert spans(bareattribution.bare_attributions(text), text) == expected


@pytest.mark.parametrize("text", [
    "“We will not go,” he said. Then he left the room.",
    "“We will not go.” He said. Then he left.",  # after a closing mark: the attribution stands by its words
    "He said he tweeted the statement himself.",
    "He said no. She said yes.",
    "That is what he said. The talks went on.",
    "She added: “We will.”",
    "He said nothing more about the talks.",
    "Mr. Biden said. The rest of the speech was lost.",  # a name is no evidence (an abbreviation before it)
    "Asked about the deal, she said: “It is done.”",
])
def test_bare_attribution_legitimate(text):
    assert bareattribution.bare_attributions(text) == []
