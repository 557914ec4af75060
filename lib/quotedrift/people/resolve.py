"""Resolve each quotation's mention to a speaker within one article.

A bare surname becomes the full name printed in the article; a pronoun the nearest earlier person whose gender
agrees ("she" never resolves to a man); ``the official`` the official quoted before; an unnamed official the
named official of the same country whose title does not conflict with the description's role; a country
(``ZPR``) the official who speaks for it. Quotations with no mention of their own inherit from a standalone
paragraph's neighbour.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import lexicon
from . import names as spk
from . import officials
from .roster import EMPTY, SINGLE_MIN_ARTICLES, Roster, everyday_word
from .titles import OFFICIAL_WORDS_RE, TITLE_LIKE_WORDS, title_near

if TYPE_CHECKING:
    from ..extract.marks import Quote

SENTENCE_END_RE = re.compile(r"[.!?][\"”’]?\s+(?=[\"“A-Z])|\n")  # where a sentence ends (for pronouns)
GENDER_WORDS = lexicon.title_genders()  # titles and nouns that tell a gender (Ms, spokeswoman, sister)


@dataclass
class Entity:
    """Who a quotation is attributed to, within one article."""

    name: str
    kind: str  # name | official | country | org | none
    title: str = ""
    country: str = ""
    position: int = 0
    confidence: float = 1.0

    @property
    def official_like(self) -> bool:
        return self.kind == "official" or (self.kind == "name" and bool(OFFICIAL_WORDS_RE.search(self.title))
                                           and not re.search(r"\bleader\b|\bpresident\b", self.title, re.I))


# A country after one of these words is where a person went or came from, not the one they serve ("the head of
# state back from Zorbia"); "of" is not among them ("President of Zorbia").
PLACE_PREPOSITION_RE = re.compile(r"\b(?:from|to|in|into|at|with|after|over|toward|towards)\s+(?:the\s+)?$",
                                  re.IGNORECASE)


def country_of(words: str) -> str:
    """The country a title or description belongs to (``ZPR's Foreign Ministry`` → Zorbia), or '';
    a country only named as a field ("director-general in charge of U.S. affairs") or as a place the person
    went to or came from does not count."""
    for start, end, alias, country in lexicon.find_countries(words or ""):
        if re.match(r"\.?\s+[Aa]ffairs\b", words[end:end + 12]) or PLACE_PREPOSITION_RE.search(words, 0, start):
            continue
        return country
    return ""


def _gender(entity: Entity, text: str) -> str:
    for word in re.findall(r"[A-Za-z]+", entity.title):
        if GENDER_WORDS.get(word.lower()):
            return GENDER_WORDS[word.lower()]
    return ""


class ArticleResolver:
    """Turns per-quotation mentions into one speaker per person within an article."""

    def __init__(self, text: str, names: list[tuple[int, int, str]], roster: Roster = EMPTY):
        self.text = text
        self.names = [n for n in names if not _headline_words(n[2], roster)]
        self.roster = roster
        self._bounds: list[int] | None = None  # sentence starts, found when a pronoun first needs them
        self.full_names = [n for n in names if len(n[2].split()) >= 2]
        self.genders: dict[str, str] = {}
        self._word_genders: set[str] | None = None  # genders of the gendered words printed (found when needed)
        self._full_names: set[str] | None = None  # full names of the people named, of two words or more

        self.by_surname: dict[str, list[tuple[int, int, str]]] = {}
        self.by_word: dict[str, list[tuple[int, int, str]]] = {}
        for n in self.full_names:
            self.by_surname.setdefault(spk._surname(n[2]).lower(), []).append(n)
            for word in spk._words(n[2]):
                self.by_word.setdefault(word.lower(), []).append(n)
        self.titles: dict[str, str] = {}
        for n in self.full_names:
            title = title_near(text, max(0, n[0] - 120), n[1], n)
            key = spk._flat(roster.canonical(n[2]) or n[2])
            if title and key not in self.titles:
                self.titles[key] = title

    def full_name(self, name: tuple[int, int, str]) -> str:
        """A full name as the corpus spells it (:class:`Roster`); a bare surname the nearest full name with that
        surname in the article (before it, else after), else the corpus's full name for it."""
        if len(name[2].split()) >= 2:
            return self.roster.canonical(name[2]) or name[2]
        # a family name, or a given name used as the surname ("Wei" for Lin Wei)
        matches = self.by_surname.get(name[2].lower()) or self.by_word.get(name[2].lower(), [])
        before = bisect.bisect_left(matches, (name[0],))
        chosen = matches[before - 1] if before else (matches[0] if matches else None)
        if chosen:
            return self.roster.canonical(chosen[2]) or chosen[2]
        return self.roster.canonical(name[2]) or name[2]

    def title_of(self, name: str) -> str:
        return self.titles.get(spk._flat(name), "")

    def entity(self, mention: tuple[int, int, str, str] | None, title: str) -> Entity:
        if mention is None:
            return Entity("", "none", confidence=0.0)
        s, e, words, kind = mention
        if kind == "name" and _headline_words(words, self.roster):
            return Entity("", "none", confidence=0.0)
        if kind == "name":
            full = self.full_name((s, e, words))
            title = title or self.title_of(full)
            return Entity(full, "name", title, country_of(title), s, 1.0 if full == words else 0.9)
        if kind == "descriptor":
            name = spk.DETERMINERS_RE.sub("", words.strip())
            return Entity(name, "official", title or name, country_of(words), s, 0.8)
        if kind in ("country", "org"):
            canonical = spk.canonical_entity(words)
            return Entity(canonical, kind, "", country_of(words) or canonical, s, 0.9)
        return Entity(words, "pronoun", "", "", s, 0.8)

    def resolve_pronoun(self, entity: Entity, speakers: list[Entity] = ()) -> Entity:
        """he/she → the nearest earlier person named or quoted whose gender agrees: "she" never resolves to a
        man. Gender comes from titles and nouns (Ms, spokeswoman), honorifics before any mention of the person
        (Mr Doe), and the first name (gender-guesser); a person with no evidence is taken with less confidence."""
        wanted = {"he": "male", "she": "female", "him": "male", "her": "female"}.get(entity.name.lower(), "")
        names = ((self.names[i][0], self.full_name(self.names[i]))
                 for i in range(bisect.bisect_left(self.names, (entity.position,)) - 1, -1, -1))
        quoted = ((e.position, e.name) for e in reversed(speakers) if e.kind == "name" and e.position < entity.position)
        agrees = lambda full: not wanted or not self.gender_of(full) or self.gender_of(full) == wanted  # noqa: E731
        for position, full in heapq.merge(names, quoted, reverse=True):  # nearest first, walked lazily
            if agrees(full):
                if wanted:  # "he"/"she" continue a sentence's subject; "they" may be anyone (or a group)
                    known = self.gender_of(full) == wanted  # evidence for the nearest: the subject needs it too
                    position, full = self._sentence_subject(
                        position, full, (lambda name: self.gender_of(name) == wanted) if known else agrees)
                gender = self.gender_of(full)
                title = self.title_of(full)
                return Entity(full, "name", title, country_of(title), position, 0.8 if gender else 0.6)
        return Entity("", "none", confidence=0.0)

    def _sentence_subject(self, position: int, full: str, agrees) -> tuple[int, str]:
        """The first agreeing person named in the sentence of the mention at ``position``: a pronoun continues
        the sentence's subject, not the person it named last ("Doe noted that Petrov … . He described …"
        → Doe)."""
        if self._bounds is None:
            self._bounds = [0] + [m.end() for m in SENTENCE_END_RE.finditer(self.text)]
        start = self._bounds[bisect.bisect_right(self._bounds, position) - 1]
        for i in range(bisect.bisect_left(self.names, (start,)), len(self.names)):
            if self.names[i][0] >= position:
                break
            candidate = self.full_name(self.names[i])
            if agrees(candidate) and not governed(self.text, start, self.names[i][0]):
                return self.names[i][0], candidate
        return position, full

    def resolve_description(self, entity: Entity, description: str) -> Entity | None:
        """A definite description by role ("the league president", "the billionaire", "the world's richest man")
        → the nearest person of the article (earlier first, else later) whose titles, as this article or any
        other of the corpus prints them, hold a role word of the same family, with no conflicting country or
        gender; else the one person of the corpus whose titles hold the role and every capitalised modifier
        ("league"); else None (it stays a description)."""
        role = _role_of(description)
        if role is None:
            return None
        word, family = role
        if family == "document":
            return self._writer(entity)
        wanted_country = country_of(description)
        positions = [n[0] for n in self.names]
        here = bisect.bisect_left(positions, entity.position)
        order = list(range(here - 1, -1, -1)) + list(range(here, len(self.names)))
        if wanted_country:  # "the French prez": a person whose titles name France first, then anyone fitting
            order = sorted(order, key=lambda i: country_of(" ; ".join(
                [self.title_of(self.full_name(self.names[i])),
                 *self.roster.printed_titles.get(self.full_name(self.names[i]), ())])) != wanted_country)
        seen: set[str] = set()
        for i in order:
            full = self.full_name(self.names[i])
            if full in seen or len(full.split()) < 2:
                continue
            seen.add(full)
            if self._fits_role(full, family, word, wanted_country):
                title = self.title_of(full)
                return Entity(full, "name", title, country_of(title), entity.position, 0.7 if i < here else 0.6)
        if family == "person":
            return None
        modifiers = {w.lower() for w in re.findall(r"\b([A-Z][\w-]*)(?:['’]s)?\b", description)
                     if w.lower() not in ("the", "its", "their") and not lexicon.country_in(w)}
        same_family = ROLE_FAMILIES.get(family, frozenset({word}))
        owners = [name for name, words in self.roster.titles.items()
                  if words & same_family and modifiers <= words
                  and not _countries_conflict(wanted_country, " ; ".join(self.roster.printed_titles.get(name, ())))]
        if len(owners) == 1 and (modifiers or wanted_country):
            return Entity(owners[0], "name", "", "", entity.position, 0.6)
        exact = [name for name, words in self.roster.titles.items() if word in words and modifiers <= words]
        if len(exact) == 1:  # "the billionaire": the one person of the corpus printed with that very word
            return Entity(exact[0], "name", "", "", entity.position, 0.5)
        return None

    def _writer(self, entity: Entity) -> Entity | None:
        """The writer of "the email" or "the memo" that an article quotes: the person named, nearest before the
        quotation (else after it), in a sentence that has the message sent or written ("X sent an email to
        staff", "a memo from X")."""
        if self._bounds is None:
            self._bounds = [0] + [m.end() for m in SENTENCE_END_RE.finditer(self.text)]
        sentences = []
        for start, end in zip(self._bounds, self._bounds[1:] + [len(self.text)]):
            if DOCUMENT_RE.search(self.text, start, end) and WRITING_RE.search(self.text, start, end):
                sentences.append((start, end))
        writers = []
        for start, end in sentences:
            for i in range(bisect.bisect_left(self.names, (start,)), len(self.names)):
                if self.names[i][0] >= end:
                    break
                writers.append((self.names[i][0], self.full_name(self.names[i])))
        writers = [w for w in writers if len(w[1].split()) >= 2]
        before = [w for w in writers if w[0] < entity.position]
        chosen = before[-1] if before else (writers[0] if writers else None)
        if chosen is None:
            return None
        title = self.title_of(chosen[1])
        return Entity(chosen[1], "name", title, country_of(title), entity.position, 0.6)

    def _fits_role(self, full: str, family: str, word: str, country: str) -> bool:
        """Whether a person of the article may be the one a role description of this family denotes."""
        titles = " ".join([self.title_of(full), *sorted(self.roster.titles.get(full, ()))]).lower()
        printed = " ; ".join([self.title_of(full), *self.roster.printed_titles.get(full, ())])
        if _countries_conflict(country, printed):  # as printed: country names are matched with their capitals
            return False
        if family == "person":
            gender = self.gender_of(full)
            return not gender or gender == GENDER_WORDS.get(word, gender)
        return bool(set(re.findall(r"[a-z-]+", titles)) & ROLE_FAMILIES.get(family, {word}))

    def nobody_is(self, gender: str) -> bool:
        """Whether no one in the article can be of ``gender``: it names at least one person, every person it
        names is of the other gender (honorific, title or first name) and no word of ``gender`` stands anywhere
        in it ("spokeswoman", "Ms", "her sister"). A pronoun of that gender then refers to nobody: a machine
        translation's guess ("she added" for a man; the garble kind ``wrong_pronoun``), no evidence of a speaker."""
        if self._full_names is None:  # once per article, not once per pronoun asked about
            self._full_names = {p for p in map(self.full_name, self.names) if len(p.split()) >= 2}
        people = self._full_names
        if not gender or not people or any(self.gender_of(p) in ("", gender) for p in people):
            return False
        if self._word_genders is None:
            self._word_genders = {GENDER_WORDS[w] for w in set(re.findall(r"[a-z]+", self.text.lower()))
                                  if w in GENDER_WORDS}
        return gender not in self._word_genders

    def gender_of(self, full: str) -> str:
        """'male', 'female' or '' for a person named in the article (see :meth:`resolve_pronoun`)."""
        key = spk._flat(full)
        if key not in self.genders:
            self.genders[key] = _gender_evidence(self.text, full, self.title_of(full))
        return self.genders[key]


HONORIFIC_RE = re.compile(r"\b(" + "|".join(re.escape(r["word"]) for r in lexicon.table("titles")
                                             if r["kind"] == "honorific" and r["gender"]) + r")\.?\s+([A-Z][\w'’-]+)",
                          re.IGNORECASE)


def _gender_evidence(text: str, full: str, title: str) -> str:
    """A person's gender from an honorific before any mention (``Ms Lin``), their title, or their first name. The
    honorific comes first: it is said of the person, where a job noun ("spokesman") is often used for anyone."""
    words = spk._words(full)
    surname = spk._surname(full).lower() if words else ""
    for match in HONORIFIC_RE.finditer(text) if surname else ():
        if match.group(2).lower() == surname and match.group(1)[:1].isupper():
            return GENDER_WORDS.get(match.group(1).lower(), "")
    for word in re.findall(r"[A-Za-z]+", title or ""):
        if GENDER_WORDS.get(word.lower()):
            return GENDER_WORDS[word.lower()]
    if not words:
        return ""
    if len(words) >= 2 and not spk.scheme_of(words):
        return lexicon.first_name_genders().get(words[0].lower(), "")
    return ""


ROLE_FAMILY = {row["word"].lower(): row["family"] for row in lexicon.table("role_nouns")}
ROLE_FAMILY.update({row["word"].lower(): "document" for row in lexicon.table("documents")})
DOCUMENT_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w, f in ROLE_FAMILY.items() if f == "document")
                         + r")s?\b", re.IGNORECASE)
