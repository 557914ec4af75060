"""A hostile and a clumsy user (issue 13): every case is built in a temporary folder at test time and run
through ``quotedrift analyze``. Each asserts the exit code, one line on stderr naming the problem, no
traceback, nothing written on error (the whole temporary tree is byte-identical afterwards) and input
files byte-identical after a successful run too; a successful run's spans all hold their text."""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from pathlib import Path

import pandas as pd
import pytest
from span_claims import false_spans

from quotedrift import cli
from quotedrift.analysis import TABLES
from quotedrift.corpus import MAX_ARTICLE_BYTES, MAX_MANIFEST_FIELD
from quotedrift.outdir import MARKER

ARTICLE = ('Kwon Jong Gun, director-general of the U.S. affairs department, said on Sunday: "The U.S. is '
           'making a grave provocation." He added that "we will respond," according to the Korean Central '
           'News Agency.\n\n"It is over," Kwon said.\n')
CASES: dict[str, object] = {}


def case(name: str):
    def register(build):
        CASES[name] = build
        return build
    return register


def corpus(tmp: Path, files: dict[str, bytes | str] | None = None, name: str = "corpus") -> Path:
    """A corpus folder under ``tmp`` holding ``files`` (text is written as UTF-8); one good article by default."""
    folder = tmp / name
    folder.mkdir(parents=True, exist_ok=True)
    for file, data in (files if files is not None else {"a.txt": ARTICLE}).items():
        path = folder / os.fsdecode(file) if isinstance(file, bytes) else folder / file
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return folder


def run(folder, out, *extra, code=0, says=None):
    return {"argv": ["analyze", str(folder), "--out", str(out), *extra], "code": code, "says": says, "out": out}


def good(files, **kwargs):
    """A case that must succeed on these files."""
    return lambda tmp: run(corpus(tmp, files), tmp / "out", **kwargs)


def bad(files, says, **kwargs):
    """A case refused with one line holding ``says``."""
    return lambda tmp: run(corpus(tmp, files), tmp / "out", code=2, says=says, **kwargs)


# ------------------------------------------------------------------------------------------- encodings

STRAY = ARTICLE.encode("utf-8").replace(b"Sunday", b"Sun\xffday")
STRAY_AT = STRAY.index(b"\xff")  # the true offset of the stray byte
CURLY = ("“" + ARTICLE + "”").encode("utf-8")  # curly marks hold 0x9d, a byte cp1252 cannot decode
for name, data in {
    "utf8": ARTICLE.encode("utf-8"),
    "utf8-bom": codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
    "utf16-le-bom": ARTICLE.encode("utf-16"),
    "utf16-be-bom": codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    "utf32-le-bom": codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le"),
    "utf32-be-bom": codecs.BOM_UTF32_BE + ARTICLE.encode("utf-32-be"),
    "cp1252-curly": ARTICLE.replace('"', "“", 1).replace('"', "”", 1).encode("cp1252"),
    "latin1-accents": ("Le président a dit: « Non ». " + ARTICLE).encode("latin-1", "replace"),
    "crlf": ARTICLE.replace("\n", "\r\n").encode("utf-8"),
    "lone-cr": ARTICLE.replace("\n", "\r").encode("utf-8"),
    "mixed-newlines": ARTICLE.replace("\n\n", "\r\n\r").encode("utf-8"),
    "no-final-newline": ARTICLE.strip().encode("utf-8"),
    "tabs-and-nbsp": ARTICLE.replace(" ", "\u00a0", 5).replace("\n", "\t\n").encode("utf-8"),
    "zero-width-and-emoji": ("\u200b🙂 " + ARTICLE).encode("utf-8"),
    "ascii-with-one-high-byte": STRAY,  # no UTF-8 sequence anywhere: cp1252 ('ÿ'), with a note
}.items():
    case(f"encoding-{name}")(good({"a.txt": data}))

