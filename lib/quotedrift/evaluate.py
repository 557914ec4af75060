"""Score analyses against hand-made gold: the seeds (``tests/fixtures/seeds_gold.yaml``) and every story.

Run ``python -m quotedrift.evaluate`` (or ``make eval``). The stories of ``corpora/`` that carry a
``gold.yaml`` are scored by ``evaluate_stories`` (one row per story). Matching rules for the seeds:

- a predicted quotation matches a gold one when both are in the same source and their overlap covers at least
  80 % of the gold span and 80 % of the predicted span;
- speaker accuracy compares canonical speakers letter-for-letter after dropping case, spaces and hyphens;
  cue accuracy compares the cue word (lower case) on the gold quotations that have a cue;
- relay accuracy compares the agency named (ZNA, Zorblax Wire, …, or none) on every gold quotation;
- a predicted link is right when its two quotations match two gold quotations that the gold links;
  gold links touching a quotation marked ``paraphrase`` are scored apart (the paraphrase recall);
- a gold garble is found when a predicted garble of the same source overlaps its span.
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from .attribution import relay_name
from .paths import CORPORA, GOLD, SEEDS

MATCH_SHARE = 0.8


@dataclass
class Gold:
    """The gold annotation with spans resolved to offsets in the seed texts."""

    quotes: pd.DataFrame  # gold_id, source, start, end, text, kind, speaker, cue, relay, paraphrase
    links: set[frozenset[str]]
    never_link: set[frozenset[str]]
    garbles: pd.DataFrame  # source, start, end, text, kind


def load_gold(path: Path = GOLD, texts: dict[str, str] | None = None, corpus_dir: Path = SEEDS) -> Gold:
    """Read the gold YAML and locate every span in its seed text (document order resolves repeats)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    stems = {s["id"]: Path(s["file"]).stem for s in data["sources"]}
    if texts is None:
        from .corpus import load_corpus

        texts = load_corpus(corpus_dir).texts
    quote_rows, cursor = [], {}
    for q in data["quotes"]:
        source = stems[q["source"]]
        text = texts[source]
        start = text.find(q["text"], cursor.get(source, 0))
        if start < 0:
            start = text.find(q["text"])
        if start < 0:
            raise ValueError(f"gold quotation {q['id']} not found in {source}")
        cursor[source] = start + 1
        quote_rows.append({
            "gold_id": q["id"], "source": source, "start": start, "end": start + len(q["text"]),
            "text": q["text"], "kind": q["kind"], "speaker": q["speaker"], "cue": q.get("cue"),
            "relay": q.get("relay"), "mention": q.get("mention"), "paraphrase": bool(q.get("paraphrase")),
        })
    garble_rows = []
    for g in data["garbles"]:
        source = stems[g["source"]]
        start = texts[source].find(g["text"])
        if start < 0:
            raise ValueError(f"gold garble {g['text']!r} not found in {source}")
        garble_rows.append({"source": source, "start": start, "end": start + len(g["text"]),
                            "text": g["text"], "kind": g["kind"]})
    return Gold(
        quotes=pd.DataFrame(quote_rows),
        links={frozenset(pair) for pair in data["cross_source_links"]},
        never_link={frozenset(pair) for pair in data["never_link"]},
        garbles=pd.DataFrame(garble_rows),
    )


def spans_match(a: tuple[int, int], b: tuple[int, int], share: float = MATCH_SHARE) -> bool:
    """Whether two spans overlap by at least ``share`` of each one's length."""
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return overlap > 0 and overlap >= share * (a[1] - a[0]) and overlap >= share * (b[1] - b[0])


def match_quotes(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, str]:
    """Map predicted quote_id → gold_id, one to one, best overlap first."""
    candidates = []
    for p in predicted.itertuples():
        for g in gold[gold["source"] == p.source].itertuples():
            if spans_match((p.start, p.end), (g.start, g.end)):
                overlap = min(p.end, g.end) - max(p.start, g.start)
                candidates.append((-overlap, p.quote_id, g.gold_id))
    mapping, used = {}, set()
    for _, quote_id, gold_id in sorted(candidates):
        if quote_id not in mapping and gold_id not in used:
            mapping[quote_id] = gold_id
            used.add(gold_id)
    return mapping