WRITING_RE = re.compile(r"\b(?:sent|send|sends|wrote|writes|write|written|emailed|e-mailed|issued|posted|penned|"
                        r"signed|fired off|from|by)\b", re.IGNORECASE)
ROLE_FAMILIES: dict[str, frozenset[str]] = {
    family: frozenset(w for w, f in ROLE_FAMILY.items() if f == family) for family in set(ROLE_FAMILY.values())}
DEFINITE_RE = re.compile(r"^(?:(?i:the|its|their)|[A-Za-z][\w.-]*['’]s|[A-Z][\w.-]*[A-Z][\w.-]*)\s")


# Words after which a name is an object or the subject of a clause inside the sentence, not the subject a
# later pronoun continues ("with President X", "between X and Y", "noted that X has").
GOVERNING_WORDS = frozenset("""with to by from for of about between and that after before when while as than on at in
    against into toward towards like whom whose which who""".split())


TITLE_JOINERS = frozenset("of the for in and".split())


def governed(text: str, start: int, name_start: int) -> bool:
    """Whether the word before a name (its title words skipped) governs it: a preposition or subordinator."""
    window = text[max(start, name_start - 120):name_start]
    words = re.findall(r"[\w'’-]+|,", window)
    while words and ((words[-1][:1].isupper() and words[-1].lower() not in GOVERNING_WORDS)
                     or words[-1].lower() in TITLE_LIKE_WORDS
                     or (words[-1].lower() in TITLE_JOINERS and len(words) > 1 and words[-2][:1].isupper())):
        words.pop()  # the title printed before the name ("Director general of the Zorbian Ministry's Bureau")
    return bool(words) and words[-1].lower() in GOVERNING_WORDS  # a comma ends the phrase: "On Tuesday, X said"


