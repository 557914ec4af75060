"""Garbling: damage left by scrapers, article spinners and machine translation, pointed at and explained.

One module per detector family; each registers its kinds once in :mod:`.registry` (kind, severity,
plain-words explanation, colour, scope). Every module of this package is imported here (in name order), so
a new detector is one new module with one ``@register``: the display legend, the scorecard columns, the
narrative, the precision script and ``find_garbles`` pick it up from the registry.

``find_garbles(corpus, quotes)`` returns the ``garbles`` table (columns in :mod:`.assemble`) of the article and
corpus detectors; ``aligned_garbles(corpus, quotes, edits)`` the rows of the detectors that compare the versions
of one utterance (run after alignment and drift).
"""

from __future__ import annotations

import importlib
import pkgutil

from .registry import Detector, RegistryError, detector, detectors, kinds, register, row, severity, unregister

for _module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    importlib.import_module(f"{__name__}.{_module.name}")

from .assemble import (COLUMNS, aligned_garbles, corpus_garbles, find_garbles, garble_table, joined,  # noqa: E402
                       kinds_table, text_garbles)
from .capitals import midsentence_capitals  # noqa: E402
from .departure import cross_source_departures  # noqa: E402
from .encoding import mojibake  # noqa: E402
from .foreign import FOREIGN_LANGUAGES, foreign_zipf, untranslated_text  # noqa: E402
from .glued import glued_words  # noqa: E402
from .names import name_inconsistencies  # noqa: E402
from .repeats import repeated_words  # noqa: E402
from .sentences import broken_sentences  # noqa: E402
from .words import known, word_zipf, zipf  # noqa: E402
