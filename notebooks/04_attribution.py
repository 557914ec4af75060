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
# # 04 · Attribution: who said it, according to whom?
#
# **Question.** For words that several outlets print, does each outlet name the same speaker, spell the name
# the same way, give the same title, use a neutral cue verb ("said") or a loaded one ("claimed", "slammed"), and
# keep the relay ("KCNA", "Yonhap") through which the words came?
#
# **Input.** A corpus folder (`CORPUS`, default `seeds/`).
#
# **Output.** Per utterance, who each outlet says said it, differences flagged; agreement and cue stance per
# source; the figure `04-attribution-by-source`.

# %% tags=["parameters"]
CORPUS = "seeds"  # corpus folder; relative paths hang off the project root
FIGURES = "figures"  # where figures are written
REFERENCE = None  # source id of the reference text where no primary text exists

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from quotedrift import display as html, figures, narrative, notebook

analysis, labels, styles, figures_dir = notebook.start(CORPUS, FIGURES, REFERENCE)
corpus, articles, attribution, scorecard = analysis.corpus, analysis.articles, analysis.attribution, analysis.scorecard
display(html.paragraph(f"Corpus '{corpus.name}': {narrative.plural(len(attribution), 'attribution')} of "
                       f"{narrative.plural(attribution['utterance_id'].nunique(), 'utterance')}."))
if attribution.empty:
    display(html.note("No utterance is attributed by two or more sources in this corpus, so there is nothing to "
                      "compare: the tables below stay empty."))

# %% [markdown]
# ## Who each outlet says said it, utterance by utterance
#
# Marked cells are flagged: a different speaker than the other sources give, a spelling no other source
# uses, a departing title, a loaded cue where the others are neutral, a dropped relay.

# %%
FIELDS = ["speaker", "speaker_mention", "title", "cue", "cue_stance", "relay"]
for utterance_id, rows in attribution.groupby("utterance_id", sort=True):
    table = rows.set_index("source")[FIELDS].rename(index=labels)
    flagged = rows.set_index("source")["flags"].fillna("").astype(str).rename(index=labels)
    display(html.paragraph(f"Utterance {utterance_id}:"))
    display(html.attribution_table_html(table, flagged))

# %% [markdown]
# ## Agreement and cue stance per source

# %%
per_source = pd.DataFrame(index=pd.Index(list(articles["source"]), name="source"))
if len(scorecard) and "attribution_agreement" in scorecard:
    per_source["attribution_agreement"] = pd.to_numeric(
        scorecard.set_index("source")["attribution_agreement"], errors="coerce").reindex(per_source.index)
else:
    per_source["attribution_agreement"] = float("nan")
stance = notebook.counts_by(attribution, articles["source"], "cue_stance")
total = stance.sum(axis=1)
per_source["attributions"] = total
per_source["loaded_cue_share"] = (stance["loaded"] / total.where(total > 0)).round(3) if "loaded" in stance else 0.0
per_source.insert(0, "outlet", [labels[s] for s in per_source.index])
display(html.table_html(per_source.reset_index()))

# %% [markdown]
# ## Figure: attribution agreement and loaded cues by source

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(8, 0.45 * len(per_source) + 1.6), sharey=True)
names = [labels[s] for s in per_source.index]
colours = [styles[s].colour for s in per_source.index]
hatches = [styles[s].hatch for s in per_source.index]
left.barh(names, per_source["attribution_agreement"].fillna(0), color=colours, hatch=hatches, edgecolor="white")
left.set_xlim(0, 1)
left.set_xlabel("attribution agreement (1: as the others)")
right.barh(names, per_source["loaded_cue_share"].fillna(0), color=colours, hatch=hatches, edgecolor="white")
right.set_xlim(0, 1)
right.set_xlabel("share of loaded cue verbs")
left.invert_yaxis()
for axis, column in ((left, "attribution_agreement"), (right, "loaded_cue_share")):
    if per_source[column].isna().all() or attribution.empty:
        axis.text(0.5, 0.5, "no attributions to compare", transform=axis.transAxes, ha="center", va="center")
fig.suptitle("Attribution by source")
figures.save_figure(fig, "04-attribution-by-source", per_source.reset_index(), figures_dir,
                    "Left: share of a source's attributions that agree with the other sources. "
                    "Right: share of its cue verbs that are loaded (claimed, slammed, …).", corpus=corpus)
plt.show()

# %% [markdown]
# ## What the attributions show

# %%
display(html.bullet_list(narrative.attribution_findings(analysis)))