def _headline_words(name: str, roster: Roster) -> bool:
    """A capitalised run that is headline words, not a person ("Should Apologise"): its first word is an everyday
    word and no first name, and no two articles of the corpus print it."""
    words = name.split()
    known = roster.full.get(roster.canonical(name), 0) >= SINGLE_MIN_ARTICLES  # printed by two articles or more
    return len(words) >= 2 and not known and everyday_word(words[0])


def _role_of(description: str) -> tuple[str, str] | None:
    """(role noun, family) of a definite description: its last role noun before any "of" ("the head of the
    governing body" → head), or None for an indefinite one ("a senior official") or one with no role noun."""
    if not DEFINITE_RE.match(description.strip()):
        return None
    head = re.split(r"\s+of\s+", description.strip(), maxsplit=1)[0]
    words = [w for w in re.findall(r"[a-z-]+", head.lower()) if w in ROLE_FAMILY]
    return (words[-1], ROLE_FAMILY[words[-1]]) if words else None


def _countries_conflict(country: str, titles: str) -> bool:
    """Whether a description's country and a person's titles name different countries."""
    other = country_of(titles) if country else ""
    return bool(country and other and other != country)


def _is_anaphoric(description: str) -> bool:
    """``the official``, ``The ZPR official``, ``the department head``: a short definite description that
    points back to someone already quoted (not a full title such as ``the vice director general of …``)."""
    words = description.split()
    return words[0].lower() in ("the", "this") and len(words) <= 3 and " of " not in description


