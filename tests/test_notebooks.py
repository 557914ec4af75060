"""The notebook suite: every notebook runs headless on several corpora, writes its figures, raises nothing;
the committed notebooks are in step with their .py sources and hold no errors or machine paths.

The runs (``python -m quotedrift.report --out TMP``) happen once per corpus in a module-scoped fixture, two at
a time, into temporary folders: the committed seed outputs are never touched.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
import pytest

from quotedrift.cards import chromium
from quotedrift.paths import NOTEBOOKS, PROJECT_ROOT, SEEDS

FIXTURES = Path(__file__).parent / "fixtures"
EXTRA = FIXTURES / "extra_article"
EXTRA_SOURCE = "m-en-yna-co-kr"
DROPPED_SOURCE = "004_9f5f3fbe7a358b5b"
NOTEBOOK_NAMES = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.py"))
EXPECTED_FIGURES = {
    "00-article-sizes", "01-quotes-per-source", "02-drift-per-source", "02-drift-per-utterance",
    "03-garbles-per-1000-words", "04-attribution-by-source", "05-scorecard", "05-provenance",
}
FORMATS = ("png", "svg", "pdf", "csv")
MACHINE_PATH_RE = re.compile(r"(?<![\w.])/(?:work|root|tmp|home|Users)/")
RUN_TIMEOUT = 480


@dataclass
class Run:
    corpus: Path
    out: Path
    returncode: int
    stderr: str


def copy_corpus(target: Path, drop: str | None = None, add: Path | None = None) -> Path:
    """Seeds copied into ``target``, one source dropped or a fixture folder's articles added (manifest too)."""
    target.mkdir(parents=True)
    rows = list(csv.DictReader((SEEDS / "sources.csv").open(encoding="utf-8")))
    for path in SEEDS.glob("*.txt"):
        if path.stem != drop:
            shutil.copy(path, target / path.name)
    rows = [r for r in rows if Path(r["file"]).stem != drop]
    if add is not None:
        for path in add.glob("*.txt"):
            shutil.copy(path, target / path.name)
        rows += [{k: r.get(k, "") for k in rows[0]} for r in csv.DictReader((add / "sources.csv").open(encoding="utf-8"))]
    with (target / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return target


def run_report(corpus: Path, out: Path, *extra: str) -> Run:
    out.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "quotedrift.report", "--corpus", str(corpus), "--out", str(out), *extra],
        capture_output=True, text=True, timeout=RUN_TIMEOUT, cwd=out.parent,
    )
    return Run(corpus, out, done.returncode, done.stderr)


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Run]:
    base = tmp_path_factory.mktemp("notebook_runs")
    corpora = {
        "seeds": SEEDS,
        "seeds_plus_one": copy_corpus(base / "seeds_plus_one", add=EXTRA),
        "seeds_minus_one": copy_corpus(base / "seeds_minus_one", drop=DROPPED_SOURCE),
        "one_article": EXTRA,
    }
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(run_report, folder, base / "out" / name) for name, folder in corpora.items()}
        return {name: future.result() for name, future in futures.items()}


CORPUS_NAMES = ["seeds", "seeds_plus_one", "seeds_minus_one", "one_article"]


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_report_runs_through(runs, name):
    run = runs[name]
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_every_notebook_executed_from_a_clean_kernel_without_errors(runs, name):
    out = runs[name].out
    for stem in NOTEBOOK_NAMES:
        nb = nbformat.read(out / f"{stem}.ipynb", as_version=4)
        assert execution_counts(nb) == list(range(1, len(execution_counts(nb)) + 1)), stem
        assert not error_outputs(nb), f"{stem}: {error_outputs(nb)}"
        assert not stderr_outputs(nb), f"{stem} wrote to stderr: {stderr_outputs(nb)}"
        html = (out / f"{stem}.html").read_text(encoding="utf-8")
        assert "Traceback" not in html and "data:image/png;base64," in html


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_expected_figures_written_in_four_formats_and_indexed(runs, name):
    folder = runs[name].out / "figures"
    written = {p.stem for p in folder.glob("[0-9][0-9]-*.png")}
    assert written == EXPECTED_FIGURES
    for stem in EXPECTED_FIGURES:
        for fmt in FORMATS:
            assert (folder / f"{stem}.{fmt}").stat().st_size > 0, f"{stem}.{fmt}"
    index = (folder / "README.md").read_text(encoding="utf-8")
    for stem in EXPECTED_FIGURES:
        assert f"[{stem}]({stem}.png)" in index


