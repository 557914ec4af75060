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
from .titles import OFFICIAL_WORDS_RE, title_near

if TYPE_CHECKING:
    from ..extract.marks import Quote

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


def country_of(words: str) -> str:
    """The country a title or description belongs to (``ZPR's Foreign Ministry`` → Zorbia), or '';
    a country only named as a field ("director-general in charge of U.S. affairs") does not count."""
    for start, end, alias, country in lexicon.find_countries(words or ""):
        if not re.match(r"\.?\s+[Aa]ffairs\b", words[end:end + 12]):
            return country
    return ""


def _gender(entity: Entity, text: str) -> str:
    for word in re.findall(r"[A-Za-z]+", entity.title):
        if GENDER_WORDS.get(word.lower()):
            return GENDER_WORDS[word.lower()]
    return ""


class ArticleResolver:
    """Turns per-quotation mentions into one speaker per person within an article."""

    def __init__(self, text: str, names: list[tuple[int, int, str]]):
        self.text = text
        self.names = names
        self.full_names = [n for n in names if len(n[2].split()) >= 2]
        self.genders: dict[str, str] = {}

        self.by_surname: dict[str, list[tuple[int, int, str]]] = {}
        self.by_word: dict[str, list[tuple[int, int, str]]] = {}
        for n in self.full_names:
            self.by_surname.setdefault(spk._surname(n[2]).lower(), []).append(n)
            for word in spk._words(n[2]):
                self.by_word.setdefault(word.lower(), []).append(n)
        self.titles: dict[str, str] = {}
        for n in self.full_names:
            title = title_near(text, max(0, n[0] - 120), n[1], n)
            if title and spk._flat(n[2]) not in self.titles:
                self.titles[spk._flat(n[2])] = title

    def full_name(self, name: tuple[int, int, str]) -> str:
        """A bare surname becomes the nearest full name with that surname (before it, else after)."""
        if len(name[2].split()) >= 2:
            return name[2]
        # a family name, or a given name used as the surname ("Ning" for Mao Ning)
        matches = self.by_surname.get(name[2].lower()) or self.by_word.get(name[2].lower(), [])
        before = bisect.bisect_left(matches, (name[0],))
        chosen = matches[before - 1] if before else (matches[0] if matches else None)
        return chosen[2] if chosen else name[2]

    def title_of(self, name: str) -> str:
        return self.titles.get(spk._flat(name), "")

    def entity(self, mention: tuple[int, int, str, str] | None, title: str) -> Entity:
        if mention is None:
            return Entity("", "none", confidence=0.0)
        s, e, words, kind = mention
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
        (Mr Biden), and the first name (gender-guesser); a person with no evidence is taken with less confidence."""
        wanted = {"he": "male", "she": "female"}.get(entity.name.lower(), "")
        names = ((self.names[i][0], self.full_name(self.names[i]))
                 for i in range(bisect.bisect_left(self.names, (entity.position,)) - 1, -1, -1))
        quoted = ((e.position, e.name) for e in reversed(speakers) if e.kind == "name" and e.position < entity.position)
        for position, full in heapq.merge(names, quoted, reverse=True):  # nearest first, walked lazily
            gender = self.gender_of(full)
            if not wanted or not gender or gender == wanted:
                title = self.title_of(full)
                return Entity(full, "name", title, country_of(title), position, 0.8 if gender else 0.6)
        return Entity("", "none", confidence=0.0)

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
    """A person's gender from their title, an honorific before any mention (``Ms Mao``), or their first name."""
    for word in re.findall(r"[A-Za-z]+", title or ""):
        if GENDER_WORDS.get(word.lower()):
            return GENDER_WORDS[word.lower()]
    words = spk._words(full)
    if not words:
        return ""
    surname = spk._surname(full).lower()
    for match in HONORIFIC_RE.finditer(text):
        if match.group(2).lower() == surname and match.group(1)[:1].isupper():
            return GENDER_WORDS.get(match.group(1).lower(), "")
    if len(words) >= 2 and not spk.scheme_of(words):
        return lexicon.first_name_genders().get(words[0].lower(), "")
    return ""


def _is_anaphoric(description: str) -> bool:
    """``the official``, ``The ZPR official``, ``the department head``: a short definite description that
    points back to someone already quoted (not a full title such as ``the vice director general of …``)."""
    words = description.split()
    return words[0].lower() in ("the", "this") and len(words) <= 3 and " of " not in description


def resolve_article(text: str, quotes: list[Quote], names) -> None:
    """Resolve each quotation's mention to a speaker within the article (in place: ``quote.info``)."""
    resolver = ArticleResolver(text, names)
    entities: list[Entity] = []
    previous: Entity | None = None
    for quote in quotes:
        info = quote.info
        entity = resolver.entity(info.get("mention"), info.get("title", ""))
        if entity.kind == "pronoun":
            entity = resolver.resolve_pronoun(entity, entities)
        if entity.kind == "official" and _is_anaphoric(info["mention"][2]):
            earlier = [e for e in entities if e.official_like
                       and (not entity.country or not e.country or e.country == entity.country)]
            if earlier:
                entity = Entity(earlier[-1].name, earlier[-1].kind, earlier[-1].title, earlier[-1].country,
                                entity.position, 0.75)
        if entity.kind == "none" and info.get("standalone") and previous is not None:
            entity = Entity(previous.name, previous.kind, previous.title, previous.country, quote.start, 0.75)
            info["relay_inherited"] = True
        entities.append(entity)
        if entity.kind != "none":
            previous = entity
    _merge_unnamed_officials(entities)
    _countries_to_officials(entities, quotes)
    for quote, entity in zip(quotes, entities):
        quote.info["entity"] = entity


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
