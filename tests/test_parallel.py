"""Per-article work in worker processes gives exactly what one process gives, in the same order."""

from __future__ import annotations

import pytest

from quotedrift import parallel
from quotedrift.corpus import load_corpus
from quotedrift.garble import text_garbles
from quotedrift.paths import SEEDS


def square(n: int) -> int:
    return n * n


@pytest.mark.parametrize(("items", "min_items"), [(list(range(50)), 1), (list(range(50)), 1000), ([], 1)])
def test_ordered_map_keeps_input_order(items, min_items):
    assert parallel.ordered_map(square, items, min_items=min_items) == [n * n for n in items]


@pytest.mark.parametrize(("setting", "expected"), [("1", 1), ("3", 3)])
def test_workers_follow_the_environment(monkeypatch, setting, expected):
    monkeypatch.setenv("QUOTEDRIFT_WORKERS", setting)
    assert parallel.workers() == expected


def test_garble_detectors_in_workers_match_one_process(monkeypatch):
    monkeypatch.setenv("QUOTEDRIFT_WORKERS", "2")
    texts = list(load_corpus(SEEDS).texts.values())
    assert parallel.ordered_map(text_garbles, texts, min_items=1) == [text_garbles(t) for t in texts]


@pytest.mark.parametrize(("workers", "items", "min_items"), [
    ("2", list(range(50)), 1),  # in worker processes, collected after other work
    ("2", list(range(50)), 1000),  # too few items: computed in this process when asked
    ("1", list(range(50)), 1),  # one worker: never forks
    ("2", [], 1),
])
def test_background_map_gives_ordered_map_results(monkeypatch, workers, items, min_items):
    monkeypatch.setenv("QUOTEDRIFT_WORKERS", workers)
    with parallel.background_map(square, items, min_items=min_items) as results:
        other_work = sum(items)  # this process works while the workers run
    assert results() == [n * n for n in items] and other_work == sum(items)
