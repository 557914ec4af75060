"""cut_phrase: a sentence that stops on a word that cannot end one ("as a foreigner in a.", "the head of.").

An article, a determiner or a preposition that needs its noun ("a", "the", "of", "into") never ends an
English sentence; when a full stop follows one, the words after it were lost (a rewrite cut the sentence, a
scraper dropped a link's words). An ellipsis is an editor's sign of words left out on purpose: left alone,
and so are abbreviations ("a.m.", "i.e.": a letter follows the full stop). One regular expression over the
text: linear in its length.
"""

from __future__ import annotations

import re

from .registry import register, row

# lower case, after a space, before a full stop, a question or exclamation mark that is not part of an
# ellipsis or an abbreviation (white space, a closing mark or the end of the text follows), not in a list
_CUT = re.compile(r"""(?<=[ ])(?P<word>a|an|the|of|into|onto|than|whose|their|our|your|its)
                      (?P<stop>[.!?])(?![.\w])(?=[\s”"’)]|$)
                      (?![ ][a-z][.)])  # not a list of letters ("a. b. c.")""", re.VERBOSE)
REACH = 30  # characters before the word shown as its context


@register("cut_phrase", severity=2, colour="#ffc9c9",
          explanation="‘{text}’: a sentence that stops on a word that cannot end one (words lost after it)",
          confirmed_by=("cut off", "truncated", "mid-phrase", "words lost", "fragment"))
def cut_phrases(text: str, words=None) -> list[dict]:
    """Sentences that end on an article, a determiner or a preposition that needs a noun."""
    rows = []
    for match in _CUT.finditer(text):
        start = max(text.rfind(" ", 0, max(0, match.start() - REACH)) + 1, text.rfind("\n", 0, match.start()) + 1)
        rows.append(row(start, match.end(), "cut_phrase",
                        f"‘{text[start:match.end()]}’: the sentence stops on ‘{match.group('word')}’, which needs "
                        "a word after it (the end of the sentence was lost)"))
    return rows