# A quotation that is a name, not words spoken: a title, a product, a subject line ("A Fork in the Road",
# "Zorbphone 2.0", "Chief Zorb"): two to six words, each capitalised, a number or a small joining word, not
# shouted (all capitals) and not a clause ("I Feel …", "Don't …").
LABEL_JOINERS = frozenset("of in the a an to and for on at".split())
LABEL_MAX_WORDS = 6
# A quotation that is a button or menu label the reader is told to press ("click 'yes'").
PRESS_BEFORE_RE = re.compile(r"\b(?:click|clicking|clicked|press|pressing|tap|tapping|select|selecting|choose|"
                             r"choosing|hit|hitting)(?:\s+on)?\s*[\"“‘'„«]?\s*$", re.IGNORECASE)

# A quotation introduced as a title or subject line ("with the subject line 'A fork in the road'", "titled …").
TITLED_BEFORE_RE = re.compile(r"\b(?:subject(?:\s+line|\s+heading)?|headline|headlined|titled|entitled)\s*[:,]?\s*"
                              r"[\"“‘'„«]?\s*$", re.IGNORECASE)


def is_label(text: str, start: int, end: int, kind: str) -> bool:
    """Whether a partial quotation names a title, product or label rather than quoting anybody (its speaker is
    then nobody): a title-case name of two to six words, or the label of a button to press."""
    if kind not in ("partial", "scare"):
        return False
    if PRESS_BEFORE_RE.search(text, max(0, start - 40), start) or TITLED_BEFORE_RE.search(text, max(0, start - 40), start):
        return True
    words = re.findall(r"[\w.’'-]+", text[start:end].strip(" ,.;:!?"))
    if not 2 <= len(words) <= LABEL_MAX_WORDS or not words[0][:1].isupper():
        return False
    if any("'" in w or "’" in w or (w.isupper() and len(w) > 1) for w in words):
        return False
    if words[0].lower() in CLAUSE_WORDS:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in LABEL_JOINERS for w in words)


