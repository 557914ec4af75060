"""Quotation extraction and attribution: parametrised (input, expected) pairs, negatives, repairs, properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotedrift.corpus import load_corpus
from quotedrift.paths import SEEDS
from quotedrift.extract import QUOTE_COLUMNS, article_quotes, find_quotes


def quotes_of(tmp_path, text: str, role: str = "report", speaker: str = ""):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(f"file,role,speaker\na.txt,{role},{speaker}\n", encoding="utf-8")
    return find_quotes(load_corpus(tmp_path))


BODY = "This is a long first paragraph of an ordinary news report that ends with a full stop.\n\n"


@pytest.mark.parametrize("text, expected", [
    ('He said the plan was "really undesirable" for everyone involved.', ["really undesirable"]),
    ("He said the plan was “really undesirable” for everyone involved.", ["really undesirable"]),
    ("Ils ont dit « pas question » hier soir.", ["pas question"]),
    ("Er sagte „das ist falsch“ gestern.", ["das ist falsch"]),
    ("The ministry called the visit 「an open political provocation」 on Friday.", ["an open political provocation"]),
    ("Officials warned of an 'undesirable result' on Sunday.", ["undesirable result"]),
    ('"The U.S. talked about the rumor of \'arms dealing between the DPRK and Russia,\' again," Kwon said.',
     ["The U.S. talked about the rumor of 'arms dealing between the DPRK and Russia,' again,"]),
    ('Kirby said: “Today we can confirm that North Korea has” delivered “infantry rockets," he said.',
     ["Today we can confirm that North Korea has", "infantry rockets,"]),
])
def test_marks_found(tmp_path, text, expected):
    assert quotes_of(tmp_path, BODY + text)["text"].tolist() == expected


@pytest.mark.parametrize("text", [
    "Kim's sister and Russia’s army were in the Workers' Party headquarters.",
    "The player is 5'10\" tall and was famous in the '90s.",
    "The countries' ties were strong, officials' statements said.",
])
def test_apostrophes_and_primes_are_not_quotes(tmp_path, text):
    assert quotes_of(tmp_path, BODY + text).empty


def test_scare_quotes_in_link_residue_are_not_quotes(tmp_path):
    text = BODY + 'Read more: NATO officially amends "strategic concept" to consider Russia a threat\n'
    assert quotes_of(tmp_path, text).empty


def test_quotation_over_paragraphs(tmp_path):
    text = BODY + '"First part of the statement goes on.\n\n"Second part ends here," Kwon said.'
    rows = quotes_of(tmp_path, text)
    assert rows["text"].tolist() == ["First part of the statement goes on.", "Second part ends here,"]
    assert rows["speaker"].tolist() == ["Kwon", "Kwon"]
    assert rows["repair"].tolist() == ["", ""]


SEED_REPAIRS = [
    ("002_12439db231305b66", "unbalanced_quote",
     "Trying to distort the image [North Korea] By making up something that does not exist is a serious "
     "provocation that can never be allowed and can only lead to a reaction,"),
    ("002_12439db231305b66", "unbalanced_quote", "transnational criminal organization"),
    ("002_12439db231305b66", "unbalanced_quote", "Cross the red line"),
    ("000_9b930dce00ab652e", "broken_quote", "provocations."),
    ("003_ecf0d073c9817f33", "broken_quote", "self-made rumor"),
]


@pytest.fixture(scope="module")
def seed_quotes():
    return find_quotes(load_corpus(SEEDS))


@pytest.mark.parametrize("source, repair, text", SEED_REPAIRS)
def test_seed_broken_marks_are_repaired_and_reported(seed_quotes, source, repair, text):
    rows = seed_quotes[(seed_quotes["source"] == source) & (seed_quotes["text"] == text)
                       & (seed_quotes["repair"] != "")]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["repair"] == repair
    assert row["repair_start"] <= row["start"] or row["repair_end"] >= row["end"]
    assert row["repair_detail"]


def test_seed_repair_spans(seed_quotes):
    split = seed_quotes[seed_quotes["repair"] == "broken_quote"]
    texts = load_corpus(SEEDS).texts
    spans = {texts[r.source][r.repair_start:r.repair_end] for r in split.itertuples()}
    assert spans == {'"provocations.\n\n"', 'A"self-made'}


@pytest.mark.parametrize("text, speaker, mention, cue, relay", [
    ('"We will respond," Kwon said, as quoted by the state-run Korean Central News Agency.',
     "Kwon", "Kwon", "said", "Korean Central News Agency"),
    ('"We will respond," said Kwon Jong Gun, director general of the Department of US Affairs.',
     "Kwon Jong Gun", "Kwon Jong Gun", "said", ""),
    ('Jens Stoltenberg met Park Jin and expressed concerns regarding "reckless missile tests."',
     "Jens Stoltenberg", "Jens Stoltenberg", "expressed concerns", ""),
    ('"I haven\'t heard it," Vassily Nebenzia told reporters.', "Vassily Nebenzia", "Vassily Nebenzia",
     "told", "told reporters"),
    ('The two countries\' "strategic collaboration" grew, according to Kim Jong Un.',
     "Kim Jong Un", "Kim Jong Un", "according to", ""),
    ('In November, the White House said Pyongyang was supplying a "significant" number of shells.',
     "White House", "the White House", "said", ""),
])
def test_attribution(tmp_path, text, speaker, mention, cue, relay):
    row = quotes_of(tmp_path, BODY + text).iloc[0]
    assert (row["speaker"], row["speaker_mention"], row["cue"], row["relay"]) == (speaker, mention, cue, relay)


def test_pronoun_and_standalone_paragraph_resolve_to_named_speaker(tmp_path):
    text = (BODY + 'Kim Yo Jong, the sister of the leader, said "we condemn this move."\n\n'
            '"We are deeply concerned about it," she added.\n\n"Another whole sentence stands alone here."')
    rows = quotes_of(tmp_path, text)
    assert rows["speaker"].tolist() == ["Kim Yo Jong"] * 3
    assert rows["speaker_mention"].tolist() == ["Kim Yo Jong", "she", ""]
    assert rows["cue"].tolist() == ["said", "added", ""]


def test_headline_and_kinds(tmp_path):
    text = ("NK warns of 'undesirable result'\n\n"
            'The body starts here. It mentions the so-called "extended deterrence" again, officials said.\n'
            '"We have never exported weapons to anyone at all," the official said.')
    rows = quotes_of(tmp_path, text)
    assert rows["kind"].tolist() == ["headline", "scare", "direct"]


def test_primary_statement_excludes_framing_and_sidebar(tmp_path):
    text = ("Headline of the Statement\n\n"
            "Pyongyang, September 22 (KCNA) -- The vice director general issued the following press statement:\n\n"
            'We talked about the "rumor". We have never exported weapons.\n\n'
            "We warn the U.S. to keep its mouth shut. -0-\n\nwww.kcna.kp\n\nMore From KCNA\n\n"
            "Pyongyang, February 5 (KCNA) -- Players returned home.")
    rows = quotes_of(tmp_path, text, role="primary", speaker="DPRK defence official")
    assert rows["text"].tolist() == ['We talked about the "rumor".', "We have never exported weapons.",
                                     "We warn the U.S. to keep its mouth shut."]
    assert set(rows["kind"]) == {"statement"} and set(rows["speaker"]) == {"DPRK defence official"}


def test_non_english_article_yields_nothing(tmp_path):
    text = ("La Corée du Nord nie avoir fourni des armes. « Le faux rapport des médias japonais est le leurre le "
            "plus absurde », a déclaré un porte-parole du ministère dans un communiqué diffusé par la KCNA.")
    assert quotes_of(tmp_path, text).empty


def test_columns_and_ids(seed_quotes):
    assert tuple(seed_quotes.columns) == QUOTE_COLUMNS
    first = seed_quotes[seed_quotes["source"] == "000_9b930dce00ab652e"]["quote_id"].tolist()[:3]
    assert first == ["000_9b930dce00ab652e:q001", "000_9b930dce00ab652e:q002", "000_9b930dce00ab652e:q003"]


ALPHABET = st.sampled_from(list("ab AB.,:;!?\n'\"“”‘’«»„-0123456789") + ["Kwon said", " the official ", "Kim Yo Jong"])


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=120).map("".join))
def test_any_text_valid_spans_and_deterministic(text):
    first = article_quotes(text, text, "report", "")
    second = article_quotes(text, text, "report", "")
    assert [(q.start, q.end, q.info["entity"].name) for q in first] == [
        (q.start, q.end, q.info["entity"].name) for q in second]
    for q in first:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end].strip() == text[q.start:q.end]


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text):
    for role in ("report", "primary"):
        for q in article_quotes(text, text, role, "X"):
            assert 0 <= q.start < q.end <= len(text)


@pytest.mark.parametrize("text, speaker", [
    # "she" never resolves to a man: gender from the first name (gender-guesser), an honorific, a title
    ("Ursula Smith spoke after Joe Biden.\n\n“We will act now,” she said.", "Ursula Smith"),
    ("Spokeswoman Li Wei answered Joe Biden.\n\n“It is absurd and irresponsible,” she said.", "Li Wei"),
    ("Ms Hale answered Joe Biden on Monday, as Ann Hale had.\n\n“It is absurd,” she said.", "Ann Hale"),
    ("Joe Biden spoke to reporters.\n\n“It is absurd and irresponsible,” she said.", ""),
    ("Joe Biden spoke to reporters.\n\n“It is absurd and irresponsible,” he said.", "Joe Biden"),
])
def test_pronouns_agree_in_gender(text, speaker):
    from quotedrift.extract import article_rows

    rows = article_rows(("a", text, text, "report", ""))
    assert rows[-1]["speaker"] == speaker


@pytest.mark.parametrize("sentence, expected", [
    # the subject of the cue, not the object of an earlier clause
    ('Speaking with Ama Belko during the trip, Tavi Renn emphasized that "we will not bend to anyone."', "Tavi Renn"),
    ('After Ama Belko spoke to reporters, Tavi Renn on Wednesday called the plan "a very bad idea for us all."',
     "Tavi Renn"),
    ('Tavi Renn, who charged Ama Belko with lying, said "we will not bend to anyone."', "Tavi Renn"),
    ('Tavi Renn (the envoy of Ama Belko) said "we will not bend to anyone."', "Tavi Renn"),
    ('In an email sent around midnight Port Zorb time Wednesday, Ramon Tavi asked staff to commit to "long hours '
     'at high intensity."', "Ramon Tavi"),  # "…on Tavi" inside the name is no time adverb
    # negatives: the object after the cue is never the speaker, and a plain subject stays the subject
    ('Tavi Renn told Ama Belko that "we will not bend to anyone."', "Tavi Renn"),
    ('Tavi Renn said Ama Belko was "a very bad partner for us all."', "Tavi Renn"),
])
def test_speaker_is_the_subject_of_the_cue(tmp_path, sentence, expected):
    quotes = quotes_of(tmp_path, BODY + sentence)
    assert quotes["speaker"].tolist() == [expected]


@pytest.mark.parametrize("sentence, expected, cue", [
    # cue verbs of reaction and comment (lexicon/cues.csv), after the quotation or before it
    ('"The remarks are absurd," Foreign Ministry spokesperson Tavi Renn reacted on Wednesday.', "Tavi Renn",
     "reacted"),
    ('"Tavi Renn turned the trip into a win for them," tweeted Ama Belko.', "Ama Belko", "tweeted"),
    ('Ama Belko spoke after Tavi Renn left, criticizing the comment as "absurd and irresponsible."', "Ama Belko",
     "criticizing"),
    # negative: "smiled" is no cue, so nothing after the quotation attributes it
    ('"The remarks are absurd," Tavi Renn smiled.', "", ""),
])
def test_reaction_cues(tmp_path, sentence, expected, cue):
    quotes = quotes_of(tmp_path, BODY + sentence)
    assert (quotes["speaker"].tolist(), quotes["cue"].tolist()) == ([expected], [cue])


@pytest.mark.parametrize("sentence, expected", [
    # a participle's subject is the main clause's subject, not the subject of a clause inside it
    ('During a speech, the Zorbian president Tavi Renn said that Ama Belko had no idea, adding that this was '
     '"a great embarrassment for everyone."', "Tavi Renn"),
    # a trailing attribution after a sentence cut at the closing mark
    ('According to a news agency. “The remarks are extremely ridiculous and irresponsible,” she said.', ""),
])
def test_subject_of_participles_and_trailing_pronouns(tmp_path, sentence, expected):
    quotes = quotes_of(tmp_path, BODY + sentence)
    assert quotes["speaker"].tolist()[-1] == expected
    assert quotes["cue"].tolist()[-1] in ("adding", "said")


@pytest.mark.parametrize("headline, expected", [
    ("'I feel like a migrant worker': ZORB president Tavi Renn hits out at critics", "Tavi Renn"),
    ("'I feel like a migrant worker': Tavi Renn hits out at critics", "Tavi Renn"),
    ("'I feel like a migrant worker' as critics hit out at the tournament", ""),  # negative: no colon, no speaker
])
def test_headline_speaker_after_a_colon(tmp_path, headline, expected):
    quotes = quotes_of(tmp_path, headline + "\n\n" + BODY)
    assert quotes["speaker"].tolist() == [expected]

# ---------------------------------------------------------------------------------------------- issue 10:
# unclosed and unopened quotations, speech nested in speech, British style, primary texts of any shape.


@pytest.mark.parametrize("text, expected", [
    # no closing mark: the quotation runs to the end of its paragraph …
    ("She declared: “Today we win. Today, we lose. Today we draw.\nThe coach left the room.",
     ["Today we win. Today, we lose. Today we draw."]),
    # … less a trailing attribution …
    ("“That was a shame. while they did not know. The ship went off course, said Zorba.\n\nLater text.",
     ["That was a shame. while they did not know. The ship went off course,"]),
    # … or up to the writer's next sentence (third person, a role with its article) …
    ("Zorba said: “We will fight on and on. Zorba risked his name with the remark.\n\nThe match went on.",
     ["We will fight on and on."]),
    ("Roe said: “The worst is behind us all. The president believes the worst is behind them.\n\nThe match went on.",
     ["The worst is behind us all."]),
    # … or up to the next opening mark
    ('And she added, “The question is simple. The answer is not. "We cannot solve it," Roe said.',
     ["The question is simple. The answer is not.", "We cannot solve it,"]),
])
def test_unclosed_quotation_ends(tmp_path, text, expected):
    rows = quotes_of(tmp_path, BODY + text)
    assert rows["text"].tolist() == expected
    assert rows["repair"].iloc[0] == "unbalanced_quote"


@pytest.mark.parametrize("text, expected", [
    # no opening mark: from the paragraph start …
    ("Strategic calm must be our aim. We do not want to depend on others“, she said.",
     ["Strategic calm must be our aim. We do not want to depend on others"]),
    # … or from the first sentence after the paragraph's earlier quotation and its attribution
    ("“We cannot solve it,” said Ms Roe, in an interview with two reporters. The question is whether we hurry. "
     "No, it is not.”", ["We cannot solve it,", "The question is whether we hurry. No, it is not."]),
    ("“Can we say that?” If you want tensions this is the way. with that.”",
     ["Can we say that?", "If you want tensions this is the way. with that."]),
])
def test_missing_opening_mark(tmp_path, text, expected):
    assert quotes_of(tmp_path, BODY + text)["text"].tolist() == expected


DASHED = "\u2013 Today I feel proud of all of us,\u201d Tavi Renn announced.\n\n"  # a dash opens, a mark closes
PROUD = ("\u2013 Today I feel proud of all of us,", "Tavi Renn")


@pytest.mark.parametrize("text, expected", [
    # a page that keeps a dialogue dash as its opening mark: a dash-opened paragraph with no mark is a quotation
    # (the speaker continues from the quoted paragraph before)
    (DASHED + "\u2013 Europeans have taught us many lessons. I am a European",
     [PROUD, ("\u2013 Europeans have taught us many lessons. I am a European", "Tavi Renn")]),
    (DASHED + "\u2014 We will stay. We will not leave.\n\nThe talks ended late.",
     [PROUD, ("\u2014 We will stay. We will not leave.", "Tavi Renn")]),
    # negatives: with no dash-opened quotation closed by a mark, a dash paragraph is the writer's (a list
    # item, a tweet's signature line); a hyphen opens nothing
    ("\u2013 Europeans have taught us many lessons.\n\n\u2014 Sky News (@SkyNews) November 19, 2022", []),
    (DASHED + "- Europeans have taught us many lessons.", [PROUD]),
])
def test_dialogue_dash_opens_a_quotation(tmp_path, text, expected):
    quotes = quotes_of(tmp_path, BODY + text)
    assert list(zip(quotes["text"], quotes["speaker"])) == expected


@pytest.mark.parametrize("text, expected", [
    # speech quoted in speech (a comma or colon lead-in) is a quotation of its own …
    ("“How can we credibly say in Fooland, ‘Watch out, we will be there’? That is the point,” Roe said.",
     ["How can we credibly say in Fooland, ‘Watch out, we will be there’? That is the point,",
      "Watch out, we will be there"]),
    ("\"How can we say, 'watch out, we will be there?' Nobody believes it,\" Roe said.",
     ["How can we say, 'watch out, we will be there?' Nobody believes it,", "watch out, we will be there?"]),
    ("Roe said: ‘They told me, “No deal”, and left the room.’",
     ["They told me, “No deal”, and left the room.", "No deal"]),
    # … a term quoted inside a quotation is not
    ("“They spread the 'rumour of arms' dealings again,” Roe said.",
     ["They spread the 'rumour of arms' dealings again,"]),
    ("Roe said: ‘The rules are “clear” now, for everyone.’", ["The rules are “clear” now, for everyone."]),
])
def test_nested_quotations(tmp_path, text, expected):
    assert quotes_of(tmp_path, BODY + text)["text"].tolist() == expected


def test_british_quotation_over_paragraphs(tmp_path):
    text = BODY + ("Jane Roe said: 'Going forward, we will need to be extremely hardcore.\n\n"
                   "'This will mean long hours. Only exceptional work will pass.'\n\nThe staff left.")
    rows = quotes_of(tmp_path, text)
    assert rows["text"].tolist() == ["Going forward, we will need to be extremely hardcore.",
                                     "This will mean long hours. Only exceptional work will pass."]
    assert rows["repair"].tolist() == ["", ""]
    assert rows["speaker"].tolist() == ["Jane Roe", "Jane Roe"]


@pytest.mark.parametrize("text, expected", [
    ("Chief Says, ‘Don’t Blame Fooland; Blame Me.\n\n" + BODY, ["Don’t Blame Fooland; Blame Me."]),
    ("Chief Says, 'Don't Blame Fooland; Blame Me.\n\n" + BODY, ["Don't Blame Fooland; Blame Me."]),
    # a lone single mark with no lead-in may be an apostrophe: nothing
    (BODY + "The players' union met on Tuesday and the fans' club on Friday.", []),
    (BODY + "He said 'tis the season and left.", []),
])
def test_single_opening_mark_after_lead_in(tmp_path, text, expected):
    assert quotes_of(tmp_path, text)["text"].tolist() == expected


@pytest.mark.parametrize("text, expected", [
    # a transcript: the headline and summary above the first speaker label are left out, so are the label and
    # another speaker's paragraphs
    ("Fooland cup: the president defends his decisions\n\nThe president spoke for an hour on Saturday.\n\n"
     "Video transcript\n\nJANE ROE: Today I have strong feelings. I can tell you that.\n\n"
     "REPORTER: What about the stadiums?\n\nJANE ROE: Nothing more.",
     ["Today I have strong feelings.", "I can tell you that.", "Nothing more."]),
    # lines wrapped by the page are joined; dates, buttons and page numbers are not sentences
    ("Press Conference - Transcript\n\nDownload as pdf or txt\nYou are on page 1 of 9\n\n19 November 2022\n"
     "Fooville City\nThank you very much, and I hope you have time. Of course, to all of you,\n"
     "welcome, it is a pleasure to have you here.\n\n"
     "I remember very well where the migrant workers in the old days of the factory\nZorbania were living.",
     ["Thank you very much, and I hope you have time.",
      "Of course, to all of you,\nwelcome, it is a pleasure to have you here.",
      "I remember very well where the migrant workers in the old days of the factory\nZorbania were living."]),
    # a memo quoted between two rule lines of a forum post: the post around it is not the speaker's
    ("date 2022-11-16 This is the memo sent last night. How do you feel?\n\n-----------\n\nA Fork in the Road\n\n"
     "Going forward, we will need to be hardcore.\n\nforms.example\n\nJane\n\n-----------\n\n"
     "As an engineer, I am excited.", ["Going forward, we will need to be hardcore."]),
])
def test_primary_statements_of_any_shape(tmp_path, text, expected):
    rows = quotes_of(tmp_path, text, role="primary", speaker="Jane Roe")
    assert rows["text"].tolist() == expected


@pytest.mark.parametrize("text, repairs", [
    # the capture of the page ends inside the quotation: no damage to report
    ("Roe said: “We will fight on until the end of the season", [""]),
    # the next paragraph opens with a mark again (behind HTML tags here): a quotation of several paragraphs
    ("<p>Roe said: “We will fight on until the end.</p>\n<p>“And we will win the cup,” she said.</p>", ["", ""]),
    # a paragraph of the writer's follows: the closing mark is missing
    ("Roe said: “We will fight on until the end.\n\nThe match starts at noon on Sunday.", ["unbalanced_quote"]),
])
def test_open_quotation_by_convention_is_no_repair(tmp_path, text, repairs):
    assert quotes_of(tmp_path, BODY + text)["repair"].tolist() == repairs


@pytest.mark.parametrize("text, expected, repairs", [
    # a mark with no space either side is paired by what is open: here it closes, then one opens …
    ("The press was critical. “Has the leader lost his mind?“asks a paper. For critics, Fooland”undermines "
     "efforts to control the region“, an analysis said.",
     ["Has the leader lost his mind?", "undermines efforts to control the region"], ["broken_quote", "broken_quote"]),
    # … and a closing glyph glued after a byline opens the quotation
    ("[Staff Reporter Jane Roe]”I am a European… We should apologize for the past 3,000 years.” Then more.",
     ["I am a European… We should apologize for the past 3,000 years."], ["broken_quote"]),
    # a mark followed by a comma or full stop closes; a quotation holds at least one letter or digit
    ("He called it “moral lesson-giving” and “hypocrisy”. .” He then left the room.",
     ["moral lesson-giving", "hypocrisy"], ["", ""]),
])
def test_marks_without_spaces(tmp_path, text, expected, repairs):
    rows = quotes_of(tmp_path, BODY + text)
    assert rows["text"].tolist() == expected
    assert rows["repair"].tolist() == repairs


@pytest.mark.parametrize("text", [
    '<div class="top-ad">An advert</div> He called the talks “dense” on Sunday.',
    "<p>He called the talks “dense and frank” on Sunday.</p>",
])
def test_marks_in_html_markup_are_no_damage(tmp_path, text):
    rows = quotes_of(tmp_path, BODY + text)
    assert "dense" in rows["text"].str.cat(sep=" ") and set(rows["repair"]) == {""}


@pytest.mark.parametrize("sentence, expected", [
    # a byline beside a quotation with no cue names its writer, not its speaker
    ("[Network Reporter Tavi Renn]\u201dWe should apologise for the past 3,000 years.\u201d Ama Belko spoke later.", ""),
    # negative: a name with no reporting title beside a cue-less quotation stays its speaker
    ("[Zorbcorp owner Tavi Renn]\u201dWe should apologise for the past 3,000 years.\u201d Ama Belko spoke later.",
     "Tavi Renn"),
])
def test_a_byline_is_no_speaker(tmp_path, sentence, expected):
    assert quotes_of(tmp_path, BODY + sentence)["speaker"].tolist()[0] == expected


@pytest.mark.parametrize("text, report", [
    # another outlet's paragraph quoted with its attribution: a report of speech
    ("The West should apologise for its history before taking aim at the host, the president of the federation "
     "said,", True),
    ("Talks will resume in the spring, the minister added.", True),
    # speech: the speaker's own "I would say", a cue inside the sentence, a reporting verb not at the end
    ("what has been picked up in the last few months has been quite incredible, I would say.", False),
    ("a blow to efforts to stabilise the relationship, a relationship that the capital says is at a record low",
     False),
    ("there is no confirmation that the purchase has occurred yet, so it's difficult to say what it will look like,",
     False),
    ("The remarks are extremely absurd and irresponsible.", False),
])
def test_a_quotation_ending_with_the_writers_attribution_is_a_report_not_speech(text, report):
    from quotedrift.extract.marks import quoted_report

    assert quoted_report(text) is report


def test_a_quoted_report_has_no_speaker(tmp_path):
    text = (BODY + "“Taxes will rise, the minister of finance said,” reported the Daily Herald.\n\n"
            "“Taxes will rise next year,” the minister of finance said.\n")
    rows = quotes_of(tmp_path, text)
    speakers = dict(zip(rows["text"], rows["speaker"]))
    assert speakers["Taxes will rise, the minister of finance said,"] == ""
