"""Attribution: cue stance, relays, and every flag on hand-made rows where the right answer is known."""

from __future__ import annotations

import pandas as pd
import pytest

from quotedrift import attribution
from quotedrift.attribution import cue_stance, relay_name, row_flags, spelling_key


@pytest.mark.parametrize(
    ("cue", "loaded_words", "expected"),
    [("said", "", "neutral"), ("told", "", "neutral"), ("added", "", "neutral"), ("noted", "", "neutral"),
     ("according to", "", "neutral"), ("claimed", "", "loaded"), ("slammed", "", "loaded"),
     ("dismissed", "", "loaded"), ("insisted", "", "loaded"), ("admitted", "", "loaded"),
     ("threatened", "", "loaded"), ("warning", "dismissed", "loaded"), ("", "", "none")],
)
def test_cue_stance(cue, loaded_words, expected):
    assert cue_stance(cue, loaded_words) == expected


@pytest.mark.parametrize(
    ("relay", "expected"),
    [("as quoted by the state-run Korean Central news Agency", "KCNA"), ("Korea's Central News Agency", "KCNA"),
     ("Korean Central News Agency (KCNA)", "KCNA"), ("(Yonhap)", "Yonhap"), ("Pyongyang's state media", "state media"),
     ("told reporters", "press briefing"), ("", ""), (None, ""), ("his blog", "other")],
)
def test_relay_name(relay, expected):
    assert relay_name(relay) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Kwon Jong-gun", "Kwon Jong Gun", True), ("Kim Yo-jong", "kim yo jong", True),
     ("Kwon Jong-jun", "Kwon Jong Gun", False), ("Kwon Jung Joon", "Kwon Jong Gun", False)],
)
def test_spelling_key(a, b, same):
    assert (spelling_key(a) == spelling_key(b)) is same


def row(source, speaker="Kwon Jong Gun", spelling="Kwon Jong Gun", title="director general of the Department of US Affairs",
        stance="neutral", relay="KCNA"):
    return {"source": source, "speaker": speaker, "name_spelling": spelling, "title": title, "cue_stance": stance,
            "relay_name": relay}


@pytest.mark.parametrize(
    ("mine", "expected"),
    [
        (row("x"), []),
        (row("x", speaker="Kim Yo Jong"), ["speaker_differs"]),
        (row("x", spelling="Kwon Jung Joon"), ["unique_spelling"]),
        (row("x", spelling="Kwon Jong-gun"), []),  # hyphenation is not a different spelling
        (row("x", title="head of the Wagner Group"), ["title_departs"]),
        (row("x", title="director-general in charge of U.S. affairs"), []),
        (row("x", title="the official"), []),  # less specific, not different
        (row("x", title="a senior official of the ministry"), []),
        (row("x", title="spokesperson of the ministry"), ["title_departs"]),  # a role of its own
        (row("x", stance="loaded"), ["loaded_cue"]),
        (row("x", relay=""), ["relay_dropped"]),
    ],
)
def test_row_flags(mine, expected):
    others = [row("a"), row("b"), row("c", relay="")]
    spellings = {spelling_key(r["name_spelling"]) for r in others}
    titles = [r["title"] for r in others]
    assert row_flags(mine, others, spellings, titles) == expected


def test_loaded_cue_is_not_flagged_when_most_others_are_loaded_too():
    others = [row("a", stance="loaded"), row("b", stance="loaded"), row("c")]
    assert row_flags(row("x", stance="loaded"), others, set(), []) == []


def test_attribution_table_on_hand_made_quotes():
    text_a = "Kwon Jong Gun said “we never sold arms to anyone at all.” He was quoted by KCNA."
    text_b = "Kwon Jung Joon claimed “we never sold arms to anyone at all.”"
    rows = []
    for source, text, mention, cue, relay in [("a", text_a, "Kwon Jong Gun", "said", "KCNA"),
                                              ("b", text_b, "Kwon Jung Joon", "claimed", "")]:
        start = text.index("we never")
        end = text.index(".”") + 1
        rows.append({"quote_id": f"{source}:q001", "source": source, "start": start, "end": end,
                     "text": text[start:end], "kind": "direct", "speaker": "Kwon Jong Gun", "speaker_mention": mention,
                     "cue": cue, "relay": relay, "utterance_id": "u001", "title": ""})
    table = attribution.attribution_table(pd.DataFrame(rows), {"a": text_a, "b": text_b}).set_index("source")
    assert table.loc["b", "name_spelling"] == "Kwon Jung Joon"
    assert table.loc["b", "cue_stance"] == "loaded"
    assert table.loc["b", "flags"] == "unique_spelling;loaded_cue;relay_dropped"
    assert table.loc["a", "flags"] == "unique_spelling"  # two sources, two spellings: each is unique
    summary = attribution.agreement(table.reset_index()).set_index("source")
    assert summary.loc["a", "attribution_agreement"] == 0.0 and summary.loc["b", "loaded_cue_share"] == 1.0