# A line that opens with a link label to another story ("Read also | “…”", lexicon/page_chrome.csv): the
# quotation after it is that story's headline, nobody's words here.
STORY_LINK_RE = re.compile(r"(?:^|\n)[ \t]*(?:" + "|".join(
    re.escape(row["phrase"]) for row in lexicon.table("page_chrome") if "story" in row["what"])
    + r")\b[ \t]*[|:>»–—-]*[ \t]*[\"“‘'«„]?$", re.IGNORECASE)


LINK_LABEL_REACH = 40  # characters before a quotation searched for its line's link label ("Read also | ")


def _links_another_story(text: str, start: int) -> bool:
    """Whether the quotation at ``start`` follows a link label at the start of its line (searched within
    LINK_LABEL_REACH characters, so that the look-up stays linear on a text with no line breaks)."""
    lo = max(0, start - LINK_LABEL_REACH)
    line_start = text.rfind("\n", lo, start)
    if line_start < 0 and lo > 0:
        return False  # the line starts further back than a label could
    return bool(STORY_LINK_RE.search(text, max(lo, line_start), start))


CLAUSE_WORDS = frozenset("i we you he she they it this there not no".split())


CONTINUED_CONFIDENCE = 0.75  # a speaker carried over from the quotation or the lead-in before, not named at a cue


