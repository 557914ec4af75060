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
# # 03 · Garbling: where is each copy damaged?
#
# **Question.** Which articles carry the damage of scraping, spinning and machine translation — repeated words,
# words run together, broken quotation marks, stray capitals, one person named several ways, untranslated
# fragments, page chrome — where exactly, and how much per 1,000 words?
#
# **Input.** A corpus folder (`CORPUS`, default `seeds/`).
#
# **Output.** A table of damage by kind and source, each damaged article with its damage highlighted, and the
# figure `03-garbles-per-1000-words`.

# %% tags=["parameters"]
CORPUS = "seeds"  # corpus folder; a relative path hangs off the project root
REFERENCE = None  # source id whose text is the reference where the corpus has no primary text (None: consensus)
FIGURES = None  # folder to save the figures in (PNG, SVG, PDF + CSV); None: figures are shown, nothing is written
_declared = set(globals())  # keep last: notebook.start rejects any parameter not declared above

# %%
_given = set(globals())  # before any import: what papermill set beyond the parameters cell
from IPython.display import display

from quotedrift import display as html, garble, narrative, notebook, plots

analysis, labels, styles, figures_dir = notebook.start(CORPUS, FIGURES, REFERENCE, notebook.unknown_parameters(_given, _declared))
corpus, articles, garbles = analysis.corpus, analysis.articles, analysis.garbles
display(html.paragraph(f"Corpus '{corpus.name}': {narrative.plural(len(garbles), 'damaged span')} in "
                       f"{narrative.plural(len(articles), 'article')}."))
if garbles.empty:
    display(html.note("No damage of any kind was found in this corpus."))

# %% [markdown]
# ## The kinds of damage looked for
#
# Every detector is registered once (`quotedrift.garble`): its kind, how severe a row of it is (1 residue,
# 2 damaged wording, 3 could mislead), whether it reads one article or compares outlets, and what it means.

# %%
display(html.table_html(garble.kinds_table()))

# %% [markdown]
# ## Every damaged span is evidence
#
# Each row's `text` must be exactly the article's characters from `start` to `end`. Checked on every row.

# %%
mismatched = notebook.check_spans(garbles, corpus.texts)
assert mismatched.empty, f"{len(mismatched)} garble rows do not match their article text"
display(html.paragraph(f"All {narrative.plural(len(garbles), 'row')} match their article text exactly."))

# %% [markdown]
# ## Damage by kind and source
#
# Counts, then the same per 1,000 words of each article (so long and short articles compare fairly).

# %%
counts = notebook.counts_by(garbles, articles["source"], "kind")
rates = notebook.per_1000_words(counts, articles)
counts_shown = counts.assign(total=counts.sum(axis=1))
counts_shown.insert(0, "outlet", [labels[s] for s in counts.index])
display(html.table_html(counts_shown.reset_index()))
rates_shown = rates.assign(total=rates.sum(axis=1).round(2))
rates_shown.insert(0, "outlet", [labels[s] for s in rates.index])
display(html.table_html(rates_shown.reset_index()))

# %% [markdown]
# ## Each damaged article, damage highlighted
#
# Hover a highlight for what is wrong there.

# %%
if not garbles.empty:
    display(html.kind_legend(garbles["kind"].unique()))
for source in articles["source"]:
    spans = notebook.spans_of(garbles, source)
    if len(spans):
        display(html.highlight_html(corpus.texts[source], spans, title=f"{source}: {labels[source]}"))
        display(html.spans_table_html(spans, columns=("kind", "text", "detail", "start", "end")))

# %% [markdown]
# ## Figure: damage per 1,000 words, by source and kind

# %%
notebook.show_figure(plots.garbles_per_1000_words(analysis), figures_dir, corpus)

# %% [markdown]
# ## What the damage says

# %%
display(html.bullet_list(narrative.garble_findings(analysis)))