def sizes_csv_sources(run: Run) -> list[str]:
    with (run.out / "figures" / "00-article-sizes.csv").open(encoding="utf-8") as handle:
        return [row["source"] for row in csv.DictReader(handle)]


def test_adding_and_removing_an_article_changes_the_results(runs):
    seeds = sizes_csv_sources(runs["seeds"])
    assert len(seeds) == 5
    assert sizes_csv_sources(runs["seeds_plus_one"]) == sorted(seeds + [EXTRA_SOURCE])
    assert sizes_csv_sources(runs["seeds_minus_one"]) == [s for s in seeds if s != DROPPED_SOURCE]
    assert sizes_csv_sources(runs["one_article"]) == [EXTRA_SOURCE]


def test_caption_of_a_corpus_gives_its_own_date_range(runs):
    index = (runs["seeds_plus_one"].out / "figures" / "README.md").read_text(encoding="utf-8")
    assert "Corpus: seeds_plus_one, 6 articles published 2022-09-22 to 2023-01-29" in index
    one = (runs["one_article"].out / "figures" / "README.md").read_text(encoding="utf-8")
    assert "Corpus: extra_article, 1 article published 2022-12-23" in one


@pytest.mark.skipif(chromium() is None, reason="no Chromium (apt-get install -y chromium)")
def test_rendered_pages_have_no_table_past_1400_px(runs):
    from quotedrift.pagecheck import MAX_WIDTH_PX, measure

    for stem in NOTEBOOK_NAMES:
        width = measure(runs["seeds_plus_one"].out / f"{stem}.html")
        assert width.tables > 0 and width.ok, (stem, width.page_width, width.too_wide)
        assert width.page_width <= MAX_WIDTH_PX


def one_line(run: Run) -> str:
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("files", "extra", "expected"),
    [
        ({"empty.txt": ""}, (), "report: empty.txt: the file is empty"),
        ({}, ("--param", "NO_SUCH=1"), "report: --param NO_SUCH: unknown notebook parameter"),
        ({}, ("--param", "CORPUS=seeds"), "report: --param CORPUS: set it with --corpus instead"),
        ({}, ("--reference", "nobody"), "report: --reference nobody: no source with that id"),
    ],
)
def test_bad_input_stops_before_the_first_notebook_with_one_line(tmp_path, files, extra, expected):
    corpus = tmp_path / "broken"
    if files:
        corpus.mkdir()
        for name, text in files.items():
            (corpus / name).write_text(text, encoding="utf-8")
    else:
        corpus = EXTRA
    run = run_report(corpus, tmp_path / "out", *extra)
    assert run.returncode == 2
    assert one_line(run).startswith(expected)
    assert not (tmp_path / "out").exists()


def test_a_failing_notebook_leaves_nothing_behind(tmp_path):
    out = tmp_path / "out"
    run = run_report(SEEDS, out, "--only", "02", "--param", "TOP_UTTERANCES='five'")
    assert run.returncode == 1
    line = one_line(run)
    assert line.startswith("report: 02_alignment_drift failed on seeds: cell ") and "nothing was written" in line
    assert not out.exists()
    assert not (PROJECT_ROOT / "reports" / "_failed").exists()


def git_status() -> str:
    done = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, check=True)
    return done.stdout


def papermill(notebook: Path, out: Path, *params: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "papermill", str(notebook), str(out), "--no-progress-bar",
                           "-k", "python3", *params], capture_output=True, text=True, timeout=RUN_TIMEOUT,
                          cwd=out.parent)


def notebook_from_source(stem: str, folder: Path) -> Path:
    """A notebook as its .py source builds it (what ``make report`` executes and commits)."""
    path = folder / f"{stem}.ipynb"
    nbformat.write(jupytext.read(NOTEBOOKS / f"{stem}.py"), path)
    return path


@pytest.fixture(scope="module")
def garbling_notebook(tmp_path_factory) -> Path:
    return notebook_from_source("03_garbling", tmp_path_factory.mktemp("papermill"))


@pytest.mark.parametrize("stem", NOTEBOOK_NAMES)
def test_papermill_on_another_corpus_leaves_the_project_untouched(stem, tmp_path):
    notebook = notebook_from_source(stem, tmp_path)
    before = git_status()
    done = papermill(notebook, notebook.with_name("out.ipynb"), "-p", "CORPUS", str(EXTRA))
    assert done.returncode == 0, done.stderr[-2000:]
    assert git_status() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([notebook.name, "out.ipynb"])


