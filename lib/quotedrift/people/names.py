"""One canonical name per person: find personal names, compare spellings, merge variants across a corpus.

Rule-based and explainable:

- **finding names** (:func:`find_person_names`): runs of capitalised words (``Yun Jong-gun``,
  ``Ivan Petrov``), with titles (``President``), places and organisations (``Zorblax Central News
  Agency``) and sentence-initial function words cut off; a lone surname counts only when a full name with
  that surname appears in the same text (``Petrov`` after ``Ivan Petrov``).
- **comparing names** (:func:`same_person`): Korean names (known surname first, then one to three given
  syllables, spaced or hyphenated) are compared syllable by syllable after a romanisation key
  (g/k, j/ch, d/t, b/p, r/l; oo→u, eo→o, o~u), so ``Yun Jong Gun`` ~ ``Yun Jung Joon`` ~ ``Yun Jong-jun``
  while ``Kim Min Su`` ≠ ``Kim Su Min`` and ``Yun Jong-un`` ≠ ``Kim Min Su`` (surnames differ). Other
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
import itertools
import re
from difflib import SequenceMatcher


from .. import lexicon

NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ž]+(?:-[A-Za-zÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ž]*)*"  # Latin letters with their accents
# Lower-case particles inside a family name ("von der Leyen", "de Vries", "bin Salman": lexicon/name_particles.csv)
# may stand between the capitalised words of one run.
NAME_PARTICLE = "|".join(re.escape(row["value"]) for row in lexicon.table("name_particles")
                         if row["kind"] == "particle" and row["value"].isalpha())
NAME_RUN_RE = re.compile(rf"\b{NAME_TOKEN}(?:[ \u00a0]+(?:(?:{NAME_PARTICLE})[ \u00a0]+){{0,2}}{NAME_TOKEN})*")
NAME_TOKEN_RE = re.compile(NAME_TOKEN)
SAME_PERSON_THRESHOLD = 0.7
SURNAME_SIMILARITY = 0.75  # difflib ratio two Western surnames need (below it: different people)

# World knowledge comes from the lexicon tables (lexicon/README.md): titles, places, organisation words,
# name schemes. These module constants are views of those tables, built once at import.
FAMILY_FIRST_SCHEMES: dict[str, dict[str, str]] = {
    row["scheme"]: lexicon.family_names(row["scheme"]) for row in lexicon.table("name_schemes")
    if row["order"] == "family_first"}
SCHEME_LIMITS: dict[str, tuple[int, int]] = {
    row["scheme"]: (int(row["given_max"]), int(row["syllable_max"])) for row in lexicon.table("name_schemes")}
SCHEME_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    row["scheme"]: tuple(tuple(rule.split(">", 1)) for rule in row["key"].split()) for row in lexicon.table("name_schemes")}
# Family names that are not also everyday English words: a bare one is a person even with no full name in the text.
DISTINCT_FAMILY_NAMES = lexicon.distinct_family_names()
TITLE_WORDS = lexicon.words("titles")
PLACE_WORDS = lexicon.place_words()
PLACE_NAMES = lexicon.place_names()
ORG_WORDS = frozenset(w.lower() for w in lexicon.column("not_name_words", "word", kind="organisation"))
VENUE_WORDS = frozenset(w.lower() for w in lexicon.column("not_name_words", "word", kind="venue"))
ORG_OR_VENUE_WORDS = ORG_WORDS | VENUE_WORDS  # the word after a run that makes it no person ("Lusail Stadium")
CALENDAR_WORDS = frozenset(w.lower() for w in lexicon.column("not_name_words", "word", kind="calendar"))
COMMON_WORDS = frozenset(w.lower() for w in lexicon.column("not_name_words", "word", kind="function"))
NOT_NAME_WORDS = TITLE_WORDS | PLACE_WORDS | ORG_WORDS | VENUE_WORDS | CALENDAR_WORDS | COMMON_WORDS
# {lower-case alias: country}: every country name, capital, demonym and short form (lexicon). Seats of
# government ("White House", "Kremlin") are organisations that speak under their own name: not in here.
SEATS = frozenset(row["alias"].lower() for row in lexicon.table("places") if row["kind"] == "seat")
COUNTRY_ALIASES: dict[str, str] = {k: v for k, v in lexicon.country_keys().items() if k not in SEATS}
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


def find_person_names(text: str, singles: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Spans (start, end, name) of personal-name mentions in ``text``, in order.

    Full names are runs of two to four capitalised name-like words; a single word counts when it is the
    surname (for Korean names, the family name) of a full name in the same text, a distinctive Korean
    family name (``Yun``), or one of ``singles`` (lower case: the single names the corpus gives one person,
    :class:`quotedrift.people.roster.Roster`).
    """
    parts = _name_parts(text)
    full = [p for p in parts if len(p[2].split()) >= 2 and not _org_like_context(text, p)
            and p[2].lower() not in PLACE_NAMES]
    surnames = {_surname(p[2]).lower() for p in full}
    full_set = set(full)  # membership per part in constant time (a list made this quadratic in names)
    found = []
    for part in parts:
        words = part[2].split()
        if len(words) >= 2 and part in full_set:
            found.append(part)
        elif len(words) == 1 and (part[2].lower() in surnames or part[2].lower() in DISTINCT_FAMILY_NAMES
                                  or part[2].lower() in singles):
            found.append(part)
    if singles:
        found = sorted(found + _glued_names(text, singles, found))
    return found


