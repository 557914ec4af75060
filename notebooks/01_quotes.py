# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 01 · Quotations: what does each outlet quote, and whom?
#
# **Question.** Which quotations does each article print — direct, partial, in a headline, scare quotes, or
# sentences of a primary statement — and whom does it say spoke them, with which cue verb, through which relay?
# How does each outlet spell each speaker?
#
# **Input.** A corpus folder (`CORPUS`, default `seeds/`).
#
# **Output.** The quotations per source and kind, each article with its quotations highlighted, the table of
# quotations with speaker, cue and relay, the speakers with every spelling each outlet used, and the figure
# `01-quotes-per-source`.

# %% tags=["parameters"]
CORPUS = "seeds"  # corpus folder; a relative path hangs off the project root
REFERENCE = None  # source id whose text is the reference where the corpus has no primary text (None: consensus)
FIGURES = None  # folder to save the figures in (PNG, SVG, PDF + CSV); None: figures are shown, nothing is written
_declared = set(globals())  # keep last: notebook.start rejects any parameter not declared above

# %%
_given = set(globals())  # before any import: what papermill set beyond the parameters cell
from IPython.display import display

from quotedrift import display as html, narrative, notebook, plots

analysis, labels, styles, figures_dir = notebook.start(CORPUS, FIGURES, REFERENCE, notebook.unknown_parameters(_given, _declared))
corpus, articles, quotes = analysis.corpus, analysis.articles, analysis.quotes
display(html.paragraph(f"Corpus '{corpus.name}': {narrative.plural(len(articles), 'article')}, "
                       f"{narrative.plural(len(quotes), 'quotation')}."))
if quotes.empty:
    display(html.note("No quotations were found in this corpus: the tables and figure below stay empty."))

# %% [markdown]
# ## Every quotation is evidence
#
# Each quotation is a span of its article: its `text` must be exactly the article's characters from `start`
# to `end`. Checked here on every row.

# %%
mismatched = notebook.check_spans(quotes, corpus.texts)
assert mismatched.empty, f"{len(mismatched)} quotations do not match their article text"
display(html.paragraph(f"All {narrative.plural(len(quotes), 'quotation')} match their article text exactly."))

# %% [markdown]
# ## Quotations per source and kind

# %%
per_kind = notebook.counts_by(quotes, articles["source"], "kind")
per_kind.insert(0, "outlet", [labels[s] for s in per_kind.index])
per_kind["total"] = per_kind.drop(columns="outlet").sum(axis=1)
display(html.table_html(per_kind.reset_index()))

# %% [markdown]
# ## Each article, quotations highlighted
#
# Hover a highlight for its kind, speaker, cue and relay.

# %%
if quotes.empty:
    display(html.note("No quotations to highlight."))
else:
    described = quotes.assign(detail=quotes.apply(
        lambda q: "; ".join(f"{k}: {q[k]}" for k in ("speaker", "speaker_mention", "cue", "relay")
                            if isinstance(q[k], str) and q[k]), axis=1))
    display(html.kind_legend(quotes["kind"].unique()))
    for source in articles["source"]:
        spans = notebook.spans_of(described, source)
        if len(spans):
            display(html.highlight_html(corpus.texts[source], spans, title=f"{source}: {labels[source]}"))

# %% [markdown]
# ## The quotations, with speaker, cue and relay

# %%
if quotes.empty:
    display(html.note("No quotations found in this corpus."))
else:
    shown = quotes[["quote_id", "source", "kind", "text", "speaker", "speaker_mention", "cue", "relay"]]
    display(html.table_html(shown, max_rows=200))

# %% [markdown]
# ## Speakers, as each outlet spells them
#
# One row per canonical speaker; each column is a source, holding every mention of that speaker it printed.

# %%
spellings = notebook.speaker_spellings(quotes)
if spellings.empty:
    display(html.note("No quotation has a named speaker yet, so there is no spelling to compare."))
else:
    display(html.table_html(spellings.rename(columns=labels)))

# %% [markdown]
# ## Figure: quotations per source

# %%
notebook.show_figure(plots.quotes_per_source(analysis), figures_dir, corpus)

# %% [markdown]
# ## What this corpus quotes

# %%
display(html.bullet_list(narrative.quotes_findings(analysis)))
