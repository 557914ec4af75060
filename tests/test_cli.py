"""The command line: tables per the contract, one-line errors, nothing half-written, inputs untouched."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from quotedrift.analysis import COLUMNS, TABLES
from quotedrift.cli import main
from quotedrift.paths import SEEDS


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "out"
    assert main(["analyze", str(SEEDS), "--out", str(out)]) == 0
    return out


def test_every_table_is_written_with_its_contract_columns(seed_tables):
    for name in TABLES:
        table = pd.read_csv(seed_tables / f"{name}.csv", keep_default_na=False)
        assert set(COLUMNS[name]) <= set(table.columns), name


def test_articles_csv_lists_five_english_seeds(seed_tables):
    articles = pd.read_csv(seed_tables / "articles.csv")
    assert len(articles) == 5 and set(articles["language"]) == {"en"}


def test_offsets_point_into_the_written_texts(seed_tables):
    for name in ("quotes", "garbles"):
        table = pd.read_csv(seed_tables / f"{name}.csv", keep_default_na=False)
        for row in table.itertuples():
            text = (seed_tables / "text" / f"{row.source}.txt").read_text(encoding="utf-8")
            assert text[row.start:row.end] == row.text


def test_same_corpus_gives_byte_identical_tables(seed_tables, tmp_path):
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "again")]) == 0
    for name in TABLES:
        assert (seed_tables / f"{name}.csv").read_bytes() == (tmp_path / "again" / f"{name}.csv").read_bytes()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a.txt": b""}, "a.txt: the file is empty"),
        ({"a.txt": b"ok text", "sources.csv": b"file\nb.txt\n"}, "sources.csv line 2: 'b.txt' does not exist"),
        ({"a.txt": b"\xff\xfe\x00\xd8"}, "a.txt: undecodable bytes"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path, capsys, files, message):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.iterdir()}
    assert main(["analyze", str(corpus), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
    assert before == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.iterdir()}


def test_unknown_reference_is_an_error(tmp_path, capsys):
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "out"), "--reference", "nope"]) == 2
    assert "--reference nope" in capsys.readouterr().err


def test_installed_command_runs(tmp_path):
    command = shutil.which("quotedrift") or str(__import__("pathlib").Path(sys.executable).parent / "quotedrift")
    done = subprocess.run([command, "analyze", str(SEEDS), "--out", str(tmp_path / "o")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "o" / "scorecard.csv").exists()


def test_an_internal_error_is_one_line_saying_it_is_a_bug(tmp_path, capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("unexpected")

    monkeypatch.setattr("quotedrift.cli.analyze", broken)
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: KeyError" in err and "this is a bug" in err
    assert "issue tracker" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("failing_table", [0, 3, 7])
def test_a_failure_while_writing_leaves_no_output_and_no_staging_folder(tmp_path, capsys, monkeypatch, failing_table):
    calls = []
    real = pd.DataFrame.to_csv

    def to_csv(self, path, *args, **kwargs):
        calls.append(path)
        if len(calls) > failing_table:
            raise OSError(28, "No space left on device", str(path))
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", to_csv)
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err
    assert list(tmp_path.iterdir()) == []


def test_a_folder_quotedrift_made_is_replaced_whole(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["analyze", str(SEEDS), "--out", str(out)]) == 0
    (out / "text" / "stale.txt").write_text("left from an older run")
    assert main(["analyze", str(SEEDS), "--out", str(out)]) == 0
    assert not (out / "text" / "stale.txt").exists() and (out / "scorecard.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging or trash folder left
