"""corrections.csv: a reader's corrections are applied on the next run, marked, and change the scorecard as the
README documents (a garble corrected to 'none' stops counting; a corrected speaker is compared like any other)."""

from __future__ import annotations

import shutil

import pytest

from quotedrift import CorpusError, analyze
from quotedrift.corrections import FILE
from quotedrift.paths import SEEDS

DAMAGED = "002_12439db231305b66"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "seeds_reviewed"
    shutil.copytree(SEEDS, folder)
    return folder


def write(folder, *lines: str) -> None:
    (folder / FILE).write_text("row_id,field,value,note\n" + "".join(line + "\n" for line in lines), encoding="utf-8")


def test_garbles_corrected_to_none_stop_counting(corpus, seed_analysis):
    before = seed_analysis.scorecard.set_index("source")
    garbles = seed_analysis.garbles
    mine = garbles[garbles["source"] == DAMAGED].head(3)
    ids = [f"{r.source}:{r.start}:{r.end}" for r in mine.itertuples()]
    write(corpus, *(f"{gid},kind,none,reader: not damage" for gid in ids))
    after_analysis = analyze(corpus)
    after = after_analysis.scorecard.set_index("source")
    words = int(before.at[DAMAGED, "words"])
    assert after.at[DAMAGED, "garbles"] == before.at[DAMAGED, "garbles"] - 3
    assert after.at[DAMAGED, "garbles_per_1000_words"] == round(1000 * (before.at[DAMAGED, "garbles"] - 3) / words, 2)
    others = [s for s in before.index if s != DAMAGED]
    assert (after.loc[others, "garbles"] == before.loc[others, "garbles"]).all()
    assert sorted(after_analysis.rejected["garble_id"]) == sorted(ids)
    assert set(after_analysis.rejected["corrected"].str.endswith("→ none (reader: not damage)")) == {True}
    assert not set(ids) & set(after_analysis.garbles["garble_id"])


def test_a_relabelled_garble_keeps_counting_under_its_new_kind(corpus, seed_analysis):
    row = seed_analysis.garbles[seed_analysis.garbles["kind"] == "repeated_word"].iloc[0]
    write(corpus, f"{row.source}:{row.start}:{row.end},kind,glued_words,")
    after = analyze(corpus)
    fixed = after.garbles.set_index("garble_id").loc[f"{row.source}:{row.start}:{row.end}"]
    assert fixed["kind"] == "glued_words" and fixed["corrected"] == "kind: repeated_word → glued_words"
    card_before = seed_analysis.scorecard.set_index("source")
    card_after = after.scorecard.set_index("source")
    assert card_after.at[row.source, "garbles"] == card_before.at[row.source, "garbles"]
    assert card_after.at[row.source, "garbles_per_1000_glued_words"] > card_before.at[row.source, "garbles_per_1000_glued_words"]


def test_a_corrected_speaker_is_compared_with_the_other_sources(corpus, seed_analysis):
    attribution = seed_analysis.attribution
    shared = attribution[attribution["compared"].astype(bool)] if "compared" in attribution else attribution
    agreeing = shared[shared["flags"].fillna("") == ""].iloc[0]
    quotes = seed_analysis.quotes
    versions = quotes[(quotes["source"] == agreeing["source"]) & (quotes["utterance_id"] == agreeing["utterance_id"])]
    quote = versions.iloc[0]
    write(corpus, *(f"{qid},speaker,Someone Else Entirely,reader check" for qid in versions["quote_id"]))
    after = analyze(corpus)
    fixed = after.quotes.set_index("quote_id").loc[quote.quote_id]
    assert fixed["speaker"] == "Someone Else Entirely"
    assert fixed["corrected"].startswith(f"speaker: {quote.speaker} → Someone Else Entirely")
    rows = after.attribution[(after.attribution["source"] == agreeing["source"])
                             & (after.attribution["utterance_id"] == agreeing["utterance_id"])]
    assert "Someone Else Entirely" in set(rows["speaker"]) and (rows["flags"].fillna("") != "").any()
    before = seed_analysis.scorecard.set_index("source").at[agreeing["source"], "attribution_agreement"]
    assert after.scorecard.set_index("source").at[agreeing["source"], "attribution_agreement"] < before


def test_no_corrections_file_changes_nothing(seed_analysis):
    assert (seed_analysis.quotes["corrected"] == "").all() and (seed_analysis.garbles["corrected"] == "").all()
    assert seed_analysis.rejected.empty


@pytest.mark.parametrize(
    ("line", "message"),
    [("000_9b930dce00ab652e:q001,words,12,", f"{FILE} line 2: field 'words' cannot be corrected"),
     ("nobody:q999,speaker,X,", f"{FILE} line 2: no quotation or garble row 'nobody:q999'"),
     ("000_9b930dce00ab652e:1:2,kind,none,", f"{FILE} line 2: no quotation or garble row '000_9b930dce00ab652e:1:2'"),
     ("000_9b930dce00ab652e:1:34,speaker,X,", f"{FILE} line 2: a garble row takes only 'kind'")],
)
def test_bad_corrections_are_one_clear_error_and_the_file_is_untouched(corpus, line, message):
    write(corpus, line)
    before = (corpus / FILE).read_bytes()
    with pytest.raises(CorpusError) as err:
        analyze(corpus)
    assert str(err.value).startswith(message) and "\n" not in str(err.value)
    assert (corpus / FILE).read_bytes() == before


def test_a_corrected_cue_drops_its_span_so_every_span_stays_evidence(corpus, seed_analysis):
    from span_claims import false_spans

    quote = seed_analysis.quotes[seed_analysis.quotes["cue"].fillna("") != ""].iloc[0]
    write(corpus, f"{quote.quote_id},cue,claimed,reader")
    after = analyze(corpus)
    fixed = after.quotes.set_index("quote_id").loc[quote.quote_id]
    assert fixed["cue"] == "claimed" and (fixed["cue_start"], fixed["cue_end"]) == (-1, -1)
    assert false_spans(after.tables, after.texts) == []
