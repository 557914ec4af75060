"""Output folders: refused before any work when writing them could lose anything; written whole or not at all."""

from __future__ import annotations

import os

import pytest

from quotedrift.outdir import MARKER, OutputError, check_output_folder, shown, write_output_folder


@pytest.mark.parametrize(("name", "printed"), [
    ("plain name.txt", "plain name.txt"), ("é北.txt", "é北.txt"), ("a\nb", "a\\nb"), ("a\rb", "a\\rb"),
    ("\x1b[31mred", "\\x1b[31mred"), ("\u202eevil", "\\u202eevil"), (b"bad\xffname", "bad\\xffname"),
    (os.fsdecode(b"bad\xfe"), "bad\\xfe"), ("tab\there", "tab\\there"),
])
def test_names_are_shown_on_one_printable_line(name, printed):
    assert shown(name) == printed


def make(tmp_path, layout: str):
    """Build one output target under tmp_path; returns (out, corpus)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("text")
    out = tmp_path / "out"
    if layout == "user-folder":
        out.mkdir()
        (out / "mine.txt").write_text("mine")
    elif layout == "ours":
        out.mkdir()
        (out / MARKER).write_text("x")
        (out / "old.csv").write_text("old")
    elif layout == "empty":
        out.mkdir()
    elif layout == "file":
        out.write_text("x")
    elif layout == "corpus":
        out = corpus
    elif layout == "inside-corpus":
        out = corpus / "sub"
    return out, corpus


@pytest.mark.parametrize(("layout", "allowed"), [
    ("new", True), ("empty", True), ("ours", True),
    ("user-folder", False), ("file", False), ("corpus", False), ("inside-corpus", False),
])
def test_check_allows_only_new_empty_or_own_folders(tmp_path, monkeypatch, layout, allowed):
    monkeypatch.chdir(tmp_path)
    out, corpus = make(tmp_path, layout)
    if allowed:
        assert check_output_folder(out, [corpus]) == out
    else:
        with pytest.raises(OutputError):
            check_output_folder(out, [corpus])


def test_check_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    check_output_folder(tmp_path / "a" / "b" / "out")
    assert list(tmp_path.iterdir()) == []


def test_write_replaces_our_folder_atomically_and_marks_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out, corpus = make(tmp_path, "ours")
    write_output_folder(out, lambda staging: (staging / "new.csv").write_text("new"), [corpus])
    assert sorted(p.name for p in out.iterdir()) == sorted([MARKER, "new.csv"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]


def test_a_failing_fill_leaves_the_old_folder_and_no_leftovers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out, corpus = make(tmp_path, "ours")

    def fail(staging):
        (staging / "half.csv").write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_output_folder(tmp_path / "new" / "deeper" / "out", fail, [corpus])
    with pytest.raises(OSError):
        write_output_folder(out, fail, [corpus])
    assert (out / "old.csv").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]


def test_a_failing_swap_puts_the_old_folder_back(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out, corpus = make(tmp_path, "ours")
    real_rename = type(out).rename

    def rename(self, target):
        if self.name.startswith(".out.new."):
            raise OSError(16, "Device or resource busy")
        return real_rename(self, target)

    monkeypatch.setattr(type(out), "rename", rename)
    with pytest.raises(OSError):
        write_output_folder(out, lambda staging: (staging / "new.csv").write_text("new"), [corpus])
    assert (out / "old.csv").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]
