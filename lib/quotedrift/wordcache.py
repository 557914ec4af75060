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
from collections.abc import Callable, Mapping
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

FORMAT = 2  # bump when the cached layout changes (2: large dictionaries in shards)
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


def shared_zipf_table(language: str, wordlist: str = "best") -> dict[str, float]:
    """:func:`zipf_table` read once per process, one copy for every caller (reading the cache file again
    costs about 30 ms: a caller asking about one word at a time must not pay it per word). The default
    ``wordlist`` is passed on explicitly: ``functools.cache`` alone keys ``("en")`` and ``("en", "best")``
    apart, and the seeds' analysis read the English list twice (about 15 ms and a second copy)."""
    return _shared_zipf_table(language, wordlist)


@functools.cache
def _shared_zipf_table(language: str, wordlist: str) -> dict[str, float]:
    return zipf_table(language, wordlist)


DATA_FOLDERS = {"pycountry": "databases"}  # where a package keeps its data files, if not in ``data/``


def cached(name: str, build: Callable[[], T], package: str | tuple[str, ...] = "wordfreq") -> T | ShardedTable:
    """A dictionary or frozenset derived only from the data files ``package`` ships (``build()``: wordfreq's
    lists, gender-guesser's name dictionary, the gazetteers), kept in the cache under ``name``; the file name
    carries a fingerprint of those files and of ``build``'s code (values ``build`` reads from elsewhere, such
    as a threshold, belong in ``name``). A large dictionary comes back from the cache as a
    :class:`ShardedTable` (the same look-ups and the same order, read shard by shard)."""
    packages = (package,) if isinstance(package, str) else package
    data = "".join(package_key(p, DATA_FOLDERS.get(p, "data")) for p in packages)
    data = data if len(packages) == 1 else f"{zlib.crc32(data.encode()):08x}"
    path = cache_dir() / f"wordlist-{name}-{data}-{_code_key(build)}-v{FORMAT}.marshal"
    try:
        table = marshal.loads(path.read_bytes())
        if isinstance(table, (dict, frozenset)):
            return table
        if isinstance(table, tuple) and len(table) == 3:
            return ShardedTable(*table)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = build()
    try:
        write_atomically(path, marshal.dumps(_stored(table)))
    except (OSError, ValueError):
        pass  # a read-only home, or values marshal cannot write: same values, built every time
    return table


# ---------------------------------------------------------------------------------------------- sharded tables

SHARDED_FROM = 100_000  # entries from which a dictionary is stored in shards (the English list has 321,000)
SHARDS = 4096  # about 80 words a shard: the seeds' 700 look-ups read 15 % of the English list


def _shard(key: str) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % SHARDS


def _stored(table):
    """What is written: the table itself, or for a large dictionary of words (shards, their offsets, the
    whole table in its own order)."""
    if not isinstance(table, dict) or len(table) < SHARDED_FROM or not all(isinstance(k, str) for k in table):
        return table
    shards: list[dict] = [{} for _ in range(SHARDS)]
    for key, value in table.items():
        shards[_shard(key)][key] = value
    parts = [marshal.dumps(shard) for shard in shards]
    offsets = [0]
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    return b"".join(parts), tuple(offsets), marshal.dumps(table)


class ShardedTable(Mapping):
    """A cached dictionary of words read shard by shard: a look-up reads only its word's shard (a small corpus
    asks about a few hundred of a list's 300,000 words: 0.18 s to read the whole English list, about 0.03 s
    for the shards the seeds need); iterating reads the whole table, in the order it was built, so every
    result computed from the table is the one the dictionary gives."""

    def __init__(self, shards: bytes, offsets: tuple[int, ...], whole: bytes) -> None:
        self._shards, self._offsets, self._whole = memoryview(shards), offsets, whole
        self._loaded: list[dict | None] = [None] * (len(offsets) - 1)
        self._table: dict | None = None

    def _part(self, key: str) -> dict:
        i = _shard(key)
        part = self._loaded[i]
        if part is None:
            part = self._loaded[i] = marshal.loads(self._shards[self._offsets[i]:self._offsets[i + 1]])
        return part

    def load_all(self) -> dict:
        """The whole table as a dictionary (read once; look-ups use it from then on)."""
        if self._table is None:
            self._table = marshal.loads(self._whole)
        return self._table

    def get(self, key, default=None):
        if self._table is not None:
            return self._table.get(key, default)
        return self._part(key).get(key, default) if isinstance(key, str) else default

    def __getitem__(self, key):
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key) -> bool:
        return self.get(key, _MISSING) is not _MISSING

    def __iter__(self):
        return iter(self.load_all())

    def __len__(self) -> int:
        return len(self.load_all())

    def items(self):
        return self.load_all().items()

    def keys(self):
        return self.load_all().keys()

    def values(self):
        return self.load_all().values()


_MISSING = object()


def load_all(table):
    """A table read whole (a :class:`ShardedTable` before worker processes fork, so they share one copy)."""
    return table.load_all() if isinstance(table, ShardedTable) else table
