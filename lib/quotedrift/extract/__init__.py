"""Find quotations and who said them: marks as people print them, repairs of broken marks, attribution.

``find_quotes(corpus)`` searches each article's searchable text (boilerplate blanked, same offsets) and takes
every ``text`` from the article text itself, so ``text == article_text[start:end]`` always holds.

How it works, step by step (each step is a small function below):

1. **Marks** (:func:`scan_marks`): straight and curly double quotes, « guillemets », „low“ quotes, and single
   quotes. Whether a mark opens or closes is read from its neighbours (space before → opening, space or
   punctuation after → closing), the glyph decides only when the neighbours do not. Apostrophes
   (``Kim's``, ``Russia’s``), primes (``5'10"``) and elisions (``'90s``) are not marks.
2. **Pairing** (:func:`pair_double_marks`, :func:`pair_single_marks`): marks pair up paragraph by paragraph;
   a quotation may run over paragraphs when each new paragraph opens with a mark (one row per paragraph), in
   double marks or in British single ones. A quotation inside another is its own row only when it is speech
   quoted in speech (``say, ‘Watch out…’``, a comma or colon lead-in); a quoted term stays in the outer one.
3. **Repairs**, reported in the ``repair*`` columns, never hidden: a closing mark with no opening one (the
   quotation starts at its paragraph start, or after the sentence of the paragraph's earlier quotation), an
   opening mark with no closing one (it ends at a glued word such as ``lineSending``, else runs to the
   paragraph end or the next mark, stopping before a trailing ``…, said X.`` or a sentence in the writer's
   voice), a closing mark pushed into the next paragraph (``"provocations.\\n\\n"``), a mark glued to a word
   (``A"self-made rumor"``).
4. **Kinds**: ``headline`` (in the headline or the one-sentence standfirst under it), ``scare`` (after
   ``so-called``, ``alleged``, ``pretext of`` …), ``direct`` (six or more words starting like a sentence),
   ``partial`` (quoted words inside the writer's sentence), ``statement`` (each sentence of a primary text,
   the framing ``Zorbagrad, January 29 (ZNA) -- … issued the following press statement:`` left out, and
   the text after the end mark ``-0-`` too; a transcript's speaker labels, a forum post around a memo
   between rule lines, and lines that are no sentence — dates, buttons — left out; wrapped lines joined).
5. **Attribution**: the cue (``said``, ``warning``, ``according to`` …) next to the quotation in its sentence,
   the speaker mention (the subject before the cue, or the name/pronoun/description around a trailing cue),
   the title as printed, and the relay (``as quoted by …``, ``in a statement carried by …``, ``told
   reporters``, ``state media``). Within an article a bare surname becomes the full name, pronouns the
   nearest compatible name, ``the official`` the official quoted before, an unnamed official the named
   official of the same country whose title does not conflict with the description's role, and a country (``ZPR``, ``NK``) the official who speaks for it.

Columns of the returned table (one row per quotation, sorted by source and start):

quote_id            ``SOURCE:qNNN`` in document order
source, start, end  the article and the span of the quoted words (inside the marks)
text                ``article_text[start:end]``
kind                direct | partial | headline | scare | statement
speaker             who said it, one spelling per article (``people.canonical.canonical_speakers`` unifies it
                    across the corpus)
speaker_mention     what the article wrote (``Yun Jung Joon``, ``the official``, ``she``, ``NK``)
cue                 the cue word(s) as printed, lower case (``said``, ``warning``, ``according to``)
relay               the outlet or channel the words came through (``Zorblax Central News Agency``)
utterance_id        empty; the alignment stage fills it
cue_stance          added by ``analyze``: neutral | loaded | none (see :mod:`quotedrift.attribution`)
title               the speaker's title as printed (``director-general in charge of U.S. affairs``)
speaker_confidence  0–1: 1 for a name next to the cue, less for resolved pronouns, descriptions, countries
mention_start/_end, cue_start/_end, relay_start/_end   evidence spans (−1 when absent)
repair              '' | unbalanced_quote | broken_quote
repair_start/_end   the span of the damaged marks and words (−1 when no repair)
repair_detail       the repair in plain words
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from ..corpus import Corpus
from ..parallel import ordered_map
from ..people import names as spk
from ..people.concepts import clear_concept_speakers
from ..people.resolve import Entity, resolve_article
from ..people.roster import EMPTY, Roster, article_people, build_roster
from ..people.titles import title_near
from ..text import paragraph_spans
from .cues import _masked, _propagate_relays, _sentence_around, attribute, lead_in_mention
from .kinds import headline_zone, quote_kind, statement_quotes
from .marks import DOUBLE_MARKS, SINGLE_MARKS, Quote, find_marked_quotes, left_open_by_convention, quoted_report

QUOTE_COLUMNS = (
    "quote_id", "source", "start", "end", "text", "kind", "speaker", "speaker_mention", "cue", "relay",
    "utterance_id", "title", "speaker_confidence", "mention_start", "mention_end", "cue_start", "cue_end",
    "relay_start", "relay_end", "repair", "repair_start", "repair_end", "repair_detail",
)
NAME_COLUMNS = ("source", "start", "end", "variant", "full", "title")  # a person name as an article prints it
TITLE_REACH = 120  # characters before a name searched for its title (as people.resolve reads titles)



STANDALONE_FILLER = DOUBLE_MARKS + SINGLE_MARKS + " .,"


def _standalone(text: str, quote: Quote, paragraph: tuple[int, int], cache: dict | None = None) -> bool:
    """Whether the paragraph holds nothing but the quotation (and its marks). ``cache`` keeps, per paragraph,
    its first and last character that is not a mark, space, full stop or comma (found once, not per quotation)."""
    cache = {} if cache is None else cache
    if paragraph not in cache:
        first, last = paragraph[0], paragraph[1] - 1
        while first < paragraph[1] and text[first] in STANDALONE_FILLER:
            first += 1
        while last >= first and text[last] in STANDALONE_FILLER:
            last -= 1
        cache[paragraph] = (first, last)
    first, last = cache[paragraph]
    return first >= quote.start and last < quote.end


def article_quotes(text: str, searchable: str, role: str, speaker: str, roster: Roster = EMPTY) -> list[Quote]:
    """All quotations of one article, attributed and resolved (``roster``: the people the corpus names)."""
    return article_quotes_and_names(text, searchable, role, speaker, roster)[0]


def article_quotes_and_names(text: str, searchable: str, role: str, speaker: str, roster: Roster = EMPTY
                             ) -> tuple[list[Quote], list[tuple[int, int, str, str]]]:
    """:func:`article_quotes` and the person names the article prints outside quotation marks, each as
    (start, end, full name it stands for in the article or the corpus, title printed with it); none for a
    primary text (its speaker comes from the manifest)."""
    if role == "primary":
        quotes = statement_quotes(searchable)
        for quote in quotes:
            quote.info["entity"] = Entity(speaker, "name" if spk.is_person_name(speaker) else "org", "", "", 0,
                                          1.0 if speaker else 0.0)
            quote.info["relay"] = None
        return quotes, []
    quotes = find_marked_quotes(searchable)
    zone = headline_zone(searchable)
    masked = _masked(searchable, quotes)
    names = spk.find_person_names(masked, roster.known_singles())
    paragraphs = paragraph_spans(searchable)
    p_index = 0
    sentences: dict = {}
    fillers: dict = {}
    quoted: set[int] = set()
    for quote in quotes:
        while p_index + 1 < len(paragraphs) and paragraphs[p_index][1] < quote.start:
            p_index += 1
        paragraph = paragraphs[p_index]
        quote.kind = quote_kind(searchable, quote, zone)
        sentence = _sentence_around(masked, paragraph, quote.open_mark if quote.open_mark >= 0 else quote.start,
                                    quote.end, sentences)
        quote.info.update(attribute(searchable, quote, sentence, masked, names))
        quote.info["standalone"] = _standalone(searchable, quote, paragraph, fillers) or (
            quote.info["mention"] is None and not quote.info["cue"] and quote.kind == "direct")
        quote.info["paragraph"] = p_index
        if quote.info["standalone"] and quote.info["mention"] is None and not quote.info["cue"]:
            lead_in = lead_in_mention(masked, paragraphs, p_index, quoted, names)
            if lead_in is not None:
                quote.info.update(mention=lead_in, lead_in=True)
        quoted.add(p_index)
    _continuations_share_attribution(quotes)
    _clear_conventional_repairs(text, quotes)
    resolver = resolve_article(searchable, quotes, names, roster)
    _propagate_relays(searchable, quotes, masked)
    printed = [(s, e, resolver.full_name((s, e, name)), title_near(masked, max(0, s - TITLE_REACH), e, (s, e, name)))
               for s, e, name in resolver.names]
    return quotes, printed


def _clear_conventional_repairs(text: str, quotes: list[Quote]) -> None:
    """An opening mark left open by a quotation that runs on into a paragraph opening with a mark, or to the
    end of the captured text, is no damage (:func:`.marks.left_open_by_convention`, read on the article text
    itself, not the searchable copy): no repair is reported for it."""
    for quote in quotes:
        if quote.repair == "unbalanced_quote" and quote.open_mark >= 0 > quote.close_mark and \
                left_open_by_convention(text, quote.open_mark):
            quote.repair, quote.repair_start, quote.repair_end, quote.repair_detail = "", -1, -1, ""


def _continuations_share_attribution(quotes: list[Quote]) -> None:
    """Parts of one quotation running over paragraphs share the attribution found on any part."""
    group: list[Quote] = []
    for quote in quotes + [None]:
        if quote is not None and (quote.continues or (group and group[-1].info.get("continued_by"))):
            group.append(quote)
            continue
        if len(group) > 1:
            source = next((q for q in group if q.info.get("mention")), None)
            if source:
                for q in group:
                    if not q.info.get("mention"):
                        q.info.update(mention=source.info["mention"], title=source.info.get("title", ""),
                                      relay=q.info.get("relay") or source.info.get("relay"))
                        q.info["standalone"] = False
        group = [quote] if quote is not None else []


def _row(source: str, text: str, n: int, quote: Quote) -> dict:
    info = quote.info
    entity: Entity = info.get("entity") or Entity("", "none", confidence=0.0)
    mention = info.get("mention")
    relay = info.get("relay")
    cue_span = info.get("cue_span", (-1, -1))
    return {
        "quote_id": f"{source}:q{n:03d}", "source": source, "start": quote.start, "end": quote.end,
        "text": text[quote.start:quote.end], "kind": quote.kind or "partial", "speaker": entity.name,
        "speaker_mention": text[mention[0]:mention[1]] if mention else "",
        "cue": info.get("cue", ""), "relay": _clean_relay(relay[2]) if relay else "", "utterance_id": "",
        "title": info.get("title", "") or (entity.title if entity.kind == "name" else ""),
        "speaker_confidence": round(entity.confidence, 3) if entity.name else 0.0,
        "mention_start": mention[0] if mention else -1, "mention_end": mention[1] if mention else -1,
        "cue_start": cue_span[0], "cue_end": cue_span[1],
        "relay_start": relay[0] if relay else -1, "relay_end": relay[1] if relay else -1,
        "repair": quote.repair, "repair_start": quote.repair_start, "repair_end": quote.repair_end,
        "repair_detail": quote.repair_detail,
    }


def _clean_relay(relay: str) -> str:
    return re.sub(r"^(?:the|its)\s+", "", " ".join(relay.split()), flags=re.IGNORECASE)


def article_rows(job: tuple[str, str, str, str, str], roster: Roster = EMPTY) -> list[dict]:
    """The quotation rows of one article: (source, text, searchable text, role, manifest speaker) → rows."""
    return article_tables(job, roster)[0]


def article_tables(job: tuple[str, str, str, str, str], roster: Roster = EMPTY) -> tuple[list[dict], list[dict]]:
    """The quotation rows and the printed-name rows (``NAME_COLUMNS``) of one article."""
    source, text, searchable, role, speaker = job
    quotes, printed = article_quotes_and_names(text, searchable, role, speaker, roster)
    quotes.sort(key=lambda q: (q.start, q.end))
    names = [{"source": source, "start": s, "end": e, "variant": text[s:e], "full": full, "title": title}
             for s, e, full, title in printed]
    return [_row(source, text, n, q) for n, q in enumerate(quotes, start=1)], names


def find_quotes(corpus: Corpus) -> pd.DataFrame:
    """Every quotation of every in-scope article, attributed (see the module docstring for the columns)."""
    return find_quotes_and_names(corpus)[0]


def clear_quoted_reports(quotes: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` with no speaker for every quotation that holds a report of speech rather than speech
    (:func:`.marks.quoted_report`): its words are the reporter's; alignment gives them no utterance either
    (:func:`quotedrift.align.units.build_units`). The mention as printed stays in ``speaker_mention``."""
    hit = [quoted_report(str(text)) for text in quotes["text"]]
    if not any(hit):
        return quotes
    out = quotes.copy()
    out.loc[hit, "speaker"] = ""
    out.loc[hit, "speaker_confidence"] = 0.0
    return out


def find_quotes_and_names(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`find_quotes`, and every person name the in-scope reports print outside quotation marks
    (``NAME_COLUMNS``: the span, the name as printed, the full name it stands for in its article or the corpus,
    the title printed with it), from the same pass: the input of :func:`quotedrift.people.table.people_table`."""
    articles = {row["source"]: row for row in corpus.articles.to_dict("records")}
    jobs = [(source, corpus.texts[source], corpus.searchable_text(source), str(articles[source].get("role", "report")),
             str(articles[source].get("speaker", "") or ""))
            for source in sorted(corpus.texts) if bool(articles[source].get("in_scope", True))]
    roster = build_roster(ordered_map(article_people, [job[2] for job in jobs]))
    results = ordered_map(functools.partial(article_tables, roster=roster), jobs)
    rows = [row for rows_of_article, _ in results for row in rows_of_article]
    names = pd.DataFrame([row for _, names_of_article in results for row in names_of_article],
                         columns=list(NAME_COLUMNS))
    table = clear_concept_speakers(pd.DataFrame(rows, columns=list(QUOTE_COLUMNS)), corpus.texts)
    table = clear_quoted_reports(table)
    return table.sort_values(["source", "start"], kind="stable").reset_index(drop=True), names
