"""Word meaning, offline: how alike two short phrases are in meaning ("baseless" ~ "groundless").

Uses the 256-dimension static embeddings that the wordllama wheel ships (``weights/l2_supercat_256``). Its
loader looks for its files under the current user's cache and downloads what it misses; here it is pointed at
the package's own folder with downloads disabled, so nothing leaves the machine. The model loads lazily, once
per process, and only when a paraphrase candidate needs it (a rewording that keeps its head word but shares
neither its modifiers' letters nor its frame): most corpora never load it.

Measured on the seeds (``make eval``): it finds "baseless rumor" for "groundless rumor" (modifiers 0.28 alike in
meaning against -0.08 for "self-made"), see the README for the recall gained and the seconds it costs.

Importing and loading the model costs about 0.6 s, more than the rest of a small corpus's analysis. The scores
are a pure function of the two phrases and the model's files, so they are kept between processes (a small
*memo* in the word-list cache folder, :mod:`quotedrift.wordcache`, its name carrying a fingerprint of the
model's files): a rerun on a corpus, or any corpus whose candidate phrases were scored before, never loads the
model. :func:`save` writes the scores computed since the memo was read.
"""

from __future__ import annotations

import functools
import logging
import marshal
import os

from ..wordcache import cache_dir, package_key, write_atomically

MEMO_FORMAT = 1  # bump when the memo's layout changes
MAX_MEMO_PAIRS = 200_000  # phrase pairs kept (about 10 MB); beyond it new scores are computed, not kept
EMBEDDINGS_KEPT = 20_000  # phrases whose embedding is kept in a process (1 KB each): a version of an utterance
#                           is compared with several others, and embedding it is most of a comparison's cost
_new_scores: dict[tuple[str, str], float] = {}


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
    if not a or not b:
        return 0.0
    known = _memo().get((a, b))
    if known is not None:
        return known
    model = _model()
    if model is None:
        return 0.0
    score = round(float(model.vector_similarity(_embedding(a), _embedding(b)).item()), 3)
    if len(_memo()) + len(_new_scores) < MAX_MEMO_PAIRS:
        _new_scores[(a, b)] = score
    return score


@functools.lru_cache(maxsize=EMBEDDINGS_KEPT)
def _embedding(text: str):
    """The model's embedding of one phrase, as ``model.similarity`` computes it for each of its two phrases
    (each phrase embedded on its own, so a kept embedding gives the very same score)."""
    return _model().embed(text)[0]


def _memo_path():
    return cache_dir() / f"meaning-{package_key('wordllama', 'weights', 'tokenizers')}-v{MEMO_FORMAT}.marshal"


@functools.cache
def _memo() -> dict[tuple[str, str], float]:
    """Scores computed by earlier processes ({} when there is no memo or it cannot be read)."""
    try:
        memo = marshal.loads(_memo_path().read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return memo if isinstance(memo, dict) else {}


def save() -> None:
    """Add the scores computed in this process to the memo (whole file, atomically; a read-only cache folder
    only means the model loads again next time)."""
    if not _new_scores:
        return
    memo = {**_memo(), **_new_scores}
    try:
        write_atomically(_memo_path(), marshal.dumps(memo))
    except (OSError, ValueError):
        return
    _memo.cache_clear()
    _new_scores.clear()
