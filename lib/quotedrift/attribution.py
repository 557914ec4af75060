"""Stage 4b: who said it, according to whom — attribution differences across outlets.

For every utterance carried by two or more sources there is one row per source: the canonical speaker, the
mention as printed, the fullest spelling of the name the article prints for that speaker, the title, the
cue verb and its stance, the relay. Each row is compared with the other sources' rows for the same
utterance and flagged where it departs.

Cue stance. ``neutral`` verbs report that words were spoken (the AP Stylebook's advice: "said" is almost
always right). ``loaded`` verbs add the writer's judgement of the speaker or of the truth of the words:
CLAIMED/INSISTED/ADMITTED/CONCEDED cast doubt or guilt, SLAMMED/BLASTED/DISMISSED/LASHED OUT/SCOFFED
dramatise, THREATENED/BOASTED/ALLEGED/ACCUSED characterise. A row is loaded when its cue is loaded or when
a loaded verb frames the speaker in the quotation's sentence ("dismissed the accusations …, warning that").

Flags (semicolon-separated in ``flags``):
  ``speaker_differs``   the canonical speaker differs from the one most other sources give;
  ``unique_spelling``   no other source prints this spelling of the name (case, spaces and hyphens ignored);
  ``title_departs``     the title resembles none of the titles other sources print for the speaker;
  ``loaded_cue``        a loaded cue where most other sources are neutral;
  ``relay_dropped``     most other sources name a relay (KCNA, Yonhap, …) and this one names none.

``attribution`` columns
    utterance_id, source, speaker, speaker_mention, title, cue, cue_stance, relay, flags, quote_id,
    name_spelling, relay_name, loaded_words.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd
from rapidfuzz import fuzz

from .text import sentence_spans

NEUTRAL_CUES = frozenset("""
said say says saying told tell tells telling added add adds adding noted note notes noting stated state states
explained wrote writes continued remarked asked replied responded reiterated called calls calling described
warned warns warning urged stressed emphasized emphasised expressed announced commented according
""".split())
LOADED_CUES = frozenset("""
claimed claims claim claiming insisted insists insisting admitted admits conceded concedes slammed slams
slamming blasted blasts dismissed dismisses dismissing threatened threatens threatening boasted boasts alleged
alleges accused accuses accusing scoffed scoffs lashed fumed ranted mocked mocks derided
""".split())
RELAYS = (
    (r"korean central news agency|\bkcna\b|korea'?s central news agency|central telegraph agency of korea", "KCNA"),
    (r"\byonhap\b", "Yonhap"), (r"\bsputnik\b", "Sputnik"), (r"\bafp\b|agence france", "AFP"),
    (r"\breuters\b", "Reuters"), (r"\bassociated press\b|\bap\b", "AP"), (r"\btass\b", "TASS"),
    (r"\bria novosti\b", "RIA Novosti"), (r"state media|state-run media|state news", "state media"),
    (r"told reporters|press briefing|news conference", "press briefing"),
)
FLAG_NAMES = ("speaker_differs", "unique_spelling", "title_departs", "loaded_cue", "relay_dropped")
COLUMNS = ["utterance_id", "source", "speaker", "speaker_mention", "title", "cue", "cue_stance", "relay",
           "flags", "quote_id", "name_spelling", "relay_name", "loaded_words"]
TITLE_LIKENESS = 60


def cue_stance(cue: str, loaded_words: str = "") -> str:
    """``loaded``, ``neutral`` or ``none`` for a cue (and any loaded verb framing the speaker)."""
    words = re.findall(r"[a-z]+", str(cue or "").lower())
    if loaded_words or any(w in LOADED_CUES for w in words):
        return "loaded"
    return "neutral" if words else "none"


def relay_name(relay: str) -> str:
    """The agency or channel a relay phrase names ('' when none)."""
    text = str(relay or "").lower()
    for pattern, name in RELAYS:
        if re.search(pattern, text):
            return name
    return "other" if text.strip() else ""


def spelling_key(name: str) -> str:
    """A name spelling with case, spaces, hyphens and apostrophes ignored ('Jong-gun' = 'Jong Gun')."""
    return re.sub(r"[\s\-‐’'.]", "", str(name or "").lower())


def loaded_framing(text: str, sentence: tuple[int, int], quote: tuple[int, int]) -> str:
    """Loaded verbs in the quotation's sentence, outside the quotation itself."""
    outside = text[sentence[0]:quote[0]] + " " + text[quote[1]:sentence[1]]
    return ", ".join(sorted({w for w in re.findall(r"[a-z]+", outside.lower()) if w in LOADED_CUES}))


def is_full_name(mention: str) -> bool:
    """A mention with at least two capitalised name words ('Kwon Jong-jun', not 'Kwon' or 'the official')."""
    return len(re.findall(r"\b[A-Z][a-z’'\-]+", str(mention or ""))) >= 2 and not re.search(
        r"\b(the|a|an|of|official|ministry|department|house|states|agency|spokesman)\b", str(mention), re.I)


