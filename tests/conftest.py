"""Shared fixtures: the seed analysis is computed once per test session."""

from __future__ import annotations

import pytest

from quotedrift import analyze
from quotedrift.evaluate import load_gold
from quotedrift.paths import CORPORA, SEEDS


@pytest.fixture(scope="session")
def seed_analysis():
    return analyze(SEEDS)


@pytest.fixture(scope="session")
def seed_gold(seed_analysis):
    return load_gold(texts=seed_analysis.texts)


@pytest.fixture(scope="session")
def story_analysis():
    """``story_analysis(name)``: the analysis of ``corpora/<name>``, computed once per test session."""
    cache = {}

    def get(name: str):
        if name not in cache:
            cache[name] = analyze(CORPORA / name)
        return cache[name]

    return get
