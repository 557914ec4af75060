"""One canonical name per person, with every spelling the outlets print (``people.csv``).

The extraction pass reads each report's person names outside quotation marks (``extract.NAME_COLUMNS``: span,
name as printed, the full name it stands for in its article or in the corpus, the title printed with it). Each
name goes to the person it names: the canonical speaker of ``quotes.csv`` (the same mapping
:func:`.canonical.canonical_speakers` applies, so a person is spelt the same in every table), else the full
name itself. Titles are never part of a variant ("President Jane Doe" prints the variant "Jane Doe" with the
title "President").

``people`` columns (one row per (person, variant), sorted by person, then most printed variant first)
    person          the canonical name (the ``speaker`` of quotes.csv and attribution.csv)
    variant         the name exactly as printed ("Doe", "Jane Doe", "J. Doe")
    titles          the titles printed with this variant, "; "-joined ("league president; Ms"); an appositive
                    that is a clause about the person ("who will be re-elected …") is no title
    sources         the sources that print this variant, "; "-joined ids; ``outlets`` their outlet names
    n_sources       how many sources print it; ``count`` how many times in all
    quotations      how many quotations of the corpus the person speaks (people named but never quoted are
                    left out: the table lists the speakers' names)
    example_source, example_start, example_end
                    the first place it is printed: ``text[example_start:example_end] == variant``
"""

from __future__ import annotations

import re

import pandas as pd

from .. import lexicon
from .names import canonical_entity
from .titles import OFFICIAL_WORDS_RE, TITLE_LIKE_WORDS

# Words that make an appositive a clause about the person, not their title ("who will be re-elected as league
# president", "has hit back at …"): such text is left out of ``titles`` (lexicon/clause_words.csv).
CLAUSE_WORDS = lexicon.words("clause_words")

PEOPLE_COLUMNS = ("person", "variant", "titles", "sources", "outlets", "n_sources", "count", "quotations",
                  "example_source", "example_start", "example_end")


def people_table(names: pd.DataFrame, mapping: dict[str, tuple[str, float]], quotes: pd.DataFrame,
                 articles: pd.DataFrame) -> pd.DataFrame:
    """One row per (person, variant) from the printed names (``extract.NAME_COLUMNS``), the speaker
    ``mapping`` of :func:`.canonical.speaker_mapping`, the final quotations (for ``quotations``) and the
    articles (outlet names). Linear in the number of printed names."""
    if names.empty:
        return pd.DataFrame(columns=list(PEOPLE_COLUMNS))
    outlet_of = dict(zip(articles["source"].astype(str), articles["outlet"].fillna("").astype(str)))
    spoken = quotes["speaker"].fillna("").astype(str).value_counts().to_dict()
    groups: dict[tuple[str, str], dict] = {}
    for row in names.sort_values(["source", "start"], kind="stable").itertuples(index=False):
        full = canonical_entity(row.full)
        person = mapping.get(full, (full, 1.0))[0]
        if not person:
            continue
        group = groups.setdefault((person, row.variant), {
            "person": person, "variant": row.variant, "titles": set(), "sources": set(), "count": 0,
            "example_source": row.source, "example_start": int(row.start), "example_end": int(row.end)})
        group["count"] += 1
        group["sources"].add(row.source)
        if is_title(str(row.title or "")):
            group["titles"].add(" ".join(str(row.title).split()))
    rows = []
    for group in groups.values():
        if not spoken.get(group["person"]):
            continue  # named, never quoted: not a speaker whose names a reader compares
        sources = sorted(group["sources"])
        rows.append({**group, "titles": "; ".join(sorted(group["titles"])), "sources": "; ".join(sources),
                     "outlets": "; ".join(outlet_of.get(s, "") for s in sources), "n_sources": len(sources),
                     "quotations": int(spoken.get(group["person"], 0))})
    if not rows:
        return pd.DataFrame(columns=list(PEOPLE_COLUMNS))
    table = pd.DataFrame(rows, columns=list(PEOPLE_COLUMNS))
    table = table.assign(_order=-table["count"]).sort_values(["person", "_order", "variant"], kind="stable")
    return table.drop(columns="_order").reset_index(drop=True)


def is_title(words: str) -> bool:
    """Whether the words printed with a name are a title ("league president", "Mr", "the country's ambassador"):
    a title, honorific or role word, and no word of a clause ("who will be re-elected as …")."""
    lowered = set(re.findall(r"[a-z]+", words.lower()))
    return bool(lowered & TITLE_LIKE_WORDS or OFFICIAL_WORDS_RE.search(words)) and not lowered & CLAUSE_WORDS
