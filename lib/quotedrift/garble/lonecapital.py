"""lone_capital: a common word capitalised in mid-sentence that the other outlets print in lower case ("the
international Football critics").

A machine translation, a spinner or a lost sentence break leaves a capital on a common word between two
lower-case words. Names, titles and house style put capitals there too ("Acme Plus" then "the new Plus
plan", "the Design and Product teams", "the President said"), so the evidence is the corpus:

- the word stands alone between lower-case words (not in a run of capitalised words, not after "and" or
  "of" that follow one), in a line that is not in Title Case (a headline);
- it is an English word (wordfreq) but not one of the commonest, which open sentences (a lost sentence
  break: ``midsentence_capital`` reports the function words), not the first word of a page-chrome label
  (``page_chrome`` reports those), not a title or a noun house styles capitalise ("the President", "the
  Government": ``lexicon/titles.csv``, ``lexicon/house_capitals.csv``);
- the outlet capitalises it after a word only there (more often, it is a name to the outlet, "Acme Plus"
  then "the new Plus plan", or its house style);
- the other outlets print it in lower case, at least ``MIN_LOWER`` of them and at least ``LOWER_RATIO``
  times as many as print it capitalised after a word.

One pass over the reports to collect the candidates and one search per text for the candidates' words:
linear in the corpus's length.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from .. import lexicon
from .capitals import FUNCTION_WORDS, _title_case_line
from .registry import register, row
from .util import in_scope_sources, others_count, report_sources
from .words import known, zipf

MIN_LOWER = 2  # other outlets printing the word in lower case (one other outlet: either may be the odd one)
# Outlets printing the word in lower case, per outlet capitalising it after a word, at least. Measured on the
# seven stories: the second word of a product's name, 3 outlets in lower case (the colour) and 2 capitalised
# (the product); "Football" in a translation's "the international Football critics", 19 and 3 ("Most read in
# Football"); any ratio from 2.5 to 6 finds the same rows there.
LOWER_RATIO = 3
# wordfreq Zipf frequency under which a word is judged: words as common as "most" (6.0), "how" (6.2) or "this"
# (6.8) open sentences, and capitalised mid-sentence they are a lost sentence break (midsentence_capital's for
# the function words), not a capital put on a word; "world" (5.9) and "football" (5.1) are judged
SENTENCE_OPENER_ZIPF = 6.0
MAX_OWN_CAPITALS = 1  # times the outlet capitalises the word after a word: more is a name to it or its style
CONNECTORS = frozenset("and or of de du der von van la le di".split())  # join the words of a name or a pair
CONNECTOR_REACH = 40  # characters before a connector searched for the capitalised word it joins
# a lower-case word, a capitalised word of three letters or more, and a lower-case word that no capitalised
# word follows (the capital is not the first of a name: "Force de Frappe", "Ministry of Foreign Affairs")
_CANDIDATE = re.compile(r"""(?<![\w’'.-])(?P<before>[a-z][a-z’'-]*)[ ](?P<word>[A-Z][a-z]{2,})
                            (?=[ ](?P<after>[a-z][\w’'-]*)\b(?![ ][A-Z]))""", re.VERBOSE)
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w’'-]*[ ]$")


@functools.cache
def _left_alone() -> frozenset[str]:
    """Words whose capital another rule reports or a house style puts there: the first words of the page-chrome
    labels of ``lexicon/page_chrome.csv`` ("sign", "most"), titles (``titles.csv``: "the President said") and
    the nouns of ``house_capitals.csv`` ("the Government")."""
    chrome = {r["phrase"].split()[0].lower() for r in lexicon.table("page_chrome")}
    return frozenset(chrome | lexicon.words("titles") | lexicon.words("house_capitals"))


@register("lone_capital", severity=1, colour="#eebefa", scope="corpus",
          explanation="‘{text}’: a common word capitalised in mid-sentence that the other outlets print in "
                      "lower case",
          confirmed_by=("capital",))
def lone_capitals(corpus, quotes=None) -> list[dict]:
    """Common words capitalised between two lower-case words where the other outlets print them in lower case."""
    candidates = [(source, match) for source in report_sources(corpus)
                  for match in _candidates(corpus.texts[source])]
    if not candidates:
        return []
    lower, upper = _printings(corpus, {m.group("word").lower() for _, m in candidates})
    rows = []
    for source, match in candidates:
        word = match.group("word").lower()
        in_lower, capitalised = others_count(lower[word], source), others_count(upper[word], source)
        if in_lower < MIN_LOWER or in_lower < LOWER_RATIO * capitalised:
            continue
        if upper[word][source] > MAX_OWN_CAPITALS:
            continue  # the outlet capitalises the word elsewhere too: a name to it ("Acme Plus"), or its style
        start, end = match.start(), match.end("after")
        text = corpus.texts[source]
        rows.append({"source": source, **row(start, end, "lone_capital",
                     f"‘{text[start:end]}’: ‘{match.group('word')}’ is capitalised in mid-sentence; "
                     f"{in_lower} other outlets print ‘{word}’ in lower case"
                     + (f", {capitalised} capitalise it after a word" if capitalised else ", none capitalises it"))})
    return rows


def _candidates(text: str) -> list[re.Match]:
    """Capitalised common words between lower-case words, outside headlines, names and chrome labels."""
    found = []
    for match in _CANDIDATE.finditer(text):
        word = match.group("word")
        if word in FUNCTION_WORDS or not known(word.lower()) or zipf(word) >= SENTENCE_OPENER_ZIPF \
                or word.lower() in _left_alone():
            continue
        if match.group("before") in CONNECTORS and _CAPITAL_BEFORE.search(
                text, max(0, match.start() - CONNECTOR_REACH), match.start()):
            continue  # the second word of a pair or a name ("Design and Product", "Secretary of State")
        if _title_case_line(text, match.start("word")):
            continue
        found.append(match)
    return found


_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")
_CAPITALISED_AFTER_A_WORD = re.compile(r"(?<=\w[ ])[A-Z][a-z]+(?![A-Za-z])")


def _printings(corpus, words: set[str]) -> tuple[dict[str, set[str]], dict[str, Counter]]:
    """For each of ``words``: the outlets printing it in lower case, and how often each outlet prints it
    capitalised after a word and a space (not at a sentence's start: "Acme Plus", "new Plus plan"). Each text
    is read by two expressions whose matches are gathered in C (a search for the candidates' words as one
    alternation would cost the number of words at every position)."""
    lower: dict[str, set[str]] = defaultdict(set)
    upper: dict[str, Counter] = defaultdict(Counter)
    for source in in_scope_sources(corpus):
        text = corpus.texts[source]
        for word in words.intersection(_LOWER_WORD.findall(text)):
            lower[word].add(source)
        for word, n in Counter(_CAPITALISED_AFTER_A_WORD.findall(text)).items():
            if word.lower() in words:
                upper[word.lower()][source] += n
    return lower, upper
