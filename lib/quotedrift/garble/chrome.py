"""page_chrome: web-page furniture inside the article that the corpus loader's whole-line patterns miss.

General shapes of page furniture, never one site's list: link labels glued into a paragraph ("Also Read:",
"Read also |"), lines with a vertical bar (news prose never uses one), widget and paywall phrases at the start
of a short line (``lexicon/page_chrome.csv``), photo captions signed with a credit ("… (Agency)", "Agency/Jane
Doe", "Picture: Jane Doe/Agency"; credits in ``lexicon/photo_credits.csv``), image file names, raw
HTML and script, tweet residue (pic.twitter.com, "— Name (@handle) date"), lines that are only a date or a
time, a line printed again inside one of the next lines (a doubled teaser), a caption's own marks ("FILE - ",
"Jane Doe, left,"), a dateline's punctuation left without its words ("( – "), and a link's words after the
paragraph's last sentence ("… survey form. more here"). One pass over the lines of the text with precompiled expressions: linear in its length.
"""

from __future__ import annotations

import functools
import re

from .. import lexicon
from .registry import register, row
from .util import merge_overlaps

LINE_PHRASE_MAX_WORDS = 15  # a widget label or paywall line is short; a longer line is the story's prose
CAPTION_MAX_WORDS = 45  # a photo caption is one or two sentences; a longer line is a paragraph of the story
CREDIT_REACH = 80  # a credit ends its line: only the line's last characters are searched for it
INLINE_REACH = 160
CAPITALS_MIN_WORDS = 5  # a line in capitals this long, past the first line, is another story's headline  # characters after an inline link label still taken as the linked headline, at most
_LINE = re.compile(r"[^\n]+")
_PIPE = re.compile(r"(?<=\S) ?\| ?(?=\S)|^\s*\|")
# Raw markup, one expression per literal first character (the regex engine then skips to that character).
_MARKUP = (
    re.compile(r"</?[a-z][a-z0-9]*(?:\s+[a-z-]+(?:=\"[^\"<>\n]*\")?)*\s*/?>"),  # an HTML tag
    re.compile(r"&(?:\#\d{2,6}|[a-z]{2,8});"),  # an HTML entity left unresolved
    re.compile(r"window\.\w+|function\s*\(\s*\)\s*\{"),  # script
)
_IMAGE_TYPE = re.compile(r"(?:jpe?g|png|gif|webp)\b", re.IGNORECASE)
FILE_NAME_REACH = 80  # characters before an image extension searched for the file's name
_FILE_NAME = re.compile(
    r"""(?<![\w-])[\w-]+(?:\s[\w-]+){0,3}\.(?:jpe?g|png|gif|webp)$        # "leader meeting.jpg"
      | (?<![\w-])(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]{20,}(?:jpe?g|png)$  # "2023062010…e3623jpeg": a name glued to its type
    """, re.VERBOSE | re.IGNORECASE)
_TWEET = re.compile(
    r"""pic\.twitter\.com/\w+
      | [—–-]\s?[^\n()]{1,40}\(@\w+\)\s[A-Z][a-z]+\s\d{1,2},\s\d{4}   # "— A Reporter (@reporter) November 19, 2022"
      | https?://t\.co/\w+
    """, re.VERBOSE)
_URL_LINE = re.compile(r".*\bhttps?://\S+\s*$")
# A photo caption's own marks: an agency's file-photo label opening the line ("FILE - ", "FILE PHOTO: "), or
# the people placed in the picture ("Jane Doe, left, meets John Roe, right,"), which prose does not do.
_CAPTION_MARK = re.compile(r"^\s*FILE(?:\sPHOTO)?\s?[-–—:]\s|[A-Z][\w'’.-]*,\s(?:left|right|centre|center)(?:,\s|\))")
# Punctuation of a dateline or logo whose words the scraper dropped: a line opening with "( – ", or "( )".
_STRIPPED = re.compile(r"^\s*\(\s*(?:[–—-]\s|\))")
# A word in capitals right before an inline label in capitals: the label is the last word of a subheading in
# capitals ("THE BIGGER PICTURE: The president has been…"), the story's own words, not a caption or a link.
_CAPITALS_WORD_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]+$")
CAPITALS_REACH = 40  # characters before an inline label searched for that word
# A link's words left after the paragraph's last sentence, in lower case and without a full stop ("… survey
# form. more here"); not after an initial ("U.S. should have"), not on the first line (a headline).
_LINK_TAIL = re.compile(r"(?:(?<=[a-z0-9][.!?]\s)|(?<=[a-z0-9][.!?][”\"]\s))[a-z][a-z ]{2,20}$")
LINK_TAIL_MAX_WORDS = 3
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*")
_DATE_ONLY = re.compile(
    rf"""\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s)?{_MONTH}\.?\s\d{{1,2}},?\s\d{{4}}\s*   # Thursday, Mar 05, 2026
      | \s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s)?\d{{1,2}}\s{_MONTH}\.?,?\s\d{{4}}\s*
      | \s*\d{{4}}-\d\d-\d\d(?:[ T]\d\d:\d\d(?::\d\d)?)?\s*                                             # 2023-06-22 00:04:00
      | \s*\d{{1,2}}:\d\d(?::\d\d)?\s*                                                                   # 2:22 (a video's length)
    """, re.VERBOSE | re.IGNORECASE)


