"""fragment_run: a run of verbless fragments of a few words each ("Devoted bacon guru. Award-winning
explorer. Internet junkie. Web lover."): a generated author biography or a tag line left in the article.

News prose is made of sentences; page furniture such as a generated author biography strings together
labels of one to three words, each closed by a full stop. ``MIN_FRAGMENTS`` or more such fragments in a row
(each opening with a capital) are such a run; three are left alone (a speaker's "Nobody cares. Nobody
cares." with a label after it). One regular expression over the text: linear in its length.
"""

from __future__ import annotations

import re

from .registry import register, row

MIN_FRAGMENTS = 4
# at a line's start, after a sentence's end or after an opening mark: fragments of one to three words
_RUN = re.compile(r"(?:(?<=^)|(?<=[.!?”\"][ ])|(?<=[“\"]))(?:[A-Z][\w-]*(?:[ ][\w-]+){0,2}[.!?][ ]?){%d,}"
                  % MIN_FRAGMENTS, re.MULTILINE)


@register("fragment_run", severity=1, colour="#dee2e6",
          explanation="‘{text}’: a run of verbless fragments (a generated biography or a tag line)",
          confirmed_by=("boilerplate", "bio", "tag line"))
def fragment_runs(text: str, words=None) -> list[dict]:
    """Runs of ``MIN_FRAGMENTS`` or more fragments of one to three words."""
    rows = []
    for match in _RUN.finditer(text):
        start, end = match.start(), match.start() + len(match.group().rstrip())
        count = len(re.findall(r"[.!?]", match.group()))
        rows.append(row(start, end, "fragment_run",
                        f"‘{text[start:end]}’: {count} fragments of one to three words in a row, none a "
                        "sentence (page furniture: a generated biography, a tag line)"))
    return rows