for name, (data, says) in {
    "utf8-stray-byte": (STRAY.replace(b"Kwon", "Kwŏn".encode("utf-8"), 1), f"byte 0xff at offset {STRAY_AT + 1} is "
                        "not valid UTF-8"),
    "utf8-stray-byte-curly": (CURLY.replace(b"Sunday", b"Sun\xffday"),
                              f"byte 0xff at offset {CURLY.index(b'Sunday') + 3} is not valid UTF-8"),
    "utf8-bom-then-bad": (codecs.BOM_UTF8 + b"ok \xc3 then", "offset 6 for utf-8"),
    "cp1252-undefined-byte": (b"plain ascii \x81 text", "byte 0x81 at offset 12 is neither UTF-8 nor cp1252"),
    "utf16-no-bom": (ARTICLE.encode("utf-16-le"), "binary file"),
    "utf16-odd-length": (ARTICLE.encode("utf-16") + b"x", "for utf-16"),
    "utf32-truncated": (ARTICLE.encode("utf-32")[:-2], "for utf-32"),
    "empty": (b"", "the file is empty"),
    "only-whitespace": (b" \n\r\n\t ", "the file is empty"),
    "only-bom": (codecs.BOM_UTF8, "the file has no text"),
    "binary-png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    "binary-zeros": (bytes(64), "binary file"),
    "html-without-text": (b"<html><head><script>alert(1)</script></head><body></body></html>", "no article text"),
}.items():
    case(f"encoding-{name}")(bad({"a.html" if name.startswith("html") else "a.txt": data}, says))


@case("huge-article-over-the-limit")
def _(tmp):
    folder = corpus(tmp)
    with open(folder / "huge.txt", "wb") as handle:  # sparse: the size is over the limit, nothing is read
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    return run(folder, tmp / "out", code=2, says=f"over the limit of {MAX_ARTICLE_BYTES:,} bytes")


# ---------------------------------------------------------------------------------------- folders, files

case("folder-empty")(bad({}, "no article files"))
case("folder-only-other-files")(bad({"a.pdf": b"%PDF-1.4", "notes.docx": b"PK"}, "no article files"))
case("same-stem-twice")(bad({"a.txt": ARTICLE, "a.md": ARTICLE}, "same source id"))
case("same-stem-case-of-suffix")(bad({"a.txt": ARTICLE, "a.TXT": ARTICLE}, "same source id"))
case("upper-case-suffix")(good({"A.TXT": ARTICLE}))
case("html-nested-50000-deep")(bad({"a.html": "<html><body>" + "<div>" * 50000 + ARTICLE + "</div>" * 50000},
                                   "no article text"))
case("html-huge-attribute")(good({"a.html": f"<html><body><p title='{'x' * 500_000}'>{ARTICLE}</p></body></html>"}))
case("html-tag-soup")(bad({"a.html": "<<<<>>>>" * 1000}, "no article text"))
case("nul-bytes-after-the-first-8k")(good({"a.txt": ARTICLE * 40 + "\x00\x00" + ARTICLE}))
case("control-characters-in-the-text")(good({"a.txt": ARTICLE.replace(" ", "\x07\x1b[2J ", 3) + "\x0c\x0b"}))
case("markdown-article")(good({"a.md": "# Title\n\n" + ARTICLE}))
case("html-article")(good({"a.html": f"<html><body><article><p>{ARTICLE}</p></article></body></html>"}))


@case("corpus-is-a-file")
def _(tmp):
    (tmp / "file.txt").write_text(ARTICLE)
    return run(tmp / "file.txt", tmp / "out", code=2, says="not a folder")


@case("corpus-missing")
def _(tmp):
    return run(tmp / "nowhere", tmp / "out", code=2, says="not a folder")


@case("folder-named-like-an-article-is-ignored")
def _(tmp):
    folder = corpus(tmp)
    (folder / "sub.txt").mkdir()
    return run(folder, tmp / "out")


@case("fifo-named-like-an-article-is-never-read")
def _(tmp):
    folder = corpus(tmp)
    os.mkfifo(folder / "pipe.txt")
    return run(folder, tmp / "out")


# --------------------------------------------------------------------------------------------- manifest