# A known single name glued to the next word by a scrape ("President Doeduring the fundraiser"): the glued
# word must be an English word at least this common (wordfreq Zipf; "during" 5.6, "the" 7.7) and this long.
GLUED_WORD_ZIPF = 4.5
GLUED_WORD_MIN = 3
GLUED_TOKEN_RE = re.compile(r"\b[A-Z][a-z]+[a-z]{%d,}\b" % GLUED_WORD_MIN)


def _glued_names(text: str, singles: frozenset[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Single names of the corpus printed glued to the next word ("Doeduring" → Doe), not found otherwise."""
    from .roster import english_zipf

    taken = {(s, e) for s, e, _ in found}
    extra = []
    for token in GLUED_TOKEN_RE.finditer(text):
        word = token.group()
        for cut in range(2, len(word) - GLUED_WORD_MIN + 1):
            rest = word[cut:]
            if word[:cut].lower() in singles and english_zipf(rest) >= GLUED_WORD_ZIPF:
                span = (token.start(), token.start() + cut)
                if span not in taken:
                    extra.append((span[0], span[1], word[:cut]))
                break
    return extra


def _org_like_context(text: str, part: tuple[int, int, str]) -> bool:
    """A capitalised run directly followed by an organisation or venue word (``Wagner Group``, ``Lusail
    Stadium``) is not a person."""
    after = re.match(r"\s+([A-Z][a-z]+)", text[part[1]:part[1] + 30])
    return bool(after and after.group(1).lower() in ORG_OR_VENUE_WORDS
                and after.group(1).lower() not in TITLE_WORDS)


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


def scheme_of(words: list[str] | tuple[str, ...]) -> str:
    """The family-first name scheme a name follows (``korean``, ``chinese``: a family name of that scheme
    first, then one to ``given_max`` short given-name syllables, spaced or hyphenated), or '' (given name
    first: Western and most other names)."""
    if not words:
        return ""
    for scheme, family in FAMILY_FIRST_SCHEMES.items():
        if words[0].lower() not in family:
            continue
        given_max, syllable_max = SCHEME_LIMITS[scheme]
        given = [s for w in words[1:] for s in w.split("-") if s]
        if 1 <= len(given) <= given_max and all(len(s) <= syllable_max for s in given):
            return scheme
    return ""


def _is_korean(words: list[str]) -> bool:
    """Kept for callers: whether a name follows a family-first scheme (see :func:`scheme_of`)."""
    return bool(scheme_of(words))


def _family_scheme(words: list[str] | tuple[str, ...]) -> str:
    """The scheme of a full family-first name, or of a bare family name of some family-first scheme."""
    scheme = scheme_of(words)
    if scheme or len(words) != 1:
        return scheme
    return next((s for s, family in FAMILY_FIRST_SCHEMES.items() if words[0].lower() in family), "")


def _surname(name: str) -> str:
    words = _words(name) or name.split()
    if not words:
        return ""
    return words[0] if scheme_of(words) else words[-1]


def _syllable_key(syllable: str, scheme: str = "korean") -> str:
    """Romanisation-blind key of one syllable: the rewrites ``name_schemes.csv`` gives its scheme."""
    s = syllable.lower()
    for old, new in SCHEME_KEYS.get(scheme, ()):
        s = s.replace(old, new)
    return s


def _text_similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def _family_first_similarity(a: list[str], b: list[str], scheme: str) -> float:
    family = FAMILY_FIRST_SCHEMES[scheme]
    if family.get(a[0].lower()) != family.get(b[0].lower()):
        return 0.0
    given_a = [s for w in a[1:] for s in w.split("-") if s]
    given_b = [s for w in b[1:] for s in w.split("-") if s]
    if not given_a or not given_b:
        return 0.7
    key = functools.partial(_syllable_key, scheme=scheme)
    if len(given_a) != len(given_b):
        joined = _text_similarity("".join(map(key, given_a)), "".join(map(key, given_b)))
        return round(0.9 * joined, 3) if joined >= 0.85 else round(0.5 * joined, 3)
    scores = [_text_similarity(key(x), key(y)) for x, y in zip(given_a, given_b)]
    return round(sum(scores) / len(scores), 3)


def _western_similarity(a: list[str], b: list[str]) -> float:
    surname = _text_similarity(a[-1].lower(), b[-1].lower())
    if surname < SURNAME_SIMILARITY:
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
    (``Yun Jong Gun`` / ``Yun Jung Joon``); 0.7 or so for a bare surname against a full name; 0 for
    different surnames or clearly different given names (``Kim Min Su`` / ``Kim Su Min``).
    """
    words_a, words_b = _words(str(a or "")), _words(str(b or ""))
    if not words_a or not words_b:
        return 0.0
    if _flat(" ".join(words_a)) == _flat(" ".join(words_b)):
        return 1.0
    scheme_a, scheme_b = _family_scheme(words_a), _family_scheme(words_b)
    if scheme_a and scheme_a == scheme_b:
        return _family_first_similarity(words_a, words_b, scheme_a)
    if bool(scheme_a) != bool(scheme_b) and min(len(words_a), len(words_b)) > 1:
        return 0.0
    return _western_similarity(words_a, words_b)


def _flat(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


LONG_SURNAME = 12  # letters above which a surname is filed under its letter pairs, not its subsequences


def _matched_letters(total: int) -> int:
    """ceil(0.375 * total): the fewest letters two surnames of ``total`` letters together match in order when
    difflib's ratio 2M / total reaches ``SURNAME_SIMILARITY``."""
    return (3 * total + 7) // 8


@functools.lru_cache(maxsize=1 << 14)
def _comparison_keys(name: str) -> tuple[frozenset[tuple], frozenset[tuple]]:
    """(keys a spelling is filed under, keys it looks up): two spellings that :func:`same_person` scores
    ``SAME_PERSON_THRESHOLD`` or more always meet under one key, so a spelling is compared only with the
    spellings it meets (blocking):

    - the spelling without case, hyphens and spaces (1.0 when equal);
    - the family name's group in a family-first scheme (two names of one scheme need one family name);
    - otherwise the surnames reach ``SURNAME_SIMILARITY``: surnames of a and b letters match M letters in
      order, M at least :func:`_matched_letters` of a+b (and at most the shorter length), so for every length b
      a surname of a letters can meet, it is filed under its subsequences of that many letters tagged (a, b),
      and looks them up tagged (b, a); surnames longer than ``LONG_SURNAME`` (too many subsequences): the matched letters break at
      most (a-M) + (b-M) times, so when a+b > 8 two of them are adjacent in both, and a long surname is filed
      under its letter pairs, looked up by the letter pairs of every surname that may meet it (``near long``,
      filed under its own for the long ones to look up).

    ``tests/test_people.py`` checks that every pair of spellings that match meets.
    """
    words = _words(name)
    if not words:
        return frozenset(), frozenset()  # same_person is 0 against anything
    keys: set[tuple] = {("flat", _flat(" ".join(words)))}
    scheme = _family_scheme(words)
    if scheme:
        keys.add(("family", scheme, FAMILY_FIRST_SCHEMES[scheme][words[0].lower()]))
    surname = words[-1].lower()
    filed, looked_up = set(keys), set(keys)
    if len(surname) <= LONG_SURNAME:
        for other in range(1, LONG_SURNAME + 1):
            matched = _matched_letters(len(surname) + other)
            if matched <= min(len(surname), other):
                subsequences = {"".join(letters) for letters in itertools.combinations(surname, matched)}
                filed.update(("sub", len(surname), other, s) for s in subsequences)  # (filed, met) lengths
                looked_up.update(("sub", other, len(surname), s) for s in subsequences)
    pairs = {surname[i:i + 2] for i in range(len(surname) - 1)}
    if len(surname) > LONG_SURNAME:  # long surnames meet each other, and shorter ones that may match them
        filed.update(("long", pair) for pair in pairs)
        looked_up.update((space, pair) for pair in pairs for space in ("long", "near long"))
    elif _matched_letters(len(surname) + LONG_SURNAME + 1) <= len(surname):  # it may match a long surname
        filed.update(("near long", pair) for pair in pairs)
        looked_up.update(("long", pair) for pair in pairs)
    return frozenset(filed), frozenset(looked_up)


def name_variants_in_text(text: str) -> list[list[tuple[int, int, str]]]:
    """Groups of full-name mentions in one text that denote one person but are spelled incompatibly.

    Differences in case, hyphens and spaces are compatible (``Kim Yo-jong`` / ``Kim Su Min``); a bare
    surname is compatible with anything. Only groups with at least two incompatible spellings are returned.
    A mention joins the first group (in order of creation) holding a spelling it matches; it is compared only
    with the spellings it meets under a :func:`_comparison_keys` key (the others cannot match), so an article
    of many different names does not compare each with every other.
    """
    mentions = [m for m in find_person_names(text) if len(m[2].split()) >= 2 or "-" in m[2]]
    groups: list[list[tuple[int, int, str]]] = []
    spellings: list[set[str]] = []  # the distinct spellings of each group: a repeated mention costs nothing
    filed: dict[tuple, dict[int, list[str]]] = {}  # key -> group -> its spellings filed under it
    placed: dict[str, int] = {}  # spelling -> the group it went to, while no later group could claim it
    for mention in mentions:
        name = mention[2]
        index = placed.get(name)
        if index is None:
            index = _first_matching_group(name, filed)
        if index is None:
            groups.append([mention])
            spellings.append({name})
            index = len(groups) - 1
            _file(name, index, filed)
        else:
            groups[index].append(mention)
            if name not in spellings[index]:
                spellings[index].add(name)
                _file(name, index, filed)
                placed.clear()  # a group gained a spelling: earlier verdicts may change
        if same_person(name, name) >= SAME_PERSON_THRESHOLD:  # its own group will take it again
            placed[name] = index
    return [g for g in groups if len({_flat(m[2]) for m in g}) >= 2]


def _file(name: str, index: int, filed: dict[tuple, dict[int, list[str]]]) -> None:
    for key in _comparison_keys(name)[0]:
        filed.setdefault(key, {}).setdefault(index, []).append(name)


def _first_matching_group(name: str, filed: dict[tuple, dict[int, list[str]]]) -> int | None:
    """The first group holding a spelling that :func:`same_person` matches with ``name``, among the spellings
    it meets under a key."""
    candidates: dict[int, set[str]] = {}
    for key in _comparison_keys(name)[1]:
        for index, names in filed.get(key, {}).items():
            candidates.setdefault(index, set()).update(names)
    return next((index for index in sorted(candidates)
                 if any(same_person(name, other) >= SAME_PERSON_THRESHOLD for other in candidates[index])), None)


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


def cluster_names(names: list[str]) -> list[list[str]]:
    """Single-link clusters of person names with :func:`same_person` ≥ threshold (full names only link)."""
    clusters: list[list[str]] = []
    for name in names:
        linked = [c for c in clusters if any(same_person(name, other) >= SAME_PERSON_THRESHOLD for other in c)]
        merged = [name] + [n for c in linked for n in c]
        clusters = [c for c in clusters if c not in linked] + [merged]
    return clusters


# ---------------------------------------------------------------------------------------------- unnamed officials
