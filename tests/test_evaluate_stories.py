"""Every story with a gold.yaml, scored: each held at a floor a little under what the code reaches.

The floors live in tests/fixtures/eval_floors.yaml (one block per story, ``make eval`` prints the measured
values). A change that helps one story and hurts another fails here. Raise a floor when a change lifts a
story; lower one only with a reason written beside it.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
import yaml

from quotedrift.evaluate import gold_stories
from quotedrift.evaluate_stories import (
    StoryGold,
    cue_right,
    fidelity_auc,
    find_gold_quotation,
    load_story_gold,
    score_groups,
    score_story,
    speaker_right,
)
from quotedrift.paths import PROJECT_ROOT

FLOORS = yaml.safe_load((PROJECT_ROOT / "tests" / "fixtures" / "eval_floors.yaml").read_text(encoding="utf-8"))
STORIES = {folder.name: folder for folder in gold_stories()}


@pytest.fixture(scope="session")
def story_scores(story_analysis):
    cache: dict[str, dict] = {}

    def score(name: str) -> dict:
        if name not in cache:
            result = story_analysis(name)
            cache[name] = score_story(result.tables, load_story_gold(STORIES[name], result.texts))
        return cache[name]

    return score


def test_every_gold_story_has_floors():
    assert set(STORIES) == set(FLOORS), "each story with a gold.yaml needs a block in eval_floors.yaml"


@pytest.mark.parametrize(("story", "metric"), [(s, m) for s in sorted(FLOORS) for m in sorted(FLOORS[s])])
def test_story_stays_above_its_floor(story_scores, story, metric):
    value = story_scores(story)[metric]
    assert not math.isnan(value), f"{story}: {metric} could not be measured"
    assert value >= FLOORS[story][metric], f"{story}: {metric} {value} fell under its floor {FLOORS[story][metric]}"


@pytest.mark.parametrize("story", sorted(STORIES))
def test_every_gold_string_is_found_in_the_analysed_text(story_analysis, story):
    result = story_analysis(story)
    assert load_story_gold(STORIES[story], result.texts).unlocated == []


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [("Mao Ning", "Mao Ning", True), ("mao-ning", "Mao Ning", True), ("Ning", "Mao Ning", False),
     ("", "Mao Ning", False), (None, "Mao Ning", False), ("", "NONE", True), ("", "UNKNOWN", True),
     ("", "unnamed German newspaper", True), ("Emmanuel Macron", "NONE", False),
     ("Joe Biden", "anonymous Twitter employee", False), ("Elysee Palace", "Élysée Palace", True),
     ("Zoë Zorbe", "Zoe Zorbe", True), ("毛宁", "毛宁", True), ("毛宁", "汪文斌", False), ("Elysee Palace", "Ely Palace", False)],
)
def test_speaker_right(predicted, gold, right):
    assert speaker_right(predicted, gold) is right


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [("said", "said", True), ("SAYS", "says", True), ("told reporters", "told", True), ("added", "said", False),
     ("", "said", False), ("said", "", False)],
)
def test_cue_right(predicted, gold, right):
    assert cue_right(predicted, gold) is right


@pytest.mark.parametrize(
    ("faithful", "spun", "auc"),
    [([1.0, 0.9], [0.5, 0.4], 1.0), ([0.5], [1.0], 0.0), ([1.0], [1.0], 0.5), ([1.0, 0.3], [0.5], 0.5)],
)
def test_fidelity_auc(faithful, spun, auc):
    card = pd.DataFrame({"source": [f"f{i}" for i in range(len(faithful))] + [f"s{i}" for i in range(len(spun))],
                         "fidelity": faithful + spun})
    names = list(card["source"])
    assert fidelity_auc(card, names[:len(faithful)], names[len(faithful):])["fidelity_auc"] == auc


def _tables(rows):
    quotes = pd.DataFrame(rows, columns=["quote_id", "source", "text", "speaker", "utterance_id"])
    return {"quotes": quotes}


def test_two_groups_merged_into_one_utterance_cannot_both_be_cohesive():
    rows = [(f"{s}:q1", s, "strong dissatisfaction and open political provocation", "Mao Ning", "u1")
            for s in ("a", "b", "c")]
    gold = StoryGold(story="t", quotes=pd.DataFrame(), groups={
        "dissatisfied": {"speaker": "Mao Ning", "files": ["a", "b", "c"], "versions": ["strong dissatisfaction"]},
        "provocation": {"speaker": "Mao Ning", "files": ["a", "b", "c"], "versions": ["open political provocation"]},
    })
    scores = score_groups(_tables(rows), gold)
    assert scores["groups_merged"] == 1
    assert scores["cohesion_min"] == 0.0
    assert scores["group_speaker_min"] == 1.0


def test_a_group_split_over_two_utterances_loses_cohesion():
    rows = [("a:q1", "a", "open political provocation", "Mao Ning", "u1"),
            ("b:q1", "b", "open political provocation", "Mao Ning", "u1"),
            ("c:q1", "c", "blatant political provocation", "Ning", "u2")]
    gold = StoryGold(story="t", quotes=pd.DataFrame(), groups={
        "provocation": {"speaker": "Mao Ning", "files": ["a", "b", "c"], "versions": ["open political provocation"]},
    })
    scores = score_groups(_tables(rows), gold)
    assert scores["cohesion_min"] == round(2 / 3, 3)
    assert scores["group_speaker_min"] == round(2 / 3, 3)


@pytest.mark.parametrize("text, wanted, start, expected", [
    # a whole word next to a quotation mark beats an earlier occurrence inside a longer word
    ("Three dictators met. He called him a “dictator”.", "dictator", 0, 38),
    ("It was a no-brainer. The answer was “no.”", "no", 0, 37),
    # every quotation-mark style of the lexicon counts, corner brackets included
    ("Three dictators met. He called him a 「dictator」.", "dictator", 0, 38),
    # reading order among equally good occurrences: the first from the cursor, else from the top
    ("“Go.” Later: “Go.”", "Go.", 0, 1),
    ("“Go.” Later: “Go.”", "Go.", 2, 14),
    ("“Go.” Later: “Go.”", "Go.", 17, 1),
    # no quoted occurrence: a whole word; no whole word: any occurrence
    ("the dictators and the dictator", "dictator", 0, 22),
    ("the dictators", "dictator", 0, 4),
    ("nothing here", "dictator", 0, -1),
])
def test_a_gold_quotation_is_placed_where_it_reads_as_a_quotation(text, wanted, start, expected):
    found = find_gold_quotation(text, wanted, start)
    assert found == expected
    assert found < 0 or text[found:found + len(wanted)] == wanted
