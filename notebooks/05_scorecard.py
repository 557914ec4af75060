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
# # 05 · Scorecard: how does each source fare, and on what evidence?
#
# **Question.** Putting drift, garbling and attribution side by side, how faithful is each source to the words
# spoken, how damaged is its copy, how far does its attribution agree with the others — and which three pieces
# of evidence weigh most against it?
#
# **Input.** A corpus folder (`CORPUS`, default `seeds/`); `WEIGHTS` for the summary rank.
#
# **Output.** The scorecard table, a summary rank whose construction is stated below, the figure `05-scorecard`
# (one row per source, the dimensions side by side, primary texts marked), each source's worst evidence, and
# the figure `05-provenance`: an estimate of which sources copy from a common text.
#
# **How the summary rank is built** (`quotedrift.scorecard.summary_rank`). Each dimension ranks the scored
# sources — fidelity and attribution agreement, higher is better; garbles per 1,000 words, lower is better;
# the weighted mean of those ranks (weights from `WEIGHTS`; a source with no value on a dimension is ranked on
# the others) is ranked again, 1 best. It is a convenience, not a grade: the dimensions themselves are in the
# table and the figure. Change `WEIGHTS` to weigh them differently (a weight of 0 leaves a dimension out).

# %% tags=["parameters"]
CORPUS = "seeds"  # corpus folder; a relative path hangs off the project root
REFERENCE = None  # source id whose text is the reference where the corpus has no primary text (None: consensus)
FIGURES = None  # folder to save the figures in (PNG, SVG, PDF + CSV); None: figures are shown, nothing is written
WEIGHTS = {"fidelity": 1.0, "garbles_per_1000_words": 1.0, "attribution_agreement": 1.0}  # summary-rank weights
_declared = set(globals())  # keep last: notebook.start rejects any parameter not declared above

# %%
_given = set(globals())  # before any import: what papermill set beyond the parameters cell
from IPython.display import display

from quotedrift import display as html, narrative, notebook, plots, provenance, scorecard as scoring

analysis, labels, styles, figures_dir = notebook.start(CORPUS, FIGURES, REFERENCE, notebook.unknown_parameters(_given, _declared))
corpus, articles, scorecard = analysis.corpus, analysis.articles, analysis.scorecard
display(html.paragraph(f"Corpus '{corpus.name}': {narrative.plural(len(scorecard), 'source')} on the scorecard."))
if scorecard.empty:
    display(html.note("The scorecard is empty for this corpus: no source could be scored. The rank and figure "
                      "below stay empty."))

# %% [markdown]
# ## The scorecard

# %%
if not scorecard.empty:
    display(html.table_html(scorecard))

# %% [markdown]
# ## Summary rank (weights from the parameters)

# %%
ranked = notebook.ranked_scorecard(scorecard, scoring.summary_rank(scorecard, WEIGHTS) if len(scorecard) else None)
display(html.paragraph("Weights: " + ", ".join(f"{k} {v:g}" for k, v in WEIGHTS.items()) + "."))
if ranked.empty:
    display(html.note("No source has a score, so there is no rank."))
else:
    display(html.table_html(ranked))

# %% [markdown]
# ## Figure: the scorecard, one row per source
#
# Each panel is one dimension on a 0–1 scale where 1 is best; primary texts are marked ★ (they are the
# reference, not scored against it). A missing bar means the source has no value on that dimension.

# %%
notebook.show_figure(plots.scorecard(analysis, WEIGHTS), figures_dir, corpus)

# %% [markdown]
# ## The worst evidence per source
#
# For each source, up to three pieces of evidence on each dimension — its largest substantive edits (drift),
# its most severe damage, one per kind (garbling), and the name spellings and attribution flags that set it
# apart (attribution) — each with the character span where a reader finds it in the article.

# %%
for source in articles["source"]:
    evidence = scoring.evidence_table(analysis.quotes, analysis.edits, analysis.garbles, analysis.attribution, source)
    display(html.paragraph(f"{source}: {labels[source]}"))
    if evidence.empty:
        display(html.note("No substantive edit, damage or attribution flag found for this source."))
    else:
        display(html.table_html(evidence.drop(columns=["source"])))

# %% [markdown]
# ## Who copies from whom? (an estimate)
#
# Sources that share rare readings — the same passages outside quotations, the same substantive edits, the
# same garbles, the same spellings ("rumour"/"rumor", "(North Korea)"/"[North Korea]") — probably copy from a
# common text. The tree joins the sources whose shared readings weigh most (rarer readings weigh more); each
# join is labelled with its heaviest shared reading. **This is an estimate, not proof**: two outlets can share
# readings because both copy a third one that is not in the corpus.

# %%
copying = plots.copy_estimate(analysis)
notebook.show_figure(copying, figures_dir, corpus)
estimate = provenance.copy_estimate(provenance.shared_readings(analysis), articles)
if estimate.empty:
    display(html.note("No two sources share a reading rare enough to suggest copying."))
else:
    display(html.table_html(estimate.head(15)))

# %% [markdown]
# ## What the scorecard says

# %%
display(html.bullet_list(narrative.scorecard_findings(analysis, ranked, WEIGHTS)))