HEADER = "file,outlet,published,url,role,speaker,notes\n"
for name, (text, says) in {
    "manifest-missing-file": (HEADER + "b.txt,X,,,report,,\n", "line 2: 'b.txt' does not exist"),
    "manifest-parent-path": (HEADER + "../a.txt,X,,,report,,\n", "not a file directly inside"),
    "manifest-absolute-path": (HEADER + "/etc/passwd,X,,,report,,\n", "not a file directly inside"),
    "manifest-subfolder-path": (HEADER + "sub/a.txt,X,,,report,,\n", "not a file directly inside"),
    "manifest-listed-twice": (HEADER + "a.txt,X,,,,,\na.txt,Y,,,,,\n", "line 3: 'a.txt' is listed twice"),
    "manifest-bad-role": (HEADER + "a.txt,X,,,editor,,\n", "role 'editor'"),
    "manifest-empty-file-field": (HEADER + ",X,,,report,,\n", "line 2: the 'file' field is empty"),
    "manifest-no-file-column": ("name,outlet\na.txt,X\n", "no 'file' column"),
    "manifest-empty": ("", "no 'file' column"),
    "manifest-not-an-article": (HEADER + "notes.pdf,X,,,,,\n", "'notes.pdf' is not an article file"),
    "manifest-newline-in-name": (HEADER + '"b\nc.txt",X,,,,,\n', "'b\\nc.txt' does not exist"),
    "manifest-escape-in-role": (HEADER + "a.txt,X,,,\x1b[31mred,,\n", "role '\\x1b[31mred'"),
    "manifest-field-over-the-limit": (HEADER + "a.txt,X,,,,," + "n" * (MAX_MANIFEST_FIELD + 1) + "\n",
                                      f"the limit for one field is {MAX_MANIFEST_FIELD:,} characters"),
    "manifest-nul-byte": (HEADER + "a.txt,X\x00,,,,,\n", "NUL bytes"),
}.items():
    case(name)(bad({"a.txt": ARTICLE, "notes.pdf": b"%PDF", "sources.csv": text}, says))

case("manifest-not-utf8")(bad({"a.txt": ARTICLE, "sources.csv": (HEADER + "a.txt,Caf\xe9,,,,,\n").encode("latin-1")},
                              "sources.csv: undecodable bytes at offset"))
for name, text in {
    "manifest-with-bom": "\ufeff" + HEADER + "a.txt,X,,,report,,\n",
    "manifest-crlf": (HEADER + "a.txt,X,,,report,,\n").replace("\n", "\r\n"),
    "manifest-header-only": HEADER,
    "manifest-extra-columns": "file,outlet,desk,budget\na.txt,X,world,12\n",
    "manifest-spaces-around-name": HEADER + " a.txt ,X,,,,,\n",
    "manifest-more-fields-than-header": "file,outlet\na.txt,X,extra,more\n",
    "manifest-primary-role": HEADER + "a.txt,KCNA,,,primary,Kwon Jong Gun,\n",
    "manifest-quoted-commas": HEADER + 'a.txt,"Outlet, Inc.",,,,,"a note, with commas"\n',
}.items():
    case(name)(good({"a.txt": ARTICLE, "sources.csv": text}))


@case("manifest-is-a-folder")
def _(tmp):
    folder = corpus(tmp)
    (folder / "sources.csv").mkdir()
    return run(folder, tmp / "out", code=2, says="sources.csv: is not a file")


@case("manifest-dangling-link")
def _(tmp):
    folder = corpus(tmp)
    (folder / "sources.csv").symlink_to(tmp / "nowhere.csv")
    return run(folder, tmp / "out", code=2, says="sources.csv: is not a file")


@case("manifest-link-outside")
def _(tmp):
    folder = corpus(tmp)
    (tmp / "elsewhere.csv").write_text(HEADER + "a.txt,X,,,,,\n")
    (folder / "sources.csv").symlink_to(tmp / "elsewhere.csv")
    return run(folder, tmp / "out", code=2, says="outside the corpus folder")


# ------------------------------------------------------------------------------------------- file names

for name, file in {
    "space": "an article.txt", "unicode": "é北 статья.txt", "newline": "a\nb.txt", "tab": "a\tb.txt",
    "leading-dash": "-a.txt", "double-dash": "--out.txt", "hidden": ".hidden.txt", "quotes": "\"q\" 'r'.txt",
    "long": "x" * 240 + ".txt", "escape-sequence": "\x1b[31mred.txt", "rtl-override": "\u202ecod.txt",
    "percent-and-braces": "%s {0} $HOME.txt",
}.items():
    case(f"name-{name}")(good({file: ARTICLE}))