def test_papermill_with_an_unknown_parameter_fails(garbling_notebook):
    done = papermill(garbling_notebook, garbling_notebook.with_name("bad.ipynb"), "-p", "CORPUS", str(EXTRA),
                     "-p", "TOP_N", "3")
    assert done.returncode != 0
    assert "ParameterError: unknown notebook parameter TOP_N" in done.stderr
    # the cell's error is one line (InputError._render_traceback_), in the notebook papermill writes and in
    # the section of papermill's report that quotes the cell; papermill's own stack is printed around it
    written = nbformat.read(garbling_notebook.with_name("bad.ipynb"), as_version=4)
    errors = [o for c in written.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert [e["traceback"] for e in errors] == [
        ["ParameterError: unknown notebook parameter TOP_N (see the parameters cell)"]]
    quoted = done.stderr.split('Exception encountered at "In [', 1)[1].splitlines()[1:]
    assert [line for line in quoted if line.strip()] == [
        "ParameterError: unknown notebook parameter TOP_N (see the parameters cell)"]


def test_every_parameter_is_documented_in_its_parameters_cell():
    from quotedrift.report import declared_parameters

    for stem in NOTEBOOK_NAMES:
        nb = jupytext.read(NOTEBOOKS / f"{stem}.py")
        cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
        names = declared_parameters(NOTEBOOKS / f"{stem}.py")
        assert {"CORPUS", "REFERENCE", "FIGURES"} <= set(names), stem
        for name in names:
            line = next(line for line in cell.source.splitlines() if line.startswith(f"{name} ="))
            assert "  # " in line and len(line.split("  # ", 1)[1]) > 15, f"{stem}: {name} has no comment"


# ---------------------------------------------------------------------------------------------- committed


def execution_counts(nb) -> list[int]:
    return [c.execution_count for c in nb.cells if c.cell_type == "code"]


def error_outputs(nb) -> list[str]:
    return [f"{o.get('ename')}: {o.get('evalue')}" for c in nb.cells for o in c.get("outputs", [])
            if o.get("output_type") == "error"]


def stderr_outputs(nb) -> list[str]:
    return [o.get("text", "")[:200] for c in nb.cells for o in c.get("outputs", [])
            if o.get("output_type") == "stream" and o.get("name") == "stderr"]


def cell_sources(nb) -> list[tuple[str, str]]:
    return [(c.cell_type, c.source.strip()) for c in nb.cells
            if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]


@pytest.mark.parametrize("stem", NOTEBOOK_NAMES)
def test_committed_notebook_matches_its_py_source(stem):
    committed = NOTEBOOKS / f"{stem}.ipynb"
    assert committed.exists(), f"{stem}.ipynb missing: run make report"
    nb = nbformat.read(committed, as_version=4)
    source = jupytext.read(NOTEBOOKS / f"{stem}.py")
    assert cell_sources(nb) == cell_sources(source), f"{stem}.ipynb is out of step with {stem}.py: run make report"


@pytest.mark.parametrize("stem", NOTEBOOK_NAMES)
def test_committed_notebook_is_clean(stem):
    text = (NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8")
    assert not MACHINE_PATH_RE.search(text), MACHINE_PATH_RE.search(text)
    nb = nbformat.reads(text, as_version=4)
    assert not error_outputs(nb)
    assert not stderr_outputs(nb)
    counts = execution_counts(nb)
    assert counts == list(range(1, len(counts) + 1))
    assert "papermill" not in json.loads(text)["metadata"]


def test_every_notebook_has_a_parameters_cell_and_opens_with_its_question():
    for stem in NOTEBOOK_NAMES:
        nb = jupytext.read(NOTEBOOKS / f"{stem}.py")
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1 and all(p in tagged[0].source for p in ("CORPUS", "FIGURES", "REFERENCE"))
        assert nb.cells[0].cell_type == "markdown" and "**Question.**" in nb.cells[0].source


def test_notebooks_take_no_path_from_the_working_directory():
    for stem in NOTEBOOK_NAMES:
        source = (NOTEBOOKS / f"{stem}.py").read_text(encoding="utf-8")
        assert "os.getcwd" not in source and "Path.cwd" not in source and "Path(\".\")" not in source
        assert str(PROJECT_ROOT) not in source


def test_committed_seed_html_reports_exist():
    for stem in NOTEBOOK_NAMES:
        assert (PROJECT_ROOT / "reports" / "seeds" / f"{stem}.html").exists(), f"run make report ({stem}.html)"
