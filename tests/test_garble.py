"""Garbling detectors: what each must find, what each must leave alone, and the seeds against the gold."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotedrift import garble
from quotedrift.garble import chrome, encoding, quotemarks, repeats, spelling
from quotedrift.garble.util import merge_overlaps
from quotedrift.corpus import load_corpus
from quotedrift.evaluate import load_gold, score_garbles, unmatched_garbles
from quotedrift.garble_precision import clean_sources, confirmed
from quotedrift.paths import CORPORA, SEEDS
from quotedrift.text import normalise_word, tokens

QUOTE_COLUMNS = ["quote_id", "source", "start", "end", "text", "kind", "speaker", "speaker_mention", "cue",
                 "relay", "repair", "repair_start", "repair_end", "repair_detail"]


def spans(rows: list[dict], text: str) -> list[str]:
    return [text[r["start"]:r["end"]] for r in rows]


def check(detector, text: str, expected: str | None) -> None:
    """``expected`` is the evidence the detector must point at, or None when it must find nothing."""
    found = spans(detector(text), text)
    if expected is None:
        assert found == [], f"{detector.__name__} flagged {found} in {text!r}"
    else:
        assert expected in found, f"{detector.__name__} found {found}, not {expected!r}, in {text!r}"


# ---------------------------------------------------------------------------------------------- repeated_word


@pytest.mark.parametrize("text, expected", [
    ("accused North Korea of supplying missiles and missiles to the Wagner Group", "missiles and missiles"),
    ("Russia’s military action in Ukraine to to be protected", "to to"),
    ("North Korea said it had He had no arms deals with Russia", "it had He had"),
    ("according to the the US Treasury", "the the"),
    ("The the report said", "The the"),
    ("it was reported in the in the capital", "in the in the"),
])
def test_repeated_word_found(text, expected):
    check(garble.repeated_words, text, expected)


@pytest.mark.parametrize("text", [
    "By the time he arrived he had had enough",
    "He said that that purchase was never made",
    "She waved bye bye to the crowd",
    "The talks went on again and again",
    "It took years and years of talks",
    "The shelling grew louder and louder",
    "It was a he said she said dispute",
    "By HYUNG-JIN KIM and KIM TONG-HYUNG",
    "Sirhan Sirhan was convicted",
    "a very very long war",
    "North Korea has denied supplying missiles and rockets",
    "Not regular hardcore. Hardcore hardcore. Extremely hardcore.",  # a sentence of the doubled word: emphasis
])
def test_repeated_word_legitimate(text):
    check(garble.repeated_words, text, None)


# ---------------------------------------------------------------------------------------------- glued_words


@pytest.mark.parametrize("text, expected", [
    ("classified Wagner as “transnational criminal organizationEarlier this month", "organizationEarlier"),
    ("accused Washington of “Cross the red lineSending tanks to Ukraine.", "lineSending"),
    ("the delegation left Moscowafter the talks", "Moscowafter"),
    ("fighting the Donetskbacked separatists", "Donetskbacked"),
    ("Kim Jong-un’ssister warned", "Jong-un’ssister"),
    ('DPRK on US allegations of arms to Russia: A"self-made rumor"', 'A"self-made'),
    ("A photo of Russian soldiersiStock", "soldiersiStock"),
    ("Kremenchuk, UkraineReuters", "UkraineReuters"),
    ("ThisThe deputy director said", "ThisThe"),
])
def test_glued_words_found(text, expected):
    check(garble.glued_words, text, expected)


@pytest.mark.parametrize("text", [
    "He checked his iPhone before eating at McDonald.",
    "She paid with PayPal and watched YouTube.",
    "LinkedIn, WhatsApp, TikTok and BlackRock",
    "the Russian-backed separatists of the self-proclaimed republic",
    "long-range, well-known, so-called weapons",
    "Kim Jong-un’s sister, the DPRK’s statement, O’Brien’s view",
    'He called it a "self-made rumor".',
    "DeSantis met McCarthy and MacKenzie",
    "Côte d’Ivoire, Jean-Yves Le Drian, Vasily Nebenzia, Yevgeny Prigozhin",
    "the Japanese Tokio Simbun reported",
])
def test_glued_words_legitimate(text):
    check(garble.glued_words, text, None)


# ---------------------------------------------------------------------------------------------- midsentence_capital


@pytest.mark.parametrize("text, expected", [
    ("it had no arms deals with Russia And it has no plans to do so.", "Russia And it"),
    ("Trying to distort the image [North Korea] By making up something", "[North Korea] By making"),
    ("the officials said the But it was not true", "the But it"),
    ("Trying to distort the image (of the country) By making up something", "(of the country) By making"),
])
def test_midsentence_capital_found(text, expected):
    check(garble.midsentence_capitals, text, expected)


@pytest.mark.parametrize("text", [
    "The statement was clear: But it was ignored.",
    'He said "And so it goes" and left.',
    "a spokesman for the Department Of Defense said",
    "North Korea Denies Sending Arms To Russia And Warns the US",
    "Plan A and plan B were rejected.",
    "Russia — But it denied the claim.",
    "I think it is another fake.",
    "today I feel like a migrant worker… (…) Of course I’m not Qatari",  # an editor's ellipsis: words left out
    "he said the talks [...] In any case they failed",
])
def test_midsentence_capital_legitimate(text):
    check(garble.midsentence_capitals, text, None)


# ---------------------------------------------------------------------------------------------- broken_sentence


@pytest.mark.parametrize("text, expected", [
    ("and issued a warning.Mi Tian lied", "warning.Mi"),
    ("to use in Ukraine.John Kirby said", "Ukraine.John"),
    ("dismissed the ‘reckless remarks’.North Korea says", "remarks’.North"),
    ("Kim Bum-soo has more.Report: the White House", "more.Report"),
    ("International law also prohibits the employment of mercenar\nThe ministry said.", "mercenar"),
    ("It was he who accused Pyongyang of allegedly supplying m\nThe ministry said.", "m"),
    ("Today I feel\n\na migrant worker.", "feel\n\na"),
    ("This was stated by\n\nGianni Infantino\n\n, president of Fifa", "Infantino\n\n,"),
])
def test_broken_sentence_found(text, expected):
    check(garble.broken_sentences, text, expected)


@pytest.mark.parametrize("text", [
    "The U.S. said on Jan. 20 that it would act.",
    "Prices rose 3.5 percent, officials said.",
    "Read it at kcna.kp or www.Example.com/News.Today and write to sooyeon@yna.co.kr",
    "Mr.Smith and Dr.Jones met.",
    "The article ends in an ordinary word",
    "Headline Without Punctuation\nBody text follows.",
    "North Korea, Plan B",
    "The capture of the page stops inside the last word: mercenar",
    "He said so.\n\nAnd then he left.",
])
def test_broken_sentence_legitimate(text):
    check(garble.broken_sentences, text, None)


# ---------------------------------------------------------------------------------------------- untranslated_text


@pytest.mark.parametrize("text, expected", [
    ("is trying to distort the image of [la Corée du Nord] by making up", "la Corée du Nord"),
    ("The ministry said dass die Regierung nicht zahlen wird and left.", "dass die Regierung nicht zahlen wird"),
])
def test_untranslated_text_found(text, expected):
    check(garble.untranslated_text, text, expected)


@pytest.mark.parametrize("text", [
    "a de facto ban on exports",
    "as reported by Le Monde and Der Spiegel",
    "North Korean leader Kim Jong Un",
    "after a coup d’état in the capital",
    "French Foreign Minister Jean-Yves Le Drian said",
    "Maria de la Rosa said",
])
def test_untranslated_text_legitimate(text):
    check(garble.untranslated_text, text, None)


# ---------------------------------------------------------------------------------------------- mojibake


@pytest.mark.parametrize("text, expected", [
    ("he donâ€™t know", "donâ€™t"),
    ("the Ã©tÃ© report", "Ã©tÃ©"),
])
def test_mojibake_found(text, expected):
    check(garble.mojibake, text, expected)


@pytest.mark.parametrize("text", [
    "Kwon’s statement – “a foolish attempt” – was read on KCNA.",
    "The ministry (Ministère des Affaires étrangères) said “non”.",
])
def test_mojibake_legitimate(text):
    check(garble.mojibake, text, None)


def test_mojibake_detail_gives_the_repair():
    [found] = garble.mojibake("he donâ€™t know")
    assert "don’t" in found["detail"]


# ---------------------------------------------------------------------------------------------- name_inconsistency


def test_name_inconsistency_found():
    text = ("Kwon Jong-jun dismissed the accusations. “It is a provocation,” Kwon Jung Joon said. "
            "Kwon Jong Gun reiterated Pyongyang’s concerns.")
    found = spans(garble.name_inconsistencies(text), text)
    assert {"Kwon Jong-jun", "Kwon Jung Joon"} <= set(found)


def test_name_inconsistency_one_spelling():
    text = "Kwon Jong Gun dismissed the accusations. Kwon said it was a provocation. Kwon Jong Gun added more."
    check(garble.name_inconsistencies, text, None)


@pytest.mark.parametrize("text, expected", [
    ("Antony Blinken went to Beijing. Anthony Blink met Xi.", "Anthony Blink"),
    ("Ursula von der Leyen spoke. Ursla von der Leyen said so.", "Ursla von der Leyen"),
    ("Kwon Jong-jun spoke. Kwon Jung Joon said so.", "Kwon Jung Joon"),
    ("Giovanni Vincenzo Infantino spoke. Gianni Infantin said so.", "Gianni Infantin"),  # surname differs
    ("Giovanni Vincenzo Infantino spoke. Govanni Infantino said so.", "Govanni Infantino"),  # a letter dropped
    ("Antony John Blinken spoke. Antoni Blinken said so.", "Antoni Blinken"),  # a letter changed
])
def test_name_inconsistency_found_cases(text, expected):
    check(garble.name_inconsistencies, text, expected)


@pytest.mark.parametrize("text", [
    "Giovanni Vincenzo Infantino is a football administrator. Gianni Infantino was elected in 2016.",
    "Antony Blinken met Xi. Tony Blinken said so.",
])
def test_name_inconsistency_legitimate(text):
    check(garble.name_inconsistencies, text, None)


# ---------------------------------------------------------------------------------------------- rows and table


@pytest.mark.parametrize("detector", [
    garble.repeated_words, garble.glued_words, garble.midsentence_capitals, garble.broken_sentences,
    garble.untranslated_text, garble.mojibake, garble.name_inconsistencies,
])
def test_rows_carry_kind_detail_and_severity(detector):
    text = ("North Korea said it had He had no deals with Russia And it supplied missiles and missiles to "
            "the organizationEarlier.Kirby said [la Corée du Nord] donâ€™t. Kwon Jong-jun and Kwon Jung Joon.")
    rows = detector(text)
    assert rows
    for r in rows:
        assert set(r) == {"start", "end", "kind", "detail", "severity"}
        assert 0 <= r["start"] < r["end"] <= len(text)
        assert r["severity"] == garble.severity(r["kind"]) in (1, 2, 3)
        assert text[r["start"]:r["end"]] in r["detail"]


def write_corpus(folder, articles: dict[str, str]):
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_corpus(folder)


ENGLISH = ("North Korea said it had He had no arms deals with Russia And it has no plans to do so. "
           "The United States accused Pyongyang of supplying missiles and missiles to Wagner.\n\nSource link\n")
FRENCH = ("La Corée du Nord a démenti un rapport des médias selon lequel elle aurait fourni des munitions à la "
          "Russie, le qualifiant de sans fondement, et a dénoncé les États-Unis pour avoir fourni des armes. "
          "Le ministère des Affaires étrangères a dit que le rapport est le leurre le plus absurde.\n\nSource link\n")


def test_find_garbles_table(tmp_path):
    corpus = write_corpus(tmp_path, {"en.txt": ENGLISH, "fr.txt": FRENCH})
    start = ENGLISH.index("missiles and")
    quotes = pd.DataFrame([{
        "quote_id": "en-1", "source": "en", "start": start, "end": start + 10, "text": ENGLISH[start:start + 10],
        "kind": "partial", "speaker": "", "speaker_mention": "", "cue": "", "relay": "",
        "repair": "unbalanced_quote", "repair_start": start, "repair_end": start + 10,
        "repair_detail": "an opening quotation mark has no closing mark",
    }], columns=QUOTE_COLUMNS)
    table = garble.find_garbles(corpus, quotes)
    assert list(table.columns) == list(garble.COLUMNS)
    assert table.equals(table.sort_values(["source", "start", "kind"], kind="stable").reset_index(drop=True))
    for r in table.itertuples():
        assert r.text == corpus.texts[r.source][r.start:r.end]
    kinds = set(table.loc[table["source"] == "en", "kind"])
    assert {"repeated_word", "midsentence_capital", "boilerplate", "unbalanced_quote"} <= kinds
    # the French article is out of scope: only its boilerplate is reported
    assert set(table.loc[table["source"] == "fr", "kind"]) == {"boilerplate"}


def test_find_garbles_with_empty_quotes(tmp_path):
    corpus = write_corpus(tmp_path, {"en.txt": ENGLISH})
    table = garble.find_garbles(corpus, pd.DataFrame(columns=QUOTE_COLUMNS))
    assert "unbalanced_quote" not in set(table["kind"])
    assert "repeated_word" in set(table["kind"])


# ---------------------------------------------------------------------------------------------- the seeds

# Every row on the seeds that overlaps no gold garble, with the reason it is right.
EXPECTED_UNMATCHED = {
    ("002_12439db231305b66", "name_inconsistency", "Kwon Jong Gun"):
        "the third of the three spellings of one official in this article (Kwon Jong-jun, Kwon Jung Joon, "
        "Kwon Jong Gun; issue 5 names all three); the gold marks only the two that depart from KCNA's spelling",
    ("002_12439db231305b66", "departure", "American"):
        "'Department of American Affairs' inside the official's title, where the other reports print "
        "'Department of US Affairs' (a spinner's synonym inside a fixed name)",
    ("000_9b930dce00ab652e", "departure", "Korean Central news Agency"):
        "the agency's name with a lower-case 'news', where the other reports capitalise every word",
    ("003_ecf0d073c9817f33", "departure", "Korea's"):
        "'Korea's Central News Agency' for the 'Korean Central News Agency' every other report prints",
}


@pytest.fixture(scope="module")
def seeds_analysis():
    from quotedrift.analysis import analyze

    return analyze(SEEDS)


def test_seed_garble_recall(seeds_analysis):
    gold = load_gold(texts=seeds_analysis.texts)
    scores = score_garbles(seeds_analysis.garbles, gold)
    assert scores["garble_recall"] >= 0.95, scores


def test_seed_rows_without_gold_are_explained(seeds_analysis):
    gold = load_gold(texts=seeds_analysis.texts)
    unmatched = unmatched_garbles(seeds_analysis.garbles, gold)
    found = {(r.source, r.kind, r.text) for r in unmatched.itertuples()}
    assert found == set(EXPECTED_UNMATCHED)


def test_seed_rows_point_into_the_texts(seeds_analysis):
    table = seeds_analysis.garbles
    assert list(table.columns[:7]) == list(garble.COLUMNS)
    for r in table.itertuples():
        assert r.text == seeds_analysis.texts[r.source][r.start:r.end]


# ---------------------------------------------------------------------------------------------- precision script


def test_clean_sources_rule():
    articles = pd.DataFrame({
        "source": ["a", "b", "c", "d"],
        "notes": ["wire copy of AFP; faithful quotes", "wire: Yonhap original", "spun copy; glued words",
                  "wire copy of AP"],
        "in_scope": [True, True, True, False],
    })
    assert clean_sources(articles) == ["a", "b"]
    articles["clean"] = ["", "no", "yes", "yes"]
    assert clean_sources(articles) == ["c"]


def test_confirmed_by_notes():
    row = pd.Series({"kind": "boilerplate", "text": "Short link:", "end": 10})
    assert confirmed(row, "wire copy of AFP; 'Short link:' boilerplate")
    assert not confirmed(row, "wire copy of AFP; faithful quotes")
    cut = pd.Series({"kind": "broken_sentence", "text": "bringin", "end": 30})
    assert confirmed(cut, "wire copy of Reuters; excerpt truncated", "x" * 23 + "bringin")
    assert not confirmed(cut, "wire copy of Reuters", "x" * 23 + "bringin")


@pytest.mark.parametrize("rows, expected", [
    ([], []),
    ([("page_chrome", True), ("quote_marks", False), ("page_chrome", True), ("quote_marks", True)],
     ["quote_marks", "page_chrome"]),  # the most unconfirmed first
    ([("page_chrome", True), ("glued_words", True), ("page_chrome", False)], ["page_chrome", "glued_words"]),
    ([("glued_words", True), ("boilerplate", True)], ["boilerplate", "glued_words"]),  # ties: by name
])
def test_precision_tally_per_kind(rows, expected):
    from quotedrift.garble_precision import Tally

    story, total = Tally(words=2000), Tally()
    for kind, is_confirmed in rows:
        story.count(kind, is_confirmed)
    total.add(story)
    assert [line.split()[0] for line in total.kinds_table()] == expected
    assert (total.rows, total.unconfirmed, total.rate()) == (len(rows), sum(not ok for _, ok in rows),
                                                             sum(not ok for _, ok in rows))
    for kind in expected:
        unconfirmed = sum(k == kind and not ok for k, ok in rows)
        assert f" {sum(k == kind for k, _ in rows)} rows   {unconfirmed} unconfirmed" in \
            next(line for line in total.kinds_table() if line.split()[0] == kind)


def test_precision_script_runs_on_a_folder(tmp_path, capsys):
    from quotedrift.garble_precision import main

    (tmp_path / "wire.txt").write_text("The ministry said it had no plans to export arms.\n", encoding="utf-8")
    (tmp_path / "spun.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,notes\nwire.txt,wire copy of AP\nspun.txt,spun copy\n", encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "clean copies (notes starting with 'wire'): 1" in out and "0 unconfirmed" in out
    assert "clean copies, per kind" in out


def test_precision_script_counts_unconfirmed_rows_per_kind(tmp_path, capsys):
    from quotedrift.garble_precision import main

    mixed = "“We will not export arms,\" the ministry said on Monday in a statement.\n"
    (tmp_path / "wire.txt").write_text(mixed, encoding="utf-8")
    (tmp_path / "listed.txt").write_text(mixed, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,notes\nwire.txt,wire copy of AP\nlisted.txt,wire copy of AP; mixed curly/straight quotes\n",
        encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^  quote_marks +2 rows +1 unconfirmed$", out, re.MULTILINE), out


# ---------------------------------------------------------------------------------------------- departure (stretch)

REPORT = "The director general of the Department of {0} Affairs dismissed the claims on Sunday.\n"


def test_departure_found(tmp_path):
    corpus = write_corpus(tmp_path, {"a.txt": REPORT.format("US"), "b.txt": REPORT.format("U.S."),
                                     "c.txt": REPORT.format("US"), "d.txt": REPORT.format("American")})
    rows = garble.cross_source_departures(corpus)
    assert [(r["source"], corpus.texts[r["source"]][r["start"]:r["end"]]) for r in rows] == [("d", "American")]
    assert "‘US’" in rows[0]["detail"]


DATED = "date 2022-12-23 {0} foreign ministry has denied media reports on Friday.\n"
MINISTRY = "A vice director of the Ministry of National {0} read a statement on Monday.\n"
BUREAU = "The director general of the General {0} of Equipment at the ministry said so on Thursday.\n"


@pytest.mark.parametrize("template, usual, departing", [
    (REPORT, "US", "American"),
    (REPORT, "US", "Continental"),
    (BUREAU, "Bureau", "Office"),  # a fixed name's word swapped for a synonym
])
def test_departure_found_cases(tmp_path, template, usual, departing):
    texts = {f"{n}.txt": template.format(usual) for n in "abc"} | {"d.txt": template.format(departing)}
    corpus = write_corpus(tmp_path, texts)
    found = [(r["source"], corpus.texts[r["source"]][r["start"]:r["end"]]) for r in garble.cross_source_departures(corpus)]
    assert ("d", departing) in found


@pytest.mark.parametrize("template, usual, other", [
    (MINISTRY, "Defense", "Defence"),  # US and UK house style
    (REPORT, "Labor", "Labour"),
    (DATED, "North Korea's", "Pyongyang's"),  # beside a date, not inside a name
])
def test_departure_legitimate(tmp_path, template, usual, other):
    texts = {f"{n}.txt": template.format(usual) for n in "abc"} | {"d.txt": template.format(other)}
    assert garble.cross_source_departures(write_corpus(tmp_path, texts)) == []


def test_departure_needs_two_agreeing_others(tmp_path):
    corpus = write_corpus(tmp_path, {"a.txt": REPORT.format("US"), "d.txt": REPORT.format("American")})
    assert garble.cross_source_departures(corpus) == []


# ---------------------------------------------------------------------------------------------- fast paths give the same rows

MOJIBAKE_ALPHABET = "abcXYZ .,\n’“”–—Â Ã€œŠš¢£Ÿž×²ØÙàâ√≈‚ÄвЂГўВРСβ€ΒΓāœ°\x85¦¤¨¬"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=MOJIBAKE_ALPHABET, max_size=60))
def test_mojibake_prefilter_agrees_with_ftfy(text):
    from ftfy.badness import is_bad

    assert encoding._maybe_bad(text, is_bad) == is_bad(text)


def _all_positions_repeated_words(text):
    """repeated_words without the candidate filter: every detector at every position."""
    words = tokens(text)
    keys = [normalise_word(w.text) for w in words]
    rows = []
    for i in range(len(words)):
        found = (repeats._doubled_word(text, words, keys, i) or repeats._doubled_fragment(text, words, keys, i)
                 or repeats._doubled_around_and(text, words, keys, i) or repeats._pronoun_swapped(text, words, keys, i))
        if found:
            rows.append(found)
    return merge_overlaps(rows)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["it", "had", "He", "to", "the", "in", "and", "missiles", "said", "Kim", "."]),
                max_size=30))
def test_repeat_candidates_skip_nothing(words):
    text = " ".join(words)
    assert garble.repeated_words(text) == _all_positions_repeated_words(text)


@pytest.mark.parametrize("word", ["lineSending", "Moscowafter", "Jong-un’ssister", "iPhone", "organizationEarlier"])
def test_glued_words_memo_gives_offsets_in_each_text(word):
    for prefix in ("", "A long prefix before "):
        text = prefix + word
        assert spans(garble.glued_words(text), text) == spans(garble.glued_words(word), word)


def test_foreign_lookup_is_the_best_of_the_languages():
    for word in ("la", "Corée", "und", "missiles", "der", "nicht"):
        assert garble.foreign_zipf().get(normalise_word(word), 0.0) == max(
            garble.zipf(word, language) for language in garble.FOREIGN_LANGUAGES)


# ---------------------------------------------------------------------------------------------- the registry

SHOUTING = "test_shouting"


@pytest.fixture
def shouting():
    """A detector registered by this test module alone: words of five or more capitals."""
    @garble.register(SHOUTING, severity=2, colour="#123456", explanation="‘{text}’: a word printed in capitals",
                     confirmed_by=("shouting",))
    def find_shouting(text, words):
        return [garble.row(w.start, w.end, SHOUTING, f"‘{w.text}’ is printed in capitals")
                for w in words if len(w.text) >= 5 and w.text.isalpha() and w.text.isupper()]

    yield find_shouting
    garble.unregister(SHOUTING)


SHOUTED = "The ministry said it had NEVER exported arms to Russia, and it would not do so.\n"


def test_registered_detector_shows_up_everywhere(shouting, tmp_path, capsys):
    from quotedrift import display, narrative
    from quotedrift.analysis import analyze
    from quotedrift.garble_precision import main

    (tmp_path / "wire.txt").write_text(SHOUTED, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,notes\nwire.txt,wire copy; shouting kept\n", encoding="utf-8")
    analysis = analyze(tmp_path)
    rows = analysis.garbles[analysis.garbles["kind"] == SHOUTING]
    assert rows["text"].tolist() == ["NEVER"] and rows["severity"].tolist() == [2]
    assert f"garbles_per_1000_{SHOUTING}" in analysis.scorecard.columns
    legend = display.kind_legend([SHOUTING])
    assert "#123456" in legend and "a word printed in capitals" in legend
    assert "#123456" in display.highlight_html(SHOUTED, rows)
    assert any(SHOUTING in line and "a word printed in capitals" in line
               for line in narrative.garble_findings(analysis))
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert SHOUTING in out and "confirmed   test_shouting" in out


def test_registered_kind_gets_a_scorecard_column_even_when_not_found(shouting, tmp_path):
    from quotedrift.analysis import analyze

    (tmp_path / "a.txt").write_text("The ministry said it had no plans to export arms.\n", encoding="utf-8")
    card = analyze(tmp_path).scorecard
    assert card[f"garbles_per_1000_{SHOUTING}"].tolist() == [0.0]


def test_a_kind_is_registered_once(shouting):
    with pytest.raises(garble.RegistryError):
        garble.register(SHOUTING, severity=2, colour="#000000", explanation="‘{text}’")(lambda text, words: [])


@pytest.mark.parametrize("settings, message", [
    ({"severity": 4}, "severity"),
    ({"scope": "sentence"}, "scope"),
    ({"explanation": "no span named"}, "{text}"),
])
def test_registration_is_checked(settings, message):
    arguments = {"severity": 2, "colour": "#000000", "explanation": "‘{text}’", **settings}
    with pytest.raises(garble.RegistryError, match=message.replace("{", r"\{").replace("}", r"\}")):
        garble.register("test_bad", **arguments)


def test_every_module_of_the_package_registers_its_kinds():
    import pkgutil

    modules = {d.module for d in garble.detectors()}
    helpers = {"quotedrift.garble." + name for name in ("registry", "assemble", "util", "words")}
    package = {f"quotedrift.garble.{m.name}" for m in pkgutil.iter_modules(garble.__path__)}
    assert modules == package - helpers
    for d in garble.detectors():
        assert d.severity in (1, 2, 3) and d.colour.startswith("#") and "{text}" in d.explanation
        assert d.scope in ("article", "corpus", "aligned")


# ---------------------------------------------------------------------------------------------- page_chrome


@pytest.mark.parametrize("text, expected", [
    ("He said so.\nALSO READ | Xi says China, US 'made progress' in Blinken visit\nMore text.",
     "ALSO READ | Xi says China, US 'made progress' in Blinken visit"),
    ("Chinese overreaction. Also Read: A support service reports that a boat is lost. The French president",
     "Also Read: A support service reports that a boat is lost."),
    ("Skip to content\nChina says the remarks are absurd.", "Skip to content"),
    ("President Joe Biden’s remarks were subject to severe criticism (AP)\nThe ministry said.",
     "President Joe Biden’s remarks were subject to severe criticism (AP)"),
    ("The caption.\n Patrick Pleul/AFP/Getty Images/FILE\nText.", "Patrick Pleul/AFP/Getty Images/FILE"),
    ("Intro.\n20230620100652-6491bd60a255c066d58e3623jpeg\nBody.", "20230620100652-6491bd60a255c066d58e3623jpeg"),
    ("Biden Xi.jpg\nBody of the story.", "Biden Xi.jpg"),
    ('<div class="wpcnt">\nBody.', '<div class="wpcnt">'),
    ("said &#8220;moral lessons&#8221; today", "&#8220;"),
    ("Thursday, Mar 05, 2026\nBody.", "Thursday, Mar 05, 2026"),
    ("— Dan Roan (@danroan) November 19, 2022", "— Dan Roan (@danroan) November 19, 2022"),
    ("Most read in Football THE BEST Rooney picks perfect time.", "Most read in Football THE BEST Rooney picks perfect time."),
    ("Text.\nJane Doe, left, and John Roe listen to anthems in Amsterdam, Tuesday, April 11, 2023.\nBody.",
     "Jane Doe, left, and John Roe listen to anthems in Amsterdam, Tuesday, April 11, 2023."),
    ("Intro.\nFILE - Jane Doe meets John Roe in Beijing, Sunday, June 18, 2023. " + "The minister said more. " * 8,
     "FILE - Jane Doe meets John Roe in Beijing, Sunday, June 18, 2023."),
    ("Headline\n( – French President Emmanuel Macron ended a visit to China.", "( –"),
    ("Title\nHe wrote before inserting a link to an online survey form. more here\nNext.", "more here"),
    ("Musk has purged critics, sometimes via Twitter. Picture: Getty\nBody.", "Picture: Getty"),
    ("Title\nTHE MINISTER SPOKE. PICTURE: Jane Doe at the talks.\nBody.", "PICTURE: Jane Doe at the talks."),
    ("Title\nHe works on the plan.Jane Doe—Getty Images for Client\nBody.",
     "He works on the plan.Jane Doe—Getty Images for Client"),
])
def test_page_chrome_found(text, expected):
    check(chrome.page_chrome, text, expected)


@pytest.mark.parametrize("text", [
    "The subscription service said the newsletter business grew, according to the company’s report on sales.",
    "An unnamed spokesperson said so, according to the official Korean Central News Agency (KCNA).",
    "Xi became China’s most powerful leader after securing a third term in October. — Reuters",
    "He told the AP he would read more about it later this week, and then decide what to do next.",
    "Reporters asked whether the ministry would comment, and the ministry declined.",
    "Title\nHe turned left, right, and left again before the talks, the minister said.",
    "Title\nThe U.S. should have\nacted sooner, he said.",
    "Musk tells staff. work long hours\nBody of the story.",  # the first line is a headline
    "Title\n(AP) — The ministry said it had no plans (none) to export arms.",
    "Title\nTHE BIGGER PICTURE: The president has backed the bid since 2010. The tournament starts on Sunday.",
    "All news\n\nNorth Korea rejects claims of alleged arms supplies to Russia — Reuters\n\nReports said so.",
])
def test_page_chrome_legitimate(text):
    check(chrome.page_chrome, text, None)


# ---------------------------------------------------------------------------------------------- quote_marks


@pytest.mark.parametrize("text, expected", [
    ("China says Biden remark ''extremely absurd and irresponsible''", "''extremely absurd and irresponsible''"),
    ("a “long hours at high intensity\" week", "“long hours at high intensity\""),
    ("the “Twitter 2.0″ plan", "“Twitter 2.0″"),
    ("the Chinese exaggeration.“, he stated.", "the Chinese exaggeration.“, he stated."),
    ("He said: “I feel it, as a foreigner in a foreign country. “As a child I was bullied.”",
     "a foreign country. “As a child"),
    ("He said: “Europe must not: ‘We are no vassals’. Then he broadened it: “The Union must be a pole”.",
     "“Europe must not:"),
    ("he said “hypocrisy”. .” and left", "he said “hypocrisy”. .” and left"),
    ("– Today I feel Qatari, I feel Arab.”", "– Today I feel Qatari, I feel Arab.”"),
    ("‘I Feel Qatari' says Infantino", "‘I Feel Qatari'"),
    ("the “opposition, » said the minister", "“opposition, »"),
    ("is it in our interest to accelerate” [a crisis] in Taiwan? No.", "interest to accelerate” [a crisis] in Taiwan? No."),
    ("“I am serious,” Biden said. « That was the great embarrassment. »", "« That was the great embarrassment. »"),
    # a single mark left open: the label between is no sentence, but the next paragraph opens no quotation
    ("He said: ‘Today I feel Qatari. Today I feel gay.\n\nShow Player\n\nThe minister left the room.",
     "‘Today I feel Qatari. Today I feel gay."),
    ("He said: ‘Today I feel Qatari.\n\nThe crowd was silent for a minute.\n\n‘My parents worked,’ he said.",
     "‘Today I feel Qatari."),  # a sentence between: not one quotation
    ('He denounced the lessons, which are only "\n\nhypocrisy\n\n", on the eve of the World Cup.', 'which are only "'),
])
def test_quote_marks_found(text, expected):
    check(quotemarks.quote_mark_damage, text, expected)


@pytest.mark.parametrize("text, evidence", [
    ("“We will,” he said. “We won’t.\" she added.",
     "; elsewhere the copy prints 1 quotation in curly marks and 0 quotations in straight marks"),
    ("\"We will,\" he said.\n\"No.\" “We won’t.\" she added.",  # the other quotations' paragraphs count too
     "; elsewhere the copy prints 0 quotations in curly marks and 2 quotations in straight marks"),
    ("He said \"no\" twice. \"We won’t,” she added.",
     "; elsewhere the copy prints 1 quotation in straight marks and 0 quotations in curly marks"),
    ("She added: “We won’t.\"", ""),  # no other quotation to compare with: no clause
    ("the “Twitter 2.0″ plan", ""),  # a prime is no style a copy prints throughout
])
def test_quote_marks_mixed_pair_names_the_house_style(text, evidence):
    (found,) = [r for r in quotemarks.quote_mark_damage(text) if "closed with a" in r["detail"]]
    assert found["detail"].endswith(("mark ‘\"’", "mark ‘”’", "mark ‘″’") if not evidence else evidence), found


@pytest.mark.parametrize("text", [
    "“Today I feel gay. Today I feel disabled,” he said.",
    "He said: “We will not accept the ‘sanctions resolution’ of the UNSC.”",
    "\"We won't,\" she said. \"Never.\"",
    "It's Biden's and the Xis' view, the ministers' talks.",
    "“It is the first paragraph of a long quotation.\n“It goes on here,” he said.",
    "« Nous ne sommes pas des vassaux », a-t-il dit.",
    # a quotation of several paragraphs (only the last closes) with a video player's label between two of them
    "He said: ‘Today I feel Qatari. Today I feel gay.\n\nShow Player\n\n‘My parents worked hard,’ he said.",
    "He said: ‘Today I feel Qatari.\nADVERTISEMENT\n\n‘My parents worked hard,’ he said.",
])
def test_quote_marks_legitimate(text):
    check(quotemarks.quote_mark_damage, text, None)


@pytest.mark.parametrize("text, expected", [
    # the quotation nested in the one left open is not damaged: the rows are the two marks and their words
    ("He said: “Europe must not: ‘We are no vassals’. Then he broadened it: “The Union must be a pole”.",
     ["“Europe must not:", "he broadened it: “The Union must"]),
    # opened too far back to be sure which mark was lost: the reopening alone
    ("“" + "word " * 130 + "and more. “As a child I was bullied.”", ["word and more. “As a child"]),
    # reopened after a full stop or inside a sentence, no cue between: the second mark is the stray one (a lost
    # paragraph break of a quotation of several paragraphs, a mark slipped in), the first is intact
    ("He said: “I feel it, as a foreigner in a foreign country. “As a child I was bullied.”",
     ["a foreign country. “As a child"]),
    ("He said: “I was alone, I could cry. Then I “I tried to build friendships.”", ["cry. Then I “I tried to"]),
    ("He said: “We will not stop. (…) “As a child I was bullied.”", ["not stop. (…) “As a child"]),
    # an opening mark printed where the closing one belongs is not a reopening
    ("“Has he lost his mind?“asks a newspaper.", ["lost his mind?“asks a newspaper."]),
])
def test_quote_marks_reopened(text, expected):
    assert spans(quotemarks.quote_mark_damage(text), text) == expected


# ---------------------------------------------------------------------------------------------- the seven stories

STORIES = sorted(p for p in CORPORA.iterdir() if (p / "sources.csv").is_file())


@pytest.fixture(scope="module")
def story_reports(story_analysis):
    """Per story: its analysis, the garble part of its gold (or None) and its clean copies."""
    from quotedrift.garble_precision import load_story_gold

    found = {}
    for story in STORIES:
        analysis = story_analysis(story.name)
        gold = load_story_gold(story, analysis.texts)
        found[story.name] = (analysis, gold, clean_sources(analysis.articles, gold))
    return found


def test_every_story_has_clean_copies(story_reports):
    assert len(story_reports) == 7
    for name, (_, _, clean) in story_reports.items():
        assert clean, f"{name}: no clean copy to measure precision on"


def test_precision_on_the_clean_copies_of_all_stories(story_reports):
    from quotedrift.garble_precision import TARGET, report

    text, rate = report(STORIES, {name: analysis for name, (analysis, _, _) in story_reports.items()})
    assert rate <= TARGET, text[-2000:]


# Stories whose clean copies carry real damage that their manifest notes do not list, so that their rate stays
# over the target until the notes list it (read row by row in session 5: in each, a wire copy closes a
# quotation opened with a curly mark ‘“’ with a straight one ‘"’, the damage the gold counts as
# broken_quote_marks elsewhere, e.g. livemint-com-wsj's ‘“dire"’). Strict: when the notes list it, this fails.
UNLISTED_DAMAGE = {
    "dec2022_kirby": "independent-co-uk-ap: two quotations opened with ‘“’ and closed with ‘\"’",
    "nov2022_followups": "news-yahoo-com-ap-nov2022: a quotation opened with ‘“’ and closed with ‘\"’",
}


@pytest.mark.parametrize("story", [
    pytest.param(p.name, marks=pytest.mark.xfail(strict=True, reason=UNLISTED_DAMAGE[p.name]))
    if p.name in UNLISTED_DAMAGE else p.name for p in STORIES])
def test_precision_on_the_clean_copies_of_each_story(story_reports, story):
    """At most one unconfirmed row per 2,000 words on the clean copies of every story, not only over all."""
    from quotedrift.garble_precision import TARGET, story_report

    analysis = story_reports[story][0]
    lines, tally = story_report(CORPORA / story, analysis)
    assert tally.rate() <= TARGET, "\n".join(line for line in lines if "UNCONFIRMED" in line)


@pytest.mark.parametrize("story", [p.name for p in STORIES])
def test_clean_copies_have_no_unconfirmed_severity_3_row(story_reports, story):
    """Every clean copy of each story: a row of severity 3 there must be damage the gold lists (a clean
    copy's quotations are faithful, its other words may still be damaged)."""
    analysis, gold, clean = story_reports[story]
    garbles = analysis.garbles
    severe = garbles[garbles["source"].isin(clean) & (garbles["severity"] == 3)]
    unconfirmed = [(r.source, r.text) for r in severe.itertuples()
                   if not any(a < r.end and r.start < b for a, b in (gold.garbles.get(r.source, []) if gold else []))]
    assert unconfirmed == [], f"{story}: {unconfirmed}"


def test_rows_on_all_stories_point_into_their_texts(story_reports):
    for name, (analysis, _, _) in story_reports.items():
        table = analysis.garbles
        assert table["severity"].isin([1, 2, 3]).all(), name
        for r in table.itertuples():
            assert r.text == analysis.texts[r.source][r.start:r.end], (name, r.source, r.kind)
            assert r.detail and (r.text.strip()[:20] in r.detail or r.kind in ("boilerplate", "duplicated_text",
                                                                            "unbalanced_quote", "broken_quote")), \
                (name, r.kind, r.text, r.detail)


# ---------------------------------------------------------------------------------------------- spelling

WIRE = "The {0} Union and its president spoke on Sunday about the {1} of the talks with China.\n"


def corpus_of(tmp_path, texts: list[str]):
    return write_corpus(tmp_path, {f"s{i}.txt": text for i, text in enumerate(texts)})


@pytest.mark.parametrize("variant, expected", [
    ("Eropean", "Eropean"),  # a letter dropped
    ("Europaen", "Europaen"),  # two letters swapped
])
def test_misspelling_found(tmp_path, variant, expected):
    corpus = corpus_of(tmp_path, [WIRE.format("European", "outcome")] * 3 + [WIRE.format(variant, "outcome")])
    rows = spelling.misspellings(corpus)
    assert [(r["source"], corpus.texts[r["source"]][r["start"]:r["end"]]) for r in rows] == [("s3", expected)]
    assert "‘European’" in rows[0]["detail"] and "3 other reports" in rows[0]["detail"]


@pytest.mark.parametrize("variant", ["European", "Europe's", "Eurasian"])
def test_misspelling_legitimate(tmp_path, variant):
    corpus = corpus_of(tmp_path, [WIRE.format("European", "outcome")] * 3 + [WIRE.format(variant, "outcome")])
    assert spelling.misspellings(corpus) == []


def test_dropped_letter_of_a_common_word(tmp_path):
    corpus = corpus_of(tmp_path, ["Europe should't be a follower, he said in a long interview on Sunday.\n"])
    rows = spelling.misspellings(corpus)
    assert [corpus.texts["s0"][r["start"]:r["end"]] for r in rows] == ["should't"]


NAMED = "On Sunday the talks went on, and {0} said the meeting in the capital was useful for both sides.\n"


@pytest.mark.parametrize("lead, expected", [
    ("XI Jinping and the party have endorsed the talks in the capital, the ministry said.", ["XI"]),
    ("BEIJING — The party has endorsed the talks in the capital, the ministry said.", []),  # a dateline
    ("BEIJING (Reuters) - The party has endorsed the talks in the capital, the ministry said.", []),
])
def test_name_variant_at_a_sentence_start(tmp_path, lead, expected):
    """A capital starts a sentence; capitals running on into the rest of the name do not ("XI Jinping")."""
    usual = NAMED.format("Xi Jinping") + "Officials in Beijing said so.\n"
    corpus = corpus_of(tmp_path, [usual] * 5 + [lead + "\n"])
    rows = spelling.name_variants(corpus)
    assert [corpus.texts[r["source"]][r["start"]:r["end"]] for r in rows] == expected


@pytest.mark.parametrize("variant, expected", [
    ("musk", "musk"),
    ("XI Jinping", "XI"),
])
def test_name_variant_found(tmp_path, variant, expected):
    usual = "Musk" if variant == "musk" else "Xi Jinping"
    corpus = corpus_of(tmp_path, [NAMED.format(usual)] * 5 + [NAMED.format(variant)])
    rows = spelling.name_variants(corpus)
    assert [corpus.texts[r["source"]][r["start"]:r["end"]] for r in rows] == [expected]


@pytest.mark.parametrize("usual, variant", [
    ("FIFA", "Fifa"),  # an acronym in title case: a house style
    ("US officials", "us officials"),  # a word spelled like an acronym
    ("Xi Jinping", "Xi Jinping"),
])
def test_name_variant_legitimate(tmp_path, usual, variant):
    corpus = corpus_of(tmp_path, [NAMED.format(usual)] * 5 + [NAMED.format(variant)])
    assert spelling.name_variants(corpus) == []


# ---------------------------------------------------------------------------------------------- misattribution


MISATTRIBUTED = {
    "named at the cue": ("“We will not be vassals of anyone,” Xi Jinping said.", "Xi Jinping", "said", True),
    "cue before the name": ("“We will not be vassals of anyone,” said Xi.", "Xi", "said", True),
    # the resolver's guess, some words away from the cue: not charged to the outlet
    "name far from the cue": ("The US president said Xi did not know, adding: “We will not be vassals of anyone.”",
                              "Xi", "adding", False),
    "a pronoun at the cue": ("“We will not be vassals of anyone,” he said.", "he", "said", False),
}


def _attributed(text: str, mention: str, cue: str) -> dict:
    words = "We will not be vassals of anyone"
    start = text.index(words)
    at = text.index(mention)
    cue_at = text.index(cue, at + len(mention)) if text.find(cue, at + len(mention)) >= 0 else text.index(cue)
    return {"start": start, "end": start + len(words), "text": words, "mention_start": at,
            "mention_end": at + len(mention), "cue_start": cue_at, "cue_end": cue_at + len(cue)}


@pytest.mark.parametrize("case", sorted(MISATTRIBUTED))
def test_misattribution_flags_the_outlier_as_printed(case):
    from types import SimpleNamespace

    from quotedrift.garble import misattribution

    text, mention, cue, flagged = MISATTRIBUTED[case]
    usual = "“We will not be vassals of anyone,” Emmanuel Macron said."
    texts = {"a": usual, "b": usual, "c": usual, "d": text}
    rows = [{"quote_id": f"{s}:q1", "source": s, "speaker": "Emmanuel Macron", "speaker_confidence": 1.0,
             "utterance_id": "u001", **_attributed(usual, "Emmanuel Macron", "said")} for s in "abc"]
    rows.append({"quote_id": "d:q1", "source": "d", "speaker": "Xi Jinping", "speaker_confidence": 1.0,
                 "utterance_id": "u001", **_attributed(text, mention, cue)})
    # Xi Jinping is a speaker the corpus knows: three outlets quote him on something else
    other = pd.DataFrame(rows[:3]).assign(utterance_id="u002", speaker="Xi Jinping", quote_id=["a:q2", "b:q2", "c:q2"])
    quotes = pd.concat([pd.DataFrame(rows), other], ignore_index=True)
    found = misattribution.misattributions(SimpleNamespace(texts=texts), quotes)
    assert [r["source"] for r in found] == (["d"] if flagged else [])
    if flagged:
        assert "Xi Jinping" in found[0]["detail"] and "Emmanuel Macron" in found[0]["detail"]
        assert "‘a’" in found[0]["detail"]
    consensus = quotes.assign(speaker=["Emmanuel Macron"] * 4 + ["Xi Jinping"] * 3)
    assert misattribution.misattributions(SimpleNamespace(texts=texts), consensus) == []


MACRON = "“Europeans must not be vassals of anyone in this crisis,” {} said."
VISIT = ("French President Emmanuel Macron spoke to reporters on the plane after his state visit to China on "
         "Friday.\nChinese President Xi Jinping welcomed him in Guangzhou. “China and France are friends who "
         "trust each other,” Xi said.\n")


def test_misattribution_runs_in_the_pipeline(tmp_path):
    """Garbling of one article runs before alignment; the misattribution detector runs after it, on the
    utterances, and its row reaches the garbles table."""
    from quotedrift.analysis import analyze

    corpus = write_corpus(tmp_path, {f"s{i}.txt": VISIT + MACRON.format("Macron") for i in range(4)}
                          | {"s4.txt": VISIT + MACRON.format("Xi")})
    table = analyze(corpus.folder).garbles
    found = table[table["kind"] == "misattribution"]
    assert found["source"].tolist() == ["s4"]
    assert found["text"].iloc[0].startswith("Europeans must not be vassals")
    assert "Emmanuel Macron" in found["detail"].iloc[0]


# ---------------------------------------------------------------------------------------------- more repeats and glue


@pytest.mark.parametrize("detector, text, expected", [
    (garble.repeated_words, "a Sharia-governed governed country", "Sharia-governed governed"),
    (garble.repeated_words, "Today I feel gay… today I feel gay.", "Today I feel gay… today I feel gay"),
    (garble.glued_words, "a comment on “dictator.”a comment", "dictator.”a"),
    (garble.glued_words, "his bizarre commentsgetty", "commentsgetty"),
    (garble.glued_words, "save $14.90 compared to monthly billing.save $14.90.", "billing.save"),
    (chrome.page_chrome, "date 2022-11-19 'I feel like a migrant worker': FIFA president hits out\n\nThe standfirst.\n"
                         "'I feel like a migrant worker': FIFA president hits out\nBody.",
     "'I feel like a migrant worker': FIFA president hits out"),
])
def test_more_damage_found(detector, text, expected):
    check(detector, text, expected)


@pytest.mark.parametrize("detector, text", [
    (garble.repeated_words, "Today I feel Qatari. Today I feel Arab. Today I feel gay. Today I feel disabled."),
    (garble.repeated_words, "a hard-won victory, won by the team"),
    (garble.glued_words, '<div class="wordads-tag" data-slot-type="belowpost">'),
    (garble.glued_words, "fill in the form at forms.gle/abc or www.example.com, or read news.google.com today"),
    (garble.glued_words, "Musk attends the 2022 Hallowe’en Party in New York at eight o’clock"),
    (quotemarks.quote_mark_damage, "« Nous ne serons pas des vassaux », a dit le président."),  # no English marks
    (quotemarks.quote_mark_damage, "“We will accelerate [the plan] in Taiwan,” he said, “and [sic] more.”"),
])
def test_more_legitimate_text(detector, text):
    check(detector, text, None)


# ---------------------------------------------------------------------------------------------- copy_slip

COPIED = "The minister said that at its {0} the plan was about the {1} of the workers in the capital.\n"


@pytest.mark.parametrize("usual, variant, how", [
    ("heart", "hear", "a letter missing"),  # two English words: three copies agree on the other
    ("Gang", "Gan", "a letter missing"),
    ("Antony", "Anthony", "a letter too many"),
    ("its", "it's", "an apostrophe"),
    ("Echos", "Echo", "a letter missing"),  # a name's letter dropped, though 'echo' is the commoner word
    ("wages", "wagess", "a letter too many"),
])
def test_copy_slip_found(tmp_path, usual, variant, how):
    from quotedrift.garble import copies

    texts = [COPIED.format(usual, "wages")] * 3 + [COPIED.format(variant, "wages")]
    corpus = corpus_of(tmp_path, texts)
    rows = copies.copy_slips(corpus)
    assert [(r["source"], corpus.texts[r["source"]][r["start"]:r["end"]]) for r in rows] == [("s3", variant)]
    assert how in rows[0]["detail"] and f"‘{usual}’" in rows[0]["detail"] and "3 other copies" in rows[0]["detail"]


@pytest.mark.parametrize("usual, variant, copies_agreeing", [
    ("wages", "wage", 3),  # another grammatical form of one word
    ("ammunitions", "ammunition", 3),  # the usual English form where the others print a rare plural
    ("labour", "labor", 3),  # British and American house style
    ("organising", "organizing", 3),
    ("worst", "worse", 3),  # two English words, one letter changed: another word chosen
    ("heart", "hear", 2),  # two English words need three agreeing copies
    ("heart", "heart", 3),
])
def test_copy_slip_legitimate(tmp_path, usual, variant, copies_agreeing):
    from quotedrift.garble import copies

    texts = [COPIED.format("heart", usual)] * copies_agreeing + [COPIED.format("heart", variant)]
    if usual == "heart":
        texts = [COPIED.format(usual, "wages")] * copies_agreeing + [COPIED.format(variant, "wages")]
    assert copies.copy_slips(corpus_of(tmp_path, texts)) == []


# ---------------------------------------------------------------------------------------------- misread_letter


@pytest.mark.parametrize("text, expected", [
    ("Twitter is a software company, so l think this makes sense.", "l"),
    ("The e-mail said: “lf you are sure that you want to be part of it, click yes.”", "lf"),
])
def test_misread_letter_found(text, expected):
    from quotedrift.garble import misread

    check(misread.misread_letters, text, expected)


@pytest.mark.parametrize("text", [
    "Pour 5 l of water into the pot and wait.",
    "The options are: k) none, l) all of them.",
    "The lf ratio of the filter was measured twice.",  # inside a sentence, a known abbreviation
    "Earlier this year, Smith said it was over.",
])
def test_misread_letter_legitimate(text):
    from quotedrift.garble import misread

    check(misread.misread_letters, text, None)


# ---------------------------------------------------------------------------------------------- unquoted_speech and added_quote_marks

SAID = "“We will not be followers of anyone in this crisis,” the president said on Sunday in Paris.\n"


def quotes_of(corpus) -> pd.DataFrame:
    """A quotations table with one row per pair of double marks of each text (enough for these detectors)."""
    import re

    rows = []
    for source, text in corpus.texts.items():
        for i, m in enumerate(re.finditer(r"[“\"]([^”\"\n]+)[”\"]", text)):
            rows.append({"quote_id": f"{source}-{i}", "source": source, "start": m.start(1), "end": m.end(1),
                         "text": m.group(1), "kind": "partial", "speaker": ""})
    return pd.DataFrame(rows, columns=["quote_id", "source", "start", "end", "text", "kind", "speaker"])


@pytest.mark.parametrize("variant, expected", [
    ("The president spoke on Sunday in Paris. We will not be followers of anyone in this crisis, he added "
     "after the meeting.\n", "We will not be followers of anyone in this crisis"),
    ("“Europe must wake up,” the president said. We will not be followers of anyone in this crisis.”\n",
     "We will not be followers of anyone in this crisis.”"),  # the opening mark lost: the row runs to the closing one
])
def test_unquoted_speech_found(tmp_path, variant, expected):
    from quotedrift.garble import unquoted

    corpus = corpus_of(tmp_path, [SAID] * 3 + [variant])
    rows = unquoted.unquoted_speech(corpus, quotes_of(corpus))
    assert [(r["source"], corpus.texts[r["source"]][r["start"]:r["end"]]) for r in rows] == [("s3", expected)]
    assert "3 other outlets" in rows[0]["detail"]


@pytest.mark.parametrize("variant", [
    SAID,
    "The president said they will not be followers of anyone in this crisis, on Sunday in Paris.\n",  # no "we"
    "‘We will not be followers of anyone in this crisis,’ the president said on Sunday in Paris.\n",  # single marks
    "– We will not be followers of anyone in this crisis, the president said on Sunday in Paris.\n",  # a dash
    "We will not be followers of anyone in this crisis.\n",  # a block quotation: the paragraph is the quotation
])
def test_unquoted_speech_legitimate(tmp_path, variant):
    from quotedrift.garble import unquoted

    corpus = corpus_of(tmp_path, [SAID] * 3 + [variant])
    assert unquoted.unquoted_speech(corpus, quotes_of(corpus)) == []


STORY = "The talks between the two countries were tense, and the president of France left early on Sunday.\n"


@pytest.mark.parametrize("variant, expected", [
    ("The talks between the “two countries” were tense, the president of France left early on Sunday.\n",
     "“two countries”"),
])
def test_added_quote_marks_found(tmp_path, variant, expected):
    from quotedrift.garble import added_marks

    corpus = corpus_of(tmp_path, [STORY] * 3 + [variant])
    rows = added_marks.added_quote_marks(corpus, quotes_of(corpus))
    assert [(r["source"], corpus.texts[r["source"]][r["start"]:r["end"]]) for r in rows] == [("s3", expected)]


@pytest.mark.parametrize("others, variant", [
    ([STORY] * 2, "The talks between the “two countries” were tense.\n"),  # two other outlets print the words
    ([STORY] * 3 + ["He spoke of “two countries” at odds.\n"], "The talks between the “two countries” ended.\n"),
    ([STORY.replace("France", "Chief Twit")] * 3, "The “Chief Twit” left.\n"),  # a nickname in marks
])
def test_added_quote_marks_legitimate(tmp_path, others, variant):
    from quotedrift.garble import added_marks

    corpus = corpus_of(tmp_path, others + [variant])
    assert added_marks.added_quote_marks(corpus, quotes_of(corpus)) == []


# ---------------------------------------------------------------------------------------------- broken_grammar and friends


@pytest.mark.parametrize("detector, text, expected", [
    ("broken_grammar", "He came to deliver a his own moral lesson to them.", "deliver a his own"),
    ("broken_grammar", "Biden spoke at a fundraiser, according the newspaper.", "fundraiser, according the newspaper"),
    ("broken_grammar", "It was a mistake, she added.. Then she left.", "added.. Then"),
    ("broken_grammar", "The staff can resign or accept severance pay. , reports the agency.", "pay. , reports"),
    ("broken_grammar", "Some questioned the abuse in the region. and other matters were raised.", "region. and"),
    ("broken_grammar", "He called it absurd. The comments comes just over a day after the visit.", "The comments comes"),
    ("midsentence_capital", "they should get salaries that are higher If they can", "higher If they"),
    ("midsentence_capital", "for the last 3,000 years, We should all apologise", "years, We should"),
    ("quote_marks", "“It is racist”. “, he also said on Sunday.", "“It is racist”. “, he also"),
    ("page_chrome", "The president spoke on Sunday.\nFIFA President Jane Roe.REUTERS/Kai Doe\nMore text here.",
     "FIFA President Jane Roe.REUTERS/Kai Doe"),
    ("page_chrome", "He works on the new version 2.0.Jane Doe—Getty Images for Acme Corp\n",
     "He works on the new version 2.0.Jane Doe—Getty Images for Acme Corp"),
    ("glued_words", "Main news\nLeadershipJane Smith\n", "LeadershipJane"),
    ("broken_grammar", "Europe should apologize for it’s history, he said.", "apologize for it’s history"),
    ("broken_grammar", "They earn 10 times more then what they earn at home.", "times more then what"),
    ("quote_marks", "It is the run-up to football‘s showpiece event.", "run-up to football‘s showpiece event."),
    ("quote_marks", "On Eve of Cup, Chief Says, ‘Don’t Criticize Us; Criticize Me.\nThe chief spoke.",
     "‘Don’t Criticize Us; Criticize Me."),
    ("page_chrome", "Janet Roebuck:\nJanet Roebuck: “We should apologise”\nThe text goes on.", "Janet Roebuck:"),
    ("page_chrome", "Jerseys to go up for auction for huge sum\nSoccer Jerseys to go up for auction for huge sum\n",
     "Jerseys to go up for auction for huge sum"),
])
def test_impossible_shapes_found(detector, text, expected):
    check(garble.detector(detector).find, text, expected)


@pytest.mark.parametrize("detector, text", [
    ("broken_grammar", "He met the U.S. and the U.K. envoys, according to the statement."),
    ("broken_grammar", "The news comes a day later. The Times says so. The building of the stadiums was slow."),
    ("broken_grammar", "She waited... and then she spoke. Then, at 5 p.m. the talks ended."),
    ("broken_grammar", "What is the his-and-hers towel set worth? It is a gift."),
    ("midsentence_capital", "Yes, We Can Win The War Of Ideas"),  # a Title Case line
    ("midsentence_capital", "He said, we should go, and so we went."),
    ("glued_words", "She works at McDonald and listens to SoundCloud on her iPhone."),
    ("broken_grammar", "It's over, and for its part the team said it's time."),
    ("broken_grammar", "They waited more, then left; it was better then than now."),
    ("quote_marks", "He said: ‘We will win.’ Then he left, as the players’ union said."),
    ("quote_marks", "He said: ‘We will win.\n‘And we will keep winning,’ he added."),  # a quotation of two paragraphs
    ("page_chrome", "Strategic autonomy\nThe worst is to think that strategic autonomy is lost, he said.\n"),
])
def test_impossible_shapes_legitimate(detector, text):
    check(garble.detector(detector).find, text, None)


# ---------------------------------------------------------------------------------------------- wrong_pronoun, glued_name


@pytest.mark.parametrize("text, expected", [
    ("John Smith spoke on Sunday. “We will win,” she added. Then he left.", "she added"),
    ("Paul Roe and John Smith met. “It is over,” she concluded.", "she concluded"),
    ("Mary Smith spoke on Sunday. “We will win,” he said.", "he said"),
])
def test_wrong_pronoun_found(text, expected):
    check(garble.detector("wrong_pronoun").find, text, expected)


@pytest.mark.parametrize("text", [
    "John Smith spoke on Sunday. “We will win,” he added.",
    "John Smith and Mary Roe spoke. “We will win,” she added.",  # a woman is named
    "John Smith spoke to reporters. “We will win,” the spokeswoman said, and she added more.",
    "The ministry spoke on Sunday. “We will win,” she added.",  # no person named: no evidence
    "Alex Smith spoke on Sunday. “We will win,” she added.",  # a first name of either gender
])
def test_wrong_pronoun_legitimate(text):
    check(garble.detector("wrong_pronoun").find, text, None)


def test_glued_name_found_and_left_alone(tmp_path):
    from quotedrift.garble import gluednames

    usual = "On Sunday Smitherson said the talks were useful for both sides.\n"
    corpus = corpus_of(tmp_path, [usual] * 2 + ["On Sunday Smithersonhe said the talks were useful.\n",
                                                "On Sunday Smithersons said the talks were useful.\n"])
    rows = gluednames.glued_names(corpus)
    assert [(r["source"], corpus.texts[r["source"]][r["start"]:r["end"]]) for r in rows] == [("s2", "Smithersonhe")]
    assert "‘Smitherson’, which 2 other copies print" in rows[0]["detail"] and "‘he’" in rows[0]["detail"]


@pytest.mark.parametrize("text, expected", [
    ("The envoy spoke on Sunday, ap reported.", "ap reported"),
])
def test_lower_case_agency_found(text, expected):
    check(garble.detector("broken_grammar").find, text, expected)


@pytest.mark.parametrize("text", [
    "The envoy spoke on Sunday, AP reported.",
    "Download the app reported to be the best.",
])
def test_lower_case_agency_legitimate(text):
    check(garble.detector("broken_grammar").find, text, None)


PARTICLE = "On Sunday the talks went on, and the envoy was received by von der Berg in the capital city.\n"


@pytest.mark.parametrize("variant, expected", [
    (PARTICLE.replace("by von", "by Von"), ["Von"]),  # a particle capitalised inside a sentence
    ("Von der Berg spoke first on Sunday, and then the envoy spoke at length.\n", []),  # a sentence start
])
def test_name_particle_capitalised(tmp_path, variant, expected):
    corpus = corpus_of(tmp_path, [PARTICLE] * 6 + [variant])
    rows = spelling.name_variants(corpus)
    assert [corpus.texts[r["source"]][r["start"]:r["end"]] for r in rows] == expected


# ---------------------------------------------------------------------------------------------- misquote

EMAIL = ("Going forward, to build a breakthrough Twitter 2.0, we will need to be extremely hardcore. If you are "
         "sure that you want to be part of the new Twitter, please click yes on the link below.\n")
QUOTED = ("Elon Musk sent an e-mail to staff on Wednesday. “If you are sure that you want to be part of the new "
          "Twitter, please {},” Musk wrote.\n")


EMAIL_SAID = "click yes on the link below"


def misquote_rows(tmp_path, printed: list[str]) -> list[tuple[str, str]]:
    from quotedrift.analysis import analyze

    (tmp_path / "email.txt").write_text(EMAIL, encoding="utf-8")
    for i, words in enumerate(printed):
        (tmp_path / f"s{i}.txt").write_text(QUOTED.format(words), encoding="utf-8")
    manifest = ["file,outlet,role", "email.txt,Twitter,primary"] + [f"s{i}.txt,Outlet {i},report"
                                                                    for i in range(len(printed))]
    (tmp_path / "sources.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    table = analyze(tmp_path).garbles
    return [(r.source, r.text) for r in table[table["kind"] == "misquote"].itertuples()]


@pytest.mark.parametrize("printed, expected", [
    ([EMAIL_SAID] * 4 + ["click yes on the link before"], [("s4", "before")]),  # a word changed
    ([EMAIL_SAID] * 4 + ["click on the link below"], [("s4", "click on")]),  # a word left out: the words around the gap
    # two outlets print the same change: an agency's rendering the copies share, not this copy's damage
    ([EMAIL_SAID] * 4 + ["click yes on the link before"] * 2, []),
    # most outlets print something else than the primary here: the primary is not what they quote
    ([EMAIL_SAID, "click yes on the link before", "click yes on the link above", "click yes on the form below",
      "click yes on the page below"], []),
    ([EMAIL_SAID] * 4 + ["clicks yes on the link below"], []),  # another grammatical form of one word
    ([EMAIL_SAID] * 5, []),
])
def test_misquote(tmp_path, printed, expected):
    assert misquote_rows(tmp_path, printed) == expected


def test_a_correction_reaches_the_rows_found_after_alignment(tmp_path):
    """corrections.csv may name a row of the aligned stage (here a misquote) like any other garble row."""
    from quotedrift.analysis import analyze

    assert misquote_rows(tmp_path, [EMAIL_SAID] * 4 + ["click yes on the link before"]) == [("s4", "before")]
    at = QUOTED.format("click yes on the link before").index("before")
    (tmp_path / "corrections.csv").write_text(f"row_id,field,value,note\ns4:{at}:{at + 6},kind,none,a test\n",
                                              encoding="utf-8")
    result = analyze(tmp_path)
    assert "misquote" not in set(result.garbles["kind"]) and result.rejected["kind"].tolist() == ["misquote"]


@pytest.mark.parametrize("printed, said, flagged", [
    ("very rigorous", "extremely hardcore", True),  # every word of a short quotation changed, one for one
    ("go super", "will need to be extremely", False),  # words that do not line up: another quotation
])
def test_misquote_word_for_word(printed, said, flagged):
    """A short quotation whose every word is changed one for one is a misquote; one whose words do not line
    up with the primary's is more likely another quotation aligned with it (the detector's input tables)."""
    from types import SimpleNamespace

    from quotedrift.garble import misquote

    texts = {"email": "we will need to be extremely hardcore", "d": f"staff must “{printed} hardcore” now"}
    texts.update({s: "staff must “be extremely hardcore” now" for s in "abc"})
    articles = pd.DataFrame({"source": list(texts), "role": ["primary"] + ["report"] * 4, "in_scope": True})
    quotes = pd.DataFrame({"quote_id": [f"{s}:q1" for s in texts], "source": list(texts), "utterance_id": "u001",
                           "text": ["we will need to be extremely hardcore", f"{printed} hardcore"]
                           + ["be extremely hardcore"] * 3})
    at = texts["d"].index(printed)
    edits = pd.DataFrame([{"utterance_id": "u001", "quote_id": "d:q1", "source": "d", "op": "replace",
                           "reference_text": said, "text": printed, "category": "substantive", "start": at,
                           "end": at + len(printed), "reference_source": "email",
                           "reference_start": texts["email"].index(said),
                           "reference_end": texts["email"].index(said) + len(said)}])
    corpus = SimpleNamespace(texts=texts, articles=articles)
    rows = misquote.misquotes(corpus, quotes, edits)
    assert [texts[r["source"]][r["start"]:r["end"]] for r in rows] == ([printed] if flagged else [])


# ---------------------------------------------------------------------------------------------- inserted_word

LEADER = "He met {} in the capital on Sunday, the ministry said in a statement.\n"


@pytest.mark.parametrize("variant, expected", [
    ("Chinese language President Xi Jinping", ["Chinese language President Xi Jinping"]),
    ("Chinese President Xi Jinping", []),
    ("Chinese President Xi Jinping and officials", []),
    ("Chinese Vice President Xi Jinping", []),  # a capitalised word: another title, not a spinner's word
])
def test_inserted_word(tmp_path, variant, expected):
    from quotedrift.garble import nameinsert

    corpus = corpus_of(tmp_path, [LEADER.format("Chinese President Xi Jinping")] * 3 + [LEADER.format(variant)])
    rows = nameinsert.inserted_words(corpus)
    assert [corpus.texts[r["source"]][r["start"]:r["end"]] for r in rows] == expected
    if expected:
        assert "‘language’" in rows[0]["detail"] and "3 other outlets" in rows[0]["detail"]


@pytest.mark.parametrize("text, expected", [
    ("On Thursday he played it down. I don’t think it had any real consequences, he told reporters. Then he left.",
     "I don’t think it had any real consequences, he told reporters."),
    ("We will not accept it, Jane Doe said.", "We will not accept it, Jane Doe said."),
    ("“I don’t think it had any real consequences,” he told reporters.", None),  # quoted
    ("The talks had no real consequences, he told reporters.", None),  # not in the first person
])
def test_first_person_attributed_without_marks(tmp_path, text, expected):
    from quotedrift.garble import unquoted

    corpus = corpus_of(tmp_path, [text + "\n"])
    found = [text[r["start"]:r["end"]] for r in unquoted.unquoted_speech(corpus, quotes_of(corpus))]
    assert found == ([expected] if expected else [])


# ---------------------------------------------------------------------------------------------- shared words


@pytest.mark.parametrize("story", [None, STORIES[0].name], ids=["seeds", "first story"])
def test_corpus_detectors_find_the_same_rows_with_shared_words(story, seed_analysis, story_analysis):
    """``corpus_garbles`` tokenises each article once for every corpus detector (``garble.util.shared_words``):
    each detector's rows are the ones it finds reading the articles on its own."""
    from quotedrift.garble.assemble import corpus_garbles
    from quotedrift.garble.registry import detectors

    analysis = seed_analysis if story is None else story_analysis(story)
    alone = [found for d in detectors("corpus") for found in d.find(analysis.corpus, analysis.quotes)]
    assert alone, "no corpus detector row to compare"
    assert corpus_garbles(analysis.corpus, analysis.quotes) == alone
