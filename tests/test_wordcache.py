"""The word-list cache gives exactly wordfreq's values, from a fresh build and from the cache file."""

import pytest

from quotedrift import wordcache


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTEDRIFT_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.mark.parametrize("language, wordlist, word, expected", [
    ("en", "best", "the", True), ("en", "best", "qzxqzxq", False), ("fr", "small", "avec", True),
])
def test_cached_list_equals_wordfreq(cache, language, wordlist, word, expected):
    from wordfreq import zipf_frequency
    built = wordcache.zipf_table(language, wordlist)  # first use: built from wordfreq and written
    assert list(cache.glob(f"wordlist-{language}-{wordlist}-*.marshal"))
    loaded = wordcache.zipf_table(language, wordlist)  # second use: read back
    assert loaded == built
    assert (word in loaded) is expected
    if expected:
        assert round(loaded[word], 2) == zipf_frequency(word, language, wordlist)


def test_derived_values_cached(cache):
    calls = []

    def build():
        calls.append(1)
        return frozenset({"ab", "abc"})

    assert wordcache.cached("test-set", build) == frozenset({"ab", "abc"})
    assert wordcache.cached("test-set", build) == frozenset({"ab", "abc"})
    assert len(calls) == 1


@pytest.mark.parametrize("damage", [b"", b"not marshal", b"\x00\x01"])
def test_damaged_cache_file_is_rebuilt(cache, damage):
    wordcache.cached("test-dict", lambda: {"a": 1.0})
    [path] = cache.glob("wordlist-test-dict-*.marshal")
    path.write_bytes(damage)
    assert wordcache.cached("test-dict", lambda: {"a": 1.0}) == {"a": 1.0}
    assert wordcache.cached("test-dict", lambda: {"b": 2.0}) == {"a": 1.0}  # rewritten whole


def test_unwritable_cache_still_gives_values(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("QUOTEDRIFT_CACHE", str(blocker / "cache"))  # cannot be created under a file
    assert wordcache.cached("test-dict", lambda: {"a": 1.0}) == {"a": 1.0}
    assert blocker.read_text() == "not a folder"
