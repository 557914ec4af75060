"""One canonical name per person: find personal names, compare spellings, merge variants across a corpus.

Rule-based and explainable:

- **finding names** (:func:`find_person_names`): runs of capitalised words (``Kwon Jong-gun``,
  ``Vassily Nebenzia``), with titles (``President``), places and organisations (``Korean Central News
  Agency``) and sentence-initial function words cut off; a lone surname counts only when a full name with
  that surname appears in the same text (``Kirby`` after ``John Kirby``).
- **comparing names** (:func:`same_person`): Korean names (known surname first, then one to three given
  syllables, spaced or hyphenated) are compared syllable by syllable after a romanisation key
  (g/k, j/ch, d/t, b/p, r/l; oo→u, eo→o, o~u), so ``Kwon Jong Gun`` ~ ``Kwon Jung Joon`` ~ ``Kwon Jong-jun``
  while ``Kim Jong Un`` ≠ ``Kim Yo Jong`` and ``Kwon Jong-un`` ≠ ``Kim Jong Un`` (surnames differ). Other
  names need a close surname and a compatible first name.
- **canonical names** (:func:`canonical_speakers`): speaker strings that denote one person are merged; the
  canonical spelling is the most common full spelling (ties: alphabetical). Countries and organisations get
  one fixed spelling (``the U.S.`` → ``United States``, ``the White House`` → ``White House``).
- **unnamed officials** (:func:`unnamed_officials`): a description (``a senior official of the Ministry of
  National Defense``) is read as country, organisations and role, cleaned of the clause before it
  (``statement issued by …``), and resolved to the one primary-text speaker (manifest ``speaker``) or the one
  fuller description it is compatible with and shares evidence with; vague ones stay short (``official``).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from difflib import SequenceMatcher

import pandas as pd

NAME_TOKEN = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*"
NAME_RUN_RE = re.compile(rf"\b{NAME_TOKEN}(?:[ \u00a0]+{NAME_TOKEN})*")
NAME_TOKEN_RE = re.compile(NAME_TOKEN)
SAME_PERSON_THRESHOLD = 0.7

KOREAN_SURNAMES = {
    "kim": "kim", "gim": "kim", "lee": "lee", "yi": "lee", "ri": "lee", "rhee": "lee", "rhie": "lee",
    "park": "park", "pak": "park", "bak": "park", "choi": "choi", "choe": "choi", "chwe": "choi",
    "jung": "jung", "jeong": "jung", "chung": "jung", "chong": "jung", "kang": "kang", "gang": "kang",
    "cho": "cho", "jo": "cho", "yoon": "yoon", "yun": "yoon", "jang": "jang", "chang": "jang",
    "lim": "lim", "im": "lim", "rim": "lim", "han": "han", "oh": "oh", "o": "oh", "seo": "seo", "suh": "seo",
    "shin": "shin", "sin": "shin", "kwon": "kwon", "gwon": "kwon", "kweon": "kwon", "hwang": "hwang",
    "ahn": "ahn", "an": "ahn", "song": "song", "ryu": "ryu", "yu": "ryu", "yoo": "ryu", "hong": "hong",
    "jeon": "jeon", "jon": "jeon", "chun": "jeon", "ko": "ko", "koh": "ko", "moon": "moon", "mun": "moon",
    "yang": "yang", "son": "son", "sohn": "son", "bae": "bae", "pae": "bae", "baek": "baek", "paek": "baek",
    "ho": "ho", "heo": "ho", "hyon": "hyon", "hyun": "hyon", "nam": "nam", "noh": "noh", "roh": "noh",
    "ha": "ha", "kwak": "kwak", "sung": "sung", "chae": "chae", "ju": "ju", "joo": "ju",
}

# Surnames that are not also everyday English words: a bare one is a person even with no full name in the text.
DISTINCT_KOREAN_SURNAMES = frozenset("kim kwon lee park choi choe pak ri jung yoon jang lim ryu jeon hwang kang cho".split())
TITLE_WORDS = frozenset("""
president vice prime minister secretary secretary-general general ambassador spokesperson spokesman
spokeswoman mr mrs ms dr prof director deputy chairman chairwoman chair leader senator rep gov governor
chief coordinator admiral gen col lieutenant colonel major captain king queen pope sen commissioner
chancellor envoy commander marshal premier officer official head representative undersecretary
director-general vice-director lawmaker professor analyst reporter correspondent editor
""".split())
PLACE_WORDS = frozenset("""
north south east west northeast northeastern northern southern eastern western middle central korea korean
koreans koreas russia russian russians ukraine ukrainian ukrainians united states america american americans
japan japanese china chinese washington moscow pyongyang seoul kiev kyiv tokyo beijing europe european asia
asian africa african syria syrian iran iranian britain british england english france french germany german
new york kabul afghan afghanistan peninsula pacific atlantic sudan kenya india indian israel israeli turkey
turkish crimea mykolaiv donbas donetsk luhansk bakhmut mali libya imperial soviet taiwan hong kong
switzerland swiss geneva brussels london paris berlin vladivostok siberia far arctic kremlin pentagon
""".split())
ORG_WORDS = frozenset("""
house white department ministry foreign affairs agency news central committee party workers council
security national nations union group company times post journal press media office bureau equipment
defense defence army military forces force navy air government administration state treasury congress
senate reuters yonhap sputnik associated organization organisation network radio television university
institute center centre service commission assembly court embassy mission communications strategic
intelligence public republic people democratic shimbun tass abrams tank tanks wagner sanctions resolution
facebook twitter telegram google youtube instagram christmas juche read source photo image getty istock
lead story why what stories top letter settings share link mail kakao close menu search advertisement
world war daily herald review tribune standard express channel international global online live update
updates breaking exclusive opinion analysis staff
general-bureau foreign-ministry armed
""".split())
CALENDAR_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
COMMON_WORDS = frozenset("""
the a an in on at but and or earlier later meanwhile besides still however also after before when while
this that these those it he she they we i his her their our its if as for from by with to of read more
more according although though since because so then there here what why how who where which today
yesterday last next first second third some many most much all both each every no not never only even
just now once over under about into onto upon during against between among through across after amid
despite without within according additionally furthermore moreover instead indeed yet thus therefore
hence nonetheless regardless in-turn following asked speaking reporting writing dear sources officials
""".split())
NOT_NAME_WORDS = TITLE_WORDS | PLACE_WORDS | ORG_WORDS | CALENDAR_WORDS | COMMON_WORDS

COUNTRY_ALIASES: dict[str, str] = {
    "north korea": "North Korea", "n. korea": "North Korea", "n.korea": "North Korea", "nk": "North Korea",
    "dprk": "North Korea", "pyongyang": "North Korea", "north korean": "North Korea",
    "democratic people's republic of korea": "North Korea", "the north": "North Korea",
    "democratic people's republic of korea (dprk)": "North Korea",
    "united states": "United States", "us": "United States", "u.s.": "United States", "usa": "United States",
    "america": "United States", "washington": "United States", "u.s": "United States",
    "russia": "Russia", "moscow": "Russia", "kremlin": "Russia", "the kremlin": "Russia",
    "south korea": "South Korea", "seoul": "South Korea", "rok": "South Korea",
    "china": "China", "beijing": "China", "japan": "Japan", "tokyo": "Japan", "ukraine": "Ukraine",
    "kyiv": "Ukraine", "kiev": "Ukraine",
}
DETERMINERS_RE = re.compile(
    r"^(?:the|a|an|this|that|its|his|her|their)\s+(?:(?:anonymous|unnamed|unidentified)\s+)?", re.IGNORECASE
)


# ---------------------------------------------------------------------------------------------- finding names


@functools.lru_cache(maxsize=1 << 16)
def _is_name_token(token: str) -> bool:
    return token.lower() not in NOT_NAME_WORDS and token.lower().split("-")[0] not in NOT_NAME_WORDS


def _name_parts(text: str) -> list[tuple[int, int, str]]:
    """Maximal runs of name-like capitalised tokens (titles, places, organisations, function words cut out)."""
    parts = []
    for run in NAME_RUN_RE.finditer(text):
        current: list[re.Match] = []
        for token in NAME_TOKEN_RE.finditer(run.group()):
            if _is_name_token(token.group()):
                current.append(token)
                continue
            parts += _close_part(run.start(), current, text)
            current = []
        parts += _close_part(run.start(), current, text)
    return parts


def _close_part(offset: int, tokens: list[re.Match], text: str) -> list[tuple[int, int, str]]:
    if not tokens:
        return []
    start, end = offset + tokens[0].start(), offset + tokens[-1].end()
    return [(start, end, text[start:end])] if len(tokens) <= 4 else []


def find_person_names(text: str) -> list[tuple[int, int, str]]:
    """Spans (start, end, name) of personal-name mentions in ``text``, in order.

    Full names are runs of two to four capitalised name-like words; a single word counts when it is the
    surname (for Korean names, the family name) of a full name in the same text, or a distinctive Korean
    family name (``Kwon``).
    """
    parts = _name_parts(text)
    full = [p for p in parts if len(p[2].split()) >= 2 and not _org_like_context(text, p)]
    surnames = {_surname(p[2]).lower() for p in full}
    full_set = set(full)  # membership per part in constant time (a list made this quadratic in names)
    found = []
    for part in parts:
        words = part[2].split()
        if len(words) >= 2 and part in full_set:
            found.append(part)
        elif len(words) == 1 and (part[2].lower() in surnames or part[2].lower() in DISTINCT_KOREAN_SURNAMES):
            found.append(part)
    return found


def _org_like_context(text: str, part: tuple[int, int, str]) -> bool:
    """A capitalised run directly followed by an organisation word (``Wagner Group``) is not a person."""
    after = re.match(r"\s+([A-Z][a-z]+)", text[part[1]:part[1] + 30])
    return bool(after and after.group(1).lower() in ORG_WORDS and after.group(1).lower() not in TITLE_WORDS)


# ---------------------------------------------------------------------------------------------- comparing names


def _words(name: str) -> list[str]:
    """The words of a name with determiners, possessive 's and leading titles removed."""
    return list(_name_words(name))


