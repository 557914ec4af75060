"""Score an analysis of a development story against its hand-made ``gold.yaml`` (format: corpora/README.md).

One row per story, so that a change that helps one story and hurts another shows at once:

- **quote_recall / quote_precision**: gold quotations (every span inside quotation marks of the annotated
  articles; in primary texts the speaker's sentences) matched by a predicted quotation of the same article
  whose span covers at least 80 % of the gold span and the other way round (``spans_match``). Precision
  counts predicted quotations of the annotated articles only.
- **speaker_accuracy**: gold quotations whose matched quotation names the gold speaker (case, spaces and
  hyphens ignored), over all gold quotations (a missed quotation counts as a wrong speaker). Where the gold
  says no nameable person spoke (``NONE``, ``UNKNOWN``, "unnamed …", "anonymous …"), an empty speaker is right.
- **cue_accuracy**: gold quotations with a cue whose matched quotation's cue starts with the same word.
- **group cohesion**: for each gold group (a distinctive sentence printed by many outlets), the share of its
  outlets whose version lands in the group's modal utterance (the utterance that most of its outlets' versions
  land in). An outlet's version is each of its quotations that shares at least ``GROUP_WORDS`` content words
  with the group's example versions. ``cohesion_min`` is the worst group, ``cohesion_mean`` the mean.
  ``groups_merged`` counts groups whose modal utterance is also another group's (a merge looks cohesive).
- **group speaker**: the share of a group's outlets whose version names the group's speaker (min and mean).
- **garble recall**: gold garbles overlapped by a predicted garble row of the same article, overall and per kind.
- **fidelity AUC**: the chance that a ``faithful`` copy has a higher fidelity than a ``spun`` one (ties count
  half), over the copies that have a fidelity; ``auc_pairs`` says on how many pairs it rests.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from .evaluate import match_quotes, name_key
from .extract.marks import MARK_CHAR_RE

GROUP_WORDS = 2  # content words a quotation must share with a group's versions to count as its rendering
CONTENT_ZIPF = 6.0  # wordfreq Zipf frequency under which a word counts as content ("the" 7.7, "will" 6.6, "long" 5.9)
NO_SPEAKER = re.compile(r"^(NONE|UNKNOWN)$|^(unnamed|anonymous)\b", re.IGNORECASE)


@dataclass
class StoryGold:
    """A story's gold with every span located in the analysed texts."""

    story: str
    quotes: pd.DataFrame  # gold_id, source, start, end, text, speaker, cue
    groups: dict[str, dict] = field(default_factory=dict)  # name -> {speaker, files, versions, primary}
    garbles: pd.DataFrame = field(default_factory=pd.DataFrame)  # source, start, end, text, kind
    faithful: list[str] = field(default_factory=list)
    spun: list[str] = field(default_factory=list)
    not_english: list[str] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)  # gold strings not found in the analysed text


def load_story_gold(folder: Path, texts: dict[str, str]) -> StoryGold:
    """Read ``folder/gold.yaml`` and locate its quotations (in reading order) and garbles in ``texts``."""
    data = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    unlocated: list[str] = []
    quote_rows, cursor = [], {}
    for number, q in enumerate(data.get("quotes") or []):
        source, wanted = q["file"], q["text"]
        start = find_gold_quotation(texts.get(source, ""), wanted, cursor.get(source, 0))
        if start < 0:
            unlocated.append(f"{source}: quotation {wanted[:40]!r}")
            start = -1
        else:
            cursor[source] = start + 1
        quote_rows.append({"gold_id": f"g{number:03d}", "source": source, "start": start,
                           "end": start + len(wanted) if start >= 0 else -1, "text": wanted,
                           "speaker": str(q.get("speaker") or ""), "cue": str(q.get("cue") or "")})
    garble_rows = []
    for source, wanted, kind, *_ in data.get("garbles") or []:
        start = texts.get(source, "").find(wanted)  # a garble: its first occurrence
        if start < 0:
            unlocated.append(f"{source}: garble {wanted[:40]!r}")
        garble_rows.append({"source": source, "start": start, "end": start + len(wanted) if start >= 0 else -1,
                            "text": wanted, "kind": kind})
    return StoryGold(
        story=folder.name, quotes=pd.DataFrame(quote_rows), groups=dict(data.get("groups") or {}),
        garbles=pd.DataFrame(garble_rows, columns=["source", "start", "end", "text", "kind"]),
        faithful=list(data.get("faithful") or []), spun=list(data.get("spun") or []),
        not_english=list(data.get("not_english") or []), unlocated=unlocated)


# How far (characters) from a gold quotation's ends a quotation mark may stand for the occurrence to count as
# quoted: the mark itself plus a comma or full stop and a space (`“dictator,” he said`).
QUOTED_REACH = 3


