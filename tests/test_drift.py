"""Drift: every difference against the reference, classified cosmetic / editorial / substantive."""

from __future__ import annotations

import pytest

from quotedrift import drift
from quotedrift.wording import words

REFERENCE = "Trying to tarnish the image of the DPRK by fabricating a non-existent thing is a grave provocation"


def edits(witness: str, reference: str = REFERENCE) -> list[tuple[str, str, str, str]]:
    found = drift.compare_words(words(reference), words(witness), reference, witness)
    return [(e["op"], e["reference_text"], e["text"], e["category"]) for e in found]


@pytest.mark.parametrize(
    ("witness", "expected"),
    [
        (REFERENCE, []),
        (REFERENCE.upper(), None),  # every word a case edit, all cosmetic
        ("Trying to tarnish the image of the DPRK, by fabricating a non-existent thing, is a grave provocation",
         [("punctuation", "", ",", "cosmetic"), ("punctuation", "", ",", "cosmetic")]),
        (REFERENCE.replace("tarnish", "distort"), [("replace", "tarnish", "distort", "substantive")]),
        (REFERENCE.replace("grave", "serious"), [("replace", "grave", "serious", "substantive")]),
        (REFERENCE.replace("of the DPRK", "of [North Korea]"),
         [("bracketed_insertion", "the DPRK", "North Korea", "editorial")]),
        (REFERENCE.replace("of the DPRK", "of (North Korea)"),
         [("bracketed_insertion", "the DPRK", "North Korea", "editorial")]),
        (REFERENCE.replace(" by fabricating a non-existent thing", " ..."),
         [("ellipsis", "by fabricating a non-existent thing", "", "editorial")]),
        (REFERENCE.replace("a grave", "a very grave"), [("insert", "", "very", "substantive")]),
        (REFERENCE.replace("non-existent ", ""), [("delete", "non-existent", "", "substantive")]),
    ],
)
def test_compare_words(witness, expected):
    found = edits(witness)
    if expected is None:
        assert found and {category for *_, category in found} == {"cosmetic"}
    else:
        assert found == expected


@pytest.mark.parametrize(
    ("reference", "witness", "op"),
    [
        ("that can not but trigger its reaction", "that cannot but trigger its reaction", "spelling"),
        ("the self-made rumour against us", "the self-made rumor against us", "spelling"),
        ("the U.S. should be mindful", "the US should be mindful", "spelling"),
        ("the U.S. should be mindful", "The U.S. should be mindful", "case"),
        ("a ‘rumor of arms’ dealing", "a 'rumor of arms' dealing", None),  # quote style: not an edit
        ("It is a blatant provocation", "It’s a blatant provocation", "spelling"),
        ("we do not want a bloc logic", "we don't want a bloc logic", "spelling"),
        ("for the next 3,000 years", "for the next 3000 years", "spelling"),  # thousands separator
        ("for the next 3,000 years", "for the next 3 000 years", "spelling"),
    ],
)
def test_cosmetic_differences(reference, witness, op):
    found = edits(witness, reference)
    if op is None:
        assert found == []
    else:
        assert [(e[0], e[3]) for e in found] == [(op, "cosmetic")]


def test_edit_spans_point_at_the_evidence():
    witness = "He said: Trying to distort the image of the DPRK by fabricating a non-existent thing is a grave provocation"
    found = drift.compare_words(words(REFERENCE), words(witness, 9), REFERENCE, witness)
    (edit,) = found
    assert witness[edit["start"]:edit["end"]] == "distort"
    assert REFERENCE[edit["reference_start"]:edit["reference_end"]] == "tarnish"
    assert edit["detail"] == "[-tarnish-]{+distort+}"


@pytest.mark.parametrize(
    ("substantive", "aligned", "expected"),
    [(0, 40, 1.0), (10, 40, 0.75), (50, 40, 0.0), (0, 0, None), (0, 5, None), (3, 6, 0.5)],
)
def test_fidelity(substantive, aligned, expected):
    assert drift.fidelity(substantive, aligned) == expected


@pytest.mark.parametrize(
    ("report", "inserted"),
    [
        ("Today I feel gay… today I feel gay.", [("insert", "today I feel gay.", 4)]),  # printed twice
        ("Today I feel gay.", []),
        ("Today I feel Arab. Today I feel gay.", []),  # two sentences said, each once
        ("Today I feel Arab, today I feel gay.", []),  # two sentences printed as one: one passage of the primary
        ("Today I feel Arab, I feel gay.", [("delete", "", 1)]),  # ... that drops a word
    ],
)
def test_a_sentence_one_quotation_prints_twice_is_an_insertion(report, inserted):
    import pandas as pd

    from quotedrift import align

    said = "Today I feel Arab. Today I feel gay."
    texts = {"fifa": said, "a": report, "b": said}
    quotes = pd.DataFrame([{"quote_id": f"{s}:q0", "source": s, "start": 0, "end": len(t), "text": t,
                            "kind": "statement" if s == "fifa" else "direct", "speaker": "Gianni Infantino"}
                           for s, t in texts.items()])
    result = align.align(quotes, texts, {"fifa": "primary", "a": "report", "b": "report"})
    table = drift.edits_table(result, texts)
    found = table[(table["source"] == "a") & (table["category"] != "cosmetic")]
    assert [(r.op, r.text, r.words) for r in found.itertuples()] == inserted
    assert all(texts[s][a:b] == t for s, a, b, t in table[["source", "start", "end", "text"]].itertuples(index=False))


FEELINGS = "Today I feel Qatari. Today I feel Arab. Today I feel African. Today I feel gay. Today I feel disabled."


@pytest.mark.parametrize(
    ("witness", "rendered"),
    [
        ("Today I feel gay… today I feel disabled", "Today I feel gay. Today I feel disabled"),  # partial, not dropped
        ("Today I feel Qatari. Today I feel Arab.", "Today I feel Qatari. Today I feel Arab"),
        (FEELINGS, FEELINGS.rstrip(".")),
        ("Today I feel Qatari. Today I feel African. Today I feel gay. Today I feel disabled.",
         FEELINGS.rstrip(".")),  # a sentence dropped inside the quotation stays inside what it renders
        ("Today I feel Qatari. Today I feel Arab. Today I feel African. Today I feel happy. Today I feel proud.",
         FEELINGS.rstrip(".")),  # replaced words at the end are rendered words, not unquoted ones
    ],
)
def test_a_partial_quotation_renders_only_the_words_it_quotes(witness, rendered):
    from quotedrift.wording import rendered_span
    reference = words(FEELINGS)
    lo, hi = rendered_span(tuple(w.norm for w in reference), tuple(w.norm for w in words(witness)))
    assert FEELINGS[reference[lo].start:reference[hi - 1].end] == rendered


@pytest.mark.parametrize(
    ("witness", "substantive_words"),
    [
        (REFERENCE.replace("Trying to tarnish", "Trying to badly tarnish"), 1),
        # "by fabricating a non-existent thing" moved to the front: six words ("non-existent" is two), counted once
        ("by fabricating a non-existent thing Trying to tarnish the image of the DPRK is a grave provocation", 6),
        (REFERENCE, 0),
    ],
)
def test_a_moved_passage_counts_its_words_once(witness, substantive_words):
    found = drift.compare_words(words(REFERENCE), words(witness), REFERENCE, witness)
    assert sum(e["words"] for e in found if e["category"] == "substantive") == substantive_words
