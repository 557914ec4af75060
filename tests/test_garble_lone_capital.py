"""lone_capital: a common word capitalised in mid-sentence where the other outlets print it in lower case."""

from __future__ import annotations

import pytest

from quotedrift.corpus import load_corpus
from quotedrift.garble import lonecapital


STORY = ("The president of the {0} body defended the host country on Saturday and attacked its critics. He "
         "said the {1} critics had not understood the {2} tournament or the workers who built it.\n")
PLAIN = ("football governing", "football", "football")


def lone_capital_rows(tmp_path, texts: list[str]) -> list[tuple[str, str]]:
    for i, text in enumerate(texts):
        (tmp_path / f"s{i}.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    return [(r["source"], corpus.texts[r["source"]][r["start"]:r["end"]]) for r in lonecapital.lone_capitals(corpus)]


@pytest.mark.parametrize("odd, expected", [
    (("football governing", "international Football", "football"), [("s3", "international Football critics")]),
    (("football governing", "football", "Football"), [("s3", "the Football tournament")]),
])
def test_lone_capital_found(tmp_path, odd, expected):
    assert lone_capital_rows(tmp_path, [STORY.format(*PLAIN)] * 3 + [STORY.format(*odd)]) == expected


@pytest.mark.parametrize("odd, others", [
    (("football governing", "international Football", "football"), [PLAIN]),  # one other outlet: either may be odd
    # other outlets capitalise it mid-sentence too (a name or a house style): 2 lower-case, 1 capitalised
    (("football governing", "international Football", "football"),
     [PLAIN, PLAIN, ("Football governing", "Football", "Football")]),
    (("football governing", "Football Association", "football"), [PLAIN] * 3),  # a run of capitals: a name
    (("football governing", "football", "The tournament"), [PLAIN] * 3),  # a function word: midsentence_capital's
    (("football governing", "football", "How tournament"), [PLAIN] * 3),  # as common as "how": a sentence's start
    (("football governing", "Design and Product", "football"), [PLAIN] * 3),  # a pair of names
    (("football governing", "young Europeans", "football"), [PLAIN] * 3),  # a word no outlet prints in lower case
    (("football governing", "football", "football"), [PLAIN] * 3),
    (("Football governing", "Football", "Football"), [PLAIN] * 3),  # capitalised throughout: a house style
])
def test_lone_capital_legitimate(tmp_path, odd, others):
    texts = [STORY.format(*words) for words in others] + [STORY.format(*odd)]
    assert lone_capital_rows(tmp_path, texts) == []


@pytest.mark.parametrize("mine, theirs", [
    ("They met and the president said the government would act.",
     "They met and the President said the government would act."),  # a title
    ("They met and the president said the government would act.",
     "They met and the president said the Government would act."),  # a noun British style capitalises
])
def test_lone_capital_leaves_house_style_alone(tmp_path, mine, theirs):
    texts = [mine + " " + STORY.format(*PLAIN)] * 3 + [theirs + " " + STORY.format(*PLAIN)]
    assert lone_capital_rows(tmp_path, texts) == []


def test_lone_capital_leaves_headlines_alone(tmp_path):
    headline = "President Says the World Must Stop Attacking the Football Tournament now\n"
    texts = [STORY.format(*PLAIN)] * 3 + [headline + STORY.format(*PLAIN)]
    assert lone_capital_rows(tmp_path, texts) == []


def test_lone_capital_leaves_a_name_of_the_outlet_alone(tmp_path):
    """An outlet that prints "Acme Blue" and then "the new Blue plan" uses a name, whatever the others print."""
    others = "The company said the blue badge would return and the blue tick would cost more next month.\n"
    mine = ("The company relaunched Acme Blue on Monday. It halted new Blue enrollments after two days, and "
            "Acme Blue will return next month.\n")
    assert lone_capital_rows(tmp_path, [others] * 3 + [mine]) == []