def find_gold_quotation(text: str, wanted: str, start: int) -> int:
    """Offset of ``wanted`` in ``text``, -1 when absent. The gold gives a quotation's words, not its place, so
    the occurrence is chosen by how well it fits a quotation: a whole-word occurrence next to a quotation mark
    first, then any whole-word occurrence, then any occurrence ("dictator" is not the start of "dictators",
    "no" not the start of "no-brainer"); within each, the first from ``start`` (reading order), else from the
    top."""
    occurrences = []
    found = text.find(wanted)
    while found >= 0:
        occurrences.append(found)
        found = text.find(wanted, found + 1)
    if not occurrences:
        return -1

    def fit(at: int) -> tuple[int, int]:
        whole = _whole_words(text, at, at + len(wanted))
        quoted = whole and _next_to_mark(text, at, at + len(wanted))
        return (0 if quoted else 1 if whole else 2), (0 if at >= start else 1)

    return min(occurrences, key=lambda at: (fit(at), at))


def _whole_words(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` neither begins nor ends inside a word (hyphens join words)."""
    def joins(a: str, b: str) -> bool:
        return bool(a) and bool(b) and (a.isalnum() or a == "-") and (b.isalnum() or b == "-")
    return not joins(text[start - 1:start], text[start:start + 1]) and not joins(text[end - 1:end], text[end:end + 1])


def _next_to_mark(text: str, start: int, end: int) -> bool:
    """Whether a quotation mark stands within QUOTED_REACH characters before ``start`` or after ``end``."""
    return bool(MARK_CHAR_RE.search(text[max(0, start - QUOTED_REACH):start] + text[end:end + QUOTED_REACH]))


def speaker_right(predicted: object, gold: str) -> bool:
    """Whether a predicted speaker agrees with a gold speaker (an empty one where the gold names nobody)."""
    predicted = "" if predicted is None or (isinstance(predicted, float) and math.isnan(predicted)) else predicted
    if NO_SPEAKER.search(gold.strip()):
        return not str(predicted).strip()
    return name_key(predicted) == name_key(gold)


def cue_right(predicted: object, gold: str) -> bool:
    """Whether the predicted cue starts with the gold cue's first word (case ignored)."""
    first = lambda cue: (re.findall(r"[a-z]+", str(cue or "").lower()) or [""])[0]  # noqa: E731
    return first(predicted) == first(gold) != ""


def score_story_quotes(quotes: pd.DataFrame, gold: StoryGold) -> dict[str, float]:
    """Quotation recall and precision (annotated articles only), speaker and cue accuracy."""
    located = gold.quotes[gold.quotes["start"] >= 0]
    annotated = set(gold.quotes["source"])
    predicted = quotes[quotes["source"].isin(annotated)]
    mapping = match_quotes(predicted, located)
    by_gold = {g: q for q, g in mapping.items()}
    indexed = predicted.set_index("quote_id")
    speaker_hits = cue_hits = cue_total = 0
    for g in gold.quotes.itertuples():
        row = indexed.loc[by_gold[g.gold_id]] if g.gold_id in by_gold else None
        speaker_hits += row is not None and speaker_right(row["speaker"], g.speaker)
        if g.cue:
            cue_total += 1
            cue_hits += row is not None and cue_right(row["cue"], g.cue)
    return {"quotes_gold": len(gold.quotes), "quote_recall": _ratio(len(mapping), len(gold.quotes)),
            "quote_precision": _ratio(len(mapping), len(predicted)),
            "speaker_accuracy": _ratio(speaker_hits, len(gold.quotes)),
            "cue_accuracy": _ratio(cue_hits, cue_total)}


def quote_utterances(tables: dict[str, pd.DataFrame]) -> dict[str, set[str]]:
    """quote_id → the utterances it renders (from ``quote_utterances`` when the analysis has it)."""
    links = tables.get("quote_utterances")
    result: dict[str, set[str]] = {}
    if links is not None and len(links):
        for quote_id, utterance_id in zip(links["quote_id"], links["utterance_id"]):
            result.setdefault(quote_id, set()).add(utterance_id)
        return result
    for quote_id, utterance_id in zip(tables["quotes"]["quote_id"], tables["quotes"]["utterance_id"]):
        if isinstance(utterance_id, str) and utterance_id:
            result.setdefault(quote_id, set()).add(utterance_id)
    return result


def content_words(text: str) -> set[str]:
    """Lower-case words of ``text`` rare enough to tell one sentence from another (wordfreq)."""
    from wordfreq import zipf_frequency

    return {w for w in re.findall(r"[a-z]+", text.lower().replace("’", "'"))
            if len(w) > 2 and zipf_frequency(w, "en") < CONTENT_ZIPF}


def group_renderings(group: dict, quotes: pd.DataFrame, not_english: frozenset[str] = frozenset()
                     ) -> dict[str, pd.DataFrame]:
    """For each outlet of a group, its quotations that render the group's sentence (may be empty).

    The gold's convention is that a group's ``files`` are English pages; a file the same gold lists as
    ``not_english`` is left out (the suite keeps non-English pages out of alignment by design)."""
    vocabulary = set().union(*(content_words(v) for v in group.get("versions") or [""]))
    result = {}
    for source in list(group.get("files") or []) + list(group.get("primary") or []):
        if source in not_english:
            continue
        rows = quotes[quotes["source"] == source]
        shared = [len(content_words(text) & vocabulary) for text in rows["text"]]
        result[source] = rows.iloc[[i for i, n in enumerate(shared) if n >= GROUP_WORDS]]
    return result


def score_groups(tables: dict[str, pd.DataFrame], gold: StoryGold) -> dict[str, float]:
    """Cohesion and speaker of each gold group (worst group and mean), and groups merged into one utterance.

    Each group gets its own utterance: groups claim, most-printed first, the utterance most of their outlets'
    versions land in among those no other group has claimed, so that merging two sentences into one utterance
    cannot make both look cohesive (``groups_merged`` counts groups whose first choice was taken)."""
    quotes = tables["quotes"]
    utterances_of = quote_utterances(tables)
    members, speaker = {}, {}
    for name, group in gold.groups.items():
        renderings = group_renderings(group, quotes, frozenset(gold.not_english))
        members[name] = {s: set().union(*(utterances_of.get(q, set()) for q in rows["quote_id"]))
                         for s, rows in renderings.items()}
        speaker[name] = _ratio(sum(any(speaker_right(p, group["speaker"]) for p in rows["speaker"])
                                   for rows in renderings.values()), len(renderings))
    counts = {name: Counter(u for found in sets.values() for u in found) for name, sets in members.items()}
    claimed: set[str] = set()
    cohesion, merged = {}, 0
    for name in sorted(members, key=lambda n: (-max(counts[n].values(), default=0), n)):
        ranked = sorted(counts[name], key=lambda u: (-counts[name][u], u))
        free = [u for u in ranked if u not in claimed]
        merged += bool(ranked) and ranked[0] in claimed
        modal = free[0] if free else None
        claimed.add(modal)
        cohesion[name] = _ratio(sum(modal in found for found in members[name].values()), len(members[name]))
    return {"cohesion_min": _min(cohesion), "cohesion_mean": _mean(cohesion),
            "group_speaker_min": _min(speaker), "group_speaker_mean": _mean(speaker),
            "groups_merged": merged,
            "per_group": {name: (cohesion[name], speaker[name]) for name in gold.groups}}


def score_story_garbles(garbles: pd.DataFrame, gold: StoryGold) -> dict[str, float]:
    """Recall of the gold garbles, overall and per kind (``garble_recall_<kind>``)."""
    found_by_kind: Counter = Counter()
    total_by_kind: Counter = Counter()
    for g in gold.garbles.itertuples():
        total_by_kind[g.kind] += 1
        rows = garbles[garbles["source"] == g.source]
        found_by_kind[g.kind] += bool(g.start >= 0 and ((rows["start"] < g.end) & (rows["end"] > g.start)).any())
    scores = {"garbles_gold": len(gold.garbles),
              "garble_recall": _ratio(sum(found_by_kind.values()), len(gold.garbles))}
    scores.update({f"garble_recall_{kind}": _ratio(found_by_kind[kind], total_by_kind[kind])
                   for kind in sorted(total_by_kind)})
    return scores


def fidelity_auc(scorecard: pd.DataFrame, faithful: list[str], spun: list[str]) -> dict[str, float]:
    """P(a faithful copy's fidelity > a spun copy's), ties half, over the copies that have a fidelity."""
    fidelity = dict(zip(scorecard["source"], pd.to_numeric(scorecard["fidelity"], errors="coerce")))
    good = [fidelity[s] for s in faithful if s in fidelity and not math.isnan(fidelity[s])]
    bad = [fidelity[s] for s in spun if s in fidelity and not math.isnan(fidelity[s])]
    wins = sum((g > b) + 0.5 * (g == b) for g in good for b in bad)
    return {"fidelity_auc": _ratio(wins, len(good) * len(bad)), "auc_pairs": len(good) * len(bad),
            "auc_unmeasured": (len(faithful) - len(good)) + (len(spun) - len(bad))}


def score_story(tables: dict[str, pd.DataFrame], gold: StoryGold) -> dict[str, object]:
    """Every measure of one story (see the module docstring)."""
    scores: dict[str, object] = {"story": gold.story}
    scores.update(score_story_quotes(tables["quotes"], gold))
    scores.update(score_groups(tables, gold))
    scores.update(fidelity_auc(tables["scorecard"], gold.faithful, gold.spun))
    scores.update(score_story_garbles(tables["garbles"], gold))
    scores["gold_unlocated"] = len(gold.unlocated)
    return scores


def _ratio(hits: float, total: int) -> float:
    return round(hits / total, 3) if total else float("nan")


def _min(values: dict[str, float]) -> float:
    present = [v for v in values.values() if not math.isnan(v)]
    return min(present) if present else float("nan")


def _mean(values: dict[str, float]) -> float:
    present = [v for v in values.values() if not math.isnan(v)]
    return round(sum(present) / len(present), 3) if present else float("nan")
