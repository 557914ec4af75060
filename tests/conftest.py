"""Shared fixtures: the seed analysis is computed once per test session."""

from __future__ import annotations

import pytest

from quotedrift import analyze
from quotedrift.evaluate import load_gold
from quotedrift.paths import SEEDS


@pytest.fixture(scope="session")
def seed_analysis():
    return analyze(SEEDS)


@pytest.fixture(scope="session")
def seed_gold(seed_analysis):
    return load_gold(texts=seed_analysis.texts)
