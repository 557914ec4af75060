"""Alignment: which quotations are linked, why, how utterances and references come out."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from quotedrift import align
from quotedrift.align.units import build_units
from quotedrift.wording import normalise, us_spelling, words


def quotes_of(*items: tuple[str, str, str, str], role: dict[str, str] | None = None):
    """Build (quotes, texts, roles) from (source, text, kind, speaker): each text is one quotation."""
    rows, texts = [], {}
    for n, (source, text, kind, speaker) in enumerate(items):
        prefix = texts.get(source, "")
        start = len(prefix)
        texts[source] = prefix + text + "\n\n"
        rows.append({"quote_id": f"{source}:q{n:03d}", "source": source, "start": start, "end": start + len(text),
                     "text": text, "kind": kind, "speaker": speaker})
    roles = {s: (role or {}).get(s, "report") for s in texts}
    return pd.DataFrame(rows), texts, roles


def linked_pairs(*items, **kwargs) -> set[frozenset[str]]:
    """Pairs of sources whose quotations render words of one utterance (the all-pairs export)."""
    quotes, texts, roles = quotes_of(*items, **kwargs)
    table = align.pairs_table(align.align(quotes, texts, roles))
    pairs = set()
    for a, b in zip(table["quote_a"], table["quote_b"]):
        pairs.add(frozenset((a.split(":")[0], b.split(":")[0])))
    return pairs


KWON = "Kwon Jong Gun"
GRAVE = ("Trying to tarnish the image of the DPRK by fabricating a non-existent thing is a grave provocation "
         "that can never be allowed and that can not but trigger its reaction")


@pytest.mark.parametrize(
    ("a", "b", "linked"),
    [
        # identical copies, cosmetic variants, containment, elision, rewording
        ((GRAVE, "direct"), (GRAVE, "direct"), True),
        ((GRAVE, "direct"), (GRAVE.upper().replace("CAN NOT", "CANNOT"), "direct"), True),
        ((GRAVE, "direct"), ("a grave provocation that can never be allowed", "partial"), True),
        ((GRAVE, "direct"), ("Trying to tarnish the image of the DPRK ... can not but trigger its reaction", "direct"), True),
        ((GRAVE, "direct"), ("Trying to distort the image [North Korea] By making up something that does not exist "
                             "is a serious provocation that can never be allowed and can only lead to a reaction",
                             "direct"), True),
        ((GRAVE, "direct"), ("undesirable result", "partial"), False),
        # one shared word is never enough
        (("reckless missile tests and nuclear programmes", "partial"), ("reckless remarks", "partial"), False),
        (("tarnishing", "scare"), (GRAVE, "direct"), False),
        (("it was what it was for them", "partial"), ("and it was the best of it for them", "partial"), False),  # function words only
    ],
)
def test_links_between_two_sources(a, b, linked):
    pairs = linked_pairs(("s1", a[0], a[1], KWON), ("s2", b[0], b[1], KWON))
    assert (frozenset(("s1", "s2")) in pairs) is linked


def test_quotations_of_one_source_are_never_linked_to_each_other():
    pairs = linked_pairs(("s1", GRAVE, "direct", KWON), ("s1", GRAVE, "direct", KWON))
    assert pairs == set()


def test_different_speakers_sharing_a_short_run_stay_apart():
    a = ("s1", "spreading a rumour of arms dealings", "partial", "DPRK defense official")
    b = ("s2", "the groundless rumor of arms dealing between the DPRK and Russia", "partial", KWON)
    assert linked_pairs(a, b) == set()


def test_different_speakers_with_long_identical_words_are_linked_for_the_attribution_check():
    assert linked_pairs(("s1", GRAVE, "direct", KWON), ("s2", GRAVE, "direct", "Kim Yo Jong")) == {frozenset(("s1", "s2"))}


def test_overlapping_partials_are_linked_through_the_reference():
    full = "The U.S. should be mindful that it will face a really undesirable result if it persists"
    pairs = linked_pairs(("s1", full, "direct", KWON), ("s2", "really undesirable", "partial", KWON),
                         ("s3", "undesirable result", "partial", KWON), ("s4", "if it persists", "partial", KWON))
    assert frozenset(("s2", "s3")) in pairs  # they share "undesirable"
    assert frozenset(("s2", "s4")) not in pairs  # "if it persists" has one content word: never linked


def test_paraphrase_needs_the_same_speaker_and_frame():
    frame = "warned that the US would face a “{}” if it continued to spread rumors about the arms deal"
    texts = {"s1": frame.format("really undesirable result"), "s2": frame.format("truly unwanted outcome")}
    rows = []
    for n, (source, quote) in enumerate([("s1", "really undesirable result"), ("s2", "truly unwanted outcome")]):
        start = texts[source].index(quote)
        rows.append({"quote_id": f"{source}:q{n}", "source": source, "start": start, "end": start + len(quote),
                     "text": quote, "kind": "partial", "speaker": KWON})
    quotes = pd.DataFrame(rows)
    table = align.links_table(align.align(quotes, texts, {"s1": "report", "s2": "report"}))
    assert len(table) == 1 and table.loc[0, "relation"].startswith("paraphrase")
    assert table.loc[0, "similarity"] <= 0.5
    other_speaker = quotes.assign(speaker=[KWON, "John Kirby"])
    assert align.links_table(align.align(other_speaker, texts, {"s1": "report", "s2": "report"})).empty


def test_primary_text_is_the_reference():
    items = [("kcna", GRAVE + ".", "statement", KWON), ("a", GRAVE.replace("grave", "serious"), "direct", KWON),
             ("b", GRAVE.replace("grave", "serious"), "direct", KWON)]
    quotes, texts, roles = quotes_of(*items, role={"kcna": "primary"})
    result = align.align(quotes, texts, roles)
    table = align.utterances_table(result, texts)
    assert table[["reference_source", "reference_basis", "n_sources"]].values.tolist() == [["kcna", "primary", 3]]


def test_consensus_reference_is_the_majority_reading_and_ignores_source_order():
    majority = GRAVE
    minority = GRAVE.replace("grave", "serious").replace("tarnish", "distort")
    items = [("c", minority, "direct", KWON), ("a", majority, "direct", KWON), ("b", majority, "direct", KWON)]
    references = set()
    for order in itertools.permutations(items):
        quotes, texts, roles = quotes_of(*order)
        table = align.utterances_table(align.align(quotes, texts, roles), texts)
        references.add(tuple(table[["reference_source", "reference_text"]].iloc[0]))
    assert references == {("a", majority)}


def test_chosen_reference_wins_without_primary():
    items = [("a", GRAVE, "direct", KWON), ("b", GRAVE.replace("grave", "serious"), "direct", KWON),
             ("c", GRAVE, "direct", KWON)]
    quotes, texts, roles = quotes_of(*items)
    table = align.utterances_table(align.align(quotes, texts, roles, reference_source="b"), texts)
    assert table[["reference_source", "reference_basis"]].values.tolist() == [["b", "chosen"]]


def test_long_quotation_does_not_chain_two_utterances():
    first = "We have never exported weapons or ammunition to Russia before and we will not plan to export them"
    second = "The United States should stop making reckless remarks and keep its mouth shut about our country"
    items = [("a", f"{first}. {second}.", "direct", KWON), ("b", first, "direct", KWON), ("c", second, "direct", KWON)]
    quotes, texts, roles = quotes_of(*items)
    table = align.utterances_table(align.align(quotes, texts, roles), texts)
    assert len(table) == 2 and set(table["n_sources"]) == {2}


def test_variant_table_has_one_row_per_witness_and_reference_columns():
    items = [("a", GRAVE, "direct", KWON), ("b", GRAVE.replace("grave", "serious"), "direct", KWON),
             ("c", GRAVE, "direct", KWON)]
    quotes, texts, roles = quotes_of(*items)
    result = align.align(quotes, texts, roles)
    table = align.variant_table(result, "u001")
    assert len(table) == 3 and len(table.columns) == len(words(GRAVE))
    grave_column = next(c for c in table.columns if c.endswith(" grave"))
    assert table[grave_column].tolist() == ["grave", "serious", "grave"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Rumour", ("rumor",)), ("programmes", ("programs",)), ("defence", ("defense",)), ("recognised", ("recognized",)),
     ("cannot", ("can", "not")), ("U.S.", ("us",)), ("centre", ("center",)),
     ("It’s", ("it", "is")), ("don't", ("do", "not")), ("Won’t", ("will", "not")),
     ("its", ("its",)), ("media's", ("media's",)),  # a possessive is not a contraction
     # negative cases: words that merely look like UK spellings stay themselves
     ("our", ("our",)), ("hour", ("hour",)), ("rise", ("rise",)), ("cancelled", ("canceled",))],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize("word", ["rumour", "rumor", "organise", "organize", "honoured"])
def test_us_spelling_is_idempotent(word):
    assert us_spelling(us_spelling(word)) == us_spelling(word)


# ---------------------------------------------------------------------------------------------- scale

SENTENCE = ("The relevant remarks by the other side are extremely absurd and irresponsible and they seriously "
            "violate basic facts and diplomatic protocol")


def famous_sentence(n_outlets: int):
    """One sentence printed by ``n_outlets`` outlets: most word for word or cosmetically changed, one in ten with
    a wording of its own (an extra word no other outlet prints), a few as short partial quotations."""
    items = []
    for i in range(n_outlets):
        source = f"o{i:05d}"
        if i % 10 == 3:
            text = SENTENCE.replace("extremely", f"extremely w{i}x")  # a distinct wording per such outlet
        elif i % 10 == 5:
            text = SENTENCE.upper()
        elif i % 10 == 7:
            items.append((source, "extremely absurd and irresponsible", "partial", KWON))
            continue
        else:
            text = SENTENCE
        items.append((source, text + ".", "direct", KWON))
    return quotes_of(*items)


@pytest.mark.parametrize("n_outlets", [2000])
def test_an_utterance_printed_by_thousands_costs_comparisons_linear_in_its_outlets(n_outlets):
    counts = {}
    for n in (n_outlets // 4, n_outlets // 2, n_outlets):
        quotes, texts, roles = famous_sentence(n)
        result = align.align(quotes, texts, roles)
        assert set(result.utterance_of.values()) == {"u001"} and len(result.utterance_of) == n  # one utterance
        assert len(align.links_table(result)) == n - 1  # each version linked to the reference, not every pair
        counts[n] = result.tally.total
    quarter, half, full = counts[n_outlets // 4], counts[n_outlets // 2], counts[n_outlets]
    assert full <= 2.2 * half and half <= 2.2 * quarter  # doubling the outlets at most doubles the comparisons
    assert full <= 2 * n_outlets  # a few comparisons per outlet, not one per pair (2,000 outlets: 2 million pairs)


@pytest.mark.parametrize(
    ("garbles", "expected"),
    [
        ([], {}),
        ([("a", 0, 5)], {0: 1}),                      # inside the first quotation
        ([("a", 0, 5), ("a", 3, 9), ("a", 40, 41)], {0: 2, 1: 1}),
        ([("a", 0, 200)], {0: 1, 1: 1}),              # one long span over both quotations
        ([("b", 0, 5)], {}),                          # another source's damage
        ([("a", 35, 37)], {}),                        # between the two quotations (the blank lines)
        ([("a", 37, 37)], {}),                        # an empty span at the second one's start touches nothing
        ([("a", 38, 38)], {1: 1}),                    # an empty span inside it
        ([("a", 20, 40)] * 3, {0: 3, 1: 3}),          # the same span three times counts three times
    ],
)
def test_damaged_units_counts_the_garble_rows_in_each_span(garbles, expected):
    quotes, texts, roles = quotes_of(("a", "We will respond to this provocation", "direct", KWON),
                                     ("a", "They spread rumours about our country", "direct", KWON))
    units = build_units(quotes, texts, roles)
    assert [(u.start, u.end) for u in units] == [(0, 35), (37, 74)]
    table = pd.DataFrame(garbles, columns=["source", "start", "end"])
    assert align.damaged_units(units, table) == expected


def test_identical_wordings_are_compared_once():
    quotes, texts, roles = quotes_of(*[(f"o{i:03d}", SENTENCE, "direct", KWON) for i in range(300)])
    result = align.align(quotes, texts, roles)
    assert len(set(result.utterance_of.values())) == 1 and result.tally.total <= 2


def test_a_multi_sentence_quotation_renders_every_utterance_it_holds():
    first = "We have never exported weapons or ammunition to Russia before and we will not plan to export them"
    second = "The United States should stop making reckless remarks and keep its mouth shut about our country"
    items = [("a", f"{first}. {second}.", "direct", KWON), ("b", first, "direct", KWON), ("c", second, "direct", KWON)]
    quotes, texts, roles = quotes_of(*items)
    result = align.align(quotes, texts, roles)
    members = align.membership_table(result, texts)
    spans = members[members["quote_id"] == "a:q000"]
    assert sorted(spans["utterance_id"]) == ["u001", "u002"]  # one quotation, two utterances
    assert all(texts[src][s:e] == t for src, s, e, t in members[["source", "start", "end", "text"]].itertuples(index=False))
    assert sorted(spans["text"]) == sorted([first + ".", second + "."])  # each through its own sentence


LABEL_A = "Europe gets caught up in disputes that are not ours, which stops it building its strategic autonomy"
LABEL_B = "we will lack the money to fund our strategic autonomy and we will become mere vassals of larger powers"


@pytest.mark.parametrize(
    ("items", "together"),
    [
        # two sentences sharing only a two-word label stay apart, however many outlets print the label
        ([("a", LABEL_A, "direct", KWON), ("b", LABEL_A, "direct", KWON), ("c", "strategic autonomy", "partial", KWON),
          ("d", "strategic autonomy", "partial", KWON), ("e", LABEL_B, "direct", KWON),
          ("f", LABEL_B, "direct", KWON)], {"a": "b", "e": "f"}),
        # a partial quotation of another translation stays with the sentence it renders
        ([("a", "The relevant remarks by the other side are extremely ridiculous and irresponsible", "direct", KWON),
          ("b", "The relevant remarks by the other side are extremely ridiculous and irresponsible", "direct", KWON),
          ("b2", "The relevant remarks by the other side are extremely ridiculous and irresponsible", "direct", KWON),
          ("c", "The remarks by the other side are extremely absurd and irresponsible", "direct", KWON),
          ("d", "extremely absurd and irresponsible", "partial", KWON),
          ("e", "extremely absurd and irresponsible", "partial", KWON)], {"a": "e"}),
    ],
)
def test_utterances_hold_what_renders_their_reference(items, together):
    quotes, texts, roles = quotes_of(*items)
    result = align.align(quotes, texts, roles)
    utterance = {result.units[u].source: utt for u, utt in result.utterance_of.items()}
    for a, b in together.items():
        assert utterance[a] == utterance[b]
    assert len({utterance[a] for a in together}) == len(together)  # and the groups stay apart


def test_a_sentence_other_outlets_print_as_two_renders_two_utterances():
    long = ("The remarks by the other side are extremely ridiculous and irresponsible, they seriously violate "
            "basic facts and diplomatic protocol")
    items = [("a", long, "direct", KWON), ("b", long, "direct", KWON),
             ("c", "The remarks are extremely ridiculous and irresponsible", "direct", KWON),
             ("d", "The remarks are extremely ridiculous and irresponsible", "direct", KWON),
             ("e", "go against facts and seriously violate basic facts and diplomatic protocol", "partial", KWON),
             ("f", "seriously violate basic facts and diplomatic protocol", "partial", KWON)]
    quotes, texts, roles = quotes_of(*items)
    members = align.membership_table(align.align(quotes, texts, roles), texts)
    pieces = members[members["quote_id"] == "a:q000"]
    assert len(set(pieces["utterance_id"])) == 2  # one sentence, two clauses, two utterances
    assert all(texts[src][s:e] == t for src, s, e, t in members[["source", "start", "end", "text"]].itertuples(index=False))
    assert set(members.loc[members["source"] == "c", "utterance_id"]) < set(pieces["utterance_id"])
    assert set(members.loc[members["source"] == "f", "utterance_id"]) < set(pieces["utterance_id"])


def test_clauses_every_outlet_prints_in_one_sentence_stay_one_utterance():
    whole = "Going forward, to build a better product in a hard market, we will need to be extremely dedicated"
    items = [("a", whole, "direct", KWON), ("b", whole, "direct", KWON), ("c", whole, "direct", KWON),
             ("d", "build a better product", "partial", KWON), ("e", "build a better product", "partial", KWON),
             ("f", "need to be extremely dedicated", "partial", KWON),
             ("g", "need to be extremely dedicated", "partial", KWON)]
    quotes, texts, roles = quotes_of(*items)
    result = align.align(quotes, texts, roles)
    assert len(set(result.utterance_of.values())) == 1


# ---------------------------------------------------------------------------------------------- real stories

from quotedrift import analyze  # noqa: E402
from quotedrift.paths import PROJECT_ROOT, SEEDS  # noqa: E402

STORIES = sorted(p.name for p in (PROJECT_ROOT / "corpora").iterdir() if (p / "sources.csv").is_file())


@pytest.fixture(scope="module", params=["seeds", *STORIES])
def story(request):
    folder = SEEDS if request.param == "seeds" else PROJECT_ROOT / "corpora" / request.param
    return analyze(folder)


def test_no_reference_carries_a_garble_row_unless_every_version_does(story):
    members, garbles = story.quote_utterances, story.garbles

    def is_damaged(row) -> bool:
        return bool(((garbles["source"] == row.source) & (garbles["start"] < row.end) & (garbles["end"] > row.start)).any())

    roles = dict(zip(story.articles["source"], story.articles["role"]))
    basis = dict(zip(story.utterances["utterance_id"], story.utterances["reference_basis"]))
    for row in members[members["is_reference"]].itertuples(index=False):
        if roles[row.source] == "primary":
            continue
        all_damaged = all(is_damaged(r) for r in members[members["utterance_id"] == row.utterance_id].itertuples())
        assert is_damaged(row) is False or (all_damaged and basis[row.utterance_id] == "damaged"), row.quote_id


def test_a_primary_text_is_measured_against_itself(story):
    primary = set(story.articles.loc[story.articles["role"] == "primary", "source"])
    scores = story.scorecard.set_index("source")["fidelity"]
    assert all(scores[s] == 1.0 for s in primary if pd.notna(scores[s]))
    assert story.edits[story.edits["source"].isin(primary)].empty


def test_every_version_span_is_its_article_text(story):
    members = story.quote_utterances
    assert all(story.texts[s][a:b] == t for s, a, b, t in members[["source", "start", "end", "text"]].itertuples(index=False))
    quotes = story.quotes.set_index("quote_id")
    inside = [quotes.at[q, "start"] <= a and b <= quotes.at[q, "end"] for q, a, b in members[["quote_id", "start", "end"]].itertuples(index=False)]
    assert all(inside)  # each sub-span lies in its quotation


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [("baseless", "groundless", True), ("baseless", "self made", False), ("baseless", "self inflicted", False)],
)
def test_word_meaning_tells_rewordings_from_other_words(a, b, alike):
    from quotedrift.align import meaning
    from quotedrift.align.candidates import MIN_MODIFIER_MEANING

    assert (meaning.similarity(a, b) >= MIN_MODIFIER_MEANING) is alike


def test_loading_word_meaning_leaves_logging_as_it_was(tmp_path):
    import logging
    import os
    import subprocess
    import sys

    code = ("import logging, sys; from quotedrift.align import meaning; meaning.similarity('a', 'b'); "
            "root = logging.getLogger(); print(len(root.handlers), root.level, 'wordllama' in sys.modules)")
    env = {**os.environ, "QUOTEDRIFT_CACHE": str(tmp_path)}  # an empty cache: the model itself must load
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout.split()
    assert out == ["0", str(logging.WARNING), "True"]


@pytest.mark.parametrize(("a", "b"), [("baseless", "groundless"), ("really undesirable", "truly unwanted")])
def test_word_meaning_scores_are_kept_between_processes_and_equal_the_model(tmp_path, a, b):
    import os
    import subprocess
    import sys

    code = ("import sys; from quotedrift.align import meaning; print(repr(meaning.similarity(*sys.argv[1:3]))); "
            "meaning.save(); print('wordllama' in sys.modules)")
    env = {**os.environ, "QUOTEDRIFT_CACHE": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", code, a, b], capture_output=True, text=True, check=True,
                           env=env).stdout.split() for _ in range(2)]
    assert runs[0][1] == "True" and runs[1][1] == "False"  # the second process never loads the model
    assert runs[0][0] == runs[1][0]  # and gets the model's score, exactly
    assert len(list(tmp_path.glob("meaning-*.marshal"))) == 1


def test_a_one_word_quotation_renders_only_its_word_of_the_reference():
    from quotedrift import drift

    frame = " Ann Lee told the engineers on Tuesday about the product launch."
    sentence = "we will need to be extremely dedicated"
    texts = {s: f"Ann Lee wrote to the engineers: “{sentence}”.{frame}" for s in ("a", "b")}
    texts["c"] = f"Ann Lee wants the engineers to be “dedicated”.{frame}"
    rows = []
    for source, words in (("a", sentence), ("b", sentence), ("c", "dedicated")):
        start = texts[source].index(words)
        rows.append({"quote_id": f"{source}:q001", "source": source, "start": start, "end": start + len(words),
                     "text": words, "kind": "partial", "speaker": "Ann Lee"})
    result = align.align(pd.DataFrame(rows), texts, {s: "report" for s in texts})
    lone = next(u.uid for u in result.units if u.source == "c")
    assert lone in result.utterance_of and result.window_of[lone] == (6, 7)
    edits = drift.edits_table(result, texts)
    assert edits[edits["source"] == "c"].empty  # not charged with the five words it does not quote


def test_an_independent_translation_is_measured_against_itself_and_a_rewording_is_charged():
    from quotedrift import drift

    wire = "The relevant remarks by the other side are extremely ridiculous and irresponsible and seriously violate basic facts"
    own = "Those comments made by the other side were absurd in the extreme and showed a grave disregard for basic facts"
    spun = "The relevant comments by the other side are very ridiculous and careless and seriously break basic facts"
    items = [("a", wire, "direct", KWON), ("b", wire, "direct", KWON), ("c", own, "direct", KWON),
             ("d", spun, "direct", KWON)]
    quotes, texts, roles = quotes_of(*items)
    result = align.align(quotes, texts, roles)
    uid = {result.units[u].source: u for u in result.utterance_of}
    assert len({result.utterance_of[uid[s]] for s in "abcd"}) == 1  # one utterance
    assert result.family_of[uid["c"]] == uid["c"] and result.family_of[uid["d"]] == uid["a"]
    edits = drift.edits_table(result, texts)
    assert edits[edits["source"] == "c"].empty and (edits.loc[edits["source"] == "d", "category"] == "substantive").any()
    assert align.utterances_table(result, texts)["reference_basis"].tolist() == ["families"]


DISSATISFIED = "China expresses strong dissatisfaction and opposition to these remarks"


@pytest.mark.parametrize(
    ("lone", "speaker", "joins"),
    [
        ("China is strongly dissatisfied with and firmly opposed to these remarks", KWON, True),  # reworded
        ("China is strongly dissatisfied with and firmly opposed to these remarks", "John Kirby", False),  # not his
        ("China will take firm measures to defend its sovereignty against these remarks", KWON, False),  # other words
    ],
)
def test_a_rewording_in_meaning_joins_its_speakers_utterance(lone, speaker, joins):
    items = [("a", DISSATISFIED, "direct", KWON), ("b", DISSATISFIED, "direct", KWON), ("c", lone, "direct", speaker)]
    quotes, texts, roles = quotes_of(*items)
    result = align.align(quotes, texts, roles)
    utterance = {result.units[u].source: utt for u, utt in result.utterance_of.items()}
    assert (utterance.get("c") == utterance["a"]) is joins
    links = align.links_table(result)
    assert joins is any(links["quote_a"].str.startswith("c:") & links["relation"].str.contains("alike in meaning"))


DISAPPOINTED = "China wants to express its deep disappointment and strong disagreement with Biden's words"


@pytest.mark.parametrize(
    ("other_sentence", "joins"),
    [
        # a little less alike (0.51), and the speaker's other sentence is far from it
        ("These words came a day after the visit to Beijing", True),
        ("China expresses deep regret over the words of the American side", False),  # 0.49: about as close
    ],
)
def test_a_looser_rewording_joins_only_the_one_utterance_it_is_clearly_closest_to(other_sentence, joins):
    items = [("a", DISSATISFIED, "direct", KWON), ("b", DISSATISFIED, "direct", KWON),
             ("d", other_sentence, "direct", KWON), ("e", other_sentence, "direct", KWON),
             ("c", DISAPPOINTED, "direct", KWON)]
    quotes, texts, roles = quotes_of(*items)
    result = align.align(quotes, texts, roles)
    utterance = {result.units[u].source: utt for u, utt in result.utterance_of.items()}
    assert (utterance.get("c") == utterance["a"]) is joins
    family = {result.units[u].source: result.units[f].source for u, f in result.family_of.items()}
    assert family.get("c") == ("a" if joins else None)  # charged as a rewording, not its own translation


def test_two_utterances_printed_as_often_never_merge_on_meaning():
    other = "China is strongly dissatisfied with and firmly opposed to these remarks"
    items = [("a", DISSATISFIED, "direct", KWON), ("b", DISSATISFIED, "direct", KWON),
             ("c", other, "direct", KWON), ("d", other, "direct", KWON)]
    quotes, texts, roles = quotes_of(*items)
    result = align.align(quotes, texts, roles)
    utterance = {result.units[u].source: utt for u, utt in result.utterance_of.items()}
    assert utterance["a"] == utterance["b"] != utterance["c"] == utterance["d"]


CRISES = "gets caught up in crises that are not ours, which prevents it from building its strategic autonomy"
TWITTER = "If you are sure that you want to be part of the new Twitter, please click yes on the link below"


@pytest.mark.parametrize(
    ("reference", "often_printed", "translation", "joins"),
    [
        # another agency's translation, close in meaning to the often printed short version and sharing a phrase
        (CRISES, "caught up in crises that are not ours,",
         "should not be caught up in a disordering of the world and crises that aren't ours.", True),
        # another sentence of the speaker on the same topic: alike in meaning to the short version (0.75), no phrase
        (TWITTER, "want to be part of the new Twitter",
         "I expect to reduce my time at Twitter and find somebody else to run Twitter over time", False),
    ],
)
def test_another_translation_joins_the_utterance_whose_often_printed_version_it_renders(
        reference, often_printed, translation, joins):
    items = [("a", reference, "direct", KWON), ("b", reference, "direct", KWON),
             *[(s, often_printed, "partial", KWON) for s in "cde"],
             ("f", translation, "direct", KWON), ("g", translation, "direct", KWON)]
    quotes, texts, roles = quotes_of(*items)
    result = align.align(quotes, texts, roles)
    utterance = {result.units[u].source: utt for u, utt in result.utterance_of.items()}
    assert (utterance["f"] == utterance["g"] == utterance["a"]) is joins


BLOC = "We don't want to get into a bloc versus bloc logic,"
LESSONS = "This moral lesson-giving, one-sided, is just hypocrisy."


@pytest.mark.parametrize(
    ("printed", "lone", "joins"),
    [
        (BLOC, "We don't want to find ourselves in a block-to-block logic.", True),  # one letter: another spelling
        (LESSONS, "Hypocrisy is on the other side of this debate.", False),  # "side" / "sided": another word
    ],
)
def test_a_spelling_variant_does_not_hide_a_rewording_in_meaning(printed, lone, joins):
    items = [("a", printed, "direct", KWON), ("b", printed, "direct", KWON), ("c", lone, "direct", KWON)]
    quotes, texts, roles = quotes_of(*items)
    result = align.align(quotes, texts, roles)
    utterance = {result.units[u].source: utt for u, utt in result.utterance_of.items()}
    assert (utterance.get("c") == utterance["a"]) is joins


DISORDER = "should not be caught up in a disordering of the world and crises that aren't ours."


@pytest.mark.parametrize(
    ("lone", "speaker", "rival", "joins"),
    [
        # 0.43 in meaning and the run "crises that are not" (one content word): a rewording of the speaker's
        ("get dragged into crises that are not its own", KWON, None, True),
        ("get dragged into crises that are not its own", "John Kirby", None, False),  # not his sentence
        ("we will talk about the crises that are not solved by the market", KWON, None, False),  # 0.36: too far
        ("is being pulled into troubles that are not its own", KWON, None, False),  # run of function words only
        # another sentence of the speaker prints the run too: the run says nothing about which one it renders
        ("get dragged into crises that are not its own", KWON, "There are crises that are not over in Asia", False),
    ],
)
def test_a_one_outlet_rewording_joins_on_a_long_shared_run_and_looser_meaning(lone, speaker, rival, joins):
    items = [("a", DISORDER, "direct", KWON), ("b", DISORDER, "direct", KWON), ("c", lone, "direct", speaker)]
    if rival:
        items += [("d", rival, "direct", KWON), ("e", rival, "direct", KWON)]
    quotes, texts, roles = quotes_of(*items)
    result = align.align(quotes, texts, roles)
    utterance = {result.units[u].source: utt for u, utt in result.utterance_of.items()}
    assert (utterance.get("c") == utterance["a"]) is joins
    if joins:  # charged as a rewording, over the reference words it renders, not the whole sentence
        uid = next(u for u in result.utterance_of if result.units[u].source == "c")
        assert result.units[result.family_of[uid]].source == "a"
        start, end = result.window_of[uid]
        assert 0 < start and end - start <= len(result.units[uid].words) + 1


BEFORE = "We must build our own defence industry before the end of this decade."
AFTER = "The worst thing would be to think that we must adapt ourselves to the rhythm of others."
PARADOX = "The paradox would be that, overcome with panic, we believe we are just the followers of others."
REFLEX = "follow the policy of others through a kind of panic reflex,"  # 0.26 in meaning with PARADOX


@pytest.mark.parametrize(
    ("lone", "speaker", "next_to_it", "rival", "joins"),
    [
        (REFLEX, KWON, None, None, True),  # where the paradox stands elsewhere, shares "panic", alike enough
        (REFLEX, "John Kirby", None, None, False),  # not the speaker's words
        ("the budget will be voted in the spring session", KWON, None, None, False),  # no word in common
        ("panic buying emptied the shelves of the shops", KWON, None, None, False),  # the word, not the sense (0.12)
        # another sentence of the speaker in no utterance stands next to it: it is not alone between the two
        (REFLEX, KWON, "We will spend more on our armies in the coming years.", None, False),
        # a label in between is stepped over
        (REFLEX, KWON, "reflex", None, True),
        # another article prints another sentence that shares the word between the same two: which one is it?
        (REFLEX, KWON, None, "Nobody should give in to panic about the markets.", False),
    ],
)
def test_a_quotation_joins_the_sentence_other_articles_print_between_its_neighbours(
        lone, speaker, next_to_it, rival, joins):
    items = [(s, text, "direct", KWON) for s in "ab" for text in (BEFORE, PARADOX, AFTER)]
    items += [("c", BEFORE, "direct", KWON)]
    items += [("c", next_to_it, "partial", KWON)] if next_to_it else []
    items += [("c", lone, "partial", speaker), ("c", AFTER, "direct", KWON)]
    items += [(s, text, "direct", KWON) for s in "de" for text in (BEFORE, rival, AFTER)] if rival else []
    quotes, texts, roles = quotes_of(*items)
    result = align.align(quotes, texts, roles)
    lone_quote = quotes.loc[quotes["text"] == lone, "quote_id"].iloc[0]
    lone_id = next(u.uid for u in result.units if u.quote_id == lone_quote)
    paradox = next(u.uid for u in result.units if u.source == "a" and "paradox" in u.norms)
    assert (result.utterance_of.get(lone_id) == result.utterance_of[paradox]) is joins
    if joins:  # a rewording, charged against the paradox's reference
        assert result.family_of[lone_id] != lone_id


PROTOCOL = ("They go totally against facts and seriously violate diplomatic protocol, and severely infringe on "
            "China's political dignity.")
PROVOCATION = "They are an open political provocation."
RUN_ON = "They go against the facts and violate diplomatic protocol and China's political dignity and amount to"


@pytest.mark.parametrize(
    ("ending", "renders"),
    [
        # the sentence runs on into a version of the next utterance: its last words render that one
        ("open political provocation.", {RUN_ON: "protocol", "open political provocation.": "provocation"}),
        ("open military threats.", {f"{RUN_ON} open military threats.": "protocol"}),  # words nobody else prints
    ],
)
def test_a_run_on_sentence_renders_each_utterance_through_its_own_words(ending, renders):
    items = [*[(s, PROTOCOL, "direct", KWON) for s in "abe"], *[(s, PROVOCATION, "direct", KWON) for s in "fgh"],
             ("c", f"{RUN_ON} {ending}", "direct", KWON), ("d", "open political provocation", "partial", KWON)]
    quotes, texts, roles = quotes_of(*items)
    members = align.membership_table(align.align(quotes, texts, roles), texts)
    name = {members.loc[members["source"] == "a", "utterance_id"].iloc[0]: "protocol",
            members.loc[members["source"] == "f", "utterance_id"].iloc[0]: "provocation"}
    run_on = members[members["source"] == "c"]
    assert {text: name.get(u) for text, u in zip(run_on["text"], run_on["utterance_id"])} == renders


def test_each_report_is_measured_against_the_primary_sentence_it_renders():
    from quotedrift import drift

    said = "Today I feel Qatari. Today I feel Arab. Today I feel African. Today I feel a migrant worker."
    items = [("fifa", said, "statement", "Gianni Infantino"), ("a", said, "direct", "Gianni Infantino"),
             ("b", "Today I feel Arab. Today I feel a migrant worker.", "direct", "Gianni Infantino")]
    quotes, texts, roles = quotes_of(*items, role={"fifa": "primary"})
    result = align.align(quotes, texts, roles)
    assert drift.edits_table(result, texts).empty  # every sentence against its own, none against its neighbour
    assert {result.units[result.family_of[u]].source for u in result.utterance_of} == {"fifa"}
