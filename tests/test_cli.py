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


# ---------------------------------------------------------------------------------------------- export for write-ups


def test_every_source_column_has_an_outlet_column_beside_it(seed_tables):
    outlets = dict(pd.read_csv(SEEDS / "sources.csv").assign(source=lambda t: t["file"].str[:-4])
                   [["source", "outlet"]].values)
    for name in TABLES:
        table = pd.read_csv(seed_tables / f"{name}.csv", keep_default_na=False)
        for source_column, outlet_column in (("source", "outlet"), ("reference_source", "reference_outlet")):
            if source_column in table.columns:
                assert outlet_column in table.columns, name
                assert (table[source_column].map(outlets) == table[outlet_column]).all(), name


@pytest.mark.parametrize(("flags", "bom"), [([], False), (["--excel"], True)])
def test_excel_flag_writes_a_byte_order_mark(tmp_path, flags, bom):
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "o"), *flags]) == 0
    for name in TABLES:
        assert (tmp_path / "o" / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf") is bom, name
    quotes = pd.read_csv(tmp_path / "o" / "quotes.csv", encoding="utf-8-sig", keep_default_na=False)
    assert quotes.columns[0] == "quote_id"


@pytest.mark.parametrize(
    ("formats", "suffixes"),
    [("png,svg,pdf", {".png", ".svg", ".pdf", ".csv"}), ("svg", {".svg", ".csv"})],
)
def test_figures_command_writes_the_figures_in_the_formats_asked(tmp_path, capsys, formats, suffixes):
    out = tmp_path / "figs"
    only = ["article_sizes", "scorecard"]
    assert main(["figures", str(SEEDS), "--out", str(out), "--format", formats, "--only", *only]) == 0
    files = [p for p in out.iterdir() if not p.name.startswith(".")]  # not the output-folder marker
    assert {p.stem for p in files} == {"00-article-sizes", "05-scorecard"}
    assert {p.suffix for p in files} == suffixes
    assert "wrote 2 figures" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["figures", "{seeds}", "--out", "{out}", "--format", "gif"], "quotedrift: error: --format gif"),
     (["figures", "{missing}", "--out", "{out}"], "quotedrift: error: "),
     (["cards", "{missing}", "--out", "{out}"], "quotedrift: error: "),
     (["report", "{missing}", "--out", "{out}"], "report: "),
     (["report", "{seeds}", "--out", "{out}", "--param", "NOPE=1"], "report: --param NOPE: unknown notebook parameter")],
)
def test_reader_commands_fail_with_one_line_and_write_nothing(tmp_path, capsys, argv, message):
    values = {"seeds": str(SEEDS), "out": str(tmp_path / "out"), "missing": str(tmp_path / "missing")}
    assert main([a.format(**values) for a in argv]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and err[0].startswith(message), err
    assert not (tmp_path / "out").exists()


def test_cards_command_writes_one_card_per_utterance_two_sources_print(tmp_path):
    from quotedrift import analyze

    assert main(["cards", str(SEEDS), "--out", str(tmp_path / "cards")]) == 0
    table = analyze(SEEDS).utterances
    utterances = table.loc[table["n_sources"] >= 2, "utterance_id"]
    assert {p.stem for p in (tmp_path / "cards").glob("u*.html")} == set(utterances)


def test_analysis_repr_is_short_and_tables_are_attributes():
    from quotedrift import analyze

    analysis = analyze(SEEDS)
    assert len(repr(analysis)) < 300 and "seeds" in repr(analysis)
    for name in TABLES:
        assert getattr(analysis, name) is analysis.tables[name] and name in dir(analysis)


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
