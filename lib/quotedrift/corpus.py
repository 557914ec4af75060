"""Stage 1: load a corpus folder into article texts, a manifest-backed ``articles`` table and boilerplate spans.

Input contract (see DESIGN.md): article files (``.txt``, ``.md``, ``.html``, ``.htm``) directly in the
folder, a source's id is its file stem, and an optional ``sources.csv`` manifest describes them.

Texts are decoded (UTF-8, UTF-8/UTF-16 with BOM, cp1252 fallback, reported in ``encoding``), line endings
normalised to ``\\n``, HTML reduced to its main text with trafilatura (scripts never run). Every later span
is an offset into these texts. Input files are only ever read.

``articles`` columns
    source, file, outlet, published, url, role, speaker, notes, encoding, language, language_score (0–1),
    language_method ("english function words": share of English function words in the first 1,500
    characters; "py3langid": the detector's probability),
    in_scope (English articles are scored; others are listed and left out), words, chars, and any extra
    manifest columns. For HTML pages, outlet, published, url and title left empty by the manifest are read
    from the page's own metadata (``html_page_metadata``).

``boilerplate`` columns (one row per span of page chrome, link residue, repeated text or wire furniture)
    source, start, end, text, kind (``boilerplate`` | ``duplicated_text``: damage, counted as garbles;
    ``furniture``: a byline, the reporter's e-mail, a wire end mark — kept out of quotation search, not
    counted), detail.
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import InputError
from .text import count_words, iter_lines, mask_spans, trim_span
from .wording import STOPWORDS

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MANIFEST = "sources.csv"
ROLES = ("report", "primary")
MANIFEST_COLUMNS = ("file", "outlet", "published", "url", "role", "speaker", "notes")
ARTICLE_COLUMNS = (
    "source", "file", "outlet", "published", "url", "role", "speaker", "notes",
    "encoding", "language", "language_score", "language_method", "in_scope", "words", "chars",
)
SPAN_COLUMNS = ("source", "start", "end", "text", "kind", "detail")
SCORED_LANGUAGE = "en"
# English function words that are not also common words of French, German, Spanish, Italian or Dutch
ENGLISH_FUNCTION_WORDS = STOPWORDS - {"a", "an", "am", "in", "on", "so", "me", "i", "was", "will", "also", "her",
                                      "here", "once", "us", "no", "do", "he", "die", "as", "is", "at"}
MIN_SAMPLE_WORDS = 30
MIN_ENGLISH_SHARE = 0.15
_LETTER_WORD_RE = re.compile(r"[^\W\d_]+")
LANGUAGE_SAMPLE_CHARS = 1500  # enough for a confident guess (about 250 words); keeps detection fast
# Stated limits (README, "Bad input"). The largest article: ten times the longest page a news site serves
# (the longest article in seeds/ and corpora/ is under 60 KB), and one that analyze() handles in well under a
# minute even on one line (benchmarks/pathological.py). The largest manifest field: Python's csv default.
MAX_ARTICLE_BYTES = 10_000_000
MAX_MANIFEST_FIELD = 131_072
# A valid UTF-8 multi-byte sequence: a file holding one is UTF-8 (cp1252 text practically never forms one),
# so a stray byte in it is an error at that byte, not a reason to read the whole file as cp1252.
_UTF8_MULTIBYTE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


class CorpusError(InputError):
    """Bad input: the message is one line naming the file (and manifest line) and what is wrong."""


def shown(name: str | Path) -> str:
    """A file name as printed in a message (escaped: no raw newline, control character or undecodable byte)."""
    from .outdir import shown as escaped

    return escaped(name.name if isinstance(name, Path) else name)


@dataclass
class Corpus:
    """A loaded corpus: texts by source id, the ``articles`` table and the ``boilerplate`` spans."""

    folder: Path
    texts: dict[str, str]
    articles: pd.DataFrame
    boilerplate: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    _spans_by_source: dict[str, list[tuple[int, int]]] | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.folder.name

    def searchable_text(self, source: str) -> str:
        """The article text with its boilerplate spans blanked out (same length, same offsets)."""
        return mask_spans(self.texts[source], self.boilerplate_spans_of(source))

    def boilerplate_spans_of(self, source: str) -> list[tuple[int, int]]:
        """(start, end) of one article's boilerplate spans (grouped once for the whole corpus)."""
        if self._spans_by_source is None:
            grouped: dict[str, list[tuple[int, int]]] = {}
            for src, start, end in self.boilerplate[["source", "start", "end"]].itertuples(index=False, name=None):
                grouped.setdefault(src, []).append((int(start), int(end)))
            self._spans_by_source = grouped
        return self._spans_by_source.get(source, [])


