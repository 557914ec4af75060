"""misquote: words inside quotation marks that the speaker's own text words otherwise, and no other outlet does.

An aligned-scope detector: it reads drift's ``edits`` table (each edit of a version against its utterance's
reference). Where the reference is the speaker's own text (the corpus's ``role=primary`` article: an e-mail, a
statement, a transcript), a substantive edit inside a quotation is a misquote ("very rigorous" where the
e-mail says "extremely hardcore", "the link before" for "the link below", "long hours and high intensity" for
"at high intensity", a word dropped). Left alone:

- an edit that another outlet prints too (the same words put in place of the same reference words): an
  agency's own rendering or translation, which the copies repeat faithfully, not damage done by this copy;
- utterances whose primary is not what the outlets quote: fewer than ``PRIMARY_AGREEMENT`` of the outlets
  printing the utterance, or fewer than ``MIN_UNCHANGED`` outlets besides the primary, print it without a
  substantive edit (a transcript of a spoken, interpreted press
  conference; the reporters heard and quoted something else);
- a version that changes more than ``MAX_CHANGED`` of its words (a rewording, measured by fidelity, or
  another quotation aligned with this one), unless the edit replaces up to ``SUBSTITUTED`` words one for
  one, and a word put in another grammatical form ("work" for "working":
  an editor fitting a partial quotation into the sentence).

One pass over the edits, grouped by keys: linear.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from ..text import normalise_word
from .registry import register, row
from .util import word_edge
from .words import zipf

OPS = ("replace", "insert", "delete")  # cosmetic ops (case, punctuation) are drift's, not damage
# Share of the outlets printing an utterance that print the primary's words unchanged, at least: on the
# e-mail of nov2022_musk_hardcore 0.60-0.86 per utterance, on the press-conference transcripts of
# nov2022_infantino 0.00-0.12 (what the reporters quote is not the transcript's wording).
PRIMARY_AGREEMENT = 0.5
KNOWN_ZIPF = 2.5  # both forms at least this frequent in English: a grammatical form, not a slip
MIN_UNCHANGED = 2  # outlets besides the primary that print the utterance unchanged, at least
SUBSTITUTED = 3  # words replaced one for one that make a misquote whatever the share of the quotation
MAX_CHANGED = 0.5  # share of a version's words its substantive edits touch, at most (more: a rewording)
SHOWN = 60  # characters of the reference words shown in the detail


def _key(edit, text: str) -> tuple:
    """What an edit does, whoever prints it: the reference words it touches and the words put there (for a
    deletion, the words printed either side of the gap: two rewordings that both lose a word do not print
    the same thing)."""
    if edit.op == "delete":
        a, b = _span(text, int(edit.start), int(edit.end))
        printed = text[a:b]
    else:
        printed = str(edit.text)
    words = tuple(normalise_word(w) for w in printed.split())
    return edit.utterance_id, int(edit.reference_start), int(edit.reference_end), edit.op, words


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    """The edit's span, or for a deletion (nothing printed) the words either side of the gap."""
    if end > start:
        return start, end
    left = start
    while left > 0 and text[left - 1] in " \t":
        left -= 1
    right = end
    while right < len(text) and text[right] in " \t":
        right += 1
    a, b = word_edge(text, left, -1), word_edge(text, right, 1)
    return (a, b) if b > a else (max(0, start - 1), min(len(text), start + 1))


def _quoted_as_printed(edits: pd.DataFrame, quotes: pd.DataFrame) -> pd.Series:
    """Whether each edit's utterance is one whose primary the outlets quote: at least PRIMARY_AGREEMENT of the
    outlets printing it print it without a substantive edit."""
    printing = quotes.groupby("utterance_id")["source"].nunique()
    edited = edits.groupby("utterance_id")["source"].nunique()
    unchanged = printing.reindex(edited.index).fillna(0) - edited - 1  # the primary itself left out
    agreement = (unchanged + 1) / printing.reindex(edited.index)
    sure = (agreement >= PRIMARY_AGREEMENT) & (unchanged >= MIN_UNCHANGED)
    return edits["utterance_id"].map(sure).fillna(False).astype(bool)


