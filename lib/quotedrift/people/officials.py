"""Unnamed officials: a description read as country, organisations and role, resolved to a named speaker."""

from __future__ import annotations

import functools
import re

from .. import lexicon
from collections import Counter


_GLUED_DETERMINER_RE = re.compile(r"(?<=[a-z])(?=(?:The|An?)\s)")
_LAST_DETERMINER_RE = re.compile(r"^.*\b(?:the|a|an)\s+", re.IGNORECASE | re.DOTALL)
_VAGUE_MODIFIERS_RE = re.compile(r"^(?:(?:anonymous|unnamed|unidentified|senior|top|high-ranking|ranking|another|"
                                 r"one|certain)\s+)+", re.IGNORECASE)
ROLE_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"(?:vice|deputy)[- ]director[- ]general", ("vice", "director", "general")),
    (r"director[- ]general", ("director", "general")),
    (r"(?:vice|deputy)[- ]director", ("vice", "director")),
    (r"(?:vice|deputy)[- ](?:president|head|chief)", ("vice", "head")),
    (r"director", ("director",)),
    (r"spokes(?:person|man|woman)", ("spokesperson",)),
    (r"ambassador|envoy", ("ambassador",)),
    (r"minister", ("minister",)),
    (r"(?:department |bureau )?head|chief", ("head",)),
    (r"diplomat", ("official",)),
    (r"official|officer|representative|source", ("official",)),
)
_ROLE_RES = tuple((re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), role) for pattern, role in ROLE_PATTERNS)
GENERIC_ROLE = ("official",)
_ORG_RES = tuple((re.compile(rf"\b(?:{row['pattern']})\b", re.IGNORECASE), row["body"])
                 for row in lexicon.table("bodies"))
MINISTRY_ORGS = frozenset(row["body"] for row in lexicon.table("bodies") if row.get("ministry") == "yes")
PART_OF = {row["body"]: row["part_of"] for row in lexicon.table("bodies") if row.get("part_of")}


class Official(tuple):
    """What a description of an unnamed official says about them: (country, organisations, role, ministry),
    ``ministry`` True when it names only "the ministry" (which ministry unknown)."""

    @property
    def country(self) -> str:
        return self[0]

    @property
    def orgs(self) -> frozenset:
        return self[1]

    @property
    def role(self) -> tuple[str, ...]:
        return self[2]

    @property
    def ministry(self) -> bool:
        return self[3]


def clean_description(description: str) -> str:
    """An official's description without the clause before it and the determiners, vague modifiers and
    glued words in front: "statement issued by a senior official of the Ministry of National Defense" →
    "official of the Ministry of National Defense"; "Thursday the official" → "official"; "ThisThe deputy
    director" → "deputy director". A description that starts with its role keeps its own words."""
    text = " ".join(str(description or "").split())
    text = _GLUED_DETERMINER_RE.sub(" ", text)
    role = next((m for regex, _ in _ROLE_RES if (m := regex.search(text))), None)
    head = text[:role.start()] if role else text
    lead = _LAST_DETERMINER_RE.match(head)
    if lead:
        text = text[lead.end():]
    text = _VAGUE_MODIFIERS_RE.sub("", text).strip(" ,.;:")
    return text


@functools.lru_cache(maxsize=1 << 14)
def describe_official(description: str) -> Official | None:
    """The features of a description of an unnamed official, or None when it names no official's role
    (a country, an organisation, a person)."""
    text = clean_description(description)
    role = next((r for regex, r in _ROLE_RES if regex.search(text)), None)
    if role is None:
        return None
    country = lexicon.country_in(text)
    orgs = frozenset(o for regex, o in _ORG_RES if regex.search(text))
    orgs |= {PART_OF[o] for o in orgs if o in PART_OF}
    ministry = bool(re.search(r"\bministry\b", text, re.IGNORECASE)) and not orgs
    return Official((country, orgs, role, ministry))


def _covers(general: Official, specific: Official) -> bool:
    """Whether ``general`` may describe the same official as ``specific`` with fewer details: same country
    or none, its organisations among the other's (or "the ministry" of a ministry), its role a truncation
    of the other's ("vice director" of "vice director general") or merely "official"."""
    if general.country and general.country != specific.country:
        return False
    if not general.orgs <= specific.orgs:
        return False
    if general.ministry and not (specific.orgs & MINISTRY_ORGS or specific.ministry):
        return False
    return general.role == GENERIC_ROLE or specific.role[:len(general.role)] == general.role


def _evidence(general: Official, specific: Official) -> bool:
    """Something both descriptions positively share: the country, an organisation, a telling role of more
    than one word ("vice director", not "spokesperson" or "official"), or "the ministry" of a ministry."""
    return bool((general.country and general.country == specific.country) or (general.orgs & specific.orgs)
                or len(general.role) >= 2 or (general.ministry and specific.orgs & MINISTRY_ORGS))


def unnamed_officials(speakers: list[str], anchors: list[str] = ()) -> dict[str, tuple[str, float]]:
    """{description: (canonical speaker, merge confidence)} for speakers that describe an unnamed official.

    A description resolves to the one primary-text speaker (``anchors``, the manifest ``speaker`` of
    ``role=primary`` texts) it is compatible with and shares evidence with (same country, organisation or
    a telling role); else to the one most detailed description in the corpus that covers it; else to its
    own cleaned wording. Vague descriptions ("the official", "a representative") share nothing and stay
    short and neutral ("official"). Two possible targets: no merge (different people stay apart).
    """
    counts = Counter(s for s in speakers if describe_official(s))
    anchor_features = {a: describe_official(a) for a in anchors if describe_official(a)}
    by_features: dict[Official, Counter] = {}
    for name, n in counts.items():
        by_features.setdefault(describe_official(name), Counter())[clean_description(name)] += n
    # the commonest printing of each description; ties: the one with more capitals (proper-noun casing)
    printed = {f: sorted(c.items(), key=lambda kv: (-kv[1], -sum(ch.isupper() for ch in kv[0]), kv[0]))[0][0]
               for f, c in by_features.items()}
    mapping: dict[str, tuple[str, float]] = {}
    for name in counts:
        features = describe_official(name)
        if name in anchor_features:
            mapping[name] = (name, 1.0)  # a primary text's speaker is printed as its manifest gives it
            continue
        targets = {a for a, f in anchor_features.items() if _covers(features, f) and _evidence(features, f)}
        if len(targets) == 1:
            mapping[name] = (targets.pop(), 0.9 if features.country or features.orgs else 0.75)
            continue
        if targets:
            mapping[name] = (printed[features], 1.0)
            continue
        wider = [f for f in by_features if f != features and _covers(features, f) and _evidence(features, f)]
        widest = [f for f in wider if not any(g != f and _covers(f, g) for g in wider)]
        if len(widest) == 1:
            mapping[name] = (printed[widest[0]], 0.8)
        else:
            mapping[name] = (printed[features], 1.0)
    return mapping
