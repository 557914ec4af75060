"""One style, one palette per outlet, and one helper that exports every figure the same way.

``save_figure`` writes ``NAME.png`` (300 dpi), ``NAME.svg``, ``NAME.pdf`` and ``NAME.csv`` (the numbers
plotted). The files are byte-identical from run to run: no dates, a fixed SVG hash salt, a fixed font.
Each figure carries a caption line naming the corpus and the date range of its articles (taken from the
articles' ``published`` column, never from today's date); the caption is also stored in the PNG's
``Description`` text chunk, from which ``write_figure_index`` builds the figure index (a README.md).

``outlet_styles(sources)`` gives each source a colour (Okabe–Ito, safe for colour-blind readers), a hatch
and a marker, so figures also read in greyscale; it depends only on the set of sources, so one corpus gives
each outlet the same look in every figure. Eight colours × eight hatches (and eight markers) keep up to 64
outlets apart: no two share a (colour, hatch) or a (colour, marker) pair. The drawing is in ``plots``.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

# Any name every file system takes: letters, digits, '-' and '_' (no path, no extension), up to 120 characters.
FIGURE_NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]{0,119}$")
FORMATS = ("png", "svg", "pdf")
PNG_DPI = 300
FONT = "DejaVu Sans"  # ships with matplotlib: the same glyphs on every machine

# Okabe & Ito (2008), ordered so the first colours are the most distinct on white paper.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")

STYLE: dict[str, object] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "legend.frameon": False,
    "legend.fontsize": 8,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "hatch.linewidth": 0.6,
    "hatch.color": "#333333",
    "figure.dpi": 100,
    "figure.constrained_layout.use": True,
    "savefig.facecolor": "white",
    "svg.hashsalt": "quotedrift",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "image.interpolation": "nearest",
}

# Metadata that would otherwise carry dates or change between runs.
METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
}


@dataclass(frozen=True)
class OutletStyle:
    """How one source looks in every figure."""

    colour: str
    hatch: str
    marker: str
    hatch_colour: str = "#333333"  # white on dark fills, so a hatch never vanishes into its bar


def use_style() -> None:
    """Apply the project style to matplotlib (call once at the top of a notebook)."""
    plt.rcParams.update(STYLE)


def outlet_styles(sources: Iterable[str]) -> dict[str, OutletStyle]:
    """Colour, hatch and marker per source, assigned in sorted order of the distinct sources.

    Up to eight sources get eight different colours; beyond that colours repeat with a different hatch and
    marker, so every (colour, hatch) and (colour, marker) pair stays unique up to MAX_DISTINCT sources.
    """
    styles = {}
    for i, source in enumerate(sorted({str(s) for s in sources})):
        lap = i // len(OKABE_ITO)
        colour = OKABE_ITO[i % len(OKABE_ITO)]
        styles[source] = OutletStyle(
            colour=colour,
            hatch=HATCHES[(i + lap) % len(HATCHES)],
            marker=MARKERS[(i + lap) % len(MARKERS)],
            hatch_colour="white" if relative_luminance(colour) < DARK_LUMINANCE else "#333333",
        )
    return styles


MAX_DISTINCT = len(OKABE_ITO) * len(HATCHES)
DARK_LUMINANCE = 0.2  # WCAG relative luminance below which white lines contrast more than dark grey


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a '#rrggbb' colour (0 black … 1 white)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def outlet_colours(sources: Iterable[str]) -> dict[str, str]:
    """Colour per source (see ``outlet_styles``)."""
    return {source: style.colour for source, style in outlet_styles(sources).items()}


def corpus_caption(corpus_name: str, articles: pd.DataFrame) -> str:
    """'Corpus: NAME, N articles published FIRST to LAST', dates taken from the articles themselves."""
    count = len(articles)
    noun = "article" if count == 1 else "articles"
    published = []
    if "published" in articles:
        published = sorted(str(d) for d in articles["published"].dropna() if str(d).strip())
    if not published:
        return f"Corpus: {corpus_name}, {count} {noun} (publication dates not given)"
    if published[0] == published[-1]:
        return f"Corpus: {corpus_name}, {count} {noun} published {published[0]}"
    return f"Corpus: {corpus_name}, {count} {noun} published {published[0]} to {published[-1]}"


def full_caption(caption: str, corpus=None) -> str:
    """The caption followed by the corpus line (``corpus`` is a quotedrift Corpus, or None)."""
    caption = caption.strip()
    if corpus is None:
        return caption
    return f"{caption} {corpus_caption(corpus.name, corpus.articles)}."


def save_figure(fig, name: str, data: pd.DataFrame, folder: str | Path, caption: str, corpus=None,
                formats: tuple[str, ...] = FORMATS) -> dict[str, Path]:
    """Write NAME.png (300 dpi), NAME.svg, NAME.pdf (or the ``formats`` asked for) and NAME.csv into
    ``folder``; returns the paths by format.

    ``name`` is any file name of letters, digits, '-' and '_'. ``data`` is the table of the numbers
    plotted, written sorted as given, without the index. With ``corpus`` the caption line also names the
    corpus and its date range. The caption is drawn under the figure and kept in the file's metadata.
    """
    if not FIGURE_NAME_RE.match(name):
        raise ValueError(f"figure name '{name}': use letters, digits, '-' and '_' only")
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown:
        raise ValueError(f"figure format '{unknown[0]}': choose from {', '.join(FORMATS)}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    text = full_caption(caption, corpus)
    _draw_caption(fig, text)
    paths = {}
    with plt.rc_context({k: v for k, v in STYLE.items() if k.startswith(("svg.", "pdf."))}):
        for fmt in formats:
            path = folder / f"{name}.{fmt}"
            metadata = dict(METADATA[fmt])
            metadata.update(_caption_metadata(fmt, name, text))
            fig.savefig(path, format=fmt, dpi=PNG_DPI, bbox_inches="tight", pad_inches=0.1, metadata=metadata)
            paths[fmt] = path
    paths["csv"] = folder / f"{name}.csv"
    data.to_csv(paths["csv"], index=False, lineterminator="\n")
    return paths


def _draw_caption(fig, text: str) -> None:
    """Draw the caption under the axes, wrapped to the figure's width (drawn once per figure)."""
    for artist in list(fig.texts):
        if artist.get_gid() == "quotedrift-caption":
            artist.remove()
    width_chars = max(40, int(fig.get_figwidth() * 15))
    wrapped = "\n".join(textwrap.wrap(text, width_chars))
    fig.text(0.0, 0.0, wrapped, ha="left", va="top", fontsize=7, color="#333333", gid="quotedrift-caption",
             transform=fig.transFigure)


