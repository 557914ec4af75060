"""One card per utterance: who printed what, the view a fact-checker screenshots.

A card shows the reference words on top, then every quotation of the utterance (one per outlet version) with
its edits against the reference marked at their character spans (``edits`` table: substantive edits strong,
editorial ones dashed, cosmetic ones faint), the sentence around the quotation, the speaker and cue as that
outlet printed them, the relay, the outlet's URL and any damage (``garbles`` rows) inside the quotation.
Under the versions, the card lists its edits (op, category, reference → printed, span) — the same rows as
``edits.csv``, so a reader can check each mark.

Every piece of article text is escaped; styles are inline (a card renders the same in a notebook, on GitHub
and as a standalone printable page). ``write_cards`` writes ``<utterance_id>.html`` per utterance and an
``index.html``; with ``png=True`` also a PNG of each card, screenshotted by a headless Chromium.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pandas as pd

from .align import shared_utterances
from .display import Html
from .notebook import source_labels

CONTEXT_CHARS = 240  # at most this much of the sentence on either side of a quotation
CARD_WIDTH_PX = 860  # fits a printed A4 page and a notebook cell
FIRST_WORDS = 8  # words of the reference text in an utterance's short title
MARK_STYLES = {
    "substantive": "background:#ffc9c9;border-bottom:2px solid #c92a2a",
    "editorial": "background:#fff3bf;border-bottom:1px dashed #e67700",
    "cosmetic": "background:#f1f3f5;color:inherit",
}
DELETION_STYLE = "background:#ffc9c9;color:#c92a2a;text-decoration:line-through"
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]*\s|\n")


def _e(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def utterance_title(utterance_id: str, reference_text: str, words: int = FIRST_WORDS) -> str:
    """'u004 “first words of the reference …”': an utterance as a reader recognises it."""
    shown = str(reference_text).split()
    head = " ".join(shown[:words]) + (" …" if len(shown) > words else "")
    return f"{utterance_id} “{head}”"


def sentence_around(text: str, start: int, end: int, limit: int = CONTEXT_CHARS) -> tuple[int, int]:
    """The span of the sentence (or paragraph) holding ``text[start:end]``, at most ``limit`` characters
    either side of it."""
    lo = max(0, start - limit)
    before = [m.end() for m in SENTENCE_END_RE.finditer(text, lo, start)]
    left = before[-1] if before else lo
    after = SENTENCE_END_RE.search(text, end, min(len(text), end + limit))
    right = after.start() + 1 if after else min(len(text), end + limit)
    return left, max(right, end)


def _marked(text: str, lo: int, hi: int, edits: list[dict]) -> str:
    """``text[lo:hi]`` escaped, each edit's span wrapped in a mark (deletions shown as struck reference words
    at their place). Overlapping edits are nested by start."""
    points = sorted({lo, hi} | {e["start"] for e in edits} | {e["end"] for e in edits})
    points = [p for p in points if lo <= p <= hi]
    out = []
    for p, q in zip(points, points[1:] + [None]):
        for e in edits:
            if e["start"] == e["end"] == p:
                out.append(f'<del class="qd-edit" data-edit="{e["n"]}" data-op="{_e(e["op"])}" '
                           f'data-category="{_e(e["category"])}" data-start="{p}" data-end="{p}" '
                           f'style="{DELETION_STYLE}" title="left out: {_e(e["reference_text"])}">'
                           f'{_e(e["reference_text"]) or "∅"}</del>' + (" " if q is not None and p < len(text)
                                                                          and not text[p].isspace() else ""))
        if q is None:
            break
        covering = [e for e in edits if e["start"] <= p and q <= e["end"] and e["start"] < e["end"]]
        segment = _e(text[p:q])
        for e in sorted(covering, key=lambda e: (e["end"] - e["start"], -e["n"])):  # outermost: the longest
            segment = (f'<mark class="qd-edit" data-edit="{e["n"]}" data-op="{_e(e["op"])}" '
                       f'data-category="{_e(e["category"])}" data-start="{e["start"]}" data-end="{e["end"]}" '
                       f'style="{MARK_STYLES.get(e["category"], "")}" '
                       f'title="{_e(e["op"])} ({_e(e["category"])}); reference: {_e(e["reference_text"])}">'
                       f'{segment}</mark>')
        out.append(segment)
    return "".join(out)


def card_html(analysis, utterance_id: str, labels: dict[str, str] | None = None) -> Html:
    """The card of one utterance as an HTML fragment (a ``<section>`` with inline styles; notebooks show it)."""
    labels = labels or source_labels(analysis.articles)
    utterances = analysis.utterances.set_index("utterance_id")
    row = utterances.loc[utterance_id]
    quotes = analysis.quotes
    versions = quotes[quotes["utterance_id"].astype(str) == str(utterance_id)].sort_values(
        ["source", "start"], kind="stable")
    edits = analysis.edits
    edits = edits[edits["utterance_id"].astype(str) == str(utterance_id)].reset_index(drop=True)
    numbered = [dict(r, n=i) for i, r in enumerate(edits.to_dict("records"))]
    urls = dict(zip(analysis.articles["source"], analysis.articles.get("url", pd.Series(dtype=str)).fillna("")))
    parts = [
        f'<section class="qd-card" data-utterance="{_e(utterance_id)}" style="max-width:{CARD_WIDTH_PX}px;'
        'border:1px solid #adb5bd;border-radius:6px;padding:12px 16px;margin:12px 0;font-family:sans-serif;'
        'font-size:14px;line-height:1.45;text-align:left;break-inside:avoid;background:#fff;color:#212529">',
        f'<h3 style="margin:0 0 6px 0;font-size:16px">{_e(utterance_title(utterance_id, row["reference_text"]))}</h3>',
        f'<p style="margin:0 0 8px 0;color:#495057">Speaker: <b>{_e(row["speaker"]) or "unknown"}</b> · '
        f'{len(versions)} version(s) in {versions["source"].nunique()} source(s) · reference: '
        f'{_e(labels.get(row["reference_source"], row["reference_source"]))} '
        f'({_e(row.get("reference_basis", ""))})</p>',
        f'<blockquote class="qd-reference" style="margin:0 0 10px 0;padding:6px 10px;border-left:4px solid #1c7ed6;'
        f'background:#e7f5ff;font-family:serif;font-size:15px">{_e(row["reference_text"])}</blockquote>',
    ]
    for version in versions.itertuples(index=False):
        parts.append(_version_html(analysis, version, labels, urls, numbered))
    parts.append(_edits_list(numbered, labels))
    parts.append('<p style="margin:8px 0 0 0;font-size:12px;color:#495057">Marks: '
                 f'<mark style="{MARK_STYLES["substantive"]}">substantive</mark> '
                 f'<mark style="{MARK_STYLES["editorial"]}">editorial</mark> '
                 f'<mark style="{MARK_STYLES["cosmetic"]}">cosmetic</mark> '
                 f'<del style="{DELETION_STYLE}">left out</del> against the reference; hover a mark for the '
                 'reference words.</p></section>')
    return Html("".join(parts))


def _version_html(analysis, version, labels: dict[str, str], urls: dict[str, str], numbered: list[dict]) -> str:
    text = analysis.texts[version.source]
    mine = [e for e in numbered if e["quote_id"] == version.quote_id]
    lo = min([int(version.start)] + [e["start"] for e in mine])
    hi = max([int(version.end)] + [e["end"] for e in mine])
    left, right = sentence_around(text, lo, hi)
    quoted = _marked(text, lo, hi, mine)
    context = (f'{_e(text[left:lo])}<span class="qd-quote" data-quote-id="{_e(version.quote_id)}" '
               f'style="font-weight:600">{quoted}</span>{_e(text[hi:right])}')
    who = [f"as printed: <b>{_e(version.speaker_mention) or '—'}</b>", f"cue: <b>{_e(version.cue) or '—'}</b>",
           f"relay: <b>{_e(version.relay) or '—'}</b>", f"kind: {_e(version.kind)}",
           f"characters {int(version.start)}–{int(version.end)}"]
    url = urls.get(version.source, "")
    link = f' · <a href="{_e(url)}" style="color:#1c7ed6;word-break:break-all">{_e(url)}</a>' if url else ""
    garbles = analysis.garbles
    inside = garbles[(garbles["source"] == version.source) & (garbles["start"] < int(version.end))
                     & (garbles["end"] > int(version.start))] if len(garbles) else garbles
    damage = "".join(f'<li class="qd-garble" data-start="{int(g.start)}" data-end="{int(g.end)}">{_e(g.kind)}: '
                     f'“{_e(g.text)}” {_e(g.detail)}</li>' for g in inside.itertuples(index=False))
    damage = f'<ul style="margin:2px 0 0 18px;color:#c92a2a;font-size:12px">{damage}</ul>' if damage else ""
    return (f'<div class="qd-version" data-source="{_e(version.source)}" data-quote-id="{_e(version.quote_id)}" '
            'style="margin:8px 0;padding-top:6px;border-top:1px solid #dee2e6">'
            f'<div style="font-weight:700">{_e(labels.get(version.source, version.source))}'
            f'<span style="font-weight:400;color:#868e96"> [{_e(version.source)}]</span>{link}</div>'
            f'<div style="font-family:serif;font-size:15px">{context}</div>'
            f'<div style="font-size:12px;color:#495057">{" · ".join(who)}</div>{damage}</div>')


def _edits_list(numbered: list[dict], labels: dict[str, str]) -> str:
    if not numbered:
        return '<p class="qd-no-edits" style="font-size:12px;color:#495057">No edits: every version reads as the reference.</p>'
    rows = "".join(
        f'<tr class="qd-edit-row" data-edit="{e["n"]}"><td>{_e(labels.get(e["source"], e["source"]))}</td>'
        f'<td>{_e(e["category"])}</td><td>{_e(e["op"])}</td><td>{_e(e["reference_text"])}</td>'
        f'<td>{_e(e["text"])}</td><td>{e["start"]}–{e["end"]}</td></tr>'
        for e in numbered)
    return ('<details style="font-size:12px;margin-top:6px"><summary>Edits against the reference '
            f'({len(numbered)})</summary><div style="overflow-x:auto"><table class="qd-edits" '
            'style="border-collapse:collapse;text-align:left"><thead><tr><th>outlet</th><th>category</th>'
            '<th>op</th><th>reference</th><th>printed</th><th>span</th></tr></thead>'
            f'<tbody>{rows}</tbody></table></div></details>')


def card_document(analysis, utterance_id: str, labels: dict[str, str] | None = None) -> str:
    """A standalone, printable HTML page holding one card."""
    title = utterance_title(utterance_id, analysis.utterances.set_index("utterance_id").at[utterance_id,
                                                                                          "reference_text"])
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<title>{_e(title)}</title><style>@media print {{ details {{ display:block }} }} '
            'body { margin:16px; background:#fff }</style></head><body>'
            f'{card_html(analysis, utterance_id, labels)}</body></html>\n')


def write_cards(analysis, folder: str | Path, png: bool = False) -> list[Path]:
    """Write one standalone card per utterance printed by two or more sources (``<utterance_id>.html``, with ``png`` also ``.png``) and an
    ``index.html`` into ``folder``; returns the card paths. Raises RuntimeError if ``png`` is asked and no
    Chromium is installed."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    labels = source_labels(analysis.articles)
    written = []
    links = []
    for row in shared_utterances(analysis.utterances).itertuples(index=False):
        path = folder / f"{row.utterance_id}.html"
        path.write_text(card_document(analysis, row.utterance_id, labels), encoding="utf-8")
        written.append(path)
        links.append(f'<li><a href="{_e(path.name)}">{_e(utterance_title(row.utterance_id, row.reference_text))}</a>'
                     f' — {_e(row.speaker) or "speaker unknown"}, {int(row.n_sources)} sources</li>')
    (folder / "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Cards</title></head><body>'
        f'<h1>{len(written)} utterance cards: {_e(analysis.corpus.name)}</h1><ul>{"".join(links)}</ul>'
        '</body></html>\n', encoding="utf-8")
    if png:
        for path in written:
            screenshot(path, path.with_suffix(".png"))
    return written