def name_key(name: object) -> str:
    """Case-, accent-, space- and punctuation-blind form of a name, for comparing speakers ("Élysée Palace" is
    "Elysee Palace"; letters of any script are kept, so two names in another script never both become '')."""
    decomposed = unicodedata.normalize("NFKD", str(name or ""))
    return "".join(c for c in decomposed.casefold() if c.isalnum() and not unicodedata.combining(c))


def score_quotes(quotes: pd.DataFrame, gold: Gold) -> dict[str, float]:
    """Precision and recall of quotation spans, speaker and cue accuracy on matched gold quotations."""
    mapping = match_quotes(quotes, gold.quotes)
    by_gold = {g: q for q, g in mapping.items()}
    indexed = quotes.set_index("quote_id")
    speaker_hits = cue_hits = cue_total = relay_hits = 0
    for g in gold.quotes.itertuples():
        if g.gold_id not in by_gold:
            continue
        row = indexed.loc[by_gold[g.gold_id]]
        speaker_hits += name_key(row["speaker"]) == name_key(g.speaker)
        if isinstance(g.cue, str) and g.cue:
            cue_total += 1
            cue_hits += str(row["cue"] or "").strip().lower() == g.cue.lower()
        gold_relay = g.relay if isinstance(g.relay, str) else ""
        relay_hits += relay_name(row["relay"]) == relay_name(gold_relay)
    matched = len(mapping)
    return {
        "quotes_predicted": len(quotes), "quotes_gold": len(gold.quotes), "quotes_matched": matched,
        "quote_precision": _ratio(matched, len(quotes)), "quote_recall": _ratio(matched, len(gold.quotes)),
        "speaker_accuracy": _ratio(speaker_hits, len(gold.quotes)),
        "cue_accuracy": _ratio(cue_hits, cue_total),
        "relay_accuracy": _ratio(relay_hits, len(gold.quotes)),
    }


def score_links(quotes: pd.DataFrame, links: pd.DataFrame, gold: Gold) -> dict[str, float]:
    """Link precision, recall on shared-wording links and on paraphrase links, never_link violations."""
    mapping = match_quotes(quotes, gold.quotes)
    paraphrase = set(gold.quotes.loc[gold.quotes["paraphrase"], "gold_id"])
    predicted = {frozenset((mapping.get(a, f"?{a}"), mapping.get(b, f"?{b}")))
                 for a, b in zip(links["quote_a"], links["quote_b"])}
    right = predicted & gold.links
    wording = {link for link in gold.links if not link & paraphrase}
    reworded = gold.links - wording
    return {
        "links_predicted": len(predicted), "links_gold": len(gold.links),
        "link_precision": _ratio(len(right), len(predicted)),
        "link_recall_shared_wording": _ratio(len(right & wording), len(wording)),
        "link_recall_paraphrase": _ratio(len(right & reworded), len(reworded)),
        "paraphrase_links_found": len(right & reworded),
        "paraphrase_links_wrong": len({link for link in predicted - gold.links if link & paraphrase}),
        "never_link_violations": len(predicted & gold.never_link),
    }


def score_garbles(garbles: pd.DataFrame, gold: Gold) -> dict[str, float]:
    """Recall of gold garbles (any overlapping row of the same source) and the rows that match no gold garble."""
    found = 0
    for g in gold.garbles.itertuples():
        rows = garbles[garbles["source"] == g.source]
        found += bool(((rows["start"] < g.end) & (rows["end"] > g.start)).any())
    unmatched = unmatched_garbles(garbles, gold)
    return {"garbles_gold": len(gold.garbles), "garbles_found": found,
            "garble_recall": _ratio(found, len(gold.garbles)), "garble_rows": len(garbles),
            "garble_rows_unmatched": len(unmatched)}


