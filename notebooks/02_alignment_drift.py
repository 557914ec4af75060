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
CORPUS = "seeds"  # corpus folder; a relative path hangs off the project root
REFERENCE = None  # source id whose text is the reference where the corpus has no primary text (None: consensus)
FIGURES = None  # folder to save the figures in (PNG, SVG, PDF + CSV); None: figures are shown, nothing is written
TOP_UTTERANCES = 5  # how many of the most reported utterances get a variant table, word diffs and a card
SHOW_COSMETIC = False  # mark cosmetic edits too (case, punctuation, quote style, US/UK spelling), faintly
_declared = set(globals())  # keep last: notebook.start rejects any parameter not declared above

# %%
_given = set(globals())  # before any import: what papermill set beyond the parameters cell
from IPython.display import display

from quotedrift import align, cards, display as html, narrative, notebook, plots

CATEGORIES = ["cosmetic", "editorial", "substantive"]

analysis, labels, styles, figures_dir = notebook.start(CORPUS, FIGURES, REFERENCE, notebook.unknown_parameters(_given, _declared))
corpus, articles, quotes = analysis.corpus, analysis.articles, analysis.quotes
utterances, edits, scorecard = align.shared_utterances(analysis.utterances), analysis.edits, analysis.scorecard
display(html.paragraph(f"Corpus '{corpus.name}': {narrative.plural(len(quotes), 'quotation')}, "
                       f"{narrative.plural(len(analysis.links), 'link')} between sources, "
                       f"{narrative.plural(len(utterances), 'utterance')} printed by two or more sources, "
                       f"{narrative.plural(len(edits), 'edit')}."))
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
# ## Who printed what: one card per utterance
#
# For each of the utterances most reported, its card: the reference words on top, then every outlet's
# version in the sentence it printed, with its edits against the reference marked (substantive strong,
# editorial dashed, cosmetic faint, left-out words struck), the speaker and cue as that outlet printed them,
# the relay, the URL and any damage inside the quotation. `quotedrift cards CORPUS --out DIR` writes a card
# for every utterance (standalone HTML, and PNG with `--png`).

# %%
for row in top.itertuples(index=False):
    display(cards.card_html(analysis, row.utterance_id, labels))

# %% [markdown]
# ## Variant tables and word diffs
#
# For each of the utterances most reported: every quotation aligned word by word to the reference it is
# measured against (one column per reference word; marked cells differ from it; ∅: the quotation lacks the
# word or does not reach it; `+word` is a word it adds), then each version with exactly its rows of
# `edits.csv` marked — substantive, editorial and (faint, only when `SHOW_COSMETIC` is on) cosmetic in three
# styles. Where independent translations exist, each family is shown against its own reference.

# %%
for row in top.itertuples(index=False):
    display(html.paragraph(f"Utterance {cards.utterance_title(row.utterance_id, row.reference_text)} — "
                           f"{row.speaker or 'speaker unknown'}:"))
    parts = html.utterance_html(analysis, row.utterance_id, labels, show_cosmetic=SHOW_COSMETIC)
    if not parts:
        display(html.note("No version of this utterance other than its reference."))
    for part in parts:
        display(part)

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
notebook.show_figure(plots.drift_per_source(analysis), figures_dir, corpus)

# %% [markdown]
# ## Figure: substantive edits per utterance and source

# %%
notebook.show_figure(plots.drift_per_utterance(analysis), figures_dir, corpus)

# %% [markdown]
# ## What the alignment found

# %%
display(html.bullet_list(narrative.drift_findings(analysis)))