for name, (file, shown) in {
    "newline": ("a\nb.txt", "a\\nb.txt"), "escape-sequence": ("\x1b[31mred.txt", "\\x1b[31mred.txt"),
    "carriage-return": ("a\rb.txt", "a\\rb.txt"), "rtl-override": ("\u202eevil.txt", "\\u202eevil.txt"),
    "bell": ("a\x07.txt", "a\\x07.txt"),
}.items():
    case(f"name-{name}-in-an-error")(bad({file: b""}, f"{shown}: the file is empty"))
case("name-undecodable-bytes")(bad({b"bad\xffname.txt": ARTICLE}, "bad\\xffname.txt: the file name is not valid UTF-8"))


@case("corpus-named-with-a-leading-dash")
def _(tmp):
    folder = corpus(tmp, name="-corpus")
    return run("./-corpus" if Path.cwd() == tmp else folder, tmp / "out")


@case("corpus-dash-taken-for-an-option")
def _(tmp):
    corpus(tmp, name="-c")
    return {"argv": ["analyze", "-c", "--out", str(tmp / "out")], "code": 2, "says": "see quotedrift analyze --help"}


@case("no-arguments")
def _(tmp):
    return {"argv": [], "code": 2, "says": "required"}


@case("unknown-command")
def _(tmp):
    return {"argv": ["analyse", str(corpus(tmp))], "code": 2, "says": "invalid choice"}


@case("reference-unknown")
def _(tmp):
    return run(corpus(tmp), tmp / "out", "--reference", "nope", code=2, says="--reference nope")


@case("reference-with-control-characters")
def _(tmp):
    return run(corpus(tmp), tmp / "out", "--reference", "a\n\x1b", code=2, says="--reference a\\n\\x1b")


# ---------------------------------------------------------------------------------------------- symlinks

@case("link-to-a-file-outside")
def _(tmp):
    folder = corpus(tmp)
    (tmp / "secret.txt").write_text("Outside the corpus: " + ARTICLE)
    (folder / "b.txt").symlink_to(tmp / "secret.txt")
    return run(folder, tmp / "out", code=2, says="b.txt: is a symbolic link to a file outside the corpus folder")


@case("link-to-a-file-outside-named-in-the-manifest")
def _(tmp):
    folder = corpus(tmp, {"a.txt": ARTICLE, "sources.csv": HEADER + "b.txt,X,,,,,\n"})
    (tmp / "secret.txt").write_text(ARTICLE)
    (folder / "b.txt").symlink_to(tmp / "secret.txt")
    return run(folder, tmp / "out", code=2, says="outside the corpus folder")


@case("link-relative-escaping")
def _(tmp):
    folder = corpus(tmp)
    (tmp / "secret.txt").write_text(ARTICLE)
    (folder / "b.txt").symlink_to(Path("..") / "secret.txt")
    return run(folder, tmp / "out", code=2, says="outside the corpus folder")


@case("link-to-a-file-inside")
def _(tmp):
    folder = corpus(tmp)
    (folder / "b.txt").symlink_to(folder / "a.txt")
    return run(folder, tmp / "out")


@case("link-dangling-is-ignored")
def _(tmp):
    folder = corpus(tmp)
    (folder / "b.txt").symlink_to(tmp / "gone.txt")
    return run(folder, tmp / "out")


@case("link-to-a-folder-outside-is-ignored")
def _(tmp):
    folder = corpus(tmp)
    (tmp / "dir").mkdir()
    (folder / "b.txt").symlink_to(tmp / "dir")
    return run(folder, tmp / "out")


@case("corpus-folder-is-a-link")
def _(tmp):
    folder = corpus(tmp)
    (tmp / "alias").symlink_to(folder)
    return run(tmp / "alias", tmp / "out")


# ----------------------------------------------------------------------------------------- --out targets

@case("out-new")
def _(tmp):
    return run(corpus(tmp), tmp / "out")


@case("out-new-under-missing-parents")
def _(tmp):
    return run(corpus(tmp), tmp / "deep" / "er" / "out")


@case("out-existing-empty-folder")
def _(tmp):
    (tmp / "out").mkdir()
    return run(corpus(tmp), tmp / "out")