def unmatched_garbles(garbles: pd.DataFrame, gold: Gold) -> pd.DataFrame:
    """Predicted garble rows that overlap no gold garble of their source."""
    keep = []
    for row in garbles.itertuples():
        g = gold.garbles[gold.garbles["source"] == row.source]
        keep.append(not ((g["start"] < row.end) & (g["end"] > row.start)).any())
    return garbles[keep] if len(garbles) else garbles


def _ratio(hits: int, total: int) -> float:
    return round(hits / total, 3) if total else float("nan")


def evaluate(corpus_dir: Path = SEEDS, gold_path: Path = GOLD) -> dict[str, float]:
    """Analyse the seeds and score every stage against the gold."""
    from .analysis import analyze

    result = analyze(corpus_dir)
    gold = load_gold(gold_path, result.texts)
    scores = {}
    scores.update(score_quotes(result.quotes, gold))
    scores.update(score_links(result.quotes, result.link_pairs(), gold))
    scores.update(score_garbles(result.garbles, gold))
    return scores


SEED_COLUMNS = ("quote_precision", "quote_recall", "speaker_accuracy", "cue_accuracy", "relay_accuracy",
                "link_precision", "link_recall_shared_wording", "link_recall_paraphrase", "never_link_violations",
                "garble_recall")
STORY_COLUMNS = ("quote_recall", "quote_precision", "speaker_accuracy", "cue_accuracy", "cohesion_min",
                 "cohesion_mean", "group_speaker_min", "group_speaker_mean", "groups_merged", "fidelity_auc",
                 "garble_recall")


def gold_stories(corpora: Path = CORPORA) -> list[Path]:
    """The story folders that carry a ``gold.yaml``, in name order."""
    return sorted(folder for folder in Path(corpora).iterdir() if (folder / "gold.yaml").is_file())


def evaluate_story(folder: Path) -> dict[str, object]:
    """Analyse one story folder and score it against its ``gold.yaml`` (see ``evaluate_stories``)."""
    from .analysis import analyze
    from .evaluate_stories import load_story_gold, score_story

    result = analyze(folder)
    return score_story(result.tables, load_story_gold(folder, result.texts))


def print_table(rows: list[dict[str, object]], columns: tuple[str, ...], key: str = "story") -> None:
    """A plain-text table, one row per story (NaN shown as ``-``)."""
    header = [key, *columns]
    cells = [[str(row.get(c, "")) if not (isinstance(row.get(c), float) and row[c] != row[c]) else "-"
              for c in header] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for r in cells:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))


def main(argv: list[str] | None = None) -> int:
    """``make eval``: the seeds against their gold, then one row per story of corpora/ with a gold.yaml."""
    import argparse

    parser = argparse.ArgumentParser(prog="quotedrift-eval", description=__doc__.splitlines()[0])
    parser.add_argument("stories", nargs="*", help="story folder names under corpora/ (default: all with gold)")
    parser.add_argument("--groups", action="store_true", help="also print cohesion and speaker per gold group")
    args = parser.parse_args(argv)
    seeds = {"story": "seeds", **evaluate()}
    print("Seeds against tests/fixtures/seeds_gold.yaml")
    print_table([seeds], SEED_COLUMNS)
    folders = [CORPORA / name for name in args.stories] or gold_stories()
    rows = [evaluate_story(folder) for folder in folders]
    print("\nStories against corpora/<story>/gold.yaml")
    print_table(rows, STORY_COLUMNS)
    kinds = tuple(sorted({k for row in rows for k in row if k.startswith("garble_recall_")}))
    print("\nGarble recall per kind (- : the story's gold has none of that kind)")
    print_table(rows, ("garbles_gold", *kinds))
    if args.groups:
        print("\nPer group: cohesion, group speaker")
        for row in rows:
            for name, (cohesion, speaker) in row["per_group"].items():
                print(f"{row['story']:<24}  {name:<30}  {cohesion:<6}  {speaker}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
