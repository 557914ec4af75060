"""lost_quote_marks: someone's words printed as the report's own, their quotation marks lost.

A report speaks of people in the third person; first-person words outside quotation marks are someone
else's words whose marks were lost in copying or stripped by a rewrite. Four shapes, read from one article:

- a cue and a colon followed by a sentence with no mark ("adding: It's a big embarrassment for
  dictators.");
- a first-person sentence right after a quotation closed by its attribution, in the same paragraph, with no
  mark ("… grips us,” the minister said. We think we are just followers.": the quotation went on);
- a paragraph in the first person singular, with the subject "I" ("When I first arrived here, I brought up
  …"; a lone "my friend" is an address), with no quotation mark, between paragraphs that do not speak in
  the first person, in a report that otherwise keeps the first person inside quotations (a block quotation
  is introduced by a colon, a document reproduced whole runs over several first-person paragraphs: both
  left alone);
- a passive whose agent is "me" or "us" in a paragraph without marks ("Football and injustice are defended
  by me."): a spinner's rewording of a speaker's "I defend …".

One pass over the paragraphs (sentence ends searched at most ``SENTENCE_REACH`` characters): linear in the
text's length.
"""

from __future__ import annotations

import functools
import re

from .. import lexicon
from ..text import normalise_word, tokens
from .registry import register, row

_MARKS = re.compile(r"[“”«»\"]|(?<!\w)[‘'](?=\w)|(?<=[\w.,!?])[’'](?!\w)")
FIRST_PERSON = frozenset("i i'm i've i'd i'll me my myself we we're we've we'd we'll us our ourselves".split())
SINGULAR = frozenset("i i'm i've i'd i'll me my myself".split())
# the same words as whole tokens (not inside a hyphenated word: "non-us", "I-95")
_FIRST_PERSON_RE = re.compile(r"(?<![\w'’-])(?:[Ii](?:['’](?:m|ve|d|ll))?|[Mm]e|[Mm]y(?:self)?|[Ww]e(?:['’](?:re|ve|d|ll))?|"
                              r"[Uu]s|[Oo]ur(?:selves)?)(?![\w-]|[.]\w)")
_SINGULAR_RE = re.compile(r"(?<![\w'’-])(?:[Ii](?:['’](?:m|ve|d|ll))?|[Mm]e|[Mm]y(?:self)?)(?![\w-]|[.]\w)")
# the subject "I" alone ("my friend" in a paragraph is an address or a possessive, not someone speaking)
_SUBJECT_I_RE = re.compile(r"(?<![\w'’-])I(?:['’](?:m|ve|d|ll))?(?![\w-]|[.]\w)")
MAX_FIRST_PERSON_SHARE = 0.2  # of the unquoted paragraphs: more and the report is written in the first person
# one first-person paragraph is judged even in a short report (a cut copy of seven paragraphs, four of them
# quoted, has three unquoted: 0.2 of them is less than one)
MIN_FIRST_PERSON_ALLOWED = 1
MIN_WORDS = 8  # words of a first-person paragraph judged (a short line may be a caption or a sign-off)
SENTENCE_REACH = 600  # characters searched for a sentence's end
# a quotation closed by its attribution: ”, he said. / ," Jane Doe added.
_CLOSED_BY_ATTRIBUTION = re.compile(
    r"""[,.!?][”"][ ](?:he|she|they|[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+){0,2})[ ]
        (?:said|says|added|adds|wrote|told[ ][a-z]+)[.][ ]""", re.VERBOSE)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# a passive verb and "by me" / "by us" ("are defended by me", "was chosen by us")
_BY_ME = re.compile(r"\b(?:is|are|was|were|been|be|being)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+by\s+(?P<agent>me|us)\b")


@functools.cache
def _cue_colon() -> re.Pattern:
    """A cue verb of ``lexicon/cues.csv`` and a colon before a capital ("adding: It", "said: We")."""
    return re.compile(r"\b(?:" + lexicon.one_word_cues() + r"|adding|saying|writing)[:][ ](?=[A-Z])")


@register("lost_quote_marks", severity=2, colour="#d0bfff",
          explanation="‘{text}’: someone's words printed without the quotation marks that set them off",
          confirmed_by=("quote marks", "quotation mark", "without quotation", "unquoted", "stripped",
                        "never closed", "left unquoted"))