@functools.lru_cache(maxsize=1 << 16)
def _name_words(name: str) -> tuple[str, ...]:
    name = DETERMINERS_RE.sub("", name.strip())
    name = re.sub(r"['’]s\b", "", name)
    words = [w for w in re.split(r"\s+", name) if w]
    while words and not _is_name_token(words[0]):
        words.pop(0)
    return tuple(words)


def _is_korean(words: list[str]) -> bool:
    """Korean order: a known surname first, then given-name syllables (``Jong-gun``, ``Jong Gun``)."""
    if not words or words[0].lower() not in KOREAN_SURNAMES:
        return False
    given = [s for w in words[1:] for s in w.split("-") if s]
    return 1 <= len(given) <= 3 and all(len(s) <= 5 for s in given)


def _surname(name: str) -> str:
    words = _words(name) or name.split()
    if not words:
        return ""
    return words[0] if _is_korean(words) else words[-1]


def _syllable_key(syllable: str) -> str:
    """Romanisation-blind key of one Korean syllable."""
    s = syllable.lower()
    for old, new in (("oo", "u"), ("eo", "o"), ("ae", "e"), ("ee", "i"), ("ch", "j"), ("sh", "s"),
                     ("wo", "o"), ("yeo", "yo")):
        s = s.replace(old, new)
    table = str.maketrans({"g": "k", "d": "t", "b": "p", "r": "l", "u": "o"})
    return s.translate(table)