def _continues_paragraph(info: dict, kind: str, previous_paragraph: int) -> bool:
    """Whether a quotation with no cue and no mention continues the attributed quotation before it in the same
    paragraph ("…,” he said. But “now the battle has been won.”); scare quotes and headlines do not."""
    return (kind in ("direct", "partial") and not info.get("cue") and info.get("mention") is None
            and info.get("paragraph", -2) == previous_paragraph)


CONTINUING_CUES = frozenset(c.lower() for c in lexicon.column("cues", "word", continues="yes"))  # "added"
CONTINUED_SPEECH_CONFIDENCE = 0.6  # no subject names the speaker: shown, never flagged (CONFIDENT_SPEAKER 0.75)
CONTINUED_SPEECH_PARAGRAPHS = 2  # the quotation before stands in the same paragraph or at most this many before:
# one paragraph of the writer's between ("…," said X. / Also in the speech, X … . / "…," she added.)
PRONOUN_GENDER = {"he": "male", "she": "female"}


def _continues_speech(info: dict, before: tuple[Entity, int, int] | None, start: int,
                      resolver: ArticleResolver) -> bool:
    """Whether a quotation with no speaker continues the named speaker of the quotation right before it: its cue
    says the speech goes on ("added"), it has no subject that names anyone (none found, "added the Zorbian with
    foreign roots", or a pronoun no one in the article can be: "she added" where all are men, a translation's
    guess), the quotation before is at most CONTINUED_SPEECH_PARAGRAPHS paragraphs back, and no other person
    is named between the two."""
    if before is None or before[0].kind != "name" or info.get("cue") not in CONTINUING_CUES:
        return False
    speaker, paragraph, end = before
    if not 0 <= info.get("paragraph", -1) - paragraph <= CONTINUED_SPEECH_PARAGRAPHS:
        return False
    mention = info.get("mention")
    if mention is not None and not (mention[3] == "pronoun"
                                    and resolver.nobody_is(PRONOUN_GENDER.get(mention[2].lower(), ""))):
        return False
    names = resolver.names
    between = names[bisect.bisect_left(names, (end,)):bisect.bisect_left(names, (start,))]
    return all(resolver.full_name(n) == speaker.name for n in between)


def resolve_article(text: str, quotes: list[Quote], names, roster: Roster = EMPTY) -> ArticleResolver:
    """Resolve each quotation's mention to a speaker within the article (in place: ``quote.info``), with the
    corpus's ``roster`` for names the article prints only in part; returns the article's resolver (its person
    names and the full name each stands for)."""
    resolver = ArticleResolver(text, names, roster)
    entities: list[Entity] = []
    previous: Entity | None = None
    previous_paragraph = -1
    before: tuple[Entity, int, int] | None = None  # the quotation right before: (speaker, paragraph, end)
    for quote in quotes:
        info = quote.info
        entity = resolver.entity(info.get("mention"), info.get("title", ""))
        if entity.kind == "pronoun" and entity.name.isupper() and len(entity.name) > 1:
            entity = Entity("", "none", confidence=0.0)  # "HE" in a shouted line: another story's headline
        elif entity.kind == "pronoun":
            entity = resolver.resolve_pronoun(entity, entities)
        if entity.kind == "official" and _is_anaphoric(info["mention"][2]):
            earlier = [e for e in entities if e.official_like
                       and (not entity.country or not e.country or e.country == entity.country)]
            if earlier:
                entity = Entity(earlier[-1].name, earlier[-1].kind, earlier[-1].title, earlier[-1].country,
                                entity.position, 0.75)
        if entity.kind == "official":
            entity = resolver.resolve_description(entity, info["mention"][2]) or entity
        if info.get("lead_in") and entity.kind != "none":  # introduced by the paragraph before, not at a cue
            entity.confidence = min(entity.confidence, CONTINUED_CONFIDENCE)
        if is_label(text, quote.start, quote.end, quote.kind or "") or _links_another_story(text, quote.start):
            entity = Entity("", "none", confidence=0.0)
            info["label"] = True
        elif entity.kind == "none" and previous is not None and (info.get("standalone") or _continues_paragraph(
                info, quote.kind or "", previous_paragraph)):
            entity = Entity(previous.name, previous.kind, previous.title, previous.country, quote.start,
                            CONTINUED_CONFIDENCE)
            info["relay_inherited"] = True
        elif entity.kind == "none" and _continues_speech(info, before, quote.start, resolver):
            entity = Entity(before[0].name, before[0].kind, before[0].title, before[0].country, quote.start,
                            CONTINUED_SPEECH_CONFIDENCE)
        entities.append(entity)
        if entity.kind != "none":
            previous, previous_paragraph = entity, info.get("paragraph", -1)
        if not info.get("label"):
            before = (entity, info.get("paragraph", -1), quote.end)
    _merge_unnamed_officials(entities)
    _countries_to_officials(entities, quotes)
    _countries_to_named_officials(entities, resolver, [q.info.get("cue", "") for q in quotes])
    _echoes_of_attributed_words(text, quotes, entities)
    for quote, entity in zip(quotes, entities):
        quote.info["entity"] = entity
    return resolver


