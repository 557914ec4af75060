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
CORPUS = "seeds"  # corpus folder; relative paths hang off the project root
FIGURES = "figures"  # where figures are written
REFERENCE = None  # source id of the reference text where no primary text exists

# %%
import matplotlib.pyplot as plt
from IPython.display import display

from quotedrift import display as html, figures, narrative, notebook

analysis, labels, styles, figures_dir = notebook.start(CORPUS, FIGURES, REFERENCE)
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
counts = per_kind.drop(columns=["outlet", "total"])
fig, ax = plt.subplots(figsize=(7, 0.45 * len(counts) + 1.4))
left = [0] * len(counts)
kind_hatches = dict(zip(sorted(counts.columns), figures.HATCHES))
for kind in counts.columns:
    ax.barh([labels[s] for s in counts.index], counts[kind], left=left, label=kind,
            color=[styles[s].colour for s in counts.index], hatch=kind_hatches[kind], edgecolor="white")
    left = [a + b for a, b in zip(left, counts[kind])]
ax.invert_yaxis()
ax.set_xlabel("quotations")
ax.set_title("Quotations per source (hatch: kind)")
figures.legend_outside(ax, list(counts.columns), kind_hatches, title="kind")
if not len(counts.columns):
    ax.text(0.5, 0.5, "no quotations found", transform=ax.transAxes, ha="center", va="center")
figure_data = counts.reset_index().melt(id_vars="source", var_name="kind", value_name="quotations") \
    if len(counts.columns) else counts.reset_index().assign(kind="", quotations=0)
figures.save_figure(fig, "01-quotes-per-source", figure_data, figures_dir,
                    "Quotations per source, by kind (hatch).", corpus=corpus)
plt.show()

# %% [markdown]
# ## What this corpus quotes

# %%
display(html.bullet_list(narrative.quotes_findings(analysis)))