def _text_similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def _korean_similarity(a: list[str], b: list[str]) -> float:
    if KOREAN_SURNAMES[a[0].lower()] != KOREAN_SURNAMES[b[0].lower()]:
        return 0.0
    given_a = [s for w in a[1:] for s in w.split("-") if s]
    given_b = [s for w in b[1:] for s in w.split("-") if s]
    if not given_a or not given_b:
        return 0.7
    if len(given_a) != len(given_b):
        joined = _text_similarity("".join(map(_syllable_key, given_a)), "".join(map(_syllable_key, given_b)))
        return round(0.9 * joined, 3) if joined >= 0.85 else round(0.5 * joined, 3)
    scores = [_text_similarity(_syllable_key(x), _syllable_key(y)) for x, y in zip(given_a, given_b)]
    return round(sum(scores) / len(scores), 3)


def _western_similarity(a: list[str], b: list[str]) -> float:
    surname = _text_similarity(a[-1].lower(), b[-1].lower())
    if surname < 0.75:
        return 0.0
    first_a, first_b = a[:-1], b[:-1]
    if not first_a or not first_b:
        return round(0.75 * surname, 3)
    first = _text_similarity(first_a[0].lower(), first_b[0].lower())
    if first_a[0][0].lower() == first_b[0][0].lower() and min(len(first_a[0]), len(first_b[0])) <= 2:
        first = 0.9
    if first < 0.6:
        return 0.0
    return round(surname * (0.5 + 0.5 * first), 3)


