"""quote_marks: quotation marks damaged in transit, seen in the marks themselves within one paragraph.

The quotation extractor (``extract/``) pairs marks to find quotations and reports the marks it could not
pair (kinds ``unbalanced_quote`` and ``broken_quote``); this detector reports the shapes of damage that the
pairing hides: a pair of straight single quotes used as a double mark (''…''), an opening mark closed by a
mark of another style (“…", "…”, “…″, «…”, ‘…'), an opening mark (“) printed where the closing one belongs
("exaggeration.“, he said"), a quotation opened again before it is closed ("foreign country. “As a child"),
a quotation closed twice ("down.” .”"), a quotation in guillemets among English marks ("« … »" beside
"“ … ”"), a mark alone at the end of a paragraph ('only "⏎⏎hypocrisy'), a quotation closed before an
editor's bracket ("accelerate” [a crisis] in the strait"), a dialogue dash that opens what a closing mark ends,
an opening single mark printed as an apostrophe ("football‘s"), and a line opened by a single mark that
nothing closes. A mixed pair's detail says how many quotations the copy prints elsewhere in each of the two
styles, the evidence a reader checks first. One pass over each paragraph: linear in the length of the text.
"""

from __future__ import annotations

import re
from collections import Counter

from .registry import register, row
from .util import merge_overlaps

MAX_QUOTED = 600  # characters between an opening and a closing mark still shown as one span
CONTEXT_WORDS = 3  # words either side of a lone misplaced mark shown as its evidence
CONTEXT_REACH = 80  # characters either side searched for those words (keeps the cost per mark bounded)
# a line between two paragraphs of one quotation that is no sentence: at most this many words, no closing
# punctuation ("Show Player", "ADVERTISEMENT"); at most this many such lines are looked past
INTERPOSED_WORDS = 4
INTERPOSED_LINES = 2
_PARAGRAPH = re.compile(r"[^\n]+")
_LINE = re.compile(r"\S[^\n]*")  # the rest of a line from its first character that is not a space
_DOUBLE_SINGLE = re.compile(r"''(?=\S)[^'\n]{1,300}?(?<=\S)''")
# Expressions start with the mark itself (look-behinds after it): the search then skips to each mark
# instead of trying every position of the text (ten times faster on a long one).
_REVERSED_CLOSE = re.compile(r"“(?:(?<=[\w.,!?]“)(?=[,.;:!?]|\s+[a-z]|[a-z])|(?=[ \t]*,))")
_REVERSED_OPEN = re.compile(r"”(?=[A-Z])(?:(?<=^”)|(?<=[\s\])]”))", re.MULTILINE)
_DOUBLE_CLOSE = re.compile(r"”[ \t]*\.?[ \t]*\.[ \t]*”|”[ \t]+\.?”")
_DASH_OPENED = re.compile(r"^\s*[–—]\s*[A-Z][^“\"\n]*”", re.MULTILINE)
# a closing mark right before an editor's bracketed words, the sentence going on: the bracket belongs inside
_CLOSED_BEFORE_BRACKET = re.compile(r"”(?<=[^\W\d_]”)[ \t]?\[[^\]\n]{1,40}\][ \t]+(?=[a-z])")
# a double mark alone at the end of a paragraph, a space before it: the words it opens (or closes) stand in
# another paragraph ("which are only "⏎⏎hypocrisy⏎⏎"")
_MARK_AT_PARAGRAPH_END = re.compile(r"[“\"](?<=[ \t][“\"])[ \t]*$", re.MULTILINE)
_GUILLEMETS = re.compile(r"«[^«»\n]{1,600}»")
_SINGLE_MIXED = re.compile(r"‘(?<!\w‘)[^’'\n]{1,80}'(?!\w)")
_OPENING_AS_APOSTROPHE = re.compile(r"‘(?<=[^\W\d_]‘)(?=[^\W\d_])")  # "football‘s"
_SINGLE_OPENING = re.compile(r"(?:(?<=\s)|(?<=^))[‘'](?=[^\W\d_])", re.MULTILINE)  # ‘ or ' opening a word
_SINGLE_CLOSING = re.compile(r"(?<=[^\s‘'])[’'](?![^\W\d_])")  # ’ or ' ending a word, not an apostrophe
# Double marks: which close which. A straight mark opens when nothing is open and closes otherwise.
OPENERS = {"“": "curly", "«": "guillemet", "„": "low"}
CLOSERS = {"”": "curly", "»": "guillemet", "″": "double prime"}
MATCHING = {("curly", "curly"), ("guillemet", "guillemet"), ("low", "curly"), ("straight", "straight"),
            ("low", "low")}