@case("out-made-by-quotedrift-before")
def _(tmp):
    (tmp / "out" / "text").mkdir(parents=True)
    (tmp / "out" / MARKER).write_text("made by quotedrift")
    (tmp / "out" / "text" / "old.txt").write_text("from an earlier run")
    return run(corpus(tmp), tmp / "out")


@case("out-user-folder-with-text-subfolder")
def _(tmp):
    (tmp / "out" / "text").mkdir(parents=True)
    (tmp / "out" / "text" / "mine.txt").write_text("the user's own notes")
    return run(corpus(tmp), tmp / "out", code=2, says="is a folder quotedrift did not make")


@case("out-user-folder-with-a-csv")
def _(tmp):
    (tmp / "out").mkdir()
    (tmp / "out" / "quotes.csv").write_text("the user's own table")
    return run(corpus(tmp), tmp / "out", code=2, says="is a folder quotedrift did not make")


@case("out-marker-is-a-folder")
def _(tmp):
    (tmp / "out" / MARKER).mkdir(parents=True)
    return run(corpus(tmp), tmp / "out", code=2, says="is a folder quotedrift did not make")


@case("out-is-the-corpus")
def _(tmp):
    folder = corpus(tmp)
    (folder / "text").mkdir()
    (folder / "text" / "interview-notes.txt").write_text("notes")
    return run(folder, folder, code=2, says="is the corpus folder")


@case("out-is-the-corpus-spelled-otherwise")
def _(tmp):
    folder = corpus(tmp)
    return run(folder, folder / ".." / "corpus", code=2, says="is the corpus folder")


@case("out-inside-the-corpus")
def _(tmp):
    folder = corpus(tmp)
    return run(folder, folder / "results", code=2, says="is the corpus folder")


@case("out-link-to-the-corpus")
def _(tmp):
    folder = corpus(tmp)
    (tmp / "link").symlink_to(folder)
    return run(folder, tmp / "link", code=2, says="is a symbolic link")


@case("out-quotedrift-folder-holding-the-corpus")
def _(tmp):
    (tmp / "results").mkdir()
    (tmp / "results" / MARKER).write_text("made by quotedrift")
    folder = corpus(tmp / "results")
    return run(folder, tmp / "results", code=2, says="holds the corpus folder")


@case("out-empty-string")
def _(tmp):
    (tmp / "text").mkdir()
    (tmp / "text" / "keep.txt").write_text("keep me")
    return run(corpus(tmp), "", code=2, says="--out is empty")


@case("out-blank")
def _(tmp):
    return run(corpus(tmp), "   ", code=2, says="--out is empty")


@case("out-current-folder")
def _(tmp):
    return run(corpus(tmp), ".", code=2, says="is the current folder")


@case("out-current-folder-absolute")
def _(tmp):
    return run(corpus(tmp), tmp, code=2, says="is the current folder")


@case("out-holds-the-current-folder")
def _(tmp):
    return run(corpus(tmp), tmp.parent, code=2, says="is the current folder (or holds it)")


@case("out-root")
def _(tmp):
    return run(corpus(tmp), "/", code=2, says="holds it")


@case("out-existing-file")
def _(tmp):
    (tmp / "out").write_text("a file of the user's")
    return run(corpus(tmp), tmp / "out", code=2, says="is a file, not a folder")


@case("out-an-input-article")
def _(tmp):
    folder = corpus(tmp)
    return run(folder, folder / "a.txt", code=2, says="is a file, not a folder")


@case("out-an-article-elsewhere")
def _(tmp):
    (tmp / "other.txt").write_text(ARTICLE)
    return run(corpus(tmp), tmp / "other.txt", code=2, says="is a file, not a folder")


@case("out-under-a-file")
def _(tmp):
    (tmp / "file").write_text("x")
    return run(corpus(tmp), tmp / "file" / "out", code=2, says="is a file, so no folder can be made under it")


@case("out-dangling-link")
def _(tmp):
    (tmp / "out").symlink_to(tmp / "nowhere")
    return run(corpus(tmp), tmp / "out", code=2, says="is a symbolic link")


@case("out-link-to-a-folder")
def _(tmp):
    (tmp / "real").mkdir()
    (tmp / "out").symlink_to(tmp / "real")
    return run(corpus(tmp), tmp / "out", code=2, says="is a symbolic link")