# A quotation with no speaker of its own whose words another quotation of the same article gives a confident
# speaker is that speaker's (a headline's "'Extremely absurd'" when the body has the spokesperson saying "extremely absurd and
# irresponsible"): from two words (one shared word, "PROVOCATION", is a theme, not a quotation of someone) up to
# twelve, so that the look-up is one set of word runs per article (linear).
ECHO_MIN_WORDS = 2
ECHO_MAX_WORDS = 12
ECHO_CONFIDENCE = 0.6  # shown, never flagged (attribution.CONFIDENT_SPEAKER is 0.75)
ECHO_SOURCE_CONFIDENCE = 0.75  # the attributed quotation must itself be at least this confident


def _echoes_of_attributed_words(text: str, quotes: list[Quote], entities: list[Entity]) -> None:
    """Give a speakerless quotation (not a label) the speaker of the one person whose attributed quotations in
    the article print the same words in the same order."""
    words = [re.findall(r"[a-z0-9]+", text[q.start:q.end].lower().replace("’", "'")) for q in quotes]
    owners: dict[tuple[str, ...], set[str]] = {}
    speakers: dict[str, Entity] = {}
    for ws, entity in zip(words, entities):
        if entity.kind != "name" or entity.confidence < ECHO_SOURCE_CONFIDENCE:
            continue
        speakers.setdefault(entity.name, entity)
        for size in range(ECHO_MIN_WORDS, ECHO_MAX_WORDS + 1):
            for i in range(len(ws) - size + 1):
                owners.setdefault(tuple(ws[i:i + size]), set()).add(entity.name)
    for i, (quote, ws) in enumerate(zip(quotes, words)):
        entity = entities[i]
        if entity.kind != "none" or not ECHO_MIN_WORDS <= len(ws) <= ECHO_MAX_WORDS or quote.info.get("label"):
            continue
        found = owners.get(tuple(ws), set())
        if len(found) == 1:
            source = speakers[next(iter(found))]
            entities[i] = Entity(source.name, "name", source.title, source.country, quote.start, ECHO_CONFIDENCE)


def _merge_unnamed_officials(entities: list[Entity]) -> None:
    """An unnamed official becomes the nearest named official of a compatible country in the article.

    Named officials are grouped by (name, title, country) and each group's positions sorted once, so each
    unnamed official costs one look-up per distinct named official, not one per mention (ties: the earlier
    mention in the article, as before)."""
    named = [e for e in entities if e.kind == "name" and e.official_like]
    groups: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for index, n in enumerate(named):
        groups.setdefault((n.name, n.title, n.country), []).append((n.position, index))
    for members in groups.values():
        members.sort()
    for i, entity in enumerate(entities):
        if entity.kind != "official":
            continue
        best: tuple[tuple[int, int], Entity] | None = None
        for (_, title, country), members in groups.items():
            if entity.country and country and country != entity.country:
                continue
            if not _roles_compatible(entity.title or entity.name, title):
                continue
            after = bisect.bisect_left(members, (entity.position, -1))
            nearest = [members[after]] if after < len(members) else []
            if after:  # the first mention at the closest position before
                nearest.append(members[bisect.bisect_left(members, (members[after - 1][0], -1))])
            for position, index in nearest:
                key = (abs(position - entity.position), index)
                if best is None or key < best[0]:
                    best = (key, named[index])
        if best is not None:
            chosen = best[1]
            entities[i] = Entity(chosen.name, "name", chosen.title, chosen.country, entity.position,
                                 round(entity.confidence * 0.85, 3))


