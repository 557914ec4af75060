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
# # 02 · Alignment and drift: how far does each outlet's version depart from the words spoken?
#
# **Question.** Where do two or more outlets print words of the same utterance, how do their versions line up,
# and how far does each depart from the reference — the primary text where the corpus has one, else the
# `REFERENCE` source, else the reading most outlets agree on? Which departures are cosmetic (case, punctuation,
# spelling), editorial (insertions in brackets, ellipsis, truncation) or substantive (words replaced, added,
# dropped)?
#
# **Input.** A corpus folder (`CORPUS`, default `seeds/`); optionally a `REFERENCE` source id.
#
# **Output.** The utterances most reported, their variant tables, a word diff of each version, the edits per
# source, and the figures `02-drift-per-source` and `02-drift-per-utterance`.

# %% tags=["parameters"]
CORPUS = "seeds"  # corpus folder; relative paths hang off the project root
FIGURES = "figures"  # where figures are written
REFERENCE = None  # source id of the reference text where no primary text exists

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from quotedrift import display as html, figures, narrative, notebook

TOP_UTTERANCES = 5  # how many utterances to show in full
CATEGORIES = ["cosmetic", "editorial", "substantive"]

analysis, labels, styles, figures_dir = notebook.start(CORPUS, FIGURES, REFERENCE)
corpus, articles, quotes = analysis.corpus, analysis.articles, analysis.quotes
utterances, edits, scorecard = analysis.utterances, analysis.edits, analysis.scorecard
display(html.paragraph(f"Corpus '{corpus.name}': {narrative.plural(len(quotes), 'quotation')}, "
                       f"{narrative.plural(len(analysis.links), 'link')} between sources, "
                       f"{narrative.plural(len(utterances), 'utterance')}, {narrative.plural(len(edits), 'edit')}."))
if utterances.empty:
    display(html.note("No utterance is reported by two or more sources in this corpus, so there is nothing to "
                      "align: the tables below stay empty."))

# %% [markdown]
# ## The utterances most reported

# %%
top = notebook.most_reported(utterances, TOP_UTTERANCES)
if top.empty:
    display(html.note("No utterances found."))
else:
    display(html.table_html(notebook.most_reported(utterances, len(utterances)), max_rows=50))

# %% [markdown]
# ## Variant tables and word diffs
#
# For each of the utterances most reported: every quotation aligned word by word to the reference (one column
# per reference word; marked cells differ from it; ∅: the quotation lacks the word or does not reach it;
# `+word` is a word it adds), then each source's version as a diff against the reference.

# %%
for row in top.itertuples(index=False):
    versions = notebook.utterance_versions(quotes, row.utterance_id)
    reference_label = f"reference ({row.reference_source})"
    display(html.paragraph(f"Utterance {row.utterance_id} — {row.speaker or 'speaker unknown'}, "
                           f"{narrative.plural(len(versions), 'source')}:"))
    if not versions:
        display(html.note("No quotation of this utterance carries its id in the quotes table."))
        continue
    table = notebook.with_reference_row(analysis.variant_table(row.utterance_id), reference_label)
    display(html.variant_table_html(table, reference_label))
    for source, text in versions.items():
        display(html.paragraph(f"{labels.get(source, source)}:"))
        display(html.word_diff_html(str(row.reference_text), text, "the reference", labels.get(source, source)))

# %% [markdown]
# ## Edits per source
#
# Every difference between a quotation and its reference, counted per source and category, next to the
# source's fidelity (1.0: only cosmetic edits; lower as substantive edits grow — see the scorecard module).

# %%
drift = notebook.counts_by(edits, articles["source"], "category").reindex(columns=CATEGORIES, fill_value=0)
drift = drift.fillna(0).astype(int)
if "fidelity" in scorecard and len(scorecard):
    drift["fidelity"] = scorecard.set_index("source")["fidelity"].reindex(drift.index)
drift.insert(0, "outlet", [labels[s] for s in drift.index])
display(html.table_html(drift.reset_index()))
if edits.empty:
    display(html.note("No edits recorded in this corpus."))
else:
    display(html.table_html(edits[["utterance_id", "source", "category", "op", "reference_text", "text"]],
                            max_rows=100))

# %% [markdown]
# ## Figure: drift per source

# %%
counts = drift[CATEGORIES]
fig, ax = plt.subplots(figsize=(7, 0.45 * len(counts) + 1.4))
left = pd.Series(0, index=counts.index)
category_hatches = {"cosmetic": "", "editorial": "..", "substantive": "//"}
category_alpha = {"cosmetic": 0.35, "editorial": 0.65, "substantive": 1.0}
for category in CATEGORIES:
    ax.barh([labels[s] for s in counts.index], counts[category], left=left, label=category,
            color=[styles[s].colour for s in counts.index], alpha=category_alpha[category],
            hatch=category_hatches[category], edgecolor="white")
    left = left + counts[category]
ax.invert_yaxis()
ax.set_xlabel("edits against the reference")
ax.set_title("Drift per source (shade and hatch: category)")
figures.legend_outside(ax, CATEGORIES, category_hatches, category_alpha, title="category")
if edits.empty:
    ax.text(0.5, 0.5, "no edits: nothing linked, or every version verbatim", transform=ax.transAxes,
            ha="center", va="center")
figures.save_figure(fig, "02-drift-per-source", drift.reset_index(), figures_dir,
                    "Edits of each source's quotations against their references, by category.", corpus=corpus)
plt.show()

# %% [markdown]
# ## Figure: substantive edits per utterance and source

# %%
substantive = edits[edits["category"] == "substantive"] if len(edits) else edits
if substantive.empty:
    grid = pd.DataFrame(index=pd.Index([], name="utterance_id"))
else:
    grid = pd.crosstab(substantive["utterance_id"], substantive["source"])
grid = grid.reindex(columns=list(articles["source"]), fill_value=0)
fig, ax = plt.subplots(figsize=(7, 0.4 * max(len(grid), 1) + 2.2))
if grid.empty:
    ax.text(0.5, 0.5, "no substantive edits", transform=ax.transAxes, ha="center", va="center")
    ax.set_xticks([])
    ax.set_yticks([])
else:
    image = ax.imshow(grid.to_numpy(), cmap="Greys", aspect="auto", vmin=0)
    ax.set_xticks(range(len(grid.columns)), [labels[s] for s in grid.columns], rotation=35, ha="right")
    ax.set_yticks(range(len(grid.index)), [str(u) for u in grid.index])
    ax.grid(False)
    fig.colorbar(image, ax=ax, label="substantive edits")
ax.set_title("Substantive edits per utterance and source")
figures.save_figure(fig, "02-drift-per-utterance", grid.reset_index().melt(
    id_vars="utterance_id", var_name="source", value_name="substantive_edits") if len(grid) else
    pd.DataFrame(columns=["utterance_id", "source", "substantive_edits"]), figures_dir,
    "Substantive edits per utterance (rows) and source (columns); darker is more.", corpus=corpus)
plt.show()

# %% [markdown]
# ## What the alignment found

# %%
display(html.bullet_list(narrative.drift_findings(analysis)))