def lost_quote_marks(text: str, words=None) -> list[dict]:
    """Unmarked words after a cue and a colon, first-person sentences after a closed quotation, and
    first-person paragraphs without marks in a third-person report."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    first_person = [(a, b) for a, b in paragraphs if not _MARKS.search(text, a, b) and _first_person(text, a, b, SINGULAR)]
    unquoted = sum(1 for a, b in paragraphs if not _MARKS.search(text, a, b))
    rows = []
    for a, b in paragraphs:
        rows += _after_cue_colon(text, a, b) + _after_attribution(text, a, b) + _passive_by_me(text, a, b)
    if unquoted and len(first_person) <= max(MIN_FIRST_PERSON_ALLOWED, MAX_FIRST_PERSON_SHARE * unquoted):
        speaking = [_first_person(text, a, b, FIRST_PERSON) for a, b in paragraphs]
        at = {span: i for i, span in enumerate(paragraphs)}
        rows += [_paragraph_row(text, a, b) for a, b in first_person
                 if _judged_paragraph(text, a, b) and _SUBJECT_I_RE.search(text, a, b)
                 and not _in_a_run(speaking, at[(a, b)])]
    return rows


def _in_a_run(speaking: list[bool], i: int) -> bool:
    """Whether the paragraph before or after also speaks in the first person: a document or a speech
    reproduced in a block (an e-mail printed whole, a comment thread), not one paragraph whose marks were lost."""
    return (i > 0 and speaking[i - 1]) or (i + 1 < len(speaking) and speaking[i + 1])


def _first_person(text: str, start: int, end: int, pronouns: frozenset[str]) -> bool:
    """Whether a word of ``pronouns`` stands in ``text[start:end]`` (a regular expression finds the candidates
    first: most paragraphs have none, and tokenising them all would dominate the detector's time)."""
    pattern = _SINGULAR_RE if pronouns is SINGULAR else _FIRST_PERSON_RE
    return any(normalise_word(m.group()) in pronouns for m in pattern.finditer(text, start, end))


def _after_cue_colon(text: str, start: int, end: int) -> list[dict]:
    rows = []
    for cue in _cue_colon().finditer(text, start, end):
        stop = _sentence_end(text, cue.end(), end)
        if _MARKS.search(text, cue.end(), stop):
            continue  # a mark follows in the sentence: the quotation is marked
        rows.append(row(cue.start(), stop, "lost_quote_marks",
                        f"‘{text[cue.start():stop]}’: words introduced by ‘{cue.group().strip()}’ with no "
                        "quotation mark in the sentence"))
    return rows


def _after_attribution(text: str, start: int, end: int) -> list[dict]:
    rows = []
    for closed in _CLOSED_BY_ATTRIBUTION.finditer(text, start, end):
        stop = _sentence_end(text, closed.end(), end)
        sentence = (closed.end(), stop)
        if _MARKS.search(text, *sentence) or not _first_person(text, *sentence, FIRST_PERSON):
            continue
        rows.append(row(sentence[0], stop, "lost_quote_marks",
                        f"‘{text[sentence[0]:stop]}’: first-person words right after a quotation closed by "
                        f"‘{closed.group()[3:].strip()}’, without quotation marks (the quotation went on)"))
    return rows


def _passive_by_me(text: str, start: int, end: int) -> list[dict]:
    """A passive whose agent is "me" or "us" in a paragraph without marks ("Football is defended by me"): a
    speaker's "I defend football" reworded by a spinner, marks and all."""
    if _MARKS.search(text, start, end):
        return []
    return [row(m.start(), m.end(), "lost_quote_marks",
                f"‘{m.group()}’: a passive whose agent is ‘{m.group('agent')}’, outside quotation marks: a "
                "speaker's first-person words reworded and printed as the report's own")
            for m in _BY_ME.finditer(text, start, end)]


def _judged_paragraph(text: str, start: int, end: int) -> bool:
    """A paragraph of ``MIN_WORDS`` words or more that ends a sentence, not introduced by a colon (a block
    quotation)."""
    return (len(tokens(text, start, end)) >= MIN_WORDS and text[start:end].rstrip()[-1:] in ".!?"
            and _char_before(text, start) != ":")


def _char_before(text: str, at: int) -> str:
    """The last non-space character before ``at`` ("" at the start): read backwards, not by copying the text
    before it (a copy per paragraph is quadratic in the article's length)."""
    i = at - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _paragraph_row(text: str, start: int, end: int) -> dict:
    stop = start + len(text[start:end].rstrip())
    return row(start, stop, "lost_quote_marks",
               f"‘{text[start:stop]}’: a paragraph in the first person (‘I’) with no quotation mark, in a "
               "report that keeps the first person inside quotations elsewhere")


def _sentence_end(text: str, start: int, end: int) -> int:
    """The end of the sentence that starts at ``start``, searched at most ``SENTENCE_REACH`` characters (a
    page of one endless line stays linear)."""
    stop = min(end, start + SENTENCE_REACH)
    found = _SENTENCE_END.search(text, start, stop)
    return found.end() if found else stop