@functools.lru_cache(maxsize=1 << 14)
def _roles_compatible(description: str, title: str) -> bool:
    """Whether an unnamed official's description may denote a named official with this title: no telling
    role that conflicts ("an unidentified vice director" is not a "National Security Council spokesman")."""
    described, titled = officials.describe_official(description), officials.describe_official(title)
    if described is None or titled is None or officials.GENERIC_ROLE in (described.role, titled.role):
        return True
    shorter, longer = sorted((described.role, titled.role), key=len)
    return longer[:len(shorter)] == shorter


def _countries_to_officials(entities: list[Entity], quotes: list[Quote]) -> None:
    """A country named as speaker (``ZPR``, ``NK``) becomes the official who speaks for it in the article."""
    counts = Counter((e.name, e.kind, e.country) for e in entities if e.kind in ("name", "official")
                     and e.official_like and e.country)
    for i, entity in enumerate(entities):
        if entity.kind != "country":
            continue
        speakers = [(n, key) for key, n in counts.items() if key[2] == entity.name]
        if speakers:
            _, (name, kind, country) = max(speakers, key=lambda item: (item[0], -len(item[1][0])))
            entities[i] = Entity(name, kind, "", country, entity.position, 0.6)


ACT_CUES = lexicon.words("act_cues")  # "designated": the country acted, no official spoke
VOICE_RE = re.compile(r"\b(?:spokes\w*|minister|ministry|official|envoy|ambassador|diplomat|representative)\b",
                      re.IGNORECASE)
SPOKESPERSON_RE = re.compile(r"\bspokes\w*", re.IGNORECASE)
HEAD_OF_STATE_RE = re.compile(r"\b(?:president|leader|chairman|premier|prime|king|queen|emir|chancellor)\b", re.IGNORECASE)


def _countries_to_named_officials(entities: list[Entity], resolver: ArticleResolver, cues: list[str]) -> None:
    """A country or its ministry still named as speaker ("Zorbia says …", "Zorbia's foreign ministry accused …")
    becomes the one official the article names who speaks for that country (a spokesperson or minister whose
    title, here or in another outlet of the corpus, names the country), when there is exactly one, or else
    the one spokesperson among them (a statement of state is voiced by its spokesperson, not by the minister
    the article also names); not when the cue reports an act of state ("designated": lexicon/act_cues.csv)."""
    pending = [i for i, e in enumerate(entities) if cues[i] not in ACT_CUES and (e.kind == "country" or (
        e.kind in ("org", "official") and re.search(r"\bministry\b", e.name, re.IGNORECASE)
        and (e.kind == "org" or e.country))) and (e.country or e.name)]
    if not pending:
        return
    officials_of: dict[str, set[str]] = {}
    spokespeople_of: dict[str, set[str]] = {}
    for name in {resolver.full_name(n) for n in resolver.names}:
        if len(name.split()) < 2:
            continue
        titles = [t for t in (resolver.title_of(name), *resolver.roster.printed_titles.get(name, ())) if t]
        if any(HEAD_OF_STATE_RE.search(t) for t in titles):
            continue  # a head of state or government speaks for the country in person, not as its voice
        for title in titles:
            country = country_of(title)
            if country and VOICE_RE.search(title):
                officials_of.setdefault(country, set()).add(name)
                if SPOKESPERSON_RE.search(title):
                    spokespeople_of.setdefault(country, set()).add(name)
                break
    for i in pending:
        entity = entities[i]
        country = entity.name if entity.kind == "country" else entity.country
        speakers = officials_of.get(country, set())
        if len(speakers) > 1:
            speakers = spokespeople_of.get(country, set())
        if len(speakers) == 1:
            name = next(iter(speakers))  # not pop(): every quotation of that country needs the same official
            entities[i] = Entity(name, "name", resolver.title_of(name), country, entity.position, 0.6)