def chromium() -> str | None:
    """The headless browser on this machine, if any (``chromium``, ``chromium-browser``, ``google-chrome``)."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(page: Path, png: Path, width: int = CARD_WIDTH_PX + 40, height: int | None = None) -> None:
    """A PNG of an HTML page by headless Chromium (no network; the page is a local file)."""
    browser = chromium()
    if browser is None:
        raise RuntimeError("no Chromium found for PNG cards (install it: apt-get install -y chromium)")
    height = height or estimated_height(page.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="quotedrift-chromium-") as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={profile}", f"--window-size={width},{height}",
                        f"--screenshot={png}", page.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)
    crop_white(png)


CROP_MARGIN_PX = 12


def crop_white(png: Path) -> None:
    """Cut the blank window space below (and beside) the card out of a screenshot."""
    from PIL import Image, ImageChops

    with Image.open(png) as image:
        rgb = image.convert("RGB")
    box = ImageChops.difference(rgb, Image.new("RGB", rgb.size, "white")).getbbox()
    if box:
        left, top, right, bottom = box
        rgb.crop((max(0, left - CROP_MARGIN_PX), max(0, top - CROP_MARGIN_PX), min(rgb.width, right + CROP_MARGIN_PX),
                  min(rgb.height, bottom + CROP_MARGIN_PX))).save(png, optimize=True)


def estimated_height(document: str) -> int:
    """A window height (px) that holds a card: its versions and text length, generously."""
    versions = document.count('class="qd-version"')
    text = len(re.sub(r"<[^>]+>", "", document))
    return 220 + 110 * versions + text // 4
