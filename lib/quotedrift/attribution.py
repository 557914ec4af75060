"""Stage 4b: who said it, according to whom — attribution differences across outlets.

Every quotation has its attribution: one row per (utterance, source). A quotation no other source prints is an
utterance of its own (see :func:`quotedrift.align.single_utterances`): its row has that utterance's id and
``compared`` False, so that an outlet's own loaded cue on words only it quotes still reaches the table (a
quotation given no utterance id at all, as by a caller of :func:`attribution_table` on bare quotations, gets
a row with ``utterance_id`` None). A row gives the
canonical speaker, the mention as printed, the fullest spelling of the name the article prints for that
speaker, the title, the cue verb and its stance, the relay. Rows of utterances carried by two or more sources
(``compared`` True) are compared with the other sources' rows and flagged where they depart.

Cue stance. ``neutral`` verbs report that words were spoken (the AP Stylebook's advice: "said" is almost
always right). ``loaded`` verbs add the writer's judgement of the speaker or of the truth of the words:
CLAIMED/INSISTED/ADMITTED/CONCEDED cast doubt or guilt, SLAMMED/BLASTED/DISMISSED/LASHED OUT/SCOFFED
dramatise, THREATENED/BOASTED/ALLEGED/ACCUSED characterise. A row is loaded when its cue is loaded or when
a loaded verb frames the speaker in the quotation's sentence ("dismissed the accusations …, warning that").

Flags (semicolon-separated in ``flags``):
  ``speaker_differs``   the canonical speaker differs from the one most other sources give (confident
                        speakers only: ``speaker_confidence`` >= ``CONFIDENT_SPEAKER`` on both sides);
  ``unique_spelling``   no other source prints this spelling of the name (case, spaces and hyphens ignored);
  ``title_departs``     the title resembles none of the titles other sources print for the speaker;
  ``loaded_cue``        a loaded cue where most other sources are neutral;
  ``relay_dropped``     most other sources name a relay (ZNA, Zorblax Wire, …) and this one names none.

``attribution`` columns
    utterance_id, source, speaker, speaker_mention, title, cue, cue_stance, relay, flags, quote_id,
    name_spelling, relay_name, loaded_words, speaker_confidence, compared.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from typing import NamedTuple

import pandas as pd
from rapidfuzz import fuzz

from . import lexicon
from .people.officials import GENERIC_ROLE, describe_official

from .text import sentence_spans

# Cue stances and relays come from the lexicon (cues.csv, agencies.csv, relay_leads.csv).
NEUTRAL_CUES = frozenset(w for w in lexicon.column("cues", "word", stance="neutral") if " " not in w) | {"according"}
FRAMING_VERBS = frozenset(lexicon.column("cues", "word", frames="yes"))  # verbs (not nouns or adjectives such as
# "claims", "alleged") that frame a speaker anywhere in the sentence
LOADED_CUES = frozenset(lexicon.column("cues", "word", stance="loaded"))
CHANNELS = tuple((phrase, name) for phrase, name in zip(lexicon.column("relay_leads", "phrase", kind="channel"),
                                                        lexicon.column("relay_leads", "name", kind="channel")))
FLAG_NAMES = ("speaker_differs", "unique_spelling", "title_departs", "loaded_cue", "relay_dropped")
COLUMNS = ["utterance_id", "source", "speaker", "speaker_mention", "title", "cue", "cue_stance", "relay",
           "flags", "quote_id", "name_spelling", "relay_name", "loaded_words", "speaker_confidence", "compared"]
# A speaker resolved with less confidence than this (a guessed pronoun, a country standing for its officials,
# a description merged by its features: see people/resolve.py) is shown but never flagged as differing.
CONFIDENT_SPEAKER = 0.75
TITLE_LIKENESS = 60


def cue_stance(cue: str, loaded_words: str = "") -> str:
    """``loaded``, ``neutral`` or ``none`` for a cue (and any loaded verb framing the speaker)."""
    words = re.findall(r"[a-z]+", str(cue or "").lower())
    if loaded_words or any(w in LOADED_CUES for w in words):
        return "loaded"
    return "neutral" if words else "none"


def relay_name(relay: str) -> str:
    """The agency or channel a relay phrase names ('' when none, 'other' for an agency not in the lexicon)."""
    text = str(relay or "")
    agencies = lexicon.agency_aliases()
    agency = lexicon.agency_regex().search(text)
    if agency:
        exact = agencies.get(agency.group())
        if exact:
            return exact
        folded = {k.lower(): v for k, v in agencies.items()}
        if len(agency.group()) > 3:  # "ap", "pa" in lower case are words, not agencies
            return folded[agency.group().lower()]
    lowered = text.lower()
    for phrase, name in CHANNELS:
        if phrase in lowered:
            return name
    return "other" if text.strip() else ""


def spelling_key(name: str) -> str:
    """A name spelling with case, spaces, hyphens and apostrophes ignored ('Jong-gun' = 'Jong Gun')."""
    return re.sub(r"[\s\-‐’'.]", "", str(name or "").lower())


def loaded_framing(text: str, sentence: tuple[int, int], quote: tuple[int, int]) -> str:
    """Loaded verbs in the quotation's sentence, outside the quotation itself."""
    outside = text[sentence[0]:quote[0]] + " " + text[quote[1]:sentence[1]]
    return ", ".join(sorted({w for w in re.findall(r"[a-z]+", outside.lower()) if w in FRAMING_VERBS}))