def test_seed_attribution_shows_three_spellings_of_kwon_in_002(seed_analysis):
    table = seed_analysis.attribution
    aggregator = table[table["source"].str.startswith("002") & (table["speaker"] == "Kwon Jong Gun")]
    assert set(aggregator["name_spelling"]) == {"Kwon Jong-jun", "Kwon Jung Joon", "Kwon Jong Gun"}
    unique = aggregator[aggregator["flags"].str.contains("unique_spelling")]
    assert set(unique["name_spelling"]) == {"Kwon Jong-jun", "Kwon Jung Joon"}
    stances = {(s[:3], c): st for s, c, st in zip(table["source"], table["cue"], table["cue_stance"])}
    assert stances[("001", "claimed")] == "loaded"
    assert stances[("002", "warning")] == "loaded"  # framed by 'dismissed' in its sentence
    assert table[table["source"].str.startswith("002")]["loaded_words"].str.contains("dismissed").any()
    titles = set(table.loc[table["speaker"] == "Kwon Jong Gun", "title"])
    assert len(titles) >= 3  # the titles differ as printed


def _quote(source, text, words, speaker, cue, utterance="", confidence=1.0, n=1):
    start = text.index(words)
    return {"quote_id": f"{source}:q{n:03d}", "source": source, "start": start, "end": start + len(words),
            "text": words, "kind": "partial", "speaker": speaker, "speaker_mention": speaker, "cue": cue,
            "relay": "", "utterance_id": utterance, "title": "", "speaker_confidence": confidence}


def test_every_quotation_has_an_attribution_row_linked_or_not():
    text_a = "Ann Lee said “the plan is dead” and slammed the “baseless rumour” of a deal."
    text_b = "Ann Lee said “the plan is dead”."
    rows = [_quote("a", text_a, "the plan is dead", "Ann Lee", "said", "u001"),
            _quote("a", text_a, "baseless rumour", "Ann Lee", "slammed", n=2),
            _quote("b", text_b, "the plan is dead", "Ann Lee", "said", "u001")]
    table = attribution.attribution_table(pd.DataFrame(rows), {"a": text_a, "b": text_b})
    assert set(table["quote_id"]) == {"a:q001", "a:q002", "b:q001"}
    alone = table.set_index("quote_id").loc["a:q002"]
    assert pd.isna(alone["utterance_id"])
    assert (alone["cue_stance"], bool(alone["compared"]), alone["flags"]) == ("loaded", False, "")
    summary = attribution.agreement(table).set_index("source")
    assert summary.loc["a", "attribution_rows"] == 1  # agreement counts compared rows only



@pytest.mark.parametrize("story", ["seeds", "nov2022_musk_hardcore"])
def test_every_quotation_is_an_utterance_with_its_attribution_row(story, seed_analysis, story_analysis):
    analysis = seed_analysis if story == "seeds" else story_analysis(story)
    quotes, utterances, table = analysis.quotes, analysis.utterances.set_index("utterance_id"), analysis.attribution
    assert quotes["utterance_id"].map(lambda u: isinstance(u, str) and u != "").all()
    assert set(quotes["utterance_id"]) == set(utterances.index)  # every id resolves, no utterance is empty
    rows = set(zip(table["utterance_id"], table["source"]))
    assert all((u, s) in rows for u, s in zip(quotes["utterance_id"], quotes["source"]))
    single = utterances[utterances["n_sources"] == 1]
    assert (single["reference_basis"] == "single").all() and (single["n_quotes"] == 1).all()
    assert not table.loc[table["utterance_id"].isin(single.index), "compared"].any()
    assert table.loc[~table["utterance_id"].isin(single.index), "compared"].all()
    members = set(analysis.quote_utterances["utterance_id"]) | set(analysis.edits["utterance_id"])
    assert not members & set(single.index)  # memberships and edits: compared utterances only

@pytest.mark.parametrize("confidence, flagged", [(1.0, True), (0.9, True), (0.6, False), (0.0, False)])
def test_speaker_differs_needs_a_confident_speaker(confidence, flagged):
    text = "X said “the plan is dead”."
    rows = [_quote(s, text, "the plan is dead", "Ann Lee", "said", "u001") for s in ("a", "b")]
    rows.append(_quote("c", text, "the plan is dead", "Bob Ray", "said", "u001", confidence=confidence))
    table = attribution.attribution_table(pd.DataFrame(rows), {s: text for s in "abc"}).set_index("source")
    assert ("speaker_differs" in table.loc["c", "flags"]) == flagged
