"""Provenance: which sources seem to copy from a common text, estimated from the readings they share.

Two outlets that print the same rare slip — the same reworded quotation, the same glued words, the same
house spelling, the same sentence of their own prose word for word — most likely took it from one text (a
wire story, a press-agency copy, a scraper's source). Readings that every outlet shares (the words of the
statement itself, the name of the agency that released it) say nothing about who copied whom. This is an
*estimate* of shared descent, not proof: two outlets may make the same edit independently.

Readings (``kind``)
    passage   a run of six or more words of the writers' own prose that few other sources print: the
              strongest copy signal for wire copies. Quotations of six words or more and page chrome are left
              out; shorter quoted fragments stay in, since which fragments a writer weaves into which words is
              part of the copied text. Found through an inverted index of word 6-grams (words cosmetically
              normalised, at least three content words, ISO date stamps break a run), never by comparing all
              pairs of articles; 6-grams that follow each other in both articles merge into one passage.
    quotation the same utterance quoted (``quotes.utterance_id``): the same choice of words to quote. It
              weighs half (``QUOTATION_FACTOR``), since independent outlets do pick the same sentence.
    edit      the same substantive or editorial edit of the same utterance (``edits`` table): same reference
              words, same printed words (brackets kept: "(the country)" is not "[the country]").
    garble    the same damage: same kind and same text (``garbles`` table; page chrome left out, since it
              tells the website, not the story's origin).
    spelling  the same house-style choice where other sources choose differently: UK/US spelling ("rumour"
              / "rumor"), "can not" / "cannot", dotted or bare abbreviations, "Mr" / "Mr.", date style ("Sept. 22" / "Sep
              22" / "22 September"), hyphenated names ("Jong-un" / "Jong Un"), the speaker's name as printed
              (``attribution.name_spelling``); the choices are rows of ``lexicon/style_choices.csv``.

Primary texts are not compared: they are the common original everyone quotes, not a copy.

Weight: ``log(n_sources / n_sharing)`` where ``n_sources`` is the number of compared sources (every source
but primary texts) and ``n_sharing`` the number of sources that print the reading; a passage's weight is
multiplied by ``log2(1 + words / 6)`` (longer copied passages weigh more, less than in proportion). A
reading printed by more than half of the sources (or by more than ``MAX_SHARING``) is common, not evidence,
and is left out.

``shared_readings`` columns (one row per reading per pair of sources that print it)
    source_a, source_b (source_a < source_b), kind, reading (plain words), start_a, end_a, start_b, end_b
    (evidence spans into each article's text), weight, n_sharing (sources that print the reading), words
    (length of a passage in words; 0 for other kinds).

``copy_estimate`` columns (one row per pair of compared sources that share at least one reading)
    source_a, source_b, weight (sum of the readings' weights), readings, passage, quotation, edit, garble,
    spelling (number of readings of each kind), passage_words, score (0–1, see :func:`pair_scores`), top_kind,
    top_reading (the heaviest reading, the label of the pair's edge in the figure).

``copy_tree`` columns (one row per merge of a single-linkage tree on ``1 - score``)
    step, source_a, source_b (the pair whose link made the merge), score, distance, size, members.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .lexicon import table
from .wording import is_content_word, normalise, us_spelling

KINDS = ("passage", "quotation", "edit", "garble", "spelling")
READING_COLUMNS = ["source_a", "source_b", "kind", "reading", "start_a", "end_a", "start_b", "end_b",
                   "weight", "n_sharing", "words"]
ESTIMATE_COLUMNS = ["source_a", "source_b", "weight", "readings", *KINDS, "passage_words", "score",
                    "top_kind", "top_reading"]
TREE_COLUMNS = ["step", "source_a", "source_b", "score", "distance", "size", "members"]

GRAM = 6  # words per shingle of a passage
MIN_CONTENT_IN_GRAM = 3  # "it has not been able to" is no evidence
MAX_SHARE_FRACTION = 0.5  # a reading more than half the sources print is common
MAX_SHARING = 50  # ... and so is one printed by more than this many (keeps the pair count bounded)
EVIDENCE_SCALE = 3.0  # pair weight at which the evidence factor of the score is one half
MIN_EDGE_SCORE = 0.05  # pairs below this score are drawn as unlinked
IGNORED_GARBLES = frozenset({"boilerplate", "duplicated_text"})
LABEL_CHARS = 48
QUOTATION_FACTOR = 0.5

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’\-][^\W_]+)*")
_SPACE = re.compile(r"\s+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # a dateline stamp is metadata, not prose: it breaks a run
_QUOTE_STYLE = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                              "‘": "'", "’": "'", "`": "'"})


# ---------------------------------------------------------------------------------------------- readings


def shared_readings(analysis) -> pd.DataFrame:
    """Every reading two or more compared sources share, one row per pair of sources (see module doc)."""
    articles = analysis.tables["articles"]
    sources = compared_sources(articles)
    texts = {s: analysis.corpus.texts[s] for s in sources}
    masks = _masked_spans(analysis, sources, min_quote_words=GRAM)
    groups = (passage_groups(texts, masks)
              + quotation_groups(analysis.tables["quotes"], texts)
              + edit_groups(analysis.tables["edits"], texts)
              + garble_groups(analysis.tables["garbles"], texts)
              + spelling_groups(texts, _masked_spans(analysis, sources), analysis.tables.get("attribution")))
    return readings_table(groups, len(sources))


def compared_sources(articles: pd.DataFrame) -> list[str]:
    """Every source but primary texts (the primary is the common original, not a copy)."""
    role = articles["role"].astype(str) if "role" in articles else pd.Series("report", index=articles.index)
    return sorted(articles.loc[role != "primary", "source"].astype(str))


def readings_table(groups: list[dict], n_sources: int) -> pd.DataFrame:
    """Expand reading groups into pair rows with their weights.

    A group is ``{kind, reading, spans: {source: (start, end)}, words?, factor?}`` for a reading that every source
    of ``spans`` prints, or ``{kind, reading, pairs: [(source_a, source_b, span_a, span_b)], n_sharing}`` for
    passages, whose spans differ per pair.
    """
    rows = []
    limit = max_sharing(n_sources)
    for group in groups:
        n_sharing = group.get("n_sharing") or len(group["spans"])
        if n_sharing < 2 or n_sharing > limit:
            continue
        weight = reading_weight(n_sources, n_sharing, group.get("words", 0)) * group.get("factor", 1.0)
        for a, b, span_a, span_b in group.get("pairs") or _pairs_of(group["spans"]):
            rows.append({"source_a": a, "source_b": b, "kind": group["kind"], "reading": group["reading"],
                         "start_a": span_a[0], "end_a": span_a[1], "start_b": span_b[0], "end_b": span_b[1],
                         "weight": weight, "n_sharing": n_sharing, "words": group.get("words", 0)})
    table = pd.DataFrame(rows, columns=READING_COLUMNS)
    table = table.astype({c: int for c in ("start_a", "end_a", "start_b", "end_b", "n_sharing", "words")})
    table["weight"] = table["weight"].astype(float).round(6)
    return table.sort_values(["source_a", "source_b", "kind", "start_a", "reading"], kind="stable",
                             ignore_index=True)


def max_sharing(n_sources: int) -> int:
    """Most sources a reading may be printed by and still count as evidence (always at least two)."""
    return max(2, min(MAX_SHARING, int(n_sources * MAX_SHARE_FRACTION)))


def reading_weight(n_sources: int, n_sharing: int, words: int = 0) -> float:
    """log(n_sources / n_sharing); a passage of ``words`` words is multiplied by log2(1 + words / 6)."""
    weight = math.log(n_sources / n_sharing)
    return weight * math.log2(1 + words / GRAM) if words else weight


def _pairs_of(spans: dict[str, tuple[int, int]]) -> Iterable[tuple]:
    ordered = sorted(spans)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            yield a, b, spans[a], spans[b]


def _masked_spans(analysis, sources: list[str], min_quote_words: int = 0) -> dict[str, list[tuple[int, int]]]:
    """Per source, the spans that are not the writer's own prose: quotations (with their marks) of at least
    ``min_quote_words`` words, and page chrome. For passages, shorter quoted fragments stay: which fragments a
    writer quotes, woven into which words ("to stop making ‘reckless remarks’ and to ‘keep its mouth
    shut’"), is part of the copied text."""
    masks: dict[str, list[tuple[int, int]]] = {s: [] for s in sources}
    quotes = analysis.tables.get("quotes")
    if quotes is not None and len(quotes):
        for row in quotes[["source", "start", "end", "text"]].itertuples(index=False):
            if row.source in masks and len(_TOKEN.findall(str(row.text))) >= min_quote_words:
                masks[row.source].append((max(0, int(row.start) - 1), int(row.end) + 1))
    chrome = getattr(analysis.corpus, "boilerplate", None)
    if chrome is not None and len(chrome):
        for row in chrome[["source", "start", "end"]].itertuples(index=False):
            if row.source in masks:
                masks[row.source].append((int(row.start), int(row.end)))
    return {s: sorted(spans) for s, spans in masks.items()}


def _inside(position: int, spans: list[tuple[int, int]], cursor: list[int]) -> bool:
    """Whether ``position`` falls in one of the sorted ``spans`` (``cursor`` advances; positions ascend)."""
    while cursor[0] < len(spans) and spans[cursor[0]][1] <= position:
        cursor[0] += 1
    return cursor[0] < len(spans) and spans[cursor[0]][0] <= position


# ---------------------------------------------------------------------------------------------- passages


def prose_runs(text: str, masked: list[tuple[int, int]]) -> list[list[tuple[str, int, int]]]:
    """Runs of the writer's own words (normalised form, start, end), split wherever a masked span or an ISO
    date stamp stands."""
    runs: list[list[tuple[str, int, int]]] = [[]]
    cursor, last_end, broken = 0, 0, False
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        while cursor < len(masked) and masked[cursor][1] <= start:
            broken = broken or masked[cursor][1] > last_end  # a masked span between two words
            cursor += 1
        last_end = end
        word = match.group()
        if (cursor < len(masked) and masked[cursor][0] <= start) or (word[0].isdigit() and _ISO_DATE.fullmatch(word)):
            broken = True
            continue
        if broken and runs[-1]:
            runs.append([])
        broken = False
        for norm in normalise(word):
            runs[-1].append((norm, start, end))
    return [run for run in runs if run]


def passage_groups(texts: dict[str, str], masks: dict[str, list[tuple[int, int]]]) -> list[dict]:
    """Shared passages, found through an inverted index of word 6-grams (see module doc).

    Cost: one pass over each article's 6-grams, plus one step per run of 6-grams that the same set of
    sources shares (not per 6-gram and pair): a wire story reprinted forty times stays cheap.
    """
    words_of, grams_of, index = _gram_index(texts, masks)
    limit = max_sharing(len(texts))
    signature: dict[tuple[str, ...], int] = {}  # the sources sharing a 6-gram, interned
    sharing_of = {gram: signature.setdefault(tuple(sorted(postings)), len(signature))
                  for gram, postings in index.items() if 2 <= len(postings) <= limit}
    sources_of = {number: sources for sources, number in signature.items()}
    pieces: dict[tuple[str, str], list[list[int]]] = defaultdict(list)
    for a, grams in grams_of.items():
        for first, last, number in _segments(grams, sharing_of):
            for b in sources_of[number]:
                if b > a:
                    _add_pieces(pieces[a, b], index, grams, first, last, a, b, len(sources_of[number]))
    groups = []
    for (a, b), found in sorted(pieces.items()):
        for first_a, first_b, last_a, last_b, n_sharing in _merge_pieces(found):
            wa, wb = words_of[a], words_of[b]
            span_a = (wa[first_a][1], wa[last_a + GRAM - 1][2])
            span_b = (wb[first_b][1], wb[last_b + GRAM - 1][2])
            groups.append({"kind": "passage", "reading": quoted(texts[a][span_a[0]:span_a[1]], LABEL_CHARS),
                           "pairs": [(a, b, span_a, span_b)], "n_sharing": n_sharing,
                           "words": last_a - first_a + GRAM})
    return groups


def _gram_index(texts: dict[str, str], masks: dict[str, list[tuple[int, int]]]):
    """Words of each source's prose, its 6-grams by position (None where a run breaks or the 6-gram holds
    too few content words), and the inverted index 6-gram → {source: first position}."""
    words_of: dict[str, list[tuple[str, int, int]]] = {}
    grams_of: dict[str, list[tuple[str, ...] | None]] = {}
    index: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
    for source, text in texts.items():
        flat: list[tuple[str, int, int]] = []
        grams: list[tuple[str, ...] | None] = []
        for run in prose_runs(text, masks.get(source, [])):
            norms = [w[0] for w in run]
            grams.extend([None] * (len(flat) - len(grams)))
            for i in range(len(run) - GRAM + 1):
                gram = tuple(norms[i:i + GRAM])
                if sum(map(is_content_word, gram)) >= MIN_CONTENT_IN_GRAM:
                    index[gram].setdefault(source, len(grams))  # first occurrence per source
                    grams.append(gram)
                else:
                    grams.append(None)
            flat.extend(run)
        grams.extend([None] * (len(flat) - len(grams)))
        words_of[source], grams_of[source] = flat, grams
    return words_of, grams_of, index


def _segments(grams: list, sharing_of: dict) -> Iterable[tuple[int, int, int]]:
    """Runs (first, last, sharing set) of consecutive 6-grams of one article that the same sources share."""
    first, current = None, None
    for position, gram in enumerate([*grams, None]):
        number = sharing_of.get(gram) if gram is not None else None
        if number != current:
            if current is not None:
                yield first, position - 1, current
            first, current = position, number


def _add_pieces(found: list, index: dict, grams: list, first: int, last: int, a: str, b: str, n: int) -> None:
    """Add the piece [first, last] of source a to the pair (a, b), split where b's copy is not in order."""
    at_b, at_a = index[grams[first]], index[grams[last]]
    if at_a[b] - at_b[b] == last - first and at_b[a] == first and at_a[a] == last:
        found.append([first, at_b[b], last, at_a[b], n])  # the usual case: one straight copy
        return
    start = first
    for position in range(first, last + 1):
        if position > start and index[grams[position]][b] != index[grams[position - 1]][b] + 1:
            found.append([start, index[grams[start]][b], position - 1, index[grams[position - 1]][b], n])
            start = position
        if index[grams[position]][a] != position:  # a repeated 6-gram: its first occurrence is elsewhere
            if position > start:
                found.append([start, index[grams[start]][b], position - 1, index[grams[position - 1]][b], n])
            start = position + 1
    if start <= last:
        found.append([start, index[grams[start]][b], last, index[grams[last]][b], n])


def _merge_pieces(found: list[list[int]]) -> list[tuple[int, int, int, int, int]]:
    """Join pieces that follow each other in both articles into passages (first_a, first_b, last_a, last_b,
    sources sharing the passage's longest piece)."""
    merged: list[list[int]] = []
    longest: list[int] = []
    for piece in sorted(found):
        if merged and piece[0] == merged[-1][2] + 1 and piece[1] == merged[-1][3] + 1:
            if piece[2] - piece[0] > longest[-1]:
                merged[-1][4], longest[-1] = piece[4], piece[2] - piece[0]
            merged[-1][2], merged[-1][3] = piece[2], piece[3]
            continue
        merged.append(list(piece))
        longest.append(piece[2] - piece[0])
    return [tuple(m) for m in merged]


# ---------------------------------------------------------------------------------------------- quotations, edits


def quotation_groups(quotes: pd.DataFrame, texts: dict[str, str]) -> list[dict]:
    """The same utterance quoted by few sources: the same choice of words to quote. Weighs half
    (``QUOTATION_FACTOR``): independent outlets do pick the same striking sentence of a statement."""
    if quotes is None or quotes.empty:
        return []
    linked = quotes[(quotes["utterance_id"].astype(str) != "") & quotes["source"].isin(list(texts))]
    groups = []
    for utterance, rows in linked.sort_values(["utterance_id", "source", "start"]).groupby("utterance_id"):
        longest = rows.loc[rows["text"].astype(str).str.len().idxmax(), "text"]
        spans = {row.source: (int(row.start), int(row.end)) for row in rows.drop_duplicates("source").itertuples()}
        groups.append({"kind": "quotation", "reading": f"quote {quoted(longest, LABEL_CHARS)}", "spans": spans,
                       "factor": QUOTATION_FACTOR})
    return groups


def edit_groups(edits: pd.DataFrame, texts: dict[str, str]) -> list[dict]:
    """The same substantive or editorial edit of the same utterance, as printed (brackets kept)."""
    if edits is None or edits.empty:
        return []
    keep = edits["category"].isin(["substantive", "editorial"]) & edits["source"].isin(list(texts))
    spans: dict[tuple, dict[str, tuple[int, int]]] = defaultdict(dict)
    labels: dict[tuple, str] = {}
    for row in edits.loc[keep].itertuples(index=False):
        printed = texts[row.source][int(row.start):int(row.end)] or str(row.text)
        key = (row.utterance_id, comparable(row.reference_text), comparable(printed))
        spans[key].setdefault(row.source, (int(row.start), int(row.end)))
        labels.setdefault(key, edit_label(str(row.reference_text), squash(printed)))
    return [{"kind": "edit", "reading": labels[key], "spans": found} for key, found in spans.items()]


def edit_label(reference: str, printed: str) -> str:
    """"‘tarnish’ → ‘distort’", "‘non-existent’ dropped", "‘very’ added"."""
    reference, printed = squash(reference), squash(printed)
    if not printed:
        return f"{quoted(reference)} dropped"
    if not reference:
        return f"{quoted(printed)} added"
    return f"{quoted(reference)} → {quoted(printed)}"


def garble_groups(garbles: pd.DataFrame, texts: dict[str, str]) -> list[dict]:
    """The same damage (same kind, same text), page chrome left out."""
    if garbles is None or garbles.empty:
        return []
    keep = ~garbles["kind"].isin(IGNORED_GARBLES) & garbles["source"].isin(list(texts))
    spans: dict[tuple, dict[str, tuple[int, int]]] = defaultdict(dict)
    for row in garbles.loc[keep].itertuples(index=False):
        printed = squash(str(row.text))
        if len(printed) >= 2:
            spans[row.kind, printed].setdefault(row.source, (int(row.start), int(row.end)))
    return [{"kind": "garble", "reading": f"{kind.replace('_', ' ')} {quoted(printed)}", "spans": found}
            for (kind, printed), found in spans.items()]


# ---------------------------------------------------------------------------------------------- spellings

@functools.cache
def style_lexicon() -> tuple[tuple[tuple[str, str], ...], re.Pattern, frozenset[str], frozenset[str]]:
    """The house-style choices of ``lexicon/style_choices.csv``: (variable, variant) per row, one pattern that
    scans a text for all of them (an alternation of named groups ``c<row>``), the marked variables (the
    alternative is not printing it) and the variables counted outside quotations only."""
    rows = table("style_choices")
    choices = tuple((row["variable"], row["variant"]) for row in rows)
    scan = re.compile("|".join(f"(?P<c{i}>{'(?i:' + row['pattern'] + ')' if row['ignore_case'] == '1' else row['pattern']})"
                               for i, row in enumerate(rows)))
    marked = frozenset(row["variable"] for row in rows if row["marked"] == "1")
    writer_only = frozenset(row["variable"] for row in rows if row["writer_only"] == "1")
    return choices, scan, marked, writer_only


_HYPHENATED_NAME = re.compile(r"[A-Z][a-z]+-[A-Za-z][a-z]+")  # "Jong-un", "Bum-soo"


def spelling_groups(texts: dict[str, str], masks: dict[str, list[tuple[int, int]]],
                    attribution: pd.DataFrame | None = None) -> list[dict]:
    """House-style choices shared by some sources where other sources choose differently."""
    choices: dict[str, dict[str, dict[str, tuple[int, int]]]] = defaultdict(lambda: defaultdict(dict))
    words_of = {source: first_spans(text) for source, text in texts.items()}
    for source, text in texts.items():
        for variable, variant, span in style_choices(text, masks.get(source, [])):
            choices[variable][variant].setdefault(source, span)
    for variable, variant, source, span in word_choices(words_of) + name_spellings(texts, attribution):
        choices[variable][variant].setdefault(source, span)
    groups = []
    for variable, variants in sorted(choices.items()):
        if len(variants) < 2 and variable not in style_lexicon()[2]:
            continue  # nobody chose otherwise: no choice, no evidence
        for variant, spans in sorted(variants.items()):
            others = " / ".join(quoted(v) for v in sorted(variants) if v != variant)
            reading = f"{quoted(variant)} (others: {others})" if others else quoted(variant)
            groups.append({"kind": "spelling", "reading": reading, "spans": spans})
    return groups


def style_choices(text: str, masked: list[tuple[int, int]]) -> list[tuple[str, str, tuple[int, int]]]:
    """(variable, variant, first span) of every style choice of ``lexicon/style_choices.csv`` the text makes."""
    choices, scan, _, writer_only = style_lexicon()
    found: dict[int, tuple[int, int]] = {}
    for match in scan.finditer(text):
        number = int(match.lastgroup[1:])
        if number in found or (choices[number][0] in writer_only and _inside(match.start(), masked, [0])):
            continue
        found[number] = match.span()
    return [(*choices[number], span) for number, span in sorted(found.items())]


def first_spans(text: str) -> dict[str, tuple[int, int]]:
    """First span of every distinct word (as printed) and every two-part name ("Jong Un", "Jong-un")."""
    spans: dict[str, tuple[int, int]] = {}
    previous = None
    for match in _TOKEN.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        spans.setdefault(word, (start, end))
        if (previous and word[0].isupper() and word.isalpha() and previous[0][0].isupper()
                and previous[0].isalpha() and text[previous[2]:start] == " "):
            spans.setdefault(f"{previous[0]} {word}", (previous[1], end))
        previous = (word, start, end)
    return spans


def word_choices(words_of: dict[str, dict[str, tuple[int, int]]]) -> list[tuple]:
    """(variable, variant, source, span) for UK/US spellings ("rumour" / "rumor") and two-part names written
    with a hyphen or a space ("Jong-un" / "Jong Un"), wherever some source prints the other form."""
    vocabulary = {w for spans in words_of.values() for w in spans}
    variable_of: dict[str, str] = {}
    for word in vocabulary:
        lower = word.lower().replace("’", "'")
        if " " in word or _HYPHENATED_NAME.fullmatch(word):
            variable_of[word] = "name " + re.sub(r"[ -]", "", lower)
        elif len(lower) > 3 and lower.isalpha():
            variable_of[word] = "spelling " + _us_spelling(lower)
    forms: dict[str, set[str]] = defaultdict(set)
    for word, variable in variable_of.items():
        forms[variable].add(word if variable.startswith("name") else word.lower())
    contested = {variable for variable, printed in forms.items() if len(printed) > 1}
    rows = []
    for source, spans in words_of.items():
        for word, span in spans.items():
            variable = variable_of.get(word)
            if variable in contested:
                rows.append((variable, word if variable.startswith("name") else word.lower(), source, span))
    return rows


@functools.lru_cache(maxsize=100_000)
def _us_spelling(word: str) -> str:
    return us_spelling(word)


def name_spellings(texts: dict[str, str], attribution: pd.DataFrame | None) -> list[tuple]:
    """(variable, variant, source, span) for the speaker's name as each source prints it."""
    if attribution is None or attribution.empty or "name_spelling" not in attribution:
        return []
    rows = []
    for row in attribution[["source", "speaker", "name_spelling"]].drop_duplicates().itertuples(index=False):
        spelling = squash(str(row.name_spelling or ""))
        if row.source in texts and spelling and str(row.speaker or "").strip():
            at = texts[row.source].find(spelling)
            span = (at, at + len(spelling)) if at >= 0 else (0, 0)
            rows.append((f"name of {row.speaker}", _fold_name(spelling), row.source, span))
    return rows


def _fold_name(name: str) -> str:
    """Case folded, so that only spellings differ ("Jong Gun" ≠ "Jung Geun", "JONG" = "Jong")."""
    return name.title()


# ---------------------------------------------------------------------------------------------- helpers


def comparable(text: str) -> str:
    """Lower case, one quote style, white space collapsed: "It’s" and "it's" are one reading."""
    return squash(str(text).translate(_QUOTE_STYLE)).lower()


def squash(text: str) -> str:
    """White space collapsed to single spaces, trimmed."""
    return _SPACE.sub(" ", str(text)).strip()


def quoted(text: str, limit: int = 40) -> str:
    """‘text’, shortened with an ellipsis past ``limit`` characters."""
    text = squash(text)
    if len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return f"‘{text}’"


# ---------------------------------------------------------------------------------------------- estimate


def copy_estimate(readings: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per pair of compared sources sharing at least one reading: weights, counts by kind, score."""
    sources = compared_sources(articles)
    readings = readings[readings["source_a"].isin(sources) & readings["source_b"].isin(sources)]
    if readings.empty:
        return pd.DataFrame(columns=ESTIMATE_COLUMNS)
    pairs = readings.groupby(["source_a", "source_b"], sort=True)
    table = pairs["weight"].agg(weight="sum", readings="size")
    counts = readings.pivot_table(index=["source_a", "source_b"], columns="kind", values="weight",
                                  aggfunc="size", fill_value=0)
    for kind in KINDS:
        table[kind] = counts[kind] if kind in counts else 0
    words = readings[readings["kind"] == "passage"].groupby(["source_a", "source_b"])["words"].sum()
    table["passage_words"] = words.reindex(table.index, fill_value=0)
    top = readings.sort_values(["weight", "kind", "reading"], ascending=[False, True, True], kind="stable")
    top = top.drop_duplicates(["source_a", "source_b"]).set_index(["source_a", "source_b"])
    table["top_kind"] = top["kind"].reindex(table.index)
    table["top_reading"] = top["reading"].reindex(table.index)
    table = table.reset_index()
    table["weight"] = table["weight"].round(6)
    table["score"] = pair_scores(table).round(6)
    table = table.astype({c: int for c in ("readings", *KINDS, "passage_words")})
    return table[ESTIMATE_COLUMNS].sort_values(["score", "source_a", "source_b"], ascending=[False, True, True],
                                               kind="stable", ignore_index=True)


def pair_scores(pairs: pd.DataFrame) -> pd.Series:
    """Score in 0–1 of each pair: ``share × evidence``.

    ``share`` = weight / sqrt(total_a × total_b), where total_x is the weight of everything source x shares
    with any source: how much of each one's shared evidence points at the other (1 when they share with no
    one else). ``evidence`` = weight / (weight + EVIDENCE_SCALE): one weak reading is not enough, however
    exclusive (a pair sharing only one reading of weight 1 scores at most 0.25).
    """
    totals = pd.concat([pairs[["source_a", "weight"]].rename(columns={"source_a": "source"}),
                        pairs[["source_b", "weight"]].rename(columns={"source_b": "source"})])
    total_of = totals.groupby("source")["weight"].sum()
    share = pairs["weight"] / np.sqrt(pairs["source_a"].map(total_of) * pairs["source_b"].map(total_of))
    evidence = pairs["weight"] / (pairs["weight"] + EVIDENCE_SCALE)
    return (share * evidence).clip(0, 1)


# ---------------------------------------------------------------------------------------------- tree


def copy_tree(estimate: pd.DataFrame, articles: pd.DataFrame, min_score: float = MIN_EDGE_SCORE) -> pd.DataFrame:
    """Single-linkage tree on ``1 - score``: pairs taken strongest first (ties by name), each one that joins
    two groups is a merge (Kruskal's algorithm on the pairs that share readings, never on all pairs)."""
    parent = {s: s for s in compared_sources(articles)}
    members = {s: [s] for s in parent}

    def root(source: str) -> str:
        while parent[source] != source:
            parent[source] = parent[parent[source]]
            source = parent[source]
        return source

    rows = []
    strong = estimate[(estimate["score"] >= min_score) & estimate["source_a"].isin(list(parent))
                      & estimate["source_b"].isin(list(parent))]
    for pair in strong.sort_values(["score", "source_a", "source_b"], ascending=[False, True, True]).itertuples():
        ra, rb = root(pair.source_a), root(pair.source_b)
        if ra == rb:
            continue
        first, second = sorted((ra, rb), key=lambda r: (-len(members[r]), members[r][0]))
        parent[second] = first
        members[first] = joined(members[first], members.pop(second), {pair.source_a, pair.source_b})
        rows.append({"step": len(rows) + 1, "source_a": pair.source_a, "source_b": pair.source_b,
                     "score": float(pair.score), "distance": round(1 - float(pair.score), 6),
                     "size": len(members[first]), "members": ";".join(members[first])})
    tree = pd.DataFrame(rows, columns=TREE_COLUMNS)
    return tree.astype({"step": int, "score": float, "distance": float, "size": int})


def joined(left: list[str], right: list[str], linked: set[str]) -> list[str]:
    """Concatenate two groups' leaf orders, each turned (reversed whole, so that its own subgroups stay
    together) so that the two linked sources end up as close as possible."""
    if left.index(next(s for s in left if s in linked)) < len(left) / 2:
        left = left[::-1]
    if right.index(next(s for s in right if s in linked)) > (len(right) - 1) / 2:
        right = right[::-1]
    return left + right


def leaf_order(tree: pd.DataFrame, articles: pd.DataFrame) -> list[str]:
    """Sources in dendrogram order: the members of each merged group stay next to each other; the largest
    groups first, unlinked sources last (alphabetically)."""
    sources = compared_sources(articles)
    groups = _final_groups(tree, sources)
    return [s for group in groups for s in group]


def _final_groups(tree: pd.DataFrame, sources: list[str]) -> list[list[str]]:
    """Member lists of the tree's top groups, largest first, then singletons."""
    group_of = {s: [s] for s in sources}
    for row in tree.itertuples():
        members = row.members.split(";")
        for s in members:
            group_of[s] = members
    unique = {tuple(g) for g in group_of.values()}
    return [list(g) for g in sorted(unique, key=lambda g: (-len(g), g[0]))]


# ---------------------------------------------------------------------------------------------- figure labels
# (the figure itself is drawn by quotedrift.plots.copy_estimate)

CAPTION = ("An estimate, not proof: outlets joined further left share more rare readings (the same sentences "
           "of their own prose, the same quotations, the same edits and garbles, the same spellings), so they "
           "probably copy a common text, such as one news agency's wire story. Each join is labelled with the "
           "heaviest reading the two linked outlets share (weak joins unlabelled).")
MAX_EDGE_LABELS = 15
LABEL_MIN_ROWS = 1.0  # vertical distance (in outlet rows) between two labels
LABEL_MIN_SCORE = 0.08  # weaker joins are drawn but not labelled (their labels would crowd the weak end)


def provenance_caption(estimate: pd.DataFrame) -> str:
    """The caption of the figure, with how many pairs of sources share readings."""
    return f"{CAPTION} {len(estimate)} pairs of sources share at least one rare reading."


def labels_that_fit(strong: pd.DataFrame, label_at: dict[int, tuple[float, float]]) -> list[int]:
    """The strongest joins' labels, at most MAX_EDGE_LABELS, skipping any that would sit within a row of a
    label already placed (labels run to the right, so two on nearby rows overlap)."""
    placed: list[int] = []
    for step in strong.sort_values(["score", "step"], ascending=[False, True])["step"]:
        if len(placed) == MAX_EDGE_LABELS:
            break
        if all(abs(label_at[step][1] - label_at[other][1]) >= LABEL_MIN_ROWS for other in placed):
            placed.append(step)
    return placed


def edge_labels(tree: pd.DataFrame, estimate: pd.DataFrame) -> dict[int, str]:
    """Each join's label: the kind and words of the heaviest reading its two sources share."""
    top = estimate.set_index(["source_a", "source_b"])
    labels = {}
    for row in tree.itertuples():
        pair = top.loc[(row.source_a, row.source_b)]
        labels[row.step] = f"{pair['top_kind']}: {_shorten(pair['top_reading'], 46)}"
    return labels


def _shorten(text: str, limit: int) -> str:
    """The text, or its first whole words within ``limit`` characters followed by '…' (never cut mid-word)."""
    if len(text) <= limit:
        return text
    head = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit - 1]
    return head.rstrip() + "…"