def _caption_metadata(fmt: str, name: str, caption: str) -> dict[str, str]:
    if fmt == "png":
        return {"Title": name, "Description": caption}
    if fmt == "svg":
        return {"Title": name, "Description": caption}
    return {"Title": name, "Subject": caption}


# ---------------------------------------------------------------------------------------------- index


def figure_captions(folder: str | Path) -> dict[str, str]:
    """Caption of every figure in a folder, by figure name, read back from the PNG files."""
    from PIL import Image

    captions = {}
    for png in sorted(Path(folder).glob("*.png")):
        with Image.open(png) as image:
            captions[png.stem] = image.text.get("Description", "")
    return captions


def figure_files(folder: str | Path) -> list[Path]:
    """Every exported figure file (NAME.{png,svg,pdf,csv} with NAME that of a PNG figure) in a folder."""
    folder = Path(folder)
    names = {png.stem for png in folder.glob("*.png")}
    return sorted(p for fmt in (*FORMATS, "csv") for p in folder.glob(f"*.{fmt}") if p.stem in names)


def clear_figures(folder: str | Path) -> None:
    """Remove the figure files an earlier run indexed in ``folder/README.md`` (and that index), so the folder
    reflects one run; files the index does not list are never touched."""
    index = Path(folder) / "README.md"
    if not index.exists() or not index.read_text(encoding="utf-8").startswith("# Figures: "):
        return
    names = re.findall(r"^\| \[([^\]]+)\]\(\1\.png\)", index.read_text(encoding="utf-8"), re.MULTILINE)
    for name in names:
        for fmt in (*FORMATS, "csv"):
            (Path(folder) / f"{name}.{fmt}").unlink(missing_ok=True)
    index.unlink()


def write_figure_index(folder: str | Path, corpus_name: str) -> Path:
    """Write ``folder/README.md``: every figure with its caption and links to its four files."""
    folder = Path(folder)
    captions = figure_captions(folder)
    lines = [
        f"# Figures: {corpus_name}",
        "",
        "Written by `make report` (quotedrift.report); do not edit by hand. Each figure exists as PNG (300 dpi),",
        "SVG, PDF and the CSV of the numbers it plots. Every outlet keeps one colour, hatch and marker in all",
        "figures of a corpus (Okabe–Ito palette, readable in greyscale).",
        "",
        "| figure | caption | files |",
        "| --- | --- | --- |",
    ]
    for name, caption in captions.items():
        files = " · ".join(f"[{fmt}]({name}.{fmt})" for fmt in (*FORMATS, "csv") if (folder / f"{name}.{fmt}").exists())
        cell = caption.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| [{name}]({name}.png) | {cell} | {files} |")
    if not captions:
        lines.append("| (none) | no figures were written for this corpus | |")
    path = folder / "README.md"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def legend_outside(ax, labels: list[str], hatches: dict[str, str], alphas: dict[str, float] | None = None,
                   title: str | None = None) -> None:
    """A legend of hatch (and shade) per category, drawn in neutral grey to the right of the axes, so it
    neither hides bars nor suggests an outlet colour."""
    from matplotlib.patches import Patch

    alphas = alphas or {}
    handles = [Patch(facecolor="#777777", alpha=alphas.get(label, 1.0), hatch=hatches.get(label, ""),
                     edgecolor="white", label=label) for label in labels]
    if handles:
        ax.legend(handles=handles, title=title, loc="upper left", bbox_to_anchor=(1.01, 1.0))
