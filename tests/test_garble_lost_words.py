"""lost_quote_marks and cut_phrase: words whose marks or whose end were lost, read from one article."""

from __future__ import annotations

import pytest

from quotedrift.garble import cutphrase, lostmarks


def spans(rows: list[dict], text: str) -> list[str]:
    return [text[r["start"]:r["end"]] for r in rows]


REPORT = ("The president spoke to reporters on Friday in the capital after the summit.\n\n"
          "The visit was the first by a head of state in four years, officials said.\n\n"
          "{0}\n\n"
          "Officials in the region said the talks would resume next month, according to the ministry.\n\n"
          "Trade between the two countries has grown every year since the agreement was signed.\n\n"
          "The opposition criticised the trip as a distraction from problems at home.\n")


@pytest.mark.parametrize("paragraph, expected", [
    ("He recalled the balloon, adding: It’s a big embarrassment for dictators. Then he left.",
     "adding: It’s a big embarrassment for dictators."),
    ("“It is paradoxical that the panic grips us,” Macron said. We think we are just followers of others.",
     "We think we are just followers of others."),
    ("When I first arrived here six years ago, I brought up the issue of the workers head-on.",
     "When I first arrived here six years ago, I brought up the issue of the workers head-on."),
    ("They can defend themselves. Football and justice are defended by us.", "are defended by us"),
])
def test_lost_quote_marks_found(paragraph, expected):
    text = REPORT.format(paragraph)
    assert spans(lostmarks.lost_quote_marks(text), text) == [expected]


@pytest.mark.parametrize("paragraph", [
    "He recalled the balloon, adding: “It’s a big embarrassment for dictators.” Then he left.",
    "“It is paradoxical that the panic grips us,” Macron said. He then flew home to the capital.",
    "“It is paradoxical,” Macron said. “We think we are just followers of others.”",
    "The e-mail read:\n\nWhen I first arrived here six years ago, I brought up the issue of the workers.",
    "I feel sad.",  # a short line: a caption or a sign-off
    "“Football and justice are defended by me,” he said.",  # inside quotation marks
    "The minister said the talks had been useful for both sides and would go on next month.",
])
def test_lost_quote_marks_legitimate(paragraph):
    text = REPORT.format(paragraph)
    assert lostmarks.lost_quote_marks(text) == []


def test_lost_quote_marks_leave_a_reproduced_document_alone():
    """Several first-person paragraphs in a row are a document printed whole (an e-mail), not lost marks."""
    text = REPORT.format("Going forward, we will need to be extremely hardcore and work long hours.\n\n"
                         "Design will still be very important and report to me, but code will matter most.\n\n"
                         "If you are sure that you want to be part of the new company, please click yes.")
    assert lostmarks.lost_quote_marks(text) == []


SHORT_REPORT = ("Officials criticised the \"hypocrisy\" of the critics on the eve of the summit.\n\n"
                "The minister said the country had \"made progress\" on the rights of workers.\n\n"
                "{0}\n\n"
                "He called on the critics to \"look at themselves\" before giving lessons.\n\n"
                "How many of these companies earned millions in the region\n")


@pytest.mark.parametrize("paragraph, expected", [
    # a cut copy: three unquoted paragraphs, one of them in the first person (0.2 of three is less than one)
    ("When I first arrived here six years ago, I brought up the issue of the workers head-on.",
     ["When I first arrived here six years ago, I brought up the issue of the workers head-on."]),
    # "my" without the subject "I": an address or a possessive, not someone speaking
    ("The editorial said his comments were unhelpful to the allies. Thank you very much my friend.", []),
    ("The e-mail read:\n\nWhen I first arrived here six years ago, I brought up the issue of the workers.", []),
])
def test_lost_quote_marks_in_a_short_report(paragraph, expected):
    text = SHORT_REPORT.format(paragraph)
    assert spans(lostmarks.lost_quote_marks(text), text) == expected


def test_lost_quote_marks_leave_a_short_first_person_column_alone():
    """Two first-person paragraphs of three unquoted ones: a column written in the first person."""
    text = ("I went to the stadium on Saturday and I saw the fans arrive early in the morning.\n\n"
            "The officials said the \"doors would open\" at noon.\n\n"
            "I have never seen a crowd like that in all the years that I have covered the game.\n\n"
            "The match ended in a draw after a late goal by the visitors.\n")
    assert lostmarks.lost_quote_marks(text) == []


@pytest.mark.parametrize("text, expected", [
    ("I know what it means to be bullied, as a foreign in a. During a press conference he spoke.",
     "to be bullied, as a foreign in a."),
    ("The head of. The ministry did not say more.", "The head of."),
])
def test_cut_phrase_found(text, expected):
    assert spans(cutphrase.cut_phrases(text), text) == [expected]


@pytest.mark.parametrize("text", [
    "He left at 2 a.m. on Wednesday.",
    "That is, i.e. a. b. c. are listed.",
    "He spoke of the … and then left.",
    "Vitamin A. Plan B. Type O.",
    "It is what it is, a… well, a thing.",
    "He was the one they spoke of... and left.",
])
def test_cut_phrase_legitimate(text):
    assert cutphrase.cut_phrases(text) == []


@pytest.mark.parametrize("text, expected", [
    ("He left. Theses are not employees who share his passion.", ["Theses"]),  # "These"
    ("They were told wich way to go.", ["wich"]),  # "which"
    ("NAVE COTAM: the plane landed.", ["NAVE"]),  # "HAVE" in a machine-translated dateline
])
def test_real_word_typo_found(text, expected):
    from quotedrift.garble import realtypo

    assert spans(realtypo.real_word_typos(text), text) == expected