@functools.cache
def _phrases() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """(line-start expression, inline expression, {phrase: what}) from ``lexicon/page_chrome.csv``."""
    rows = lexicon.table("page_chrome")
    what = {r["phrase"].lower(): r["what"] for r in rows}

    def alternation(phrases):
        ordered = sorted(phrases, key=len, reverse=True)
        return "|".join(re.escape(p) + (r"\b" if p[-1].isalnum() else "") for p in ordered)

    at_start = re.compile(rf"^[\s•*·–—-]*(?:\d+\s)?(?P<phrase>{alternation(what)})", re.IGNORECASE)
    inline = [r["phrase"].lower() for r in rows if r["where"] == "inline"]
    # inside a paragraph a link label starts with a capital ("Also Read:", "ALSO READ |", "Read more"):
    # "would read more about it" is prose
    anywhere = re.compile(rf"(?<![\w’'])(?=(?-i:[A-Z(]))(?P<phrase>{alternation(inline)})", re.IGNORECASE)
    return at_start, anywhere, what


@functools.cache
def _credit_line() -> re.Pattern:
    """A line that ends with a photo credit: "(Agency)", "(Credit: Agency)",
    "Agency/Jane Doe", "AGENCY/John Roe", "John Roe/Agency/Photo Library/FILE", "Jane Doe—Agency for Client"."""
    credits = sorted((r["credit"] for r in lexicon.table("photo_credits")), key=len, reverse=True)
    names = "|".join(re.escape(c) for c in credits)
    return re.compile(
        rf"""(?<![.!?”"]\s)(?<![.!?”"])                                   # not a sign-off after a sentence: "… on Sunday. (Agency)"
              \((?:credit:\s*)?(?:{names})(?:/[^()\n]{{2,40}})?\)\s*$      # (Agency), (Credit: Agency): no full stop after
            | (?:(?i:{names})/[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){{0,2}}     # Agency/Jane Doe, AGENCY/Jane Doe
              | [A-Z][\w.'’-]+/(?:{names})(?:/[\w .'’-]+)*                  # Roe/Agency/Photo Library/FILE
              | (?<![a-z][ \t])                                             # not a headline's last words: "… to the Capital — Agency"
                [A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){{0,2}}\s?[—–]\s?(?:{names})  # Jane Doe—Agency (for Client)
                (?:\sfor\s[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){{0,3}})?
            )\s*\.?\s*$""", re.VERBOSE)


@register("page_chrome", severity=1, colour="#c8c8c8",
          explanation="‘{text}’: page furniture inside the article (a link, caption, credit, widget or markup), "
                      "not the story's words",
          confirmed_by=("chrome", "caption", "credit", "link", "widget", "boilerplate", "paywall", "comment",
                        "newsletter", "advert", "promo", "sidebar", "byline", "navigation"))
def page_chrome(text: str, words=None) -> list[dict]:
    """Rows for page furniture, each naming the shape that gives it away."""
    rows = []
    for line in _LINE.finditer(text):
        rows += _line_chrome(text, line.start(), line.end())
    rows += [_row(text, m.start(), m.end(), "raw web-page markup (HTML or script) printed as text")
             for markup in _MARKUP for m in markup.finditer(text)]
    rows += [_row(text, start, end, "an image file name printed as text") for start, end in _file_names(text)]
    rows += [_row(text, m.start(), m.end(), "residue of an embedded tweet (link or signature line)")
             for m in _TWEET.finditer(text)]
    rows += _lines_printed_again(text)
    return merge_overlaps(rows)


REPEAT_MIN_WORDS = 2  # a line this long printed again inside one of the next lines is a doubled teaser
REPEAT_MIN_CHARS = 12
REPEAT_REACH = 2  # non-empty lines after it that are searched
REPEAT_ANYWHERE_WORDS = 5  # a shorter line counts only when a later line starts with it (not a subheading's words)


