"""Word meaning, offline: how alike two short phrases are in meaning ("baseless" ~ "groundless").

Uses the 256-dimension static embeddings that the wordllama wheel ships (``weights/l2_supercat_256``). Its
loader looks for its files under the current user's cache and downloads what it misses; here it is pointed at
the package's own folder with downloads disabled, so nothing leaves the machine. The model loads lazily, once
per process, and only when a paraphrase candidate needs it (a rewording that keeps its head word but shares
neither its modifiers' letters nor its frame): most corpora never load it.

Measured on the seeds (``make eval``): it finds "baseless rumor" for "groundless rumor" (modifiers 0.28 alike in
meaning against -0.08 for "self-made"), see the README for the recall gained and the seconds it costs.
"""

from __future__ import annotations

import functools
import logging
import os


@functools.cache
def _model():
    """The wordllama model from the installed package's own files (no download), or None if unavailable.

    Importing wordllama configures the root logger (``logging.basicConfig(level=INFO)``), which would make
    every library's INFO messages appear on stderr; the root logger is put back as it was."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
        from wordllama import WordLlama

        return WordLlama.load(cache_dir=os.path.dirname(wordllama.__file__), disable_download=True)
    except ImportError:  # the package is optional at run time: without it, no meaning evidence
        return None
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
        root.setLevel(level)


@functools.lru_cache(maxsize=100_000)
def similarity(a: str, b: str) -> float:
    """Cosine similarity in meaning of two short phrases (-1 to 1); 0.0 when the model is not installed."""
    model = _model()
    if model is None or not a or not b:
        return 0.0
    return round(float(model.similarity(a, b)), 3)
