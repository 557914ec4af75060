"""Attribution evidence around one quotation: the cue, the speaker mention as printed, the title, the relay.

The cue (``said``, ``warning``, ``according to`` … from ``lexicon/cues.csv``) is searched next to the
quotation in its sentence; the mention is the subject before the cue, or the name, description, organisation,
country or pronoun around a trailing cue; the relay is the channel the words came through (``as quoted by
…``, ``carried by …``, ``told reporters``, ``state media``). Every span is an offset into the article text.
Resolving mentions to people is the next stage (:mod:`quotedrift.people.resolve`).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .. import lexicon
from ..people import names as spk
from ..people.resolve import GOVERNING_WORDS, governed
from ..people.titles import TITLE_LIKE_WORDS, title_near
from ..text import sentence_spans
from .marks import Quote

if TYPE_CHECKING:
    from ..people.resolve import Entity

# Cue words (lexicon/cues.csv): those searched next to quotations, and those that may precede the speaker.
CUE_RE = lexicon.cue_regex()
SAY_CUES_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in lexicon.column("cues", "word", inverts="yes")) + r")\b")
PRONOUN_RE = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)
DESCRIPTOR_HEADS = (r"official|spokes(?:person|man|woman)|department head|head|director[- ]general|"
                    r"vice[- ]director(?:[- ]general)?|director|minister|ambassador|envoy|diplomat|officer|"
                    r"representative|secretary|chief|leader|ministry|government|military")
DESCRIPTOR_MODIFIERS = (r"senior|top|high-ranking|ranking|anonymous|unnamed|unidentified|another|one|"
                        r"north|south|defen[cs]e|military|foreign|ministry|department|government|state|deputy|"
                        r"vice|powerful|the|its|country's|(?-i:[A-Z][\w'’.-]*)")
DESCRIPTOR_RE = re.compile(
    rf"\b(?:(?:the|a|an)\s+)?(?:(?:{DESCRIPTOR_MODIFIERS})\s+){{0,5}}(?:{DESCRIPTOR_HEADS})\b(?:\s+of\s+[\w'’ ]+?(?=,|\s+(?:said|told|on|in)\b))?",
    re.IGNORECASE)
# A definite description by role or standing ("the league president", "the global football supremo", "the
# company's new owner", "the world's richest man"): a determiner or possessive, up to four modifiers, a role noun from
# lexicon/role_nouns.csv (resolved to a named person by people.resolve, else kept as a description).
ROLE_NOUNS = lexicon.column("role_nouns", "word") + lexicon.column("documents", "word")
ROLE_DESCRIPTION_RE = re.compile(r"""
    (?:\b(?:[Tt]he|[Ii]ts|[Tt]heir)|\b[A-Z][\w.-]*['’]s)\s+
    (?:(?!(?:the|a|an|of|by|to|for|with|in|on|at|from|as|that|this|who|said|says|told)\b)[\w'’.-]+\s+){0,4}?
    (?:""" + "|".join(re.escape(w) for w in sorted(ROLE_NOUNS, key=len, reverse=True)) + r""")\b(?!['’-])
    (?:\s+of\s+[\w'’ ]+?(?=,|\s+(?:said|told|on|in|this|last)\b))?
    # or, with no determiner, an organisation's capitalised name before the role ("ZFA president added")
    |\b(?-i:[A-Z][\w.-]*[A-Z][\w.-]*)\s+(?:""" + "|".join(re.escape(w) for w in sorted(ROLE_NOUNS, key=len, reverse=True))
    + r""")\b(?!['’-])""", re.VERBOSE | re.IGNORECASE)
ORG_RE = re.compile(
    r"\b(?:the\s+)?(?:" + lexicon.literal_pattern(lexicon.organisation_aliases()) +
    r"|(?:[A-Z][\w'’]+\s+)?(?:Foreign|Defen[cs]e) Ministry)")
# Country kinds that may stand as the speaker ("Zorbagrad said", "the U.S. warned"); demonyms and seats may not.
SPEAKING_PLACE_KINDS = ("short", "capital", "region")
SPEAKING_KINDS = {row["alias"]: row["kind"] for row in lexicon.table("places")}
# Nouns a country or organisation modifies rather than speaks through ("EU leaders", "US officials"): the
# description, not the country, is then the mention.
MODIFIED_NOUNS = frozenset("leaders officials side government authorities ministry state media members team".split())
AGENCY_RE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+(?:(?:[A-Z][\w'’-]*|news|of|and)\s+){0,5}(?:Agency|News|Service|Media|Press|"
    r"Television|TV|Radio|Shimbun|Times|Post)(?:\s*\([A-Z]{2,}\))?|" + lexicon.agency_pattern() +
    r"|(?:[A-Z][\w'’]+['’]s\s+)?state(?:-run)? media)")
RELAY_LEAD_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(lexicon.column("relay_leads", "phrase", kind="lead"), key=len, reverse=True))
    + r")\s+(?:(?:the|its|a|an|state-run|state|official|(?:[A-Z][\w'’.]*\s+){0,2}[A-Z][\w'’.]*['’]s)\s+)*",
    re.IGNORECASE)
ABBREVIATION_RE = re.compile(r"\b(?:[A-Z]\.){2,}")  # dotted initials: their full stops end no sentence
TOLD_REPORTERS_RE = re.compile(r"\btold reporters\b")
AGENCY_CITES_RE = re.compile(r"\s+(?:cited|quoted|reported)\b")
NOT_NEWLINE_RE = re.compile(r"[^\n]")
# How far (characters) before the opening mark and after the closing mark attribution is searched when the
# sentence around a quotation runs on longer (a paragraph with no full stop). The longest sentence holding a
# quotation in seeds/ and corpora/ is well under this, so real articles are unaffected; it keeps the
# attribution search linear in the article's length on pathological text (issue 13).
ATTRIBUTION_REACH = 1000
# A trailing attribution (``," she said.``) runs to the next full stop or line end, at most this far (characters)
# past the closing mark: the longest in corpora/ is under 100.
TRAILING_REACH = 200
TRAILING_CLAUSE_END_RE = re.compile(r"[.!?;\n]")
CITING_WORD_RE = re.compile(r"\s(?:cited|quoted|reported)\b")


def _masked(text: str, quotes: list[Quote]) -> str:
    """The text with quoted words replaced by underscores (sentence ends inside quotes then do not count)."""
    pieces, cursor = [], 0
    for q_start, q_end in sorted((q.start, q.end) for q in quotes):
        start = max(q_start, cursor)
        if start >= q_end:
            continue
        pieces.append(text[cursor:start])
        pieces.append(NOT_NEWLINE_RE.sub("_", text[start:q_end]))
        cursor = q_end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _sentence_around(masked: str, paragraph: tuple[int, int], start: int, end: int,
                     cache: dict | None = None) -> tuple[int, int]:
    """The sentence holding ``masked[start:end]`` (the paragraph when none does), cut to ATTRIBUTION_REACH
    characters either side. ``cache`` keeps each paragraph's sentences, split once for all its quotations."""
    cache = {} if cache is None else cache
    if paragraph not in cache:
        spans = sentence_spans(masked, *paragraph)
        cache[paragraph] = (spans, [e for _, e in spans])
    spans, ends = cache[paragraph]
    i = bisect.bisect_right(ends, start - 2)  # the first sentence with start < e + 2 (ends are increasing)
    s, e = (spans[i][0], max(spans[i][1], end)) if i < len(spans) and spans[i][0] <= start else paragraph
    return max(s, start - ATTRIBUTION_REACH), max(end, min(e, end + ATTRIBUTION_REACH))


def _mention_in(text: str, lo: int, hi: int, names: list[tuple[int, int, str]]) -> tuple[int, int, str, str] | None:
    """The subject of a clause ``text[lo:hi]``: the first person name, else the first description,
    organisation, country or pronoun. Returns (start, end, mention, type)."""
    for i in range(bisect.bisect_left(names, (lo,)), len(names)):  # names are in text order
        s, e, name = names[i]
        if s >= hi:
            break
        if e <= hi:
            return s, e, name, "name"
    found = []
    for regex, kind in ((DESCRIPTOR_RE, "descriptor"), (ROLE_DESCRIPTION_RE, "descriptor"), (ORG_RE, "org"),
                        (PRONOUN_RE, "pronoun")):
        match = regex.search(text, lo, hi)
        while match and kind == "org" and _modifies_next(text, match.end()):
            match = regex.search(text, match.end(), hi)
        if match and match.group().strip():
            found.append((match.start(), -(match.end()), match.group(), kind))
    country = _speaking_country(text, lo, hi)
    if country:
        found.append((country.start(), -country.end(), country.group(), "country"))
    if not found:
        return None
    s, neg_end, mention, kind = min(found)
    if kind == "descriptor":
        country = _speaking_country(text, s, -neg_end)
        org = ORG_RE.search(text, s, -neg_end)
        head = re.search(rf"(?:{DESCRIPTOR_HEADS})\b", mention, re.IGNORECASE)
        if head and head.group().lower() in ("ministry", "government", "military") and (org or country):
            hit = org or country
            return hit.start(), hit.end(), hit.group(), "org" if org else "country"
    return s, -neg_end, mention, kind


# What may stand between a subject and its cue verb: adverbs and times ("Doe said Friday" has none;
# "Zorbia on Wednesday called", "Lin also said", "the ministry has since said").
SUBJECT_GAP = r"""
    \s*(?:\b(?:has|have|had|also|then|later|again|further|once|since|now|previously|earlier|swiftly|quickly|
        reportedly|repeatedly|(?:on|last|this|next)\s+[A-Z]?[a-z]+|[A-Z][a-z]+day|[a-z]+ly)\s+)*$"""
SUBJECT_GAP_RE = re.compile(SUBJECT_GAP, re.VERBOSE)
# An appositive or relative clause between a subject and its cue: "X, who charged Y, said", "X, the
# envoy of Y, told", "X (Y's envoy) said".
APPOSITIVE_GAP_RE = re.compile(r"\s*(?:,[^,;:.!?]{1,160},|\([^()]{1,160}\))" + SUBJECT_GAP, re.VERBOSE)


# A sentence end with no space after it (scraped text: "…for Wagner."Wagner owner X …", "has more.Report:"):
# a full stop, or a closing double mark, glued to the capital that starts the next sentence.
GLUED_SENTENCE_END_RE = re.compile(r"(?:[a-z_][.!?]|_[\"”])[\"”’]?(?=[A-Z])")


OF_COMPLEMENT_RE = re.compile(r"\s+of\s+(?:the\s+)?")  # between a role and its organisation: "president of the ZFA"


def _subject_before(text: str, lo: int, hi: int, names: list[tuple[int, int, str]]) -> tuple[int, int, str, str] | None:
    """The subject of the cue verb at ``hi`` in the clause ``text[lo:hi]``: the mention the cue follows directly
    ("…with Ivan Petrov during his trip, Doe emphasized" → Doe; "After Y spoke, X's ministry accused"
    → the ministry), or the mention an appositive or relative clause separates from the cue ("X, who charged Y,
    said" → X); else the first mention of the clause, as :func:`_mention_in` finds it."""
    glued = [m.end() for m in GLUED_SENTENCE_END_RE.finditer(text, lo, hi)]
    lo = glued[-1] if glued else lo  # "…Wagner."Wagner owner X denied it": the clause starts after the glue
    first = _mention_in(text, lo, hi, names)
    if first is None:
        return None
    if APPOSITIVE_GAP_RE.match(text, first[1], hi):
        return first
    gap = SUBJECT_GAP_RE.search(text, first[1], hi)
    tail = gap.start() if gap else hi
    if tail <= first[1]:
        return first
    last = _last_mention(text, first[1], tail, names)
    if last is not None and last[1] == tail:
        if first[3] == "descriptor" and OF_COMPLEMENT_RE.fullmatch(text, first[1], last[0]):
            return first[0], last[1], text[first[0]:last[1]], "descriptor"  # "The president of the ZFA has said"
        return last
    return _first_ungoverned(text, lo, hi, names) or first


def _introduces(text: str, end: int, name_start: int) -> bool:
    """Whether a description ending at ``end`` introduces the name at ``name_start``: only title words, capitals,
    commas and hyphens between them ("NATO Secretary-General X", "The President of Zorbia, X,")."""
    between = text[end:name_start]
    return (0 <= len(between) <= 40 and not re.search(r"[.;:!?]", between)
            and all(w[:1].isupper() or w.lower() in TITLE_LIKE_WORDS or w.lower() in ("of", "the")
                    for w in re.findall(r"[A-Za-z]+", between)))


def _first_ungoverned(text: str, lo: int, hi: int, names) -> tuple[int, int, str, str] | None:
    """The first mention of ``text[lo:hi]``, in text order, that no preposition or subordinator governs: the
    subject of the main clause ("During his speech, the president said that Y …, adding" → the president,
    not Y, the subject of the clause after "that")."""
    start = lo
    while start < hi:
        mention = _mention_in(text, start, hi, [])
        named = next((n for n in names[bisect.bisect_left(names, (start,)):] if n[1] <= hi), None)
        if named and named[0] < hi and (mention is None or named[0] <= mention[0]
                                        or _introduces(text, mention[1], named[0])):
            mention = (named[0], named[1], named[2], "name")  # "NATO Secretary-General X", "The President, X,"
        if mention is None:
            return None
        if mention[3] != "pronoun" and not governed(text, lo, mention[0]):
            return mention
        start = max(mention[1], start + 1)
    return None


def _last_mention(text: str, lo: int, hi: int, names) -> tuple[int, int, str, str] | None:
    """The mention of ``text[lo:hi]`` that ends last (a name first, as :func:`_mention_in` ranks them)."""
    found = None
    start = lo
    while start < hi:
        mention = _mention_in(text, start, hi, names)
        if mention is None:
            break
        if found is None or mention[1] >= found[1]:
            found = mention
        start = mention[1] if mention[1] > start else start + 1
    return found


class _Found(tuple):
    """A (start, end, text) span with the ``re.Match`` methods the callers use."""

    def start(self) -> int:
        return self[0]

    def end(self) -> int:
        return self[1]

    def group(self) -> str:
        return self[2]


def _speaking_country(text: str, lo: int, hi: int) -> _Found | None:
    """The first country named in ``text[lo:hi]`` as a speaker may be ("Zorbagrad", "the U.S.", "ZPR"):
    a country name, short form or capital (not a demonym or seat), not a possessive ("Russia's war"), with a
    leading "the" kept in the span as printed."""
    kinds = SPEAKING_KINDS
    for start, end, alias, _ in lexicon.find_countries(text, lo, hi):
        if (text[end:end + 2] in ("'s", "’s") or kinds.get(alias, "name") not in ("name",) + SPEAKING_PLACE_KINDS
                or _modifies_next(text, end)):
            continue
        lead = text[max(lo, start - 4):start]
        if lead.lower() == "the ":
            start -= 4
        return _Found((start, end, text[start:end]))
    return None


def _modifies_next(text: str, end: int) -> bool:
    """Whether a country or organisation ending at ``end`` modifies the word after it ("the Zorbia Strait",
    "ZFA president", "EU leaders"): then it names no speaker."""
    following = re.match(r"[ \u00a0]+([A-Za-z][\w-]*)", text[end:end + 40])
    if not following:
        return False
    word = following.group(1)
    return word[0].isupper() or word.lower() in spk.TITLE_WORDS or word.lower() in MODIFIED_NOUNS


def _after_attribution(text: str, lo: int, hi: int, names) -> dict | None:
    """A trailing attribution right after the closing mark: ``," Yun said`` or ``," said Yun …``."""
    window = text[lo:hi]
    lead = re.match(r"[\s,]*", window).end()
    say_first = SAY_CUES_RE.match(window, lead)
    if say_first:
        after = re.match(r"\s*", window[say_first.end():]).end() + say_first.end()
        mention = _mention_at(text, lo + after, min(hi, lo + after + 120), names)
        if mention:
            return {"cue": say_first, "cue_span": (lo + say_first.start(), lo + say_first.end()), "mention": mention}
        return None
    cue = CUE_RE.search(window, lead)
    if not cue:
        return None
    between = window[lead:cue.start()].strip(" ,")
    if not between or len(between.split()) > 14 or re.search(r"[.;]", ABBREVIATION_RE.sub("", between)):
        return None
    mention = _mention_in(text, lo + lead, lo + cue.start(), names)
    if not mention or mention[0] != lo + lead:
        return None
    return {"cue": cue, "cue_span": (lo + cue.start(), lo + cue.end()), "mention": mention}


HONORIFIC_LEAD_RE = re.compile(r"(?:(?:" + "|".join(re.escape(w) for w in sorted(spk.TITLE_WORDS, key=len, reverse=True))
                               + r")\.?[ \u00a0]+)+", re.IGNORECASE)


def _mention_at(text: str, start: int, hi: int, names) -> tuple[int, int, str, str] | None:
    """The mention that starts at ``start`` (after an inverted cue: "said Yun", "said Mr. Yun", "said the
    agency's chief"), or None."""
    lead = HONORIFIC_LEAD_RE.match(text, start, hi)
    name_at = lead.end() if lead else start
    i = bisect.bisect_left(names, (name_at,))
    if i < len(names) and names[i][0] == name_at and names[i][1] <= hi:
        return names[i][0], names[i][1], names[i][2], "name"
    titled = _titled_name_at(text, start, hi, names)
    if titled is not None:
        return titled
    mention = _mention_in(text, start, hi, [])
    return mention if mention and mention[0] == start else None


TITLE_LEAD_MAX = 6  # words of title before a name after an inverted cue ("tweeted Bundestag foreign committee Lawmaker X")
TITLE_LEAD_STOP = GOVERNING_WORDS | frozenset("the a an this these who when where".split())
TITLE_LEAD_BREAK_RE = re.compile(r"[,.;:!?\"“”()\n]")


def _titled_name_at(text: str, start: int, hi: int, names) -> tuple[int, int, str, str] | None:
    """The name right after a title that starts at ``start`` ("says European correspondent X"): at most
    TITLE_LEAD_MAX words, at least one a title or role word, none a preposition, article or subordinator."""
    i = bisect.bisect_left(names, (start,))
    if i >= len(names) or names[i][1] > hi:
        return None
    lead = text[start:names[i][0]]
    words = [w.lower() for w in lead.split()]
    if (not words or len(words) > TITLE_LEAD_MAX or TITLE_LEAD_BREAK_RE.search(lead)
            or not any(w in TITLE_LIKE_WORDS for w in words) or any(w in TITLE_LEAD_STOP for w in words)):
        return None
    return names[i][0], names[i][1], names[i][2], "name"


HEADLINE_COLON_RE = re.compile(r"[ \u00a0]*:[ \u00a0]*")


def _headline_speaker(text: str, close_at: int, names) -> dict | None:
    """A headline's speaker after the quotation and a colon ("'I feel like a migrant': league president hits
    out …"), with no cue of its own."""
    colon = HEADLINE_COLON_RE.match(text, close_at)
    if not colon or ":" not in colon.group():
        return None
    mention = _mention_at(text, colon.end(), min(len(text), colon.end() + 80), names)
    return {"cue": None, "cue_span": (-1, -1), "mention": mention} if mention else None


def _relay_in(text: str, lo: int, hi: int) -> tuple[int, int, str] | None:
    """A relay in ``text[lo:hi]``: ``as quoted by the … Agency``, ``carried by …``, ``told reporters``."""
    told = TOLD_REPORTERS_RE.search(text, lo, hi)
    if told:
        return told.start(), told.end(), "told reporters"
    for lead in RELAY_LEAD_RE.finditer(text, lo, hi):
        agency = AGENCY_RE.match(text, lead.end(), hi)
        if agency:
            return agency.start(), agency.end(), agency.group()
    media = re.search(r"(?:[A-Z][\w'’]+['’]s\s+)?state(?:-run)? media\b", text[lo:hi])
    if media:
        return lo + media.start(), lo + media.end(), media.group()
    return None


# A verb of naming with its object right before a quotation ("referred to Y as a", "equating Y with", "called Y
# a"): the quoted word is the name the verb's subject gave (lexicon/naming_cues.csv). The object is a short run
# without clause punctuation.
NAMING_RE = re.compile(r"""
    \b(?P<verb>""" + "|".join(re.escape(w) for w in sorted(lexicon.column("naming_cues", "word"), key=len, reverse=True))
    + r""")\s+
    (?P<object>[^,.;:!?\n_]{1,100}?)
    \s+(?:as(?:\s+(?:an?|the))?|with|an?)\s*$""", re.VERBOSE | re.IGNORECASE)


# A sentence that attributes the sentence before it ("This was stated by X", "These words were said by X").
STATED_BY_RE = re.compile(r"""\s*(?:This|That|These\s+words|Those\s+words|These\s+remarks|It)\s+(?:was|were)\s+
    (?P<verb>stated|said|declared|announced|written|told|expressed)\s+by\s+""", re.VERBOSE)
CLAUSE_BREAK_RE = re.compile(r"[\n,;.]")  # the name after "stated by" stands before any of these


PRESS_ROLES = frozenset(lexicon.column("role_nouns", "word", family="press"))


def _press_title(title: str) -> bool:
    """Whether a title is a reporting role ("Network Reporter", "correspondent")."""
    return bool(PRESS_ROLES & set(re.findall(r"[a-z]+", title.lower())))


def _naming_verb(masked: str, lo: int, open_at: int, names) -> dict | None:
    """The cue and mention of a quotation that is the name a verb of naming gives, from the subject of that verb
    ("After X referred to Y as a '…'" → X), or None."""
    naming = NAMING_RE.search(masked, lo, open_at)
    if naming is None:
        return None
    mention = _subject_before(masked, lo, naming.start("verb"), names)
    if mention is None:
        return None
    verb = naming.group("verb")
    return {"cue": verb.lower(), "cue_span": naming.span("verb"),
            "mention": mention}


# A quotation whose own words end a sentence ('…logic."') followed by a capitalised word starts a new sentence
# after the closing mark: what follows is not a trailing attribution when a cue stands before the quotation.
NEW_SENTENCE_AFTER_RE = re.compile(r"\.[\"”’']?[ \u00a0]+[A-Z]")
# "X quoted him as saying": the object pronoun is the speaker.
QUOTED_AS_SAYING_RE = re.compile(r"\bquoted\s+(him|her)\s+as\s+saying\b")


def attribute(text: str, quote: Quote, sentence: tuple[int, int], masked: str, names) -> dict:
    """Cue, speaker mention, title and relay of one quotation from the sentence around it."""
    open_at = quote.open_mark if quote.open_mark >= 0 else quote.start
    close_at = quote.close_mark + 1 if quote.close_mark >= 0 else quote.end
    info = {"cue": "", "cue_span": (-1, -1), "mention": None, "title": ""}
    trail_end = sentence[1]
    if quote.close_mark >= 0 and trail_end <= close_at + 1:  # the sentence was cut at the quotation's end
        clause_end = TRAILING_CLAUSE_END_RE.search(masked, close_at, close_at + TRAILING_REACH)
        trail_end = clause_end.start() + 1 if clause_end else trail_end
    trailing = (_after_attribution(masked, close_at, trail_end, names)
                if (quote.close_mark >= 0 or quote.info.get("attribution_after")) and quote.end <= trail_end
                else None)
    if trailing is None and quote.kind == "headline" and quote.close_mark >= 0:
        trailing = _headline_speaker(masked, close_at, names)
    before_cues = list(CUE_RE.finditer(masked, sentence[0], open_at))
    if trailing and before_cues and NEW_SENTENCE_AFTER_RE.match(text, quote.end - 1):
        trailing = None  # '…, adding, "We don't want a bloc logic." Zorbia has promised …': a new sentence
    if trailing and (not before_cues or text[quote.end - 1:quote.end] in ",?!" or
                     not text[close_at:close_at + 3].strip(" ").startswith(".")):
        cue = trailing["cue"]  # matched in a window: its offsets count from the window, cue_span from the text
        info.update(cue=cue.group().lower() if cue else "", cue_span=trailing["cue_span"], mention=trailing["mention"])
    elif before_cues:
        cue = before_cues[-1]
        info.update(cue=cue.group().lower(), cue_span=(cue.start(), cue.end()))
        info["mention"] = _subject_before(masked, sentence[0], cue.start(), names)
        if info["mention"] is None and SAY_CUES_RE.fullmatch(cue.group()):  # "…,” said Mr. X, in … . The question …
            after = cue.end() + len(masked[cue.end():cue.end() + 5]) - len(masked[cue.end():cue.end() + 5].lstrip())
            info["mention"] = _mention_at(masked, after, min(open_at, after + 120), names)
        if cue.group().lower() == "according to":
            info["mention"] = _mention_in(masked, cue.end(), min(sentence[1], cue.end() + 80), names)
    else:
        later = CUE_RE.search(masked, close_at, sentence[1])
        if later:
            info.update(cue=later.group().lower(), cue_span=(later.start(), later.end()))
            if later.group().lower() == "according to":
                info["mention"] = _mention_in(masked, later.end(), min(sentence[1], later.end() + 80), names)
            else:
                info["mention"] = _subject_before(masked, close_at, later.start(), names) or _mention_in(
                    masked, sentence[0], open_at, names)
        else:
            info["mention"] = _mention_in(masked, sentence[0], open_at, names)
            if info["mention"] and info["mention"][3] == "name" and _press_title(
                    title_near(masked, sentence[0], sentence[1], info["mention"])):
                info["mention"] = None  # "[Network Reporter X]“I am …”": a byline, the writer, not a speaker
    quoted_as = QUOTED_AS_SAYING_RE.search(masked, sentence[0], sentence[1])
    if quoted_as:  # "“No,” Politico quoted him as saying": the pronoun, not the newspaper
        info.update(cue="quoted", cue_span=(quoted_as.start(), quoted_as.start() + len("quoted")),
                    mention=(quoted_as.start(1), quoted_as.end(1), quoted_as.group(1), "pronoun"))
    stated_by = STATED_BY_RE.match(masked, sentence[1])
    if stated_by:  # "… are 'absurd' and violate 'political dignity.' This was stated by spokesman X …"
        reach = min(len(masked), stated_by.end() + ATTRIBUTION_REACH)
        line_end = CLAUSE_BREAK_RE.search(masked, stated_by.end(), reach)
        mention = _mention_in(masked, stated_by.end(), line_end.start() if line_end else reach, names)
        if mention is not None:  # its title may come first ("by Zorbian Foreign Ministry spokesman X"), no comma
            info.update(cue=stated_by.group("verb").lower(), cue_span=stated_by.span("verb"), mention=mention)
    naming = _naming_verb(masked, sentence[0], open_at, names)
    if naming is not None:
        info.update(naming)
    mention = info["mention"]
    if mention and mention[3] == "name":
        info["title"] = title_near(masked, sentence[0], sentence[1], mention)
    elif mention and mention[3] == "descriptor":
        info["title"] = re.sub(r"^(?:the|a|an)\s+", "", mention[2], flags=re.IGNORECASE)
    info["relay"] = _relay_in(masked, sentence[0], sentence[1])
    return info



# How many paragraphs before a run of quoted paragraphs a lead-in may stand ("Here's part of what he had to
# say." then a heading "OPENING REMARKS", then the quotations): the lead-in and at most two headings.
LEAD_IN_REACH = 3
HEADING_MAX_WORDS = 6  # a line of at most this many words with no end punctuation is a heading, not a sentence
# "X's speech", "from X's remarks": a person's words named as such (the speaker of the quotations that follow).
SPEECH_NOUNS_RE = re.compile(r"['’]s\s+(?:\w+\s+){0,2}?(?:speech|remarks|address|statement|words|comments|"
                             r"monologue|interview|letter|email|e-mail|memo|post|tweet|lines)\b", re.IGNORECASE)


def lead_in_mention(masked: str, paragraphs: list[tuple[int, int]], index: int, quoted: set[int],
                    names) -> tuple[int, int, str, str] | None:
    """The speaker a paragraph in the writer's voice introduces for the quoted paragraph ``index`` that has no
    attribution of its own: the subject of the last cue in the paragraph before ("Doe stressed that …",
    "Here's part of what he had to say."), or the person whose speech it names ("Doe's speech"); headings
    between them are skipped. None when that paragraph holds a quotation itself (the quotation before is then
    the one continued) or introduces nobody."""
    for i in range(index - 1, max(-1, index - 1 - LEAD_IN_REACH), -1):
        start, end = paragraphs[i]
        if i in quoted:
            return None
        cues = list(CUE_RE.finditer(masked, start, end))
        if cues:
            sentence = next(s for s in reversed(sentence_spans(masked, start, end) or [(start, end)])
                            if s[0] <= cues[-1].start())
            mention = _subject_before(masked, sentence[0], cues[-1].start(), names)
            if mention is None and SAY_CUES_RE.fullmatch(cues[-1].group()):
                mention = _mention_at(masked, cues[-1].end() + 1, min(end, cues[-1].end() + 120), names)
            return mention
        speech = SPEECH_NOUNS_RE.search(masked, start, end)
        if speech:
            named = [n for n in names[bisect.bisect_left(names, (start,)):] if n[1] <= speech.start()]
            if named and named[-1][1] == speech.start():
                return named[-1][0], named[-1][1], named[-1][2], "name"
        words = masked[start:end].split()
        if len(words) > HEADING_MAX_WORDS or masked[end - 1:end] in ".!?:":
            return None  # a sentence that introduces nobody
    return None


def _propagate_relays(text: str, quotes: list[Quote], masked: str) -> None:
    """A relay is named for the statement it carries: later quotations of the same speaker share it.
    ``AGENCY cited/quoted …`` in a sentence without a quotation hands its relay to the next quotation."""
    carried: dict[str, tuple[int, int, str]] = {}
    cites = []
    if CITING_WORD_RE.search(masked):  # no "cited/quoted/reported": no agency can cite (skip the scan)
        for agency in AGENCY_RE.finditer(masked):
            if AGENCY_CITES_RE.match(masked, agency.end()):
                cites.append((agency.start(), agency.end(), agency.group()))
    cite_ends = [c[1] for c in cites]
    used = 0  # cites before this index have handed their relay on
    for quote in quotes:
        entity: Entity = quote.info["entity"]
        relay = quote.info.get("relay")
        pending = bisect.bisect_right(cite_ends, quote.start)  # cites[used:pending] end before the quotation
        if relay is None and pending > used and entity.kind in ("name", "official"):
            relay = cites[pending - 1]
            used = pending
        if relay is None and entity.name in carried:
            relay = carried[entity.name]
        if relay is not None and entity.name:
            carried.setdefault(entity.name, relay)
        quote.info["relay"] = relay