_DOUBLE_MARK = re.compile(r"[“”«»„″\"]")
HOUSE_STYLES = ("curly", "straight", "guillemet", "low")  # styles a copy may use throughout (a prime never)
_INTRODUCED = re.compile(r"“(?:(?<=:“)|(?<=:[ \t]“))")  # an opening mark right after a colon (a space between)
REOPENED = "reopened"  # the "closing" style of a quotation opened again before it was closed


@register("quote_marks", severity=2, colour="#fff08a",
          explanation="‘{text}’: quotation marks damaged in transit (mixed styles, reversed, doubled or reopened)",
          confirmed_by=("quote marks", "quotation mark", "curly/straight", "straight quote", "guillemet",
                        "closing mark", "opening mark", "mixed marks"))
def quote_mark_damage(text: str, words=None) -> list[dict]:
    """Rows for every damaged quotation mark, each saying which mark is wrong and why."""
    rows = [_row(m.start(), m.end(), text, "two straight single quotes used as a double quotation mark")
            for m in _DOUBLE_SINGLE.finditer(text)]
    rows += [_around(text, m.start(), "an opening mark ‘“’ printed where the closing mark belongs")
             for m in _REVERSED_CLOSE.finditer(text)]
    rows += [_around(text, m.start(), "a closing mark ‘”’ printed where the opening mark belongs")
             for m in _REVERSED_OPEN.finditer(text)]
    rows += [_around(text, m.start(), "a quotation closed twice (a stray closing mark)", m.end())
             for m in _DOUBLE_CLOSE.finditer(text)]
    rows += [_row(m.start(), m.end(), text, "a dialogue dash opens what a closing mark ‘”’ ends")
             for m in _DASH_OPENED.finditer(text)]
    rows += [_row(m.start(), m.end(), text, "a curly opening mark ‘‘’ closed by a straight one")
             for m in _SINGLE_MIXED.finditer(text)]
    rows += [_around(text, m.start(), "a quotation closed before an editor's bracketed words, the sentence "
                                      "going on after them (the bracket belongs inside the quotation)", m.end())
             for m in _CLOSED_BEFORE_BRACKET.finditer(text)]
    rows += [_around(text, m.start(), "an opening single mark ‘‘’ printed as an apostrophe")
             for m in _OPENING_AS_APOSTROPHE.finditer(text)]
    rows += [_around(text, m.start(), "a quotation mark alone at the end of a paragraph, set off by a space: "
                                      "the quotation is split from its words by a paragraph break")
             for m in _MARK_AT_PARAGRAPH_END.finditer(text)]
    if "«" in text and ("“" in text or '"' in text):
        rows += [_row(m.start(), m.end(), text, "a quotation in guillemets (« »), the marks of a translation's "
                                                "source language, among the article's English quotation marks")
                 for m in _GUILLEMETS.finditer(text)]
    rows += _single_left_open(text)
    rows += _paired_damage(text)
    return merge_overlaps(rows)


def _paired_damage(text: str) -> list[dict]:
    """Mixed styles and reopened quotations among the double marks of each paragraph; a mixed pair's detail
    says how the copy pairs its marks elsewhere (its house style, the evidence a reader can check)."""
    pairs = [pair for paragraph in _PARAGRAPH.finditer(text) for pair in _double_marks(text, *paragraph.span())]
    house = Counter(open_style for _, open_style, _, style in pairs if (open_style, style) in MATCHING)
    rows = []
    for open_at, open_style, at, style in pairs:
        if style == REOPENED:
            rows += _reopened(text, open_at, at)
        elif (open_style, style) not in MATCHING and at - open_at <= MAX_QUOTED:
            rows.append(_row(open_at, at + 1, text,
                             f"a quotation opened with a {open_style} mark ‘{text[open_at]}’ and closed with a "
                             f"{style} mark ‘{text[at]}’{_house_style(house, open_style, style)}"))
    return rows


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, str, int, str]]:
    """The double-mark quotations of one paragraph as (opening position, its style, closing position, its
    style); a quotation opened again before it was closed has the second opening mark as its closing one, and
    the style ``REOPENED``."""
    found = []
    open_at, open_style = None, None
    for match in _DOUBLE_MARK.finditer(text, start, end):
        mark, at = match.group(), match.start()
        if mark == '"':
            style = "straight"
            if open_at is None:
                open_at, open_style = at, style
                continue
        elif mark in OPENERS:
            if open_at is not None and _REVERSED_CLOSE.match(text, at):
                open_at, open_style = None, None  # an opening mark printed as the closing one (a row above)
                continue
            if open_at is not None and OPENERS[mark] == open_style == "curly":
                found.append((open_at, open_style, at, REOPENED))
            open_at, open_style = at, OPENERS[mark]
            continue
        else:
            style = CLOSERS[mark]
        if open_at is None:
            continue  # a closing mark with nothing open: the extractor reports it
        found.append((open_at, open_style, at, style))
        open_at, open_style = None, None
    return found


