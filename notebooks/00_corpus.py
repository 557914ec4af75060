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
# # 00 · The corpus: what is in the folder?
#
# **Question.** Which articles does this corpus hold — which outlets, in which roles (report or primary
# text), in which languages, how long — and how much of each file is page chrome rather than reporting?
#
# **Input.** A corpus folder (`CORPUS`, default `seeds/`): article files plus an optional `sources.csv`.
#
# **Output.** The articles table, the boilerplate spans highlighted in each text, and the figure
# `00-article-sizes` (PNG, SVG, PDF and CSV in `FIGURES`).

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
corpus = analysis.corpus
articles = analysis.articles
display(html.paragraph(f"Corpus '{corpus.name}' ({notebook.shown_path(corpus.folder)}): "
                       f"{narrative.plural(len(articles), 'article')}."))
for line in corpus.notes:
    display(html.note(line))

# %% [markdown]
# ## The articles
#
# One row per article: outlet and date from the manifest, role, the detected language and its confidence,
# the size in words, and how the file was decoded.

# %%
columns = ["source", "outlet", "published", "role", "language", "language_score", "in_scope", "words", "encoding"]
display(html.table_html(articles[columns]))

# %% [markdown]
# ## Page chrome and repeated text
#
# Share buttons, font-size widgets, "Read more" lines, scraper headers and paragraphs printed twice are found
# as spans. They count as damage later and are left out of the quotation search; the text itself is never
# changed. Every span must be the exact text at its offsets — checked here.

# %%
chrome = corpus.boilerplate
assert notebook.check_spans(chrome, corpus.texts).empty, "a boilerplate span does not match its article text"
if chrome.empty:
    display(html.note("No page chrome or repeated text was found in this corpus."))
else:
    chrome_counts = notebook.counts_by(chrome, articles["source"], "kind").reset_index()
    display(html.table_html(chrome_counts))
    display(html.spans_table_html(chrome, max_rows=60))

# %% [markdown]
# ## Each article, chrome highlighted
#
# Grey: page chrome; lilac: text repeated from earlier in the article. Hover a highlight for the reason.

# %%
display(html.kind_legend(chrome["kind"].unique() if len(chrome) else []))
for source in articles["source"]:
    display(html.highlight_html(corpus.texts[source], notebook.spans_of(chrome, source),
                                title=f"{source}: {labels[source]}"))

# %% [markdown]
# ## Figure: article sizes
#
# Words per article, split into the reporting and the page chrome or repeated text.

# %%
notebook.show_figure(plots.article_sizes(analysis), figures_dir, corpus)

# %% [markdown]
# ## What this corpus holds

# %%
display(html.bullet_list(narrative.corpus_findings(analysis)))