def attribution_table(quotes: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """One row per (utterance, source) for utterances carried by two or more sources, with flags."""
    linked = quotes[quotes["utterance_id"].astype(str) != ""]
    rows = []
    for (utterance, source), group in linked.groupby(["utterance_id", "source"], sort=True):
        quote = _representative(group)
        rows.append(_row(utterance, source, quote, quotes, texts))
    table = pd.DataFrame(rows, columns=COLUMNS)
    table = table[table.groupby("utterance_id")["source"].transform("nunique") >= 2]
    table["flags"] = [";".join(_flags(row, table)) for row in table.itertuples()]
    return table.reset_index(drop=True)


def _representative(group: pd.DataFrame) -> pd.Series:
    """The quotation that speaks for a source in an utterance: the one with a named speaker and the most words."""
    ranked = group.assign(_named=group["speaker_mention"].map(is_full_name), _len=group["end"] - group["start"])
    return ranked.sort_values(["_named", "_len", "start"], ascending=[False, False, True]).iloc[0]


def _row(utterance: str, source: str, quote: pd.Series, quotes: pd.DataFrame, texts: dict[str, str]) -> dict:
    same = quotes[(quotes["source"] == source) & (quotes["speaker"] == quote["speaker"])]
    text = texts[source]
    sentence = next(((s, e) for s, e in sentence_spans(text, max(0, int(quote["start"]) - 400),
                                                         min(len(text), int(quote["end"]) + 400))
                     if s <= int(quote["start"]) < e), (int(quote["start"]), int(quote["end"])))
    loaded = loaded_framing(text, sentence, (int(quote["start"]), int(quote["end"])))
    return {
        "utterance_id": utterance, "source": source, "speaker": quote["speaker"],
        "speaker_mention": quote["speaker_mention"], "title": _title(quote, same),
        "cue": quote["cue"], "cue_stance": cue_stance(quote["cue"], loaded), "relay": quote["relay"],
        "flags": "", "quote_id": quote["quote_id"], "name_spelling": _spelling(quote, same),
        "relay_name": relay_name(quote["relay"]), "loaded_words": loaded,
    }


def _title(quote: pd.Series, same_speaker: pd.DataFrame) -> str:
    """The title printed with this quotation, else the one the article gives the speaker elsewhere."""
    if str(quote.get("title", "") or ""):
        return str(quote["title"])
    titles = [str(t) for t in same_speaker.get("title", pd.Series(dtype=str)) if str(t or "")]
    return titles[0] if titles else ""


def _spelling(quote: pd.Series, same_speaker: pd.DataFrame) -> str:
    """The name as printed: the mention if it is a full name, else the nearest earlier full-name mention."""
    if is_full_name(quote["speaker_mention"]):
        return str(quote["speaker_mention"])
    earlier = same_speaker[(same_speaker["start"] <= quote["start"]) & same_speaker["speaker_mention"].map(is_full_name)]
    if len(earlier):
        return str(earlier.sort_values("start").iloc[-1]["speaker_mention"])
    anywhere = same_speaker[same_speaker["speaker_mention"].map(is_full_name)]
    return str(anywhere.sort_values("start").iloc[0]["speaker_mention"]) if len(anywhere) else ""


def _flags(row, table: pd.DataFrame) -> list[str]:
    others = table[(table["utterance_id"] == row.utterance_id) & (table["source"] != row.source)]
    flags = []
    speakers = Counter(s for s in others["speaker"] if s)
    if row.speaker and speakers and row.speaker != speakers.most_common(1)[0][0] and row.speaker not in speakers:
        flags.append("speaker_differs")
    if row.name_spelling:
        spellings = {spelling_key(s) for s in table.loc[(table["source"] != row.source)
                                                        & (table["speaker"] == row.speaker), "name_spelling"] if s}
        if spellings and spelling_key(row.name_spelling) not in spellings:
            flags.append("unique_spelling")
    if row.title:
        titles = [t for t in table.loc[(table["source"] != row.source) & (table["speaker"] == row.speaker), "title"] if t]
        if titles and max(fuzz.token_set_ratio(_plain(row.title), _plain(t)) for t in titles) < TITLE_LIKENESS:
            flags.append("title_departs")
    stances = Counter(s for s in others["cue_stance"] if s != "none")
    if row.cue_stance == "loaded" and stances and stances["neutral"] > stances["loaded"]:
        flags.append("loaded_cue")
    relays = [r for r in others["relay_name"]]
    if not row.relay_name and relays and sum(bool(r) for r in relays) > len(relays) / 2:
        flags.append("relay_dropped")
    return flags


def _plain(title: str) -> str:
    return re.sub(r"\bu\.?s\.?\b", "us", title.lower()).replace("-", " ")


def agreement(attribution: pd.DataFrame) -> pd.DataFrame:
    """Per source: attribution rows, rows with no flag, their share (attribution_agreement), and loaded-cue share."""
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