def _house_style(house: Counter, *styles: str) -> str:
    """How many quotations elsewhere in the copy open and close in each of ``styles`` ("; elsewhere the copy
    prints 2 quotations in curly marks and 0 in straight marks"; nothing when it prints none in either)."""
    shown = [style for style in dict.fromkeys(styles) if style in HOUSE_STYLES]
    counts = [f"{house[style]} quotation{'' if house[style] == 1 else 's'} in {style} marks" for style in shown]
    return f"; elsewhere the copy prints {' and '.join(counts)}" if any(house[s] for s in shown) else ""


def _reopened(text: str, open_at: int, at: int) -> list[dict]:
    """A quotation opened again at ``at`` before the one opened at ``open_at`` was closed: a row at the second
    mark, and one at the mark left open (its closing mark is the one lost) when it is at most ``MAX_QUOTED``
    characters back and a colon introduces the second quotation ("he broadened it: “The Union"): a new cue
    stands between the two, so the first must have closed before it. After a full stop ("a foreign country.
    “As a child") the second mark is the stray one: a quotation of several paragraphs whose paragraph break was
    lost (only its last paragraph closes), or a mark slipped in; the first mark is then intact. Each row is the
    mark and a few words around it, not the whole open quotation: the words inside it (a quotation nested in
    it) are not damaged."""
    again = _around(text, at, "a quotation opened again before it was closed")
    if at - open_at > MAX_QUOTED or not _INTRODUCED.match(text, at):
        return [again]
    evidence = text[again["start"]:again["end"]]
    left_open = _after(text, open_at, f"a quotation opened here is opened again (‘{evidence}’) before it is "
                                      "closed: its closing mark is lost")
    return [left_open, again]


def _after(text: str, at: int, why: str) -> dict:
    """A row for the mark at ``at`` and the ``CONTEXT_WORDS`` words after it (within its line)."""
    line_end = text.find("\n", at, at + CONTEXT_REACH)
    line_end = min(len(text), at + CONTEXT_REACH) if line_end < 0 else line_end
    after = [m.end() for m in re.finditer(r"\S+", text[at + 1:line_end])][:CONTEXT_WORDS]
    return _row(at, at + 1 + after[-1] if after else at + 1, text, why)


def _single_left_open(text: str) -> list[dict]:
    """A single quotation mark that opens a quotation and that nothing closes before the end of its
    paragraph (one pass per paragraph: the last opening mark after the last closing one)."""
    rows = []
    for paragraph in _PARAGRAPH.finditer(text):
        start, end = paragraph.span()
        closings = [m.end() for m in _SINGLE_CLOSING.finditer(text, start, end)]
        after = closings[-1] if closings else start
        opening = _SINGLE_OPENING.search(text, after, end)
        if opening and not _continued(text, end):
            stop = end
            while stop > opening.start() and text[stop - 1].isspace():
                stop -= 1
            rows.append(_row(opening.start(), stop, text,
                             "a single quotation mark opens a quotation that nothing closes in its paragraph"))
    return rows


def _continued(text: str, end: int) -> bool:
    """Whether the next paragraph opens with a mark again (a quotation of several paragraphs: by convention
    only its last paragraph closes it), looking past a short line between that is no sentence (a video
    player's label, "ADVERTISEMENT": page chrome the page put inside the quotation)."""
    for _ in range(INTERPOSED_LINES + 1):
        line = _LINE.search(text, end, end + CONTEXT_REACH)
        if not line:
            return False
        if line.group()[0] in ("‘", "'", "“", '"'):
            return True
        words = line.group().split()
        if len(words) > INTERPOSED_WORDS or words[-1][-1] in ".!?:;," or line.end() == end + CONTEXT_REACH:
            return False  # a sentence (or a line too long to be a label)
        end = line.end()
    return False


def _row(start: int, end: int, text: str, why: str) -> dict:
    return row(start, end, "quote_marks", f"‘{text[start:end]}’: {why}")


def _around(text: str, at: int, why: str, end: int | None = None) -> dict:
    """A row for the mark at ``at`` (to ``end``), with a few words either side as its evidence."""
    end = at + 1 if end is None else end
    line_start = text.rfind("\n", max(0, at - CONTEXT_REACH), at) + 1 or max(0, at - CONTEXT_REACH)
    line_end = text.find("\n", end, end + CONTEXT_REACH)
    line_end = min(len(text), end + CONTEXT_REACH) if line_end < 0 else line_end
    before = [m.start() for m in re.finditer(r"\S+", text[line_start:at])][-CONTEXT_WORDS:]
    after = [m.end() for m in re.finditer(r"\S+", text[end:line_end])][:CONTEXT_WORDS]
    start = line_start + before[0] if before else at
    stop = end + after[-1] if after else end
    return _row(start, stop, text, why)
