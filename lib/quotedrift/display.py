"""HTML for notebooks: articles with highlighted spans, span tables, word diffs, variant tables, notes.

Every piece of article text goes through ``html.escape``: an article that contains ``<script>`` renders as
text. Functions return :class:`Html`, a ``str`` that notebooks display as HTML (static markup only: GitHub
renders it without JavaScript).
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterable, Mapping

import pandas as pd

from . import garble
from .wording import TOKEN_RE, normalise

# Background colours of quotation kinds (light tints, so text stays readable); garble kinds take theirs from
# the garble registry, unknown kinds get the default.
QUOTE_KIND_COLOURS: dict[str, str] = {
    "direct": "#cce5ff",
    "partial": "#d4f0d4",
    "headline": "#ffe8b3",
    "scare": "#f2f2f2",
    "statement": "#cce5ff",
}
DEFAULT_COLOUR = "#fff3bf"


class Html(str):
    """A string of HTML that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:  # the plain-text fallback in notebooks: short, not the markup again
        return f"<HTML, {len(self):,} characters>"


def kind_colour(kind: str) -> str:
    """The highlight colour of a span kind: a quotation kind, else the garble registry's colour."""
    found = garble.detector(kind)
    return found.colour if found else QUOTE_KIND_COLOURS.get(kind, DEFAULT_COLOUR)


def kind_explanation(kind: str) -> str:
    """What a garble kind means in plain words ('' for other span kinds)."""
    found = garble.detector(kind)
    return found.meaning if found else ""