@case("out-in-a-read-only-place")
def _(tmp):
    if os.geteuid() != 0:
        (tmp / "locked").mkdir()
        (tmp / "locked").chmod(stat.S_IRUSR | stat.S_IXUSR)
        return run(corpus(tmp), tmp / "locked" / "out", code=2, says="cannot write in")
    return run(corpus(tmp), "/sys/quotedrift-out", code=2, says="cannot write in /sys")  # root writes anywhere else


@case("out-name-with-control-characters")
def _(tmp):
    return run(corpus(tmp), tmp / "o\nut\x1b[2J")


@case("out-name-with-a-leading-dash")
def _(tmp):
    return {"argv": ["analyze", str(corpus(tmp)), "--out=-out"], "code": 0, "says": None, "out": tmp / "-out"}


@case("out-option-without-a-value")
def _(tmp):
    return {"argv": ["analyze", str(corpus(tmp)), "--out"], "code": 2, "says": "expected one argument"}


# -------------------------------------------------------------------------------- pathological marks

for name, text in {
    "unmatched-openings": "Kwon said “word " * 300,
    "unmatched-closings": "word” Kwon said. " * 300,
    "straight-marks-only": '"' * 500,
    "alternating-glued": 'a"b"c' * 300,
    "nested-deep": "“" * 60 + "deep" + "”" * 60 + " Kwon said.",
    "guillemets-unbalanced": "« Non, » a dit Kwon. « Oui " * 100,
    "apostrophes-everywhere": "Kwon's 'plan' isn't 'the' ''' rock'n'roll '90s " * 100,
    "quotes-across-many-paragraphs": ("“Part one\n\n“Part two\n\n" * 100) + "”",
    "single-marks-unbalanced": "‘Kwon said ‘word " * 300,
    "primes-and-marks": 'He is 5\'10" and said "fine" 6\' tall "' * 100,
    "one-long-line": ARTICLE.replace("\n", " ") * 200,
    "marks-glued-to-cues": '"We will,"said Kwon."No,"he said' * 100,
}.items():
    case(f"marks-{name}")(good({"a.txt": text}))


# -------------------------------------------------------------------------------------------- the runner

def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under ``root``: kind and content hash (files), link target (links), mode."""
    entries = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder, name)
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                entries[str(path)] = ("link", os.readlink(path))
            elif stat.S_ISREG(info.st_mode):
                entries[str(path)] = ("file", hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mode)
            else:
                entries[str(path)] = ("other", stat.S_IFMT(info.st_mode), info.st_mode)
    return entries


def test_there_are_at_least_100_cases():
    assert len(CASES) >= 100


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input(name, tmp_path, monkeypatch, capsys):
    tmp = tmp_path / "work"
    tmp.mkdir()
    monkeypatch.chdir(tmp)
    spec = CASES[name](tmp)
    before = snapshot(tmp_path)
    try:
        code = cli.main(spec["argv"])
    except SystemExit as exit_:  # argparse usage errors
        code = exit_.code
    captured = capsys.readouterr()
    err = captured.err
    assert "Traceback" not in err and "Traceback" not in captured.out
    assert code == spec["code"], err
    after = snapshot(tmp_path)
    if code != 0:
        assert err.count("\n") == 1 and err.endswith("\n") and err.strip(), repr(err)
        assert "\x1b" not in err and "\r" not in err
        assert spec["says"] in err, err
        assert after == before, "an error run wrote, changed or deleted files"
        return
    out = Path(os.path.abspath(spec["out"]))
    written = {path for path in {**before, **after} if Path(path) == out or out in Path(path).parents}
    created_parents = {path for path in after if path not in before and Path(path) in out.parents}
    assert {p: v for p, v in after.items() if p not in written | created_parents} == {
        p: v for p, v in before.items() if p not in written}, "input files changed"
    assert all(line.startswith("quotedrift: note: ") for line in err.splitlines()), err
    assert (out / MARKER).is_file() and not [p for p in after if Path(p).name.startswith((".out.", ".-out."))]
    tables = {name: pd.read_csv(out / f"{name}.csv", keep_default_na=False) for name in TABLES}
    texts = {path.name[:-4]: path.read_text(encoding="utf-8") for path in (out / "text").iterdir()}
    assert false_spans(tables, texts) == []
