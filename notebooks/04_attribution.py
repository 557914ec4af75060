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
CORPUS = "seeds"  # corpus folder; a relative path hangs off the project root
REFERENCE = None  # source id whose text is the reference where the corpus has no primary text (None: consensus)
FIGURES = None  # folder to save the figures in (PNG, SVG, PDF + CSV); None: figures are shown, nothing is written
_declared = set(globals())  # keep last: notebook.start rejects any parameter not declared above

# %%
_given = set(globals())  # before any import: what papermill set beyond the parameters cell
from IPython.display import display

from quotedrift import display as html, narrative, notebook, plots

analysis, labels, styles, figures_dir = notebook.start(CORPUS, FIGURES, REFERENCE, notebook.unknown_parameters(_given, _declared))
corpus, articles, scorecard = analysis.corpus, analysis.articles, analysis.scorecard
attribution = analysis.attribution[analysis.attribution["compared"].astype(bool)]  # utterances two sources print
display(html.paragraph(f"Corpus '{corpus.name}': {narrative.plural(len(analysis.attribution), 'attribution')}, "
                       f"{narrative.plural(len(attribution), 'attribution')} of "
                       f"{narrative.plural(attribution['utterance_id'].nunique(), 'utterance')} printed by two or "
                       f"more sources."))
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
    display(html.paragraph(f"Utterance {notebook.utterance_titles(analysis.utterances).get(utterance_id, utterance_id)}:"))
    display(html.attribution_table_html(table, flagged))

# %% [markdown]
# ## One name per person, and the spellings the outlets print
#
# Each quoted person under one canonical name (the spelling of the `speaker` column), with every variant as
# printed, the titles printed with it and the outlets that print it (`people.csv`; its `example_*` columns
# point at one place each variant is printed).

# %%
PEOPLE_FIELDS = ["person", "variant", "titles", "outlets", "n_sources", "count"]
display(html.table_html(analysis.people[PEOPLE_FIELDS]))

# %% [markdown]
# ## Agreement and cue stance per source

# %%
per_source = notebook.attribution_per_source(articles, analysis.attribution, scorecard)  # every quotation's cue
per_source.insert(0, "outlet", [labels[s] for s in per_source.index])
display(html.table_html(per_source.reset_index()))

# %% [markdown]
# ## Figure: attribution agreement and loaded cues by source

# %%
notebook.show_figure(plots.attribution_by_source(analysis), figures_dir, corpus)

# %% [markdown]
# ## What the attributions show

# %%
display(html.bullet_list(narrative.attribution_findings(analysis)))