def is_full_name(mention: str) -> bool:
    """A mention with at least two capitalised name words ('Yun Jong-jun', not 'Yun' or 'the official')."""
    return len(re.findall(r"\b[A-Z][a-z’'\-]+", str(mention or ""))) >= 2 and not re.search(
        r"\b(the|a|an|of|official|ministry|department|house|states|agency|spokesman)\b", str(mention), re.I)


def attribution_table(quotes: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """One row per (utterance, source), and one per quotation in no utterance; rows of utterances carried
    by two or more sources are flagged.

    Works on plain records grouped once (linear in the number of quotations), not on per-row DataFrame filters.
    """
    records = quotes.to_dict("records")
    by_source_speaker: dict[tuple[str, str], list[dict]] = {}
    for q in records:
        by_source_speaker.setdefault((q["source"], q["speaker"]), []).append(q)
    forms = {key: SpeakerForms.of(quotes_of_speaker) for key, quotes_of_speaker in by_source_speaker.items()}
    groups: dict[tuple[str, str], list[dict]] = {}
    for q in records:
        if _utterance(q):
            groups.setdefault((q["utterance_id"], q["source"]), []).append(q)
        else:
            groups[("", q["source"], q["quote_id"])] = [q]
    rows = []
    for key, group in sorted(groups.items()):
        utterance, source = key[0], key[1]
        quote = _representative(group)
        rows.append(_row(utterance or None, source, quote, forms[(source, quote["speaker"])], texts[source]))
    by_utterance: dict[str, list[dict]] = {}
    for row in rows:
        if row["utterance_id"]:
            by_utterance.setdefault(row["utterance_id"], []).append(row)
    for row in rows:
        row["compared"] = len(by_utterance.get(row["utterance_id"], ())) >= 2
    compared = [row for row in rows if row["compared"]]
    spellings, titles = _printed_forms(compared)
    # one row per (utterance, source): the other rows of an utterance are all its rows but this one, so each
    # utterance's tallies are counted once and this row's own part taken off (linear in the utterance's size)
    tallies = {utterance: _tally(group) for utterance, group in by_utterance.items()}
    for row in compared:
        others = _without(tallies[row["utterance_id"]], _tally([row]))
        peer_spellings = {k for k, sources in spellings.get(row["speaker"], {}).items() if _beyond(sources, row["source"])}
        peer_titles = [t for t, sources in titles.get(row["speaker"], {}).items() if _beyond(sources, row["source"])]
        row["flags"] = ";".join(_flags(row, others, peer_spellings, peer_titles))
    return pd.DataFrame(rows, columns=COLUMNS)


def _tally(rows: list[dict]) -> tuple[Counter, Counter, int, int]:
    """What the flags read from the other rows of an utterance: confident speakers, cue stances (not 'none'),
    number of rows and number of rows naming a relay."""
    return (Counter(r["speaker"] for r in rows if r["speaker"] and _confident(r)),
            Counter(r["cue_stance"] for r in rows if r["cue_stance"] != "none"),
            len(rows), sum(bool(r["relay_name"]) for r in rows))


def _without(total: tuple[Counter, Counter, int, int], own: tuple[Counter, Counter, int, int]) -> tuple:
    return total[0] - own[0], total[1] - own[1], total[2] - own[2], total[3] - own[3]


def _utterance(quote: dict) -> str:
    value = quote.get("utterance_id")
    return value if isinstance(value, str) else ""


def _beyond(sources: set[str], source: str) -> bool:
    """Whether a set of sources holds any source other than ``source`` (without copying the set)."""
    return len(sources) > 1 or source not in sources


def _printed_forms(rows: list[dict]) -> tuple[dict, dict]:
    """Per speaker: which sources print each name spelling (by key) and each title."""
    spellings: dict[str, dict[str, set[str]]] = {}
    titles: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        if row["name_spelling"]:
            spellings.setdefault(row["speaker"], {}).setdefault(spelling_key(row["name_spelling"]), set()).add(row["source"])
        if row["title"]:
            titles.setdefault(row["speaker"], {}).setdefault(row["title"], set()).add(row["source"])
    return spellings, titles


def _representative(group: list[dict]) -> dict:
    """The quotation that speaks for a source in an utterance: the one with a named speaker and the most words."""
    return min(group, key=lambda q: (not is_full_name(q["speaker_mention"]), -(q["end"] - q["start"]), q["start"]))


class SpeakerForms(NamedTuple):
    """How one article prints one speaker, read once for all its quotations (not once per quotation, which
    made an article quoting one person thousands of times quadratic): the first title it gives, and its
    full-name mentions in reading order."""

    first_title: str
    named_starts: list[int]
    named_mentions: list[str]

    @classmethod
    def of(cls, same_speaker: list[dict]) -> "SpeakerForms":
        in_order = sorted(same_speaker, key=lambda q: q["start"])
        titles = [str(q["title"]) for q in in_order if str(q.get("title") or "")]
        named = [q for q in in_order if is_full_name(q["speaker_mention"])]
        return cls(titles[0] if titles else "", [q["start"] for q in named],
                   [str(q["speaker_mention"]) for q in named])


def _row(utterance: str, source: str, quote: dict, forms: SpeakerForms, text: str) -> dict:
    start, end = int(quote["start"]), int(quote["end"])
    sentence = next(((s, e) for s, e in sentence_spans(text, max(0, start - 400), min(len(text), end + 400))
                     if s <= start < e), (start, end))
    loaded = loaded_framing(text, sentence, (start, end))
    return {
        "utterance_id": utterance, "source": source, "speaker": quote["speaker"],
        "speaker_mention": quote["speaker_mention"], "title": _title(quote, forms),
        "cue": quote["cue"], "cue_stance": cue_stance(quote["cue"], loaded), "relay": quote["relay"],
        "flags": "", "quote_id": quote["quote_id"], "name_spelling": _spelling(quote, forms),
        "relay_name": relay_name(quote["relay"]), "loaded_words": loaded,
        "speaker_confidence": float(quote.get("speaker_confidence") or 0.0) if quote.get("speaker") else 0.0,
        "compared": False,
    }


def _title(quote: dict, forms: SpeakerForms) -> str:
    """The title printed with this quotation, else the first one the article gives the speaker elsewhere."""
    return str(quote["title"]) if str(quote.get("title") or "") else forms.first_title


def _spelling(quote: dict, forms: SpeakerForms) -> str:
    """The name as printed: the mention if it is a full name, else the nearest earlier full-name mention
    (else the first one after it)."""
    if is_full_name(quote["speaker_mention"]):
        return str(quote["speaker_mention"])
    if not forms.named_mentions:
        return ""
    earlier = bisect.bisect_right(forms.named_starts, quote["start"])
    return forms.named_mentions[earlier - 1] if earlier else forms.named_mentions[0]


def row_flags(row: dict, others: list[dict], spellings: set[str], titles: list[str]) -> list[str]:
    """Flags of one attribution row against the other sources' rows for the same utterance (``others``) and
    the name spellings (keys) and titles other sources print for the same speaker anywhere in the story."""
    return _flags(row, _tally(others), spellings, titles)


def _flags(row: dict, others: tuple[Counter, Counter, int, int], spellings: set[str], titles: list[str]) -> list[str]:
    """``row_flags`` on the other rows' tallies (see ``_tally``)."""
    flags = []
    speakers, stances, n_others, n_relayed = others
    if row["speaker"] and _confident(row) and speakers and row["speaker"] not in speakers:
        flags.append("speaker_differs")
    if row["name_spelling"] and spellings and spelling_key(row["name_spelling"]) not in spellings:
        flags.append("unique_spelling")
    if (row["title"] and titles and not _generic_title(row["title"])
            and max(_title_likeness(row["title"], t) for t in titles) < TITLE_LIKENESS):
        flags.append("title_departs")
    if row["cue_stance"] == "loaded" and stances["neutral"] > stances["loaded"]:
        flags.append("loaded_cue")
    if not row["relay_name"] and n_others and n_relayed > n_others / 2:
        flags.append("relay_dropped")
    return flags


@functools.lru_cache(maxsize=1 << 16)
def _generic_title(title: str) -> bool:
    """Whether a title names no particular role ("the official", "a senior official of the ministry"): it is
    less specific than the titles other outlets print, not a different one, so it never departs from them."""
    described = describe_official(title)
    return described is not None and described.role == GENERIC_ROLE


@functools.lru_cache(maxsize=1 << 16)
def _title_likeness(a: str, b: str) -> float:
    """How alike two printed titles are (memoised: outlets print the same few titles over and over)."""
    return fuzz.token_set_ratio(_plain(a), _plain(b))


def _confident(row: dict) -> bool:
    """Whether a row's speaker is sure enough to be compared (rows built without a confidence count as sure)."""
    return float(row.get("speaker_confidence", 1.0) or 0.0) >= CONFIDENT_SPEAKER


def _plain(title: str) -> str:
    return re.sub(r"\bu\.?s\.?\b", "us", title.lower()).replace("-", " ")


def agreement(attribution: pd.DataFrame) -> pd.DataFrame:
    """Per source, over the rows compared with other sources: attribution rows, rows with no flag, their share
    (attribution_agreement), and loaded-cue share."""
    if "compared" in attribution:
        attribution = attribution[attribution["compared"].astype(bool)]
    if attribution.empty:
        return pd.DataFrame(columns=["source", "attribution_rows", "attribution_unflagged",
                                     "attribution_agreement", "loaded_cues", "loaded_cue_share"])
    grouped = attribution.assign(unflagged=attribution["flags"] == "", loaded=attribution["cue_stance"] == "loaded")
    summary = grouped.groupby("source").agg(attribution_rows=("utterance_id", "size"),
                                            attribution_unflagged=("unflagged", "sum"),
                                            loaded_cues=("loaded", "sum")).reset_index()
    summary["attribution_agreement"] = (summary["attribution_unflagged"] / summary["attribution_rows"]).round(3)
    summary["loaded_cue_share"] = (summary["loaded_cues"] / summary["attribution_rows"]).round(3)
    return summary
