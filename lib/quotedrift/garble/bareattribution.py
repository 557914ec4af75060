"""bare_attribution: a sentence that is only a pronoun and a speech verb ("He tweeted.", "She said.").

An attribution belongs to the words it attributes: "…,” he said." or "He said: “…”". A rewrite, a spinner or
a cut that drops or moves those words leaves the attribution behind as a sentence of its own, at the start of
a paragraph or after another sentence ("… said the president misspoke.⏎He tweeted. The palace said
nothing."; "He said. “Demands for equality …”"). Only a subject pronoun and a one-word cue of ``lexicon/cues.csv``
make such a sentence; after a closing quotation mark ("“We will.” He said.") the attribution still stands by
its words (a capital where a comma belongs) and is left alone. One regular expression over the text: linear
in its length.
"""

from __future__ import annotations

import functools
import re

from .. import lexicon
from .registry import register, row

SUBJECTS = ("He", "She", "They", "It")  # a name is no evidence: "Mr. Smith said." ends on an abbreviation


@functools.cache
def _bare() -> re.Pattern:
    """A pronoun and a cue ending a sentence, opening a paragraph or following a sentence that ends with no
    quotation mark."""
    return re.compile(
        rf"""(?:^|(?<=[^\s”"’'][.!?][ ]))             # a paragraph's start, or a sentence's end (no mark)
             (?:{"|".join(SUBJECTS)})[ ](?:{lexicon.one_word_cues()})
             [.](?=\s|$)                              # and the sentence ends there""",
        re.VERBOSE | re.MULTILINE)


@register("bare_attribution", severity=2, colour="#ffd8a8",
          explanation="‘{text}’: an attribution standing alone as a sentence, cut off from the words it "
                      "attributes",
          confirmed_by=("garbled rewrite", "attribution", "fragment"))
def bare_attributions(text: str, words=None) -> list[dict]:
    """Sentences of a subject pronoun and a speech verb alone."""
    return [row(m.start(), m.end(), "bare_attribution",
                f"‘{m.group()}’: a pronoun and a speech verb make the whole sentence; the words they "
                "attribute are not in it (cut, moved, or split off by a full stop)")
            for m in _bare().finditer(text)]
