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
CORPUS = "seeds"  # corpus folder; relative paths hang off the project root
FIGURES = "figures"  # where figures are written
REFERENCE = None  # source id of the reference text where no primary text exists

# %%
import matplotlib.pyplot as plt
from IPython.display import display

from quotedrift import display as html, figures, narrative, notebook

analysis, labels, styles, figures_dir = notebook.start(CORPUS, FIGURES, REFERENCE)
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
chrome_words = {s: 0 for s in articles["source"]}
for row in chrome.itertuples():
    chrome_words[row.source] += len(row.text.split())
sizes = articles[["source", "outlet", "words"]].copy()
sizes["chrome_words"] = sizes["source"].map(chrome_words)
sizes["text_words"] = (sizes["words"] - sizes["chrome_words"]).clip(lower=0)

fig, ax = plt.subplots(figsize=(7, 0.45 * len(sizes) + 1.2))
y = range(len(sizes))
ax.barh(y, sizes["text_words"], color=[styles[s].colour for s in sizes["source"]],
        hatch=[styles[s].hatch for s in sizes["source"]], edgecolor="white", label="reporting")
chrome_bars = ax.barh(y, sizes["chrome_words"], left=sizes["text_words"], color="#bbbbbb", edgecolor="white")
ax.set_yticks(list(y), [labels[s] for s in sizes["source"]])
ax.invert_yaxis()
ax.set_xlabel("words")
ax.set_title("Article sizes")
ax.legend([chrome_bars], ["page chrome or repeated text"], loc="upper left", bbox_to_anchor=(1.01, 1.0))
figures.save_figure(fig, "00-article-sizes", sizes, figures_dir,
                    "Words per article: reporting (outlet colour) and page chrome or repeated text (grey).",
                    corpus=corpus)
plt.show()

# %% [markdown]
# ## What this corpus holds

# %%
display(html.bullet_list(narrative.corpus_findings(analysis)))