@pytest.mark.parametrize("text", [
    "Thee, thou and thy are old forms.",  # a rare word, but not rare enough ("thee": Zipf 4.0)
    "Critics liken the plan to a tax.",  # a content word near "like": left alone
    "The talks were held in the Chow family home.",  # a name inside a sentence
    "These are the three reasons.",
    "A three-month severance was offered.",
])
def test_real_word_typo_legitimate(text):
    from quotedrift.garble import realtypo

    assert realtypo.real_word_typos(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The president claimed “today I feel gay” as he scolded the media for giving “moral lessons” over the "
     "World Cup. The president claimed “today I feel gay” as he scolded the media for giving “moral lessons” "
     "about the World Cup. He then left.",
     "The president claimed “today I feel gay” as he scolded the media for giving “moral lessons” over the "
     "World Cup. The president claimed “today I feel gay” as he scolded the media for giving “moral lessons” "
     "about the World Cup."),
])
def test_repeated_sentence_found(text, expected):
    from quotedrift.garble import nearrepeat

    assert spans(nearrepeat.repeated_sentences(text), text) == [expected]


@pytest.mark.parametrize("text", [
    "Today I feel Qatari. Today I feel Arab. Today I feel African. Today I feel gay.",  # a refrain
    "The minister said the talks with the delegation had been useful and would go on next month. "
    "Officials of the opposition said the talks had achieved nothing and should be stopped at once.",
    "The president spoke at length about the World Cup and the workers who built the stadiums there.\n\n"
    "The president spoke at length about the World Cup and the workers who built the stadiums there.",  # two paragraphs
    "word " * 5000,  # no full stop: nothing compared
])
def test_repeated_sentence_legitimate(text):
    from quotedrift.garble import nearrepeat

    assert nearrepeat.repeated_sentences(text) == []


@pytest.mark.parametrize("text, expected", [
    ("“These moral lessons are just pure hypocrisy”. (HANDLE)\n\nHe went on.", ["(HANDLE)"]),
    ("He spoke in Rome on Saturday. (BRIDGE)", ["(BRIDGE)"]),
])
def test_translated_credit_found(text, expected):
    from quotedrift.garble import credit

    assert spans(credit.translated_credits(text), text) == expected


@pytest.mark.parametrize("text", [
    "He spoke in Rome on Saturday. (AFP)",  # an agency
    "The talks will go on next week. (END)",  # a wire's own marker
    "He spoke in Rome (HANDLE) on Saturday.",  # not where a credit stands
    "The ministry said so. (ANSA)",  # the agency's name: no English word
])
def test_translated_credit_legitimate(text):
    from quotedrift.garble import credit

    assert credit.translated_credits(text) == []


@pytest.mark.parametrize("text, expected", [
    ("He was tired. At 2 a.m. On Wednesday, he sent an email to all staff.", ["At 2 a.m. On"]),
    ("By 5 p.m. ET The staff had to click yes.", ["By 5 p.m. ET The"]),
])
def test_capital_after_time_found(text, expected):
    from quotedrift.garble import timebreak

    assert spans(timebreak.capitals_after_time(text), text) == expected


@pytest.mark.parametrize("text", [
    "He sent the email at 2 a.m. On Wednesday, the staff replied.",  # a sentence with a verb ends at the time
    "At 2 a.m. on Wednesday, he sent an email.",
    "The meeting ended at 5 p.m. The minister left.",
])
def test_capital_after_time_legitimate(text):
    from quotedrift.garble import timebreak

    assert timebreak.capitals_after_time(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Spokeswoman Mao Ning said it was absurd.\nNing called the remark irresponsible.", ["Ning"]),
    ("Xi Jinping met the envoy. Afterwards, Jinping said the talks were useful.", ["Jinping"]),
])
def test_given_name_as_surname_found(text, expected):
    from quotedrift.garble import givenname

    assert spans(givenname.given_names_as_surnames(text), text) == expected


@pytest.mark.parametrize("text", [
    "Spokeswoman Mao Ning said it was absurd. Mao called the remark irresponsible.",
    "Mao Ning said it was absurd. Ning Zhang, an analyst, disagreed.",  # another person's name
    "John Ning said so. Ning left early.",  # a given-first name: 'Ning' is his surname
    "the su Taiwan said so. Taiwan replied.",  # a lower-case word is no family name
])
def test_given_name_as_surname_legitimate(text):
    from quotedrift.garble import givenname

    assert givenname.given_names_as_surnames(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The company, which he will lead at the end of the month. October. He said so.", ["October."]),
    ("It ended on the day. Friday. The staff left.", ["Friday."]),
])
def test_stray_date_word_found(text, expected):
    from quotedrift.garble import strayword

    assert spans(strayword.stray_date_words(text), text) == expected


@pytest.mark.parametrize("text", [
    "The talks ended in October. He said so.",
    "PARIS, October 5 (AFP) - The talks ended.",
    "The talks ended.\nFriday.\nThe staff left.",  # a line of its own (a date heading)
    "He will return on Friday. That is all.",
])
def test_stray_date_word_legitimate(text):
    from quotedrift.garble import strayword

    assert strayword.stray_date_words(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The talks went on.\n“Devoted bacon guru. Award-winning explorer. Internet junkie. Web lover.”",
     ["Devoted bacon guru. Award-winning explorer. Internet junkie. Web lover."]),
])
def test_fragment_run_found(text, expected):
    from quotedrift.garble import fragments

    assert spans(fragments.fragment_runs(text), text) == expected


@pytest.mark.parametrize("text", [
    "He said: “Nobody cares. Nobody cares.” Four journalists. The room was silent.",
    "The talks went on. The minister left early. Nobody said why it ended so soon.",
    "Yes. No. Maybe.",  # three: a speaker's words
])
def test_fragment_run_legitimate(text):
    from quotedrift.garble import fragments

    assert fragments.fragment_runs(text) == []