# ---------------------------------------------------------------------------------------------- decoding


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode file bytes; returns (text, encoding). Raises CorpusError for empty, binary or undecodable input."""
    if not data.strip():
        raise CorpusError(f"{name}: the file is empty")
    name = shown(name)
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name, offset=3), "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: FF FE starts both
        return _strict(data, "utf-32", name), "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name), "utf-16"
    if b"\x00" in data[:8192]:
        raise CorpusError(f"{name}: looks like a binary file (NUL bytes), not an article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        if _UTF8_MULTIBYTE_RE.search(data):
            raise CorpusError(f"{name}: undecodable bytes: byte 0x{data[err.start]:02x} at offset {err.start} is not "
                              "valid UTF-8 (the rest of the file is UTF-8)") from None
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as err:
        raise CorpusError(
            f"{name}: undecodable bytes: byte 0x{data[err.start]:02x} at offset {err.start} is neither UTF-8 nor cp1252"
        ) from None


def _strict(data: bytes, encoding: str, name: str, offset: int = 0) -> str:
    """Decode all of ``data`` (``offset``: bytes before it in the file, for the message)."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise CorpusError(f"{name}: undecodable bytes at offset {err.start + offset} for {encoding}") from None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading BOM character is dropped."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def html_main_text(html: str, name: str) -> str:
    """The main text of an HTML page (trafilatura; nothing in the page is executed)."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    extracted = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True,
        include_links=False, include_images=False, deduplicate=False, favor_recall=True,
    )
    if not extracted or not extracted.strip():
        raise CorpusError(f"{shown(name)}: no article text could be extracted from the HTML")
    return normalise_newlines(extracted)


# Manifest fields an HTML page can fill from its own metadata, and the trafilatura attribute each comes from.
PAGE_METADATA_FIELDS = {"outlet": "sitename", "published": "date", "title": "title", "url": "url"}


def html_page_metadata(html: str) -> dict[str, str]:
    """Outlet (site name), publication date, title and URL that an HTML page states about itself
    (``og:site_name``, ``article:published_time``, ``<title>``, canonical link…, read by trafilatura).
    Fields the page does not state are left out; nothing in the page is executed."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    found = trafilatura.extract_metadata(html)
    if found is None:
        return {}
    values = {name: getattr(found, attribute, None) for name, attribute in PAGE_METADATA_FIELDS.items()}
    return {name: str(value).strip() for name, value in values.items() if value and str(value).strip()}


def with_page_metadata(path: Path, meta: dict) -> dict:
    """The manifest row of an HTML article, its empty fields filled from the page's own metadata
    (the manifest always wins; non-HTML files are returned as given)."""
    if path.suffix.lower() not in (".html", ".htm"):
        return meta
    missing = [name for name in PAGE_METADATA_FIELDS if not str(meta.get(name) or "").strip()]
    if not missing:
        return meta
    text, _ = decode_bytes(path.read_bytes(), path.name)
    page = html_page_metadata(normalise_newlines(text))
    return {**meta, **{name: page[name] for name in missing if name in page}}


def read_article(path: Path) -> tuple[str, str]:
    """Read one article file: (text, encoding). Files over MAX_ARTICLE_BYTES are refused before reading."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise CorpusError(f"{shown(path)}: {size:,} bytes is over the limit of {MAX_ARTICLE_BYTES:,} bytes "
                              "for one article")
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(f"{shown(path)}: cannot be read ({err.strerror or err})") from None
    text, encoding = decode_bytes(data, path.name)
    text = normalise_newlines(text)
    if path.suffix.lower() in (".html", ".htm"):
        text = html_main_text(text, path.name)
    if not text.strip():
        raise CorpusError(f"{shown(path)}: the file has no text")
    return text, encoding


# ---------------------------------------------------------------------------------------------- manifest


def article_files(folder: Path) -> dict[str, Path]:
    """Article files directly in the folder, by source id (file stem). Two files with one stem are an error."""
    files: dict[str, Path] = {}
    try:
        listed = sorted(folder.iterdir())
    except OSError as err:
        raise CorpusError(f"{shown(str(folder))}: the folder cannot be listed ({err.strerror or err})") from None
    for path in listed:
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
            _check_name(path)
            _check_inside(folder, path)
            if path.stem in files:
                raise CorpusError(
                    f"{shown(path)}: has the same source id '{shown(path.stem)}' as {shown(files[path.stem])}"
                )
            files[path.stem] = path
    return files


def _check_name(path: Path) -> None:
    """A file name must be text: one with undecodable bytes could not be written into the UTF-8 tables."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise CorpusError(f"{shown(path)}: the file name is not valid UTF-8; rename the file") from None