def _rewordings(edits: pd.DataFrame, quotes: pd.DataFrame) -> pd.Series:
    """Whether each edit's version changes more than MAX_CHANGED of its words."""
    changed = edits.assign(n=[len(str(t).split()) for t in edits["text"]]).groupby("quote_id")["n"].sum()
    length = quotes.set_index("quote_id")["text"].map(lambda t: len(str(t).split()))
    share = changed / length.reindex(changed.index).clip(lower=1)
    return edits["quote_id"].map(share).fillna(1) > MAX_CHANGED


def _word_for_word(edits: pd.DataFrame) -> pd.Series:
    """Whether each edit puts as many words as it replaces, ``SUBSTITUTED`` at most ("very rigorous" for
    "extremely hardcore"): a quotation of a few words changed word for word is a misquote even when every word
    of it is changed, where a short quotation whose words do not line up with the reference's ("go super" for
    "will need to be extremely") is more likely another quotation aligned with this one."""
    said = edits["reference_text"].map(lambda t: len(str(t).split()))
    printed = edits["text"].map(lambda t: len(str(t).split()))
    return (edits["op"] == "replace") & (said == printed) & (printed <= SUBSTITUTED)


def _grammatical_form(printed: str, said: str) -> bool:
    """One word for one word of the same stem, both English ("work" / "working", "remark" / "remarks")."""
    a, b = normalise_word(printed), normalise_word(said)
    if " " in a or " " in b or not a or not b:
        return False
    stem = min(len(a), len(b)) - 1 if min(len(a), len(b)) > 4 else min(len(a), len(b))
    return a[:stem] == b[:stem] and zipf(a) >= KNOWN_ZIPF and zipf(b) >= KNOWN_ZIPF


@register("misquote", severity=2, colour="#f783ac", scope="aligned",
          explanation="‘{text}’: quoted words the speaker's own text words otherwise (no other outlet prints them)",
          confirmed_by=("misquot", "quoted words", "misquote"))
def misquotes(corpus, quotes=None, edits=None) -> list[dict]:
    """Substantive edits against a primary text that this outlet alone prints."""
    if edits is None or len(edits) == 0:
        return []
    roles = dict(zip(corpus.articles["source"], corpus.articles["role"].astype(str)))
    wanted = edits[(edits["category"] == "substantive") & edits["op"].isin(OPS)
                   & (edits["reference_source"].map(roles) == "primary")]
    if wanted.empty:
        return []
    keys = [_key(edit, corpus.texts[edit.source]) for edit in wanted.itertuples(index=False)]
    printed_by: dict[tuple, set[str]] = defaultdict(set)  # every outlet making the change, rewordings too
    for key, source in zip(keys, wanted["source"]):
        printed_by[key].add(source)
    judged = (_quoted_as_printed(wanted, quotes) & (~_rewordings(wanted, quotes) | _word_for_word(wanted))).tolist()
    rows = []
    for edit, key, judge in zip(wanted.itertuples(index=False), keys, judged):
        if not judge or len(printed_by[key]) > 1:
            continue  # another outlet prints the same change: a rendering the copies share
        if edit.op == "replace" and _grammatical_form(str(edit.text), str(edit.reference_text)):
            continue
        text = corpus.texts[edit.source]
        start, end = _span(text, int(edit.start), int(edit.end))
        said = " ".join(str(edit.reference_text).split())
        said = said if len(said) <= SHOWN else said[:SHOWN] + "…"
        how = {"replace": f"the speaker's text ({edit.reference_source}) reads ‘{said}’ here",
               "insert": f"words the speaker's text ({edit.reference_source}) does not have here",
               "delete": f"‘{said}’ of the speaker's text ({edit.reference_source}) is left out here"}[edit.op]
        rows.append({"source": edit.source, **row(start, end, "misquote",
                     f"‘{text[start:end]}’ inside the quotation: {how}; no other outlet prints this change")})
    return rows
