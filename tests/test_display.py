"""Notebook HTML: article text is always escaped, highlights cover exactly their spans."""

from __future__ import annotations

import pandas as pd
import pytest

from quotedrift import display

HOSTILE = 'Intro <script>alert("x")</script> & "quoted" text'


def spans(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["start", "end", "kind", "detail"])


def test_article_with_script_renders_as_text():
    out = display.highlight_html(HOSTILE, spans((6, 14, "boilerplate", "<b>bold</b> detail")))
    assert "<script>" not in out and "</script>" not in out
    assert "&lt;script&gt;" in out and "&amp;" in out
    assert "<b>" not in out  # details are escaped too (they sit in the title attribute)


@pytest.mark.parametrize("render", [
    lambda: display.word_diff_html(HOSTILE, HOSTILE.replace("Intro", "<img src=x onerror=alert(1)>")),
    lambda: display.table_html(pd.DataFrame({"text": [HOSTILE]})),
    lambda: display.spans_table_html(pd.DataFrame({"source": ["a"], "start": [0], "end": [5], "text": [HOSTILE]})),
    lambda: display.note(HOSTILE),
    lambda: display.paragraph(HOSTILE),
    lambda: display.bullet_list([HOSTILE]),
    lambda: display.variant_table_html(pd.DataFrame({"1": ["<script>", "ok"]}, index=["ref", "<b>src</b>"]), "ref"),
    lambda: display.attribution_table_html(pd.DataFrame({"cue": ["<script>"]}, index=["s"]),
                                           pd.Series({"s": "loaded_cue <script>"})),
])
def test_every_renderer_escapes(render):
    out = render()
    assert "<script>" not in out and "<img" not in out and "<b>src" not in out


def test_highlight_marks_exactly_the_span_with_kind_and_detail_in_tooltip():
    text = "He said missiles and missiles were sent."
    out = display.highlight_html(text, spans((8, 29, "repeated_word", "'missiles' printed twice")))
    assert '<mark class="qd-repeated_word" title="repeated_word: &#x27;missiles&#x27; printed twice"' in out
    assert ">missiles and missiles</mark> were sent." in out


def test_overlapping_spans_list_both_kinds_on_the_shared_piece():
    out = display.highlight_html("abcdefghij", spans((0, 6, "direct", ""), (4, 10, "glued_words", "run together")))
    assert out.count("<mark") == 3
    assert 'title="direct | glued_words: run together"' in out


@pytest.mark.parametrize("rows", [[], [(5, 3, "bad", "")], [(0, 99, "bad", "")], [(-1, 2, "bad", "")]])
def test_no_mark_for_empty_or_invalid_spans(rows):
    out = display.highlight_html("short text", spans(*rows))
    assert "<mark" not in out and "short text" in out


def test_line_breaks_are_kept():
    assert "one<br>\ntwo" in display.highlight_html("one\ntwo", None)


def test_word_diff_marks_dropped_and_added_words():
    out = display.word_diff_html("a grave provocation", "a serious provocation")
    assert ">grave</del>" in out and ">serious</ins>" in out and "provocation" in out


def test_variant_table_html_marks_differences_omissions_and_positions_not_quoted():
    table = pd.DataFrame([["a", "grave", "provocation"], ["a", "serious", "provocation"], ["a", "", None]],
                         index=["ref", "x", "y"], columns=["00 a", "01 grave", "02 provocation"], dtype=object)
    out = display.variant_table_html(table, "ref")
    assert "ref (reference)" in out
    assert 'title="differs from the reference (substantive)">serious</mark>' in out
    assert "∅" in out  # y leaves out "grave"
    assert '<td class="qd-beyond"></td>' in out  # y does not quote as far as "provocation"


@pytest.mark.parametrize(
    ("version", "category"),
    [("rumor", "cosmetic"), ("rumour", "cosmetic"), ("Rumor,", "cosmetic"), ("[the] rumor", "editorial"),
     ("gossip", "substantive"), ("Rumor", None)],
)
def test_variant_cells_are_styled_by_the_category_edits_csv_gives(version, category):
    table = pd.DataFrame({"1": ["Rumor", version]}, index=["ref", "s"])
    hidden = display.variant_table_html(table, "ref")
    shown = display.variant_table_html(table, "ref", show_cosmetic=True)
    assert display.cell_category(version, "Rumor") == category
    assert ("<mark" in hidden) is (category in ("editorial", "substantive"))  # cosmetic unmarked by default
    assert ("<mark" in shown) is (category is not None)
    if category:
        assert f'data-category="{category}"' in shown


def test_html_objects_display_as_html_with_a_short_plain_text_fallback():
    out = display.paragraph("hello")
    assert out._repr_html_() == "<p>hello</p>"
    assert repr(out) == "<HTML, 12 characters>"