def _check_inside(folder: Path, path: Path) -> None:
    """A symbolic link may point only at a file inside the corpus folder (nothing outside it is read)."""
    if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
        raise CorpusError(f"{shown(path)}: is a symbolic link to a file outside the corpus folder; "
                          "copy the file into the folder instead")


def read_manifest(folder: Path, files: dict[str, Path]) -> pd.DataFrame:
    """Read and check ``sources.csv``; an absent manifest is an empty table."""
    path = folder / MANIFEST
    if not os.path.lexists(path):
        return pd.DataFrame(columns=list(MANIFEST_COLUMNS))
    if not path.is_file():
        raise CorpusError(f"{MANIFEST}: is not a file (a folder, a dangling link or a device)")
    _check_inside(folder, path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(f"{MANIFEST}: cannot be read ({err.strerror or err})") from None
    try:
        raw = normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise CorpusError(f"{MANIFEST}: undecodable bytes at offset {err.start} (the manifest must be UTF-8)") from None
    if "\x00" in raw:
        raise CorpusError(f"{MANIFEST}: holds NUL bytes at offset {raw.index(chr(0))}; it is not a CSV text file")
    rows, header = _parse_manifest(raw)
    if "file" not in header:
        raise CorpusError(f"{MANIFEST}: no 'file' column in the header row")
    by_name = {p.name: p for p in files.values()}
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        _check_manifest_row(folder, row, line, by_name, seen)
    table = pd.DataFrame(rows, columns=header, dtype=object).fillna("")
    return table.rename(columns=str.strip)


def _parse_manifest(raw: str) -> tuple[list[dict], list[str]]:
    """Rows and header of the manifest; a field over MAX_MANIFEST_FIELD characters is refused by line."""
    reader = csv.DictReader(io.StringIO(raw))
    try:
        csv.field_size_limit(MAX_MANIFEST_FIELD)
        rows = list(reader)
    except csv.Error as err:
        limit = f" (the limit for one field is {MAX_MANIFEST_FIELD:,} characters)" if "larger" in str(err) else ""
        raise CorpusError(f"{MANIFEST} line {reader.line_num}: {err}{limit}") from None
    header = list(reader.fieldnames or [])
    return rows, header


def _check_manifest_row(folder: Path, row: dict, line: int, by_name: dict, seen: set) -> None:
    where = f"{MANIFEST} line {line}"
    name = (row.get("file") or "").strip()
    if not name:
        raise CorpusError(f"{where}: the 'file' field is empty")
    candidate = Path(name)
    inside = not candidate.is_absolute() and ".." not in candidate.parts and len(candidate.parts) == 1
    if not inside or not (folder / candidate).resolve().is_relative_to(folder.resolve()):
        raise CorpusError(f"{where}: '{shown(name)}' is not a file directly inside the corpus folder")
    if name not in by_name:
        if (folder / name).exists():
            raise CorpusError(f"{where}: '{shown(name)}' is not an article file ({', '.join(ARTICLE_SUFFIXES)})")
        raise CorpusError(f"{where}: '{shown(name)}' does not exist in the corpus folder")
    if name in seen:
        raise CorpusError(f"{where}: '{shown(name)}' is listed twice")
    seen.add(name)
    role = (row.get("role") or "").strip() or "report"
    if role not in ROLES:
        raise CorpusError(f"{where}: role '{shown(role)}' is neither 'report' nor 'primary'")


# ---------------------------------------------------------------------------------------------- language


def detect_language(text: str) -> tuple[str, float, str]:
    """ISO 639-1 code of the text's language, a 0–1 score and how it was decided.

    A stopword test first: English news prose is 19–45 % English-only function words, French and German 0 %
    (measured on the corpora this was built with), so a sample with at least ``MIN_ENGLISH_SHARE`` of them is
    English, scored by that share. Anything else goes to py3langid (offline), scored by its probability.
    """
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    letters = _LETTER_WORD_RE.findall(sample.lower())
    share = sum(word in ENGLISH_FUNCTION_WORDS for word in letters) / len(letters) if letters else 0.0
    if len(letters) >= MIN_SAMPLE_WORDS and share >= MIN_ENGLISH_SHARE:
        return "en", round(share, 3), "english function words"
    code, score = _language_identifier().classify(sample)
    return str(code), round(float(score), 3), "py3langid"


@functools.cache
def _language_identifier():
    """The py3langid model with normalised probabilities, loaded once from the package's own data."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


# ---------------------------------------------------------------------------------------------- boilerplate

_BULLET = r"(?:[•·▪●◦*\-–]\s*)?"
BOILERPLATE_LINES: tuple[tuple[str, str], ...] = (
    (r"date \d{4}-\d{2}-\d{2}(?: \(@\w+\))?(?:\s+(?:scorecardresearch|advertisement))?",
     "scraper header line (crawl date and account)"),
    (r"(?:date \d{4}-\d{2}-\d{2}(?: \(@\w+\))?\s+)?(?=.*\bsign(?:ing)?[- ]up\b)(?=.*\b(?:e-?mails?|inbox|newsletters?)\b)"
     r"(?=.*\b(?:privacy (?:notice|policy)|valid e-?mail|unsubscribe)\b)[^\"“”]*",
     "newsletter sign-up block"),
    (r"(?:facebook|twitter|kakao|mail|e-?mail|link|whatsapp|linkedin|telegram|reddit|pinterest|print) share button",
     "share-button list"),
    (r"share (?:on|via|to) (?:facebook|twitter|whatsapp|linkedin|telegram|reddit|email)", "share-button list"),
    (r"(?:share|share this(?: article)?|tweet|print|email|copy link)\s*:?", "share-button list"),
    (r"settings", "page settings widget"),
    (r"ⓕ?\s*font-?size", "font-size widget"),
    (r"[+-]?\d", "font-size widget (size step)"),
    (r"x|close|menu|search|go top(?: letter)?", "page navigation control"),
    (r"top \d+ (?:stories|news)|most (?:read|popular|viewed)(?: stories)?|related (?:articles|stories|news)",
     "list of other stories"),
    (r"advertisement|sponsored(?: content)?", "advertisement marker"),
    (r"scorecardresearch", "tracking-pixel residue ('scorecardresearch')"),
    (r"www\.[\w.-]+(?:/\S*)?(?: \([\w.]+\))?", "web address footer"),
    (r"date: [\d/.-]+ \| source: .*", "aggregator header (date, source, link to the original)"),
    (r"\([^()/\n]{2,60}/[^()/\n]{2,60}\)", "photo credit (photographer / agency)"),
    (r"source link|source", "scraper footer ('Source link')"),
    (r"leave a reply|leave a comment|your email address will not be published\.?|required fields are marked \*?",
     "comment-form footer"),
    (r"(?:read more|also read|see also|read also|related)\s*:.*", "link to another story ('Read more: …')"),
    (r"read more", "link to another story ('Read more')"),
    (r"short link:.*", "short-link widget"),
    (r"connect with us|follow us.*|subscribe(?: now)?|sign up for .*newsletter.*|download our .*app.*",
     "site promotion"),
    (r"skip to (?:main )?content|arrow-right camera.*|loading\.\.\.|click to share.*", "page navigation control"),
    (r"(?:copyright|©).*|all rights reserved\.?", "copyright footer"),
    (r"nk news is hiring.*", "site sidebar"),
)
# Wire furniture: lines that belong to a wire story's format, not to its prose (a byline, the reporter's
# e-mail, the end mark). They are kept out of quotation search but are not damage: kind ``furniture``.
FURNITURE_LINES: tuple[tuple[str, str], ...] = (
    (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "byline e-mail address"),
    (r"(?i:by)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}", "byline"),
    (r"\(end\)", "wire end mark '(END)'"),
)
_FURNITURE_RES = tuple((re.compile(pattern, re.IGNORECASE), reason) for pattern, reason in FURNITURE_LINES)
# A line after which nothing belongs to the article: a sidebar header ("More From ZNA.zz (En)") or a wire
# service's end mark ("(END)"). That line and every later line are boilerplate.
TAIL_HEADERS: tuple[tuple[str, str], ...] = (
    (r"more from [\w .&()'’-]{2,60}", "sidebar of other stories"),
    (r"\(end\)", "text after the wire end mark '(END)'"),
)
_TAIL_RES = tuple((re.compile(rf"{_BULLET}(?:{pattern})", re.IGNORECASE), reason) for pattern, reason in TAIL_HEADERS)
# A photo caption printed between paragraphs: a short line without sentence punctuation or quotation marks
# that ends in a person's name ("Jane Doe", "Ministry of Defence spokeswoman Jane Doe").
CAPTION_MAX_WORDS = 12
CAPTION_FUNCTION_WORDS = frozenset("a an the of for and or in on at to by with from as".split())
_CAPTION_SHAPE = re.compile(r"[^.!?:;\"“”‘’«»|@/]+")
_BOILERPLATE_RES = tuple(
    (re.compile(rf"{_BULLET}(?:{pattern})", re.IGNORECASE), reason) for pattern, reason in BOILERPLATE_LINES
)
MIN_DUPLICATE_CHARS = 25


def boilerplate_spans(text: str) -> list[dict]:
    """Spans of page chrome (whole lines matching a known widget or footer) and of repeated lines.

    A repeated line (at least 25 characters, compared case- and space-insensitively) is reported on its
    later copies as ``duplicated_text``: the first copy stays searchable. After a sidebar header ("More From
    ZNA.zz (En)") or a wire end mark ("(END)") every line is boilerplate; a short line without sentence
    punctuation or quotation marks that ends in a full name is a photo caption (never the first line).
    """
    spans: list[dict] = []
    seen: dict[str, int] = {}
    tail: str | None = None
    first_line = True
    for number, (start, end, line) in enumerate(iter_lines(text), start=1):
        s, e = trim_span(text, start, end)
        if s == e:
            continue
        content = text[s:e]
        furniture = _furniture_reason(content)
        if tail is None:
            tail = _tail_reason(content)
        if furniture:
            spans.append({"start": s, "end": e, "kind": "furniture", "detail": furniture})
            continue
        if tail is not None:
            spans.append({"start": s, "end": e, "kind": "boilerplate", "detail": tail})
            continue
        reason = _chrome_reason(content) or (None if first_line else _caption_reason(content))
        first_line = False
        if reason:
            spans.append({"start": s, "end": e, "kind": "boilerplate", "detail": reason})
            continue
        key = " ".join(content.lower().split())
        if len(key) >= MIN_DUPLICATE_CHARS:
            if key in seen:
                spans.append({"start": s, "end": e, "kind": "duplicated_text",
                              "detail": f"repeats line {seen[key]} word for word (a caption or paragraph printed twice)"})
            else:
                seen[key] = number
    return _merge_adjacent(text, spans)


def _furniture_reason(line: str) -> str | None:
    for pattern, reason in _FURNITURE_RES:
        if pattern.fullmatch(line):
            return reason
    return None


def _tail_reason(line: str) -> str | None:
    for pattern, reason in _TAIL_RES:
        if pattern.fullmatch(line):
            return f"{reason} (everything after ‘{line}’)"
    return None


def _caption_reason(line: str) -> str | None:
    """A photo caption: a short line, no sentence punctuation or quotation marks, ending in a full name
    (never the first line, which is the headline)."""
    if len(line.split()) > CAPTION_MAX_WORDS or not _CAPTION_SHAPE.fullmatch(line):
        return None
    from .people.names import find_person_names

    names = [n for n in find_person_names(line) if len(n[2].split()) >= 2]
    if not names or names[-1][1] != len(line.rstrip(" ,")):
        return None
    before = line[:names[-1][0]].split()
    # a name alone, or a title in running words before it ("national security spokesman"); not a Title Case
    # headline or subhead that happens to end in two capitalised words ("Censures Japanese Media for False Report")
    if not before or any(w.islower() and w not in CAPTION_FUNCTION_WORDS for w in before):
        return "photo caption (a name on a line of its own)"
    return None


def _chrome_reason(line: str) -> str | None:
    for pattern, reason in _BOILERPLATE_RES:
        if pattern.fullmatch(line):
            return reason
    return None


def _merge_adjacent(text: str, spans: list[dict]) -> list[dict]:
    """Merge chrome spans separated only by white space and sharing a reason (a widget over several lines)."""
    merged: list[dict] = []
    for span in spans:
        previous = merged[-1] if merged else None
        if (previous and previous["kind"] == span["kind"] == "boilerplate"
                and previous["detail"].split(" (")[0] == span["detail"].split(" (")[0]
                and not text[previous["end"]:span["start"]].strip()):
            previous["end"] = span["end"]
        else:
            merged.append(dict(span))
    return merged


# ---------------------------------------------------------------------------------------------- loading


def load_corpus(folder: str | Path) -> Corpus:
    """Load a corpus folder. Raises CorpusError (one line: file, manifest line, problem) on bad input."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"{shown(str(folder))}: not a folder")
    files = article_files(folder)
    if not files:
        raise CorpusError(f"{shown(str(folder))}: no article files ({', '.join(ARTICLE_SUFFIXES)}) in the folder")
    manifest = read_manifest(folder, files)
    described = {row["file"].strip(): row for row in manifest.to_dict("records")}
    texts: dict[str, str] = {}
    rows: list[dict] = []
    spans: list[dict] = []
    notes: list[str] = []
    jobs = [(source, path, described.get(path.name, {})) for source, path in files.items()]
    for (source, path, _), (text, encoding, chrome, row) in zip(jobs, map(load_article, jobs)):
        texts[source] = text
        if encoding == "cp1252":
            notes.append(f"{shown(path)}: not valid UTF-8; decoded as cp1252 (Windows-1252)")
        spans += [{"source": source, "text": text[s["start"]:s["end"]], **s} for s in chrome]
        rows.append(row)
    articles = pd.DataFrame(rows)
    # HTML pages (or a manifest column) may give a title; every other article gets an empty one
    articles["title"] = articles["title"].fillna("") if "title" in articles else ""
    ordered = [c for c in ARTICLE_COLUMNS] + [c for c in articles.columns if c not in ARTICLE_COLUMNS]
    articles = articles[ordered].sort_values("source", kind="stable").reset_index(drop=True)
    for row in articles.itertuples():
        if not row.in_scope:
            notes.append(f"{row.file}: language '{row.language}', not English: listed but left out of the scores")
    boilerplate = pd.DataFrame(spans, columns=list(SPAN_COLUMNS))
    boilerplate = boilerplate.sort_values(["source", "start"], kind="stable").reset_index(drop=True)
    return Corpus(folder=folder, texts=texts, articles=articles, boilerplate=boilerplate, notes=notes)


def load_article(job: tuple[str, Path, dict]) -> tuple[str, str, list[dict], dict]:
    """One article, (source, path, manifest row) → (text, encoding, boilerplate spans, ``articles`` row)."""
    source, path, meta = job
    text, encoding = read_article(path)
    meta = with_page_metadata(path, meta)
    chrome = boilerplate_spans(text)
    return text, encoding, chrome, _article_row(source, path, text, encoding, chrome, meta)


def _article_row(source: str, path: Path, text: str, encoding: str, chrome: list[dict], meta: dict) -> dict:
    body = mask_spans(text, [(s["start"], s["end"]) for s in chrome])
    language, score, method = detect_language(body if body.strip() else text)
    row = {
        "source": source,
        "file": path.name,
        "outlet": (meta.get("outlet") or "").strip() or source,
        "published": (meta.get("published") or "").strip(),
        "url": (meta.get("url") or "").strip(),
        "role": (meta.get("role") or "").strip() or "report",
        "speaker": (meta.get("speaker") or "").strip(),
        "notes": (meta.get("notes") or "").strip(),
        "encoding": encoding,
        "language": language,
        "language_score": score,
        "language_method": method,
        "in_scope": language == SCORED_LANGUAGE,
        "words": count_words(text),
        "chars": len(text),
    }
    for key, value in meta.items():
        if key and key not in row:
            row[key] = value
    return row