def _lines_printed_again(text: str) -> list[dict]:
    """A line printed again inside one of the next ``REPEAT_REACH`` lines, with more around it ("Messi's
    jerseys to go up for auction" then "Soccer Messi's jerseys to go up for auction"): a teaser, headline or
    label doubled by the page's layout. (Lines repeated word for word are the loader's ``duplicated_text``.)"""
    lines = [(m.start(), m.end(), " ".join(m.group().lower().split())) for m in _LINE.finditer(text)]
    lines = [line for line in lines if line[2]]
    rows = []
    for i, (start, end, key) in enumerate(lines):
        if len(key) < REPEAT_MIN_CHARS or key.count(" ") + 1 < REPEAT_MIN_WORDS:
            continue
        for _, _, later in lines[i + 1:i + 1 + REPEAT_REACH]:
            if key != later and (later.startswith(key) or key.count(" ") + 1 >= REPEAT_ANYWHERE_WORDS and key in later):
                rows.append(_row(text, start, end, "a line printed again inside the next lines (a teaser, "
                                                   "headline or label doubled by the page)"))
                break
        else:
            if key.count(" ") + 1 >= REPEAT_ANYWHERE_WORDS and any(
                    key != earlier and key in earlier for _, _, earlier in lines[max(0, i - REPEAT_REACH):i]):
                rows.append(_row(text, start, end, "a line printed again after an earlier line that holds it "
                                                   "(a headline doubled around the standfirst)"))
    return rows


def _file_names(text: str) -> list[tuple[int, int]]:
    """Spans of image file names: each image extension found, then the name before it (a bounded look back:
    the cost stays linear however the text is made)."""
    found = []
    for ending in _IMAGE_TYPE.finditer(text):
        start = max(0, ending.start() - FILE_NAME_REACH)
        match = _FILE_NAME.search(text[start:ending.end()])
        if match and match.end() == ending.end() - start:
            found.append((start + match.start(), ending.end()))
    return found


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z“\"])")  # not after an initial ("U.S. Secretary")


def _first_sentence_end(line: str) -> int:
    found = _SENTENCE_END.search(line)
    return found.start() if found else len(line)


def _row(text: str, start: int, end: int, why: str) -> dict:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return row(start, end, "page_chrome", f"‘{text[start:end]}’: {why}")


def _line_chrome(text: str, start: int, end: int) -> list[dict]:
    line = text[start:end]
    at_start, anywhere, what = _phrases()
    found = at_start.match(line)
    words = line.count(" ") + 1  # an upper bound of the words on the line, without splitting it
    if found and len(line.split()) <= LINE_PHRASE_MAX_WORDS:
        return [_row(text, start, end, f"{what[found.group('phrase').lower()]} (‘{found.group('phrase')}’)")]
    if start > 0 and words >= CAPITALS_MIN_WORDS and line.isupper() and sum(c.isalpha() for c in line) > 20:
        return [_row(text, start, end, "a line in capitals inside the article: a related story's headline")]
    if _PIPE.search(line):
        return [_row(text, start, end, "a line with a vertical bar: a menu, a section label or a page title")]
    if any(c in line[-CREDIT_REACH:] for c in "/)—–") and words <= CAPTION_MAX_WORDS \
            and _credit_line().search(line[-CREDIT_REACH:]):
        return [_row(text, start, end, "a photo caption or credit line")]
    if words <= LINE_PHRASE_MAX_WORDS and (_DATE_ONLY.fullmatch(line) or _URL_LINE.fullmatch(line)):
        return [_row(text, start, end, "a line that is only a date, a time or a web address (a page widget)")]
    caption = _CAPTION_MARK.search(line)
    if caption and (words <= CAPTION_MAX_WORDS or caption.start() == 0):
        # a caption run into the story's first paragraph ends with its first sentence
        stop = end if words <= CAPTION_MAX_WORDS else start + _first_sentence_end(line)
        return [_row(text, start, stop, "a photo caption (a file-photo label, or people placed in the picture: "
                                        "‘left’, ‘right’)")]
    if _STRIPPED.match(line):
        gap = _STRIPPED.match(line)
        return [_row(text, start + gap.start(), start + gap.end(), "the punctuation of a dateline or logo whose "
                                                                  "words were lost in scraping")]
    tail = _LINK_TAIL.search(line) if start > 0 else None
    if tail and len(tail.group().split()) <= LINK_TAIL_MAX_WORDS:
        return [_row(text, start + tail.start(), start + tail.end(), "a link's words left after the paragraph's "
                                                                     "last sentence")]
    rows = []
    for match in anywhere.finditer(line):
        if _ends_capitals_heading(line, match):
            continue
        tail = re.search(r"[.!?](?=\s|$)", line[match.end():match.end() + INLINE_REACH])
        stop = start + match.end() + (tail.end() if tail else min(INLINE_REACH, len(line) - match.end()))
        phrase = match.group("phrase")
        rows.append(_row(text, start + match.start(), stop, f"{what[phrase.lower()]} (‘{phrase}’) inside a paragraph"))
    return rows


def _ends_capitals_heading(line: str, match: re.Match) -> bool:
    """Whether an inline label in capitals continues a subheading in capitals ("THE BIGGER PICTURE:")."""
    phrase = match.group("phrase")
    before = line[max(0, match.start() - CAPITALS_REACH):match.start()]
    return phrase.isupper() and _CAPITALS_WORD_BEFORE.search(before) is not None