# ---------------------------------------------------------------------------------------------- readable tables


@pytest.fixture
def names():
    display.use_names({"000_ab": "UrduPoint News", "001_cd": "The Korea Times"}, {"u001": "u001 “one two three”"})
    yield
    display.use_names({}, {})


def test_tables_name_outlets_and_utterances_not_ids(names):
    table = pd.DataFrame({"quote_id": ["000_ab:q004"], "source": ["000_ab"], "outlet": ["UrduPoint News"],
                          "utterance_id": ["u001"], "reference_source": ["001_cd"], "text": ["“We said it”"],
                          "words": [3]})
    shown = display.readable(table)
    assert list(shown.columns) == ["quote_id", "outlet", "utterance", "reference", "text", "words"]
    assert shown.iloc[0].tolist() == ["q004", "UrduPoint News", "u001 “one two three”", "The Korea Times",
                                      "“We said it”", 3]
    markup = display.table_html(table)
    assert "000_ab" not in markup and "overflow:auto" in markup
    assert 'text-align:left' in markup.split("We said it")[0].rsplit("<td", 1)[1]  # text cells left-aligned
    assert 'text-align:right' in markup.split(">3<")[0].rsplit("<td", 1)[1]  # numbers right-aligned


def test_tables_without_names_keep_their_ids():
    table = pd.DataFrame({"source": ["000_ab"], "utterance_id": ["u001"]})
    assert display.readable(table).equals(table)


# ---------------------------------------------------------------------------------------------- diffs vs edits

import re  # noqa: E402

from quotedrift import analyze  # noqa: E402
from quotedrift.paths import PROJECT_ROOT  # noqa: E402

ANY_MARK = re.compile(r"<(del|ins|mark)\b([^>]*)>")


def marks(part: str) -> list[tuple[str, str | None, str | None]]:
    """(tag, data-edit, data-category) of every del/ins/mark element."""
    found = []
    for tag, attributes in ANY_MARK.findall(part):
        row = re.search(r'data-edit="([^"]*)"', attributes)
        category = re.search(r'data-category="([^"]*)"', attributes)
        found.append((tag, row and row.group(1), category and category.group(1)))
    return found


@pytest.fixture(scope="module")
def story_analysis():
    return analyze(PROJECT_ROOT / "corpora" / "nov2022_musk_hardcore")


@pytest.mark.parametrize("which", ["seeds", "story"])
@pytest.mark.parametrize("show_cosmetic", [False, True])
def test_every_diff_mark_is_a_row_of_edits_csv_in_its_category(which, show_cosmetic, seed_analysis, story_analysis):
    analysis = seed_analysis if which == "seeds" else story_analysis
    edits, members = analysis.edits, analysis.quote_utterances
    shown_rows = 0
    for utterance in analysis.utterances["utterance_id"]:
        for part in display.utterance_html(analysis, utterance, show_cosmetic=show_cosmetic):
            if "qd-diff" not in part and "qd-variants" not in part:
                continue
            for tag, row_id, category in marks(part):
                assert category is not None  # no mark without a category
                assert show_cosmetic or category != "cosmetic"
                if tag == "mark":  # a variant-table cell: its version has an edit of that category here
                    continue
                row = edits.loc[int(row_id)]
                assert row["utterance_id"] == utterance and row["category"] == category
                shown_rows += 1
        versions = members[(members["utterance_id"] == utterance) & ~members["is_reference"]]
        for version in versions.itertuples(index=False):
            own = edits[(edits["quote_id"] == version.quote_id) & (edits["utterance_id"] == utterance)]
            assert version.quote_id != version.reference_quote  # the reference is never diffed against itself
    assert shown_rows > 0


@pytest.mark.parametrize("which", ["seeds", "story"])
def test_variant_table_marks_agree_with_the_edits_of_their_row(which, seed_analysis, story_analysis):
    analysis = seed_analysis if which == "seeds" else story_analysis
    edits, members = analysis.edits, analysis.quote_utterances
    checked = 0
    for utterance in analysis.utterances["utterance_id"]:
        for reference_quote in members.loc[members["utterance_id"] == utterance, "reference_quote"].unique():
            table = analysis.variant_table(utterance, reference_quote)
            words = [str(c).split(" ", 1)[1] for c in table.columns]
            for quote_id, (_, cells) in zip(table.attrs["quote_ids"], table.iterrows()):
                found = {display.cell_category(display._cell_text(v), w) for v, w in zip(cells, words)
                         if v is not None and not (isinstance(v, float) and pd.isna(v))} - {None, "cosmetic"}
                own = set(edits.loc[(edits["quote_id"] == quote_id) & (edits["utterance_id"] == utterance),
                                    "category"])
                assert found <= own | {"substantive"} and (not found or own - {"cosmetic"})
                checked += bool(found)
    assert checked > 0
