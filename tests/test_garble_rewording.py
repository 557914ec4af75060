"""copy_rewording: words of a copied passage that the other copies of it print another way."""

from __future__ import annotations

import pytest

from quotedrift.corpus import load_corpus
from quotedrift.garble import rewording

PASSAGE = ("The minister told reporters on the long flight home that the {0} risk facing the region was to be "
           "drawn into crises that are not its own. He added that the government would {1} its own path and "
           "keep talking to every partner in the months ahead, whatever the cost of the talks.\n")


def rows_of(tmp_path, texts: list[str]) -> list[tuple[str, str, str]]:
    for i, text in enumerate(texts):
        (tmp_path / f"s{i}.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    return [(r["source"], corpus.texts[r["source"]][r["start"]:r["end"]], r["detail"])
            for r in rewording.copy_rewordings(corpus)]


@pytest.mark.parametrize("variant, expected", [
    (("good", "follow"), ["good", "follow"]),  # a spinner's synonyms, word for word
    (("great", "sally forth"), []),  # one departure only: an editor's choice as often as damage
    (("terrible", "chase"), ["terrible", "chase"]),
])
def test_copy_rewording_found(tmp_path, variant, expected):
    usual = PASSAGE.format("great", "choose")
    found = rows_of(tmp_path, [usual] * 3 + [PASSAGE.format(*variant)])
    assert [text for source, text, _ in found] == expected
    assert all(source == "s3" and "3 other copies" in detail for source, _, detail in found)
    if expected:
        assert "‘great’" in found[0][2]


@pytest.mark.parametrize("variant, copies", [
    (("good", "follow"), 1),  # one other copy: either of the two may be the damaged one
    (("greatest", "chooses"), 3),  # grammatical forms of the same words
    (("grandest single", "pick out"), 3),  # more words than the copies print: a rewrite, not a swap
    (("great", "choose"), 3),  # the same words
])
def test_copy_rewording_legitimate(tmp_path, variant, copies):
    usual = PASSAGE.format("great", "choose")
    assert rows_of(tmp_path, [usual] * copies + [PASSAGE.format(*variant)]) == []


def test_copy_rewording_contractions_and_a_witness(tmp_path):
    """A contraction spelled out is house style; a wording another copy also prints has a witness."""
    usual = PASSAGE.format("great", "choose")
    contracted = usual.replace("are not", "aren't").replace("He added", "He said")
    assert rows_of(tmp_path, [usual] * 3 + [contracted]) == []
    spun = PASSAGE.format("good", "follow")
    assert rows_of(tmp_path, [usual] * 3 + [spun, spun]) == []


EXTRA = "Later that evening the delegation held a {0} dinner with the local business leaders and their families.\n"


@pytest.mark.parametrize("spun, expected", [
    (("good", "follow"), ["good", "follow", "noisy"]),  # shown to be reworded: one witness is enough elsewhere
    (("great", "choose"), []),  # a faithful copy: one witness is not evidence
])
def test_copy_rewording_one_witness_in_a_reworded_copy(tmp_path, spun, expected):
    usual = PASSAGE.format("great", "choose")
    texts = [usual + EXTRA.format("quiet"), usual, usual, PASSAGE.format(*spun) + EXTRA.format("noisy")]
    found = rows_of(tmp_path, texts)
    assert [text for source, text, _ in found if source == "s3"] == expected
    assert [source for source, _, _ in found] == ["s3"] * len(expected)
    if expected:
        assert "the other copy that prints the same words around it prints ‘quiet’" in found[-1][2]


NAMED = "Beijing launched drills after President Tsai {0} with the Speaker in California last week.\n"


