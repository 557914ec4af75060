"""wordfreq's word lists as {word: Zipf frequency}, kept in a compact cache this tool owns.

Reading a list through wordfreq (msgpack + gzip, bucket by bucket, plus wordfreq's own imports) costs about
0.5 s for English and 0.2 s for the six foreign lists; the same dictionaries read back with ``marshal`` cost
about a third of that. The first use builds the cache from wordfreq; later processes load it. The file name
carries a fingerprint of wordfreq's data files, of the code that derives the values and ``FORMAT``, so a new
wordfreq, a changed rule or a new layout builds a new file; the values are exactly the ones wordfreq gives
(``log10(frequency) + 9`` per centibel bucket). The same cache keeps gender-guesser's first names (0.3 s to
parse, 0.01 s to load).

The cache folder is ``$QUOTEDRIFT_CACHE`` if set, else ``$XDG_CACHE_HOME/quotedrift`` or
``~/.cache/quotedrift``. If it cannot be written, the lists are built in memory every time (slower, same
values). Only files named ``wordlist-*.marshal`` in that folder are ever written by this module (and
``meaning-*.marshal`` by :mod:`quotedrift.align.meaning`, which keeps its scores there).
"""

from __future__ import annotations

import functools
import math
import marshal
import os
import tempfile
import zlib
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

FORMAT = 1  # bump when the cached layout changes
T = TypeVar("T", dict, frozenset)


def cache_dir() -> Path:
    """Where this tool keeps its caches."""
    if os.environ.get("QUOTEDRIFT_CACHE"):
        return Path(os.environ["QUOTEDRIFT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "quotedrift"


@functools.cache
def package_key(package: str, *folders: str) -> str:
    """A short fingerprint of the files in a package's data ``folders`` (names and sizes): another wordfreq,
    another cache file. Cheaper than asking the package metadata for its version (importlib.metadata costs
    0.1 s to import)."""
    spec = find_spec(package)
    entries = []
    for folder in folders:
        data = Path(spec.origin).parent / folder if spec and spec.origin else None
        if data and data.is_dir():
            entries += sorted((folder, e.name, e.stat().st_size) for e in os.scandir(data))
    return f"{zlib.crc32(repr(entries).encode()):08x}"


def _code_key(build: Callable) -> str:
    """A short fingerprint of the function that derives the values (its compiled code): a changed rule builds
    a new file instead of reading the values of the old one."""
    code = getattr(build, "__code__", None)
    return f"{zlib.crc32(marshal.dumps(code)):08x}" if code is not None else "0"


def _build(language: str, wordlist: str) -> dict[str, float]:
    """The list read through wordfreq, bucket by bucket (one frequency per centibel bucket)."""
    from wordfreq import cB_to_freq, get_frequency_list

    zipfs: dict[str, float] = {}
    for index, bucket in enumerate(get_frequency_list(language, wordlist)):
        if bucket:
            zipfs.update(dict.fromkeys(bucket, math.log10(cB_to_freq(-index)) + 9))
    return zipfs


def write_atomically(path: Path, data: bytes) -> None:
    """Write a whole file or nothing (a concurrent reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def zipf_table(language: str, wordlist: str = "best") -> dict[str, float]:
    """wordfreq's list for a language as {word: Zipf frequency}, from the cache when it is there."""
    return cached(f"{language}-{wordlist}", lambda: _build(language, wordlist))


def cached(name: str, build: Callable[[], T], package: str = "wordfreq") -> T:
    """A dictionary or frozenset derived only from the data files ``package`` ships (``build()``: wordfreq's
    lists, gender-guesser's name dictionary), kept in the cache under ``name``; the file name carries a
    fingerprint of those files and of ``build``'s code."""
    path = cache_dir() / f"wordlist-{name}-{package_key(package, 'data')}-{_code_key(build)}-v{FORMAT}.marshal"
    try:
        table = marshal.loads(path.read_bytes())
        if isinstance(table, (dict, frozenset)):
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = build()
    try:
        write_atomically(path, marshal.dumps(table))
    except (OSError, ValueError):
        pass  # a read-only home, or values marshal cannot write: same values, built every time
    return table