def same_person(a: str, b: str) -> float:
    """Confidence (0–1) that two name strings denote one person (see :func:`_same_person`; memoised)."""
    return _same_person(str(a or ""), str(b or ""))


@functools.lru_cache(maxsize=1 << 17)
def _same_person(a: str, b: str) -> float:
    """Confidence (0–1) that two name strings denote one person.

    1.0 for spellings that differ only in case, hyphens and spaces; high for romanisation variants
    (``Kwon Jong Gun`` / ``Kwon Jung Joon``); 0.7 or so for a bare surname against a full name; 0 for
    different surnames or clearly different given names (``Kim Jong Un`` / ``Kim Yo Jong``).
    """
    words_a, words_b = _words(str(a or "")), _words(str(b or ""))
    if not words_a or not words_b:
        return 0.0
    if _flat(" ".join(words_a)) == _flat(" ".join(words_b)):
        return 1.0
    korean_a = _is_korean(words_a) or (len(words_a) == 1 and words_a[0].lower() in KOREAN_SURNAMES)
    korean_b = _is_korean(words_b) or (len(words_b) == 1 and words_b[0].lower() in KOREAN_SURNAMES)
    if korean_a and korean_b:
        return _korean_similarity(words_a, words_b)
    if korean_a != korean_b and min(len(words_a), len(words_b)) > 1:
        return 0.0
    return _western_similarity(words_a, words_b)


