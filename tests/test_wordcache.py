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
    calls = []

    def build():
        calls.append(1)
        return {"a": 1.0}

    wordcache.cached("test-dict", build)
    [path] = cache.glob("wordlist-test-dict-*.marshal")
    path.write_bytes(damage)
    assert wordcache.cached("test-dict", build) == {"a": 1.0}  # rebuilt
    assert wordcache.cached("test-dict", build) == {"a": 1.0}  # rewritten whole: read back, not built again
    assert len(calls) == 2


def test_unwritable_cache_still_gives_values(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("QUOTEDRIFT_CACHE", str(blocker / "cache"))  # cannot be created under a file
    assert wordcache.cached("test-dict", lambda: {"a": 1.0}) == {"a": 1.0}
    assert blocker.read_text() == "not a folder"


def test_a_changed_rule_builds_a_new_file(cache):
    def first_rule():
        return {"a": 1.0}

    def second_rule():
        return {"a": 2.0}

    assert wordcache.cached("test-rule", first_rule) == {"a": 1.0}
    assert wordcache.cached("test-rule", second_rule) == {"a": 2.0}  # not the first rule's values from the file
    assert len(list(cache.glob("wordlist-test-rule-*.marshal"))) == 2


def test_first_name_genders_from_the_cache_equal_a_fresh_parse(cache):
    from quotedrift import lexicon

    lexicon.first_name_genders.cache_clear()
    built = lexicon.first_name_genders()
    lexicon.first_name_genders.cache_clear()
    loaded = lexicon.first_name_genders()
    assert list(cache.glob("wordlist-first-name-genders-*.marshal"))
    assert loaded == built and built.get("mary") == "female" and built.get("john") == "male"


@pytest.mark.parametrize("size", [10, wordcache.SHARDED_FROM])
def test_a_table_read_back_gives_the_same_look_ups_and_order(cache, size):
    built = {f"w{i:06d}"[::-1]: i / 7 for i in range(size)}  # an order no sort would give back
    calls = []

    def build():
        calls.append(1)
        return dict(built)

    assert wordcache.cached("test-big", build) == built
    loaded = wordcache.cached("test-big", build)
    assert len(calls) == 1  # the second one is read back
    assert isinstance(loaded, wordcache.ShardedTable) is (size >= wordcache.SHARDED_FROM)
    probes = [next(iter(built)), "w000003"[::-1], "absent", "", "é"]
    assert [loaded.get(p, -1.0) for p in probes] == [built.get(p, -1.0) for p in probes]
    assert [p in loaded for p in probes] == [p in built for p in probes]
    assert list(loaded.items()) == list(built.items())  # iteration in the order the table was built
    assert wordcache.load_all(loaded) == built and loaded.get("absent") is None