def escape(value: object) -> str:
    """Escape any value for HTML text or attributes (quotes included); None and NaN become ''."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def note(message: str) -> Html:
    """A visible note in a notebook (an empty table, a skipped step, a caveat)."""
    return Html(f'<p style="border-left:4px solid #E69F00;padding-left:8px"><b>Note:</b> {escape(message)}</p>')


def paragraph(message: str) -> Html:
    """Plain text as an HTML paragraph."""
    return Html(f"<p>{escape(message)}</p>")


def bullet_list(items: Iterable[str]) -> Html:
    """Plain-text items as an HTML list."""
    return Html("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>")


# ---------------------------------------------------------------------------------------------- spans


def _span_label(row: Mapping) -> str:
    kind = row.get("kind", "")
    detail = row.get("detail", "")
    parts = [str(kind)] if kind else []
    if detail is not None and not (isinstance(detail, float) and pd.isna(detail)) and str(detail):
        parts.append(str(detail))
    return ": ".join(parts)


def _segments(length: int, spans: list[dict]) -> list[tuple[int, int, list[dict]]]:
    """Cut [0, length) at every span boundary; each piece lists the spans covering it."""
    cuts = {0, length}
    for span in spans:
        cuts.update((span["start"], span["end"]))
    points = sorted(c for c in cuts if 0 <= c <= length)
    pieces = []
    for a, b in zip(points, points[1:]):
        covering = [s for s in spans if s["start"] <= a and b <= s["end"]]
        pieces.append((a, b, covering))
    return pieces


def _valid_spans(text: str, spans: pd.DataFrame | None) -> list[dict]:
    if spans is None or len(spans) == 0:
        return []
    rows = []
    for row in spans.to_dict("records"):
        start, end = int(row["start"]), int(row["end"])
        if 0 <= start < end <= len(text):
            rows.append({**row, "start": start, "end": end})
    return rows


def highlight_html(text: str, spans: pd.DataFrame | None, title: str | None = None) -> Html:
    """The text with each span in a ``<mark>`` whose tooltip (``title``) gives its kind and detail.

    ``spans`` has ``start``, ``end`` (offsets into ``text``), ``kind`` and optionally ``detail``. Overlapping
    spans are split into pieces whose tooltip lists every span covering them. Line breaks are kept.
    """
    rows = _valid_spans(text, spans)
    parts = []
    for a, b, covering in _segments(len(text), rows):
        piece = escape(text[a:b])
        if not covering:
            parts.append(piece)
            continue
        kind = str(covering[0].get("kind", ""))
        colour = kind_colour(kind)
        label = escape(" | ".join(_span_label(s) for s in covering))
        parts.append(f'<mark class="qd-{escape(kind)}" title="{label}" style="background:{colour}">{piece}</mark>')
    heading = f"<h4>{escape(title)}</h4>" if title else ""
    body = "".join(parts).replace("\n", "<br>\n")
    return Html(f'{heading}<div class="qd-article" style="font-family:serif;line-height:1.5">{body}</div>')


def kind_legend(kinds: Iterable[str]) -> Html:
    """A one-line legend of span kinds in their highlight colours; a garble kind's tooltip says what it means
    (from the garble registry)."""
    items = [
        f'<mark style="background:{kind_colour(k)}" title="{escape(kind_explanation(k))}">{escape(k)}</mark>'
        for k in sorted(set(kinds))
    ]
    return Html("<p>Highlighted: " + " ".join(items) + " (hover a highlight for its detail)</p>")


# How tables name things (set once per notebook by ``notebook.start``): outlet labels for source ids, and a
# short title (id and first words) per utterance. Empty by default: tables then show the raw ids.
READABLE: dict[str, dict[str, str]] = {"sources": {}, "utterances": {}}
SOURCE_COLUMNS = ("source", "reference_source", "source_a", "source_b")
TABLE_MAX_HEIGHT_PX = 640  # a long table scrolls inside its cell instead of running down the page
TEXT_CELL = "text-align:left;white-space:normal;min-width:12em;max-width:36em;vertical-align:top"
NUMBER_CELL = "text-align:right;white-space:nowrap;vertical-align:top"


def use_names(sources: Mapping[str, str], utterances: Mapping[str, str]) -> None:
    """Name sources by outlet label and utterances by their first words in every table shown from now on."""
    READABLE["sources"] = dict(sources)
    READABLE["utterances"] = dict(utterances)


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """A table as a reader reads it: source ids replaced by outlet labels (one ``outlet`` column, not two),
    quotation ids shortened to their own part (``q004``), utterance ids followed by their first words."""
    sources, utterances = READABLE["sources"], READABLE["utterances"]
    shown = table.copy()
    if sources:
        if "source" in shown and "outlet" in shown:
            shown = shown.drop(columns="outlet")
        for column in SOURCE_COLUMNS:
            if column in shown:
                shown[column] = shown[column].map(lambda s: sources.get(s, s) if isinstance(s, str) else s)
        shown = shown.rename(columns={"source": "outlet", "reference_source": "reference"})
        for column in ("quote_id", "quote_a", "quote_b", "reference_quote"):
            if column in shown:
                shown[column] = shown[column].map(lambda q: q.rsplit(":", 1)[-1] if isinstance(q, str) else q)
    if utterances and "utterance_id" in shown:
        shown["utterance_id"] = shown["utterance_id"].map(lambda u: utterances.get(u, u) if isinstance(u, str) else u)
        shown = shown.rename(columns={"utterance_id": "utterance"})
    return shown


def table_html(table: pd.DataFrame, max_rows: int | None = None, float_format: str = "{:.3g}") -> Html:
    """A DataFrame as an escaped, index-free HTML table (static; GitHub renders it), readable: outlet names
    for ids (see ``readable``), text left-aligned and wrapped, numbers right-aligned; a table wider or longer
    than its cell scrolls inside it."""
    shown = readable(table if max_rows is None else table.head(max_rows))
    head = "".join(f'<th style="{NUMBER_CELL if _numeric(shown[c]) else TEXT_CELL}">{escape(c)}</th>'
                   for c in shown.columns)
    rows = []
    for values in shown.itertuples(index=False):
        cells = []
        for column, value in zip(shown.columns, values):
            numeric = _numeric(shown[column])
            cells.append(f'<td style="{NUMBER_CELL if numeric else TEXT_CELL}">{_cell(value, float_format)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = ""
    if max_rows is not None and len(table) > max_rows:
        more = f"<p>… {len(table) - max_rows} more rows not shown.</p>"
    return Html(f'<div class="qd-table" style="overflow:auto;max-width:100%;max-height:{TABLE_MAX_HEIGHT_PX}px">'
                f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>{more}')


def _numeric(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)


def _cell(value: object, float_format: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    if isinstance(value, float):
        return escape(float_format.format(value))
    return escape(_one_line(value))


def _one_line(value: object) -> object:
    """Line breaks inside a table cell shown as ↵ (tables keep one line per row)."""
    return value.replace("\n", " ↵ ") if isinstance(value, str) else value


def spans_table_html(spans: pd.DataFrame, columns: Iterable[str] = ("source", "start", "end", "kind", "text", "detail"),
                     max_rows: int | None = None) -> Html:
    """A table of spans (only the columns present), text escaped."""
    present = [c for c in columns if c in spans.columns]
    return table_html(spans[present], max_rows=max_rows)


# ---------------------------------------------------------------------------------------------- diffs

# One style per edit category, told apart without colour (they survive greyscale printing): substantive edits
# bold with a solid rule, editorial ones italic with a dotted rule, cosmetic ones (shown only on request) with a
# thin dashed rule. ``<del>`` is what the reference has and the version lacks, ``<ins>`` what the version has.
CATEGORY_STYLES: dict[str, str] = {
    "substantive": "font-weight:bold;background:#ffd6d6;text-decoration-style:solid;text-decoration-thickness:2px",
    "editorial": "font-style:italic;background:#fff3bf;text-decoration-style:dotted",
    "cosmetic": "color:#555;background:#f1f3f5;text-decoration-style:dashed;text-decoration-thickness:1px",
}
DIFF_LEGEND = ('<small><b>bold, solid</b>: substantive (words replaced, added, dropped); <i>italic, dotted</i>: '
               'editorial (brackets, ellipsis); dashed grey: cosmetic (case, punctuation, spelling), shown only '
               'on request. <del>struck</del>: the reference\'s words; <ins>underlined</ins>: the version\'s.</small>')


def _edit_mark(tag: str, text: str, category: str, row_id: object, title: str) -> str:
    style = CATEGORY_STYLES.get(category, CATEGORY_STYLES["substantive"])
    return (f'<{tag} class="qd-edit qd-{escape(category)}" data-edit="{escape(row_id)}" '
            f'data-category="{escape(category)}" title="{escape(title)}" style="{style}">{escape(text)}</{tag}>')


def edits_diff_html(text: str, start: int, end: int, edits: pd.DataFrame, show_cosmetic: bool = False) -> Html:
    """One version (``text[start:end]``, a quotation's span in its article) with the rows of ``edits.csv`` that
    fall in it marked: a mark for every row shown (cosmetic rows only when ``show_cosmetic``), nothing else.

    ``edits`` holds the version's rows (columns op, category, start, end, reference_text, text); each mark carries
    the row's index (``data-edit``) and category, so a reader (and a test) can trace it to its row.
    """
    shown = edits if show_cosmetic else edits[edits["category"] != "cosmetic"]
    rows = sorted(((int(r.start), int(r.end), index, r) for index, r in zip(shown.index, shown.itertuples())),
                  key=lambda item: (item[0], item[1], str(item[2])))
    parts, cursor = [], start
    for row_start, row_end, index, row in rows:
        if row_start < cursor or not (start <= row_start <= end) or row_end > end:
            continue  # outside this span, or overlapping a mark already shown
        parts.append(escape(text[cursor:row_start]))
        title = f"{row.category} {row.op}: {row.reference_text or '(nothing)'} → {row.text or '(nothing)'}"
        if str(row.reference_text):
            parts.append(_edit_mark("del", str(row.reference_text), row.category, index, title))
        if row_end > row_start:
            parts.append(_edit_mark("ins", text[row_start:row_end], row.category, index, title))
        cursor = row_end
    parts.append(escape(text[cursor:end]))
    return Html(f'<p class="qd-diff" style="font-family:serif">{"".join(parts)}</p>')


def word_diff_html(old: str, new: str, old_label: str = "reference", new_label: str = "version") -> Html:
    """Two free texts as one line of words: dropped words struck out, added words underlined. For versions of
    an utterance use :func:`edits_diff_html`, which shows exactly the rows of ``edits.csv``."""
    a, b = old.split(), new.split()
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f'<del style="background:#ffd6d6" title="only in {escape(old_label)}">'
                         f'{escape(" ".join(a[i1:i2]))}</del>')
        if j2 > j1:
            parts.append(f'<ins style="background:#d3f9d8" title="only in {escape(new_label)}">'
                         f'{escape(" ".join(b[j1:j2]))}</ins>')
    legend = (f'<small><del>struck out</del>: only in {escape(old_label)}; '
              f'<ins>underlined</ins>: only in {escape(new_label)}</small>')
    return Html(f'<p style="font-family:serif">{" ".join(parts)}</p>{legend}')


def variant_table_html(table: pd.DataFrame, reference: str, show_cosmetic: bool = False) -> Html:
    """A variant table (rows: sources, columns: aligned positions, cells: words or empty for a gap) with each
    cell that differs from the ``reference`` row marked in its category's style: substantive (other words),
    editorial (words in brackets), cosmetic (the same words after the normalisation of ``edits.csv``: case,
    punctuation, spelling; marked only when ``show_cosmetic``). The reference row comes first and is labelled."""
    if reference not in table.index:
        raise KeyError(f"reference '{reference}' is not a row of the variant table")
    order = [reference] + [s for s in table.index if s != reference]
    ref = table.loc[reference]
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    rows = []
    for source in order:
        is_labelled = source != reference or "reference" in str(source).lower()
        label = escape(source) if is_labelled else f"{escape(source)} (reference)"
        cells = "".join(_variant_cell(table.at[source, c], ref[c], source == reference, show_cosmetic)
                        for c in table.columns)
        rows.append(f"<tr><th>{label}</th>{cells}</tr>")
    return Html(f'<table class="qd-variants"><thead><tr><th>source</th>{head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>'
                "<small>Marked: differs from the reference (<b>bold, solid</b>: substantive; <i>italic, dotted</i>: "
                "editorial; dashed grey: cosmetic, on request); ∅: word left out; blank: beyond what this source "
                "quotes.</small>")


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def cell_category(text: str, reference: str) -> str | None:
    """The edit category of a variant-table cell against the reference cell (None when they are identical), by
    the normalisation ``edits.csv`` uses."""
    if text == reference:
        return None
    if _normalised(text) == _normalised(reference):
        return "cosmetic"
    if any(mark in text for mark in "[("):
        return "editorial"
    return "substantive"


def _normalised(cell: str) -> tuple[str, ...]:
    return tuple(norm for token in TOKEN_RE.findall(cell) for norm in normalise(token))


def _variant_cell(value: object, reference: object, is_reference: bool, show_cosmetic: bool = False) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return '<td class="qd-beyond"></td>'  # a position the witness does not reach: not an omission
    text, ref = _cell_text(value), _cell_text(reference)
    shown = escape(text) if text else "∅"
    category = None if is_reference else cell_category(text, ref)
    if category is None or (category == "cosmetic" and not show_cosmetic):
        return f"<td>{shown if text else ''}</td>"
    style = CATEGORY_STYLES[category]
    return (f'<td><mark class="qd-{category}" data-category="{category}" style="{style}" '
            f'title="differs from the reference ({category})">{shown}</mark></td>')


def utterance_html(analysis, utterance_id: str, labels: Mapping[str, str] | None = None,
                   show_cosmetic: bool = False) -> list[Html]:
    """Every version of one utterance, family by family: a variant table against the reference the versions are
    measured against, then each version (each sub-span of a quotation that renders the utterance, shown
    separately) with its rows of ``edits.csv`` marked. A reference is never diffed against itself."""
    labels = labels or {}
    members = analysis.quote_utterances
    members = members[members["utterance_id"] == utterance_id]
    edits = analysis.edits[analysis.edits["utterance_id"] == utterance_id]
    parts: list[Html] = []
    references = list(dict.fromkeys(members.sort_values(["is_reference"], ascending=False, kind="stable")
                                    ["reference_quote"]))
    for reference_quote in references:
        family = members[members["reference_quote"] == reference_quote]
        versions = family[family["quote_id"] != reference_quote]
        if versions.empty:
            continue
        ref_row = family[family["quote_id"] == reference_quote].iloc[0] if (family["quote_id"] == reference_quote).any() \
            else members[members["quote_id"] == reference_quote].iloc[0]
        label = f"reference: {labels.get(ref_row['source'], ref_row['source'])}"
        if len(references) > 1:
            parts.append(paragraph(f"Family of {labels.get(ref_row['source'], ref_row['source'])} "
                                   f"({len(versions)} version(s) measured against it):"))
        table = analysis.variant_table(utterance_id, reference_quote)
        words = [str(c).split(" ", 1)[1] for c in table.columns]
        table = pd.concat([pd.DataFrame([words], index=[label], columns=table.columns), table.astype(object)])
        parts.append(variant_table_html(table, label, show_cosmetic))
        for row in versions.itertuples(index=False):
            own = edits[(edits["quote_id"] == row.quote_id) & (edits["start"] >= row.start) & (edits["end"] <= row.end)]
            parts.append(paragraph(f"{labels.get(row.source, row.source)}:"))
            parts.append(edits_diff_html(analysis.texts[row.source], int(row.start), int(row.end), own, show_cosmetic))
    if parts:
        parts.append(Html(DIFF_LEGEND))
    return parts


# Which words in an attribution row's ``flags`` point at which column.
FLAG_WORDS = {
    "speaker": ("speaker",),
    "speaker_mention": ("spelling", "mention", "name"),
    "title": ("title",),
    "cue": ("cue", "loaded"),
    "cue_stance": ("loaded", "stance"),
    "relay": ("relay",),
}


def attribution_table_html(table: pd.DataFrame, flags: pd.Series) -> Html:
    """An attribution table (rows: sources) with the cells its ``flags`` point at marked, and the flags shown.

    A cell is marked when the row's flags mention its column (e.g. 'spelling' marks ``speaker_mention``,
    'loaded_cue' marks ``cue`` and ``cue_stance``)."""
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    rows = []
    for source in table.index:
        flag_text = str(flags.get(source, "") or "")
        lowered = flag_text.lower()
        cells = []
        for column in table.columns:
            value = escape(_cell_text(table.at[source, column]))
            words = FLAG_WORDS.get(column, (column,))
            if flag_text and any(w in lowered for w in words):
                cells.append(f'<td><mark title="{escape(flag_text)}">{value}</mark></td>')
            else:
                cells.append(f"<td>{value}</td>")
        rows.append(f"<tr><th>{escape(source)}</th>{''.join(cells)}<td>{escape(flag_text)}</td></tr>")
    return Html(f'<table class="qd-attribution"><thead><tr><th>source</th>{head}<th>flags</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>')