@pytest.mark.parametrize("variant, printers, expected", [
    ("Ing-meeting wen's", 2, ["Ing-meeting wen's"]),
    ("Ing-wen's meeting", 2, []),
    ("Ing-meeting wen's", 1, []),  # one outlet prints the name: not known well enough
    ("Ing-long wen", 2, ["Ing-long wen"]),
])
def test_split_name(tmp_path, variant, printers, expected):
    from quotedrift.garble import hyphenname

    texts = [NAMED.format("Ing-wen's meeting")] * printers + [NAMED.format(variant)]
    for i, text in enumerate(texts):
        (tmp_path / f"s{i}.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    rows = hyphenname.split_names(corpus)
    assert [corpus.texts[r["source"]][r["start"]:r["end"]] for r in rows] == expected


SAID = "At a briefing on Thursday the spokesman said the country {0} to the comments made in the capital.\n"


@pytest.mark.parametrize("variant, others, expected", [
    ("“Strongly objected”", "strongly objected", ["“Strongly objected”"]),  # others print it in lower case
    ("“Firmly rejected”", "did not comment", ["“Firmly rejected”"]),  # an adverb is never a name
    ("“Soviet weapons” were sent", "did not comment", []),  # a proper adjective keeps its capital
    ("“strongly objected”", "strongly objected", []),
    ("said: “Strongly objected”", "strongly objected", []),  # after a colon: the quotation opens a sentence
])
def test_quote_capital(tmp_path, variant, others, expected):
    from quotedrift.garble import quotecapital

    texts = [SAID.format(others)] * 2 + [SAID.format(variant)]
    for i, text in enumerate(texts):
        (tmp_path / f"s{i}.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    rows = quotecapital.quote_capitals(corpus)
    assert [corpus.texts[r["source"]][r["start"]:r["end"]] for r in rows] == expected


STORY = "The president defended the host country at a long press conference on Saturday in the capital.\n\n"


@pytest.mark.parametrize("line, printed_by_others, expected", [
    ("You can watch the league and more in your country based on your location.", False,
     ["You can watch the league and more in your country based on your location."]),
    ("Whatever decision you make, thank you for your efforts to make the company successful.", True, []),
    ("“You can watch the league and more in your country,” he told your reporter.", False, []),  # quoted
    ("We told you that your vote counts in every election.", False, []),  # first person: someone speaking
])
def test_reader_address(tmp_path, line, printed_by_others, expected):
    from quotedrift.garble import readeraddress

    texts = [STORY + (line + "\n" if printed_by_others else "")] * 2 + [STORY + line + "\n"]
    for i, text in enumerate(texts):
        (tmp_path / f"s{i}.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    rows = readeraddress.reader_addresses(corpus)
    assert [corpus.texts[r["source"]][r["start"]:r["end"]] for r in rows if r["source"] == "s2"] == expected


def _quotes_of(corpus):
    import re

    import pandas as pd

    rows = []
    for source, text in corpus.texts.items():
        for i, m in enumerate(re.finditer(r"“([^”\n]+)”", text)):
            rows.append({"quote_id": f"{source}-{i}", "source": source, "start": m.start(1), "end": m.end(1),
                         "text": m.group(1)})
    return pd.DataFrame(rows, columns=["quote_id", "source", "start", "end", "text"])


ORDERED = "The owner told the staff on Wednesday to be {0} or to leave the company with three months of pay.\n"


@pytest.mark.parametrize("variant, expected", [
    ("“extremely tough”", ["“extremely tough”"]),  # a synonym inside the phrase everyone quotes
    ("“extremely hardcore”", []),
    ("“extremely 3”", []),  # a number
    ("“extremely focused and hardcore”", []),  # not a two-word phrase
])
def test_altered_phrase(tmp_path, variant, expected):
    from quotedrift.garble import phrase

    texts = [ORDERED.format("“extremely hardcore”")] * 3 + [ORDERED.format(variant)]
    for i, text in enumerate(texts):
        (tmp_path / f"s{i}.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    rows = phrase.altered_phrases(corpus, _quotes_of(corpus))
    assert [corpus.texts[r["source"]][r["start"]:r["end"]] for r in rows] == expected