def _flat(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def name_variants_in_text(text: str) -> list[list[tuple[int, int, str]]]:
    """Groups of full-name mentions in one text that denote one person but are spelled incompatibly.

    Differences in case, hyphens and spaces are compatible (``Kim Yo-jong`` / ``Kim Yo Jong``); a bare
    surname is compatible with anything. Only groups with at least two incompatible spellings are returned.
    """
    mentions = [m for m in find_person_names(text) if len(m[2].split()) >= 2 or "-" in m[2]]
    groups: list[list[tuple[int, int, str]]] = []
    spellings: list[set[str]] = []  # the distinct spellings of each group: a repeated mention costs nothing
    placed: dict[str, int] = {}  # spelling -> the group it went to, while no later group could claim it
    for mention in mentions:
        name = mention[2]
        index = placed.get(name)
        if index is None:
            index = next((i for i, names in enumerate(spellings)
                          if any(same_person(name, other) >= SAME_PERSON_THRESHOLD for other in names)), None)
        if index is None:
            groups.append([mention])
            spellings.append({name})
            index = len(groups) - 1
        else:
            groups[index].append(mention)
            if name not in spellings[index]:
                spellings[index].add(name)
                placed.clear()  # a group gained a spelling: earlier verdicts may change
        if same_person(name, name) >= SAME_PERSON_THRESHOLD:  # its own group will take it again
            placed[name] = index
    return [g for g in groups if len({_flat(m[2]) for m in g}) >= 2]


# ---------------------------------------------------------------------------------------------- canonical names


def canonical_entity(name: str) -> str:
    """Fixed spelling of a country or organisation speaker; a person's or official's name, tidied."""
    cleaned = " ".join(str(name or "").replace("\u00a0", " ").split()).strip(" ,.;:")
    key = DETERMINERS_RE.sub("", cleaned).lower()
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    if cleaned.lower() in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[cleaned.lower()]
    return DETERMINERS_RE.sub("", cleaned)


@functools.lru_cache(maxsize=1 << 16)
def is_person_name(name: str) -> bool:
    """Whether a speaker string is a personal name (not an organisation, country or description)."""
    return bool(find_person_names(str(name or ""))) and len(_words(name)) == len(str(name).split())


def _cluster_names(names: list[str]) -> list[list[str]]:
    """Single-link clusters of person names with :func:`same_person` ≥ threshold (full names only link)."""
    clusters: list[list[str]] = []
    for name in names:
        linked = [c for c in clusters if any(same_person(name, other) >= SAME_PERSON_THRESHOLD for other in c)]
        merged = [name] + [n for c in linked for n in c]
        clusters = [c for c in clusters if c not in linked] + [merged]
    return clusters


# ---------------------------------------------------------------------------------------------- unnamed officials

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
OFFICIAL_COUNTRIES: tuple[tuple[str, str], ...] = (
    (r"dprk|north korean?|n\. ?korean?|pyongyang|north['’]s|democratic people['’]s republic of korea", "North Korea"),
    (r"south korean?|seoul|(?-i:ROK)", "South Korea"),
    (r"u\.s\.?|(?-i:US)|united states|american|washington|white house|pentagon|state department", "United States"),
    (r"russian?|moscow|kremlin", "Russia"), (r"ukrain(?:e|ian)|kyiv|kiev", "Ukraine"),
    (r"chinese|china|beijing", "China"), (r"japanese|japan|tokyo", "Japan"),
)
_COUNTRY_RES = tuple((re.compile(rf"(?<![\w.])(?:{p})(?![\w])", re.IGNORECASE), c) for p, c in OFFICIAL_COUNTRIES)
OFFICIAL_ORGS: tuple[tuple[str, str], ...] = (
    (r"military foreign affairs", "military foreign affairs"),
    (r"general (?:bureau|office) of equipment|equipment bureau", "general bureau of equipment"),
    (r"defen[cs]e|pentagon", "defence"),
    (r"(?<!military )foreign (?:ministry|affairs|office)|diplomat", "foreign affairs"),
    (r"state department|department of state", "state department"),
    (r"white house", "white house"), (r"national security council", "national security council"),
    (r"intelligence", "intelligence"), (r"wagner", "wagner"),
)
_ORG_RES = tuple((re.compile(rf"\b(?:{p})\b", re.IGNORECASE), o) for p, o in OFFICIAL_ORGS)
MINISTRY_ORGS = frozenset({"defence", "foreign affairs", "military foreign affairs", "general bureau of equipment"})


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
    country = next((c for regex, c in _COUNTRY_RES if regex.search(text)), "")
    orgs = frozenset(o for regex, o in _ORG_RES if regex.search(text))
    if "military foreign affairs" in orgs or "general bureau of equipment" in orgs:
        orgs |= {"defence"}
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


def canonical_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """Fill ``speaker`` with the canonical name shared across the corpus, and ``speaker_confidence``.

    Person names that :func:`same_person` links are merged; the canonical spelling is the most common
    full spelling among the quotations (ties broken alphabetically). A bare surname joins the cluster of
    the only full name with that surname. The confidence is multiplied by the merge confidence.
    """
    out = quotes.copy()
    if out.empty:
        if "speaker_confidence" not in out.columns:
            out["speaker_confidence"] = pd.Series(dtype=float)
        return out
    if "speaker_confidence" not in out.columns:
        out["speaker_confidence"] = 1.0
    speakers = [canonical_entity(s) for s in out["speaker"].fillna("").astype(str)]
    counts = Counter(s for s in speakers if s and is_person_name(s))
    full = sorted(n for n in counts if len(_words(n)) >= 2)
    mapping: dict[str, tuple[str, float]] = {}
    for cluster in _cluster_names(full):
        best = sorted(cluster, key=lambda n: (-counts[n], n))[0]
        for name in cluster:
            mapping[name] = (best, 1.0 if _flat(name) == _flat(best) else same_person(name, best))
    for name in counts:
        if name not in mapping:
            owners = {mapping[f][0] for f in full if same_person(name, f) >= SAME_PERSON_THRESHOLD}
            if len(owners) == 1:
                owner = owners.pop()
                mapping[name] = (owner, same_person(name, owner))
    kinds = out["kind"].fillna("").astype(str) if "kind" in out.columns else pd.Series([""] * len(out))
    anchors = sorted({s for s, k in zip(speakers, kinds) if k == "statement" and s and s not in counts})
    mapping.update(unnamed_officials([s for s in speakers if s and s not in counts], anchors))
    canonical, confidence = [], []
    for speaker, conf in zip(speakers, out["speaker_confidence"].fillna(0.0)):
        name, merge = mapping.get(speaker, (speaker, 1.0))
        canonical.append(name)
        confidence.append(round(float(conf) * merge, 3) if name else 0.0)
    out["speaker"] = canonical
    out["speaker_confidence"] = confidence
    return out
