"""Render the notebook suite on a corpus: ``python -m quotedrift.report --corpus PATH [--out DIR]``
(also ``make report CORPUS=… OUT=… [REFERENCE=…]`` and ``quotedrift report``).

For each ``notebooks/NN_name.py`` (jupytext percent format: the file people edit) the runner builds the
notebook, executes it headless with papermill from a clean kernel (execution counts 1…N), passing the
``parameters`` cell ``CORPUS``, ``REFERENCE``, ``FIGURES`` and any ``--param NAME=VALUE``, strips volatile
metadata (timestamps, durations, machine paths) and writes it with a standalone HTML copy (nbconvert,
images embedded). Figures are saved (PNG, SVG, PDF, CSV and an index README.md) only by this runner.

Where the outputs go:

* ``--out DIR``: notebooks and HTML in ``DIR``, figures in ``DIR/figures``;
* no ``--out``, the seeds: ``notebooks/NN_name.ipynb`` (committed), ``reports/seeds/NN_name.html``, figures in
  ``figures/`` — the only case that touches committed files;
* no ``--out``, any other corpus: ``reports/<corpus>/`` (ignored by git), figures in ``reports/<corpus>/figures``.

Safe to rerun: the corpus is loaded (and ``--reference`` and every ``--param`` checked against the notebooks'
parameters cells) before the first notebook runs, so bad input is one line and nothing is written. Every
output is written to a staging folder first and moved into place only when all notebooks passed: a failed
run prints one line naming the notebook, the cell and the error, and leaves nothing behind.
"""

from __future__ import annotations

import argparse
import ast
import logging
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .errors import InputError
from . import figures
from .paths import FIGURES, NOTEBOOKS, PROJECT_ROOT, REPORTS, SEEDS

KERNEL = "python3"
# Quiet kernel start-up (its transport warning is not about the notebook).
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
NOTEBOOK_GLOB = "[0-9][0-9]_*.py"
MACHINE_PATH_RE = re.compile(r"(?<![\w.])/(?:work|root|tmp|home|Users|private|var/folders)/")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")
# Notebook-level metadata kept in committed notebooks; everything else (papermill, widgets, …) is dropped.
KEPT_METADATA = ("kernelspec", "language_info", "jupytext")
RUNNER_PARAMETERS = ("CORPUS", "REFERENCE", "FIGURES")  # set by the runner itself, not by --param
PARAMETER_RE = re.compile(r"^([A-Z][A-Z0-9_]*)\s*=", re.MULTILINE)


class NotebookFailed(RuntimeError):
    """One notebook raised; the message is one line."""


class ReportError(InputError):
    """Bad input to the runner (corpus, reference, parameter): one line, raised before any notebook runs."""


@dataclass(frozen=True)
class Plan:
    """Where one corpus's outputs go and which parameters the notebooks get."""

    corpus: Path
    name: str
    notebooks_dir: Path
    html_dir: Path
    figures_dir: Path
    committed: bool
    extra: dict = field(default_factory=dict)

    def parameters(self, reference: str | None, figures_dir: Path) -> dict:
        return {"CORPUS": _parameter_path(self.corpus), "REFERENCE": reference,
                "FIGURES": _parameter_path(figures_dir), **self.extra}


def _parameter_path(path: Path) -> str:
    """Project-relative where possible (committed notebooks then hold no machine path), else absolute."""
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path.resolve())


def plan_outputs(corpus: str | Path, out: str | Path | None = None, extra: dict | None = None) -> Plan:
    """Output folders for a corpus (see the module docstring)."""
    corpus = Path(corpus).resolve()
    name = corpus.name
    extra = dict(extra or {})
    if out is not None:
        out = Path(out).resolve()
        return Plan(corpus, name, out, out, out / "figures", committed=False, extra=extra)
    if corpus == SEEDS.resolve():
        return Plan(corpus, name, NOTEBOOKS, REPORTS / "seeds", FIGURES, committed=True, extra=extra)
    folder = REPORTS / name
    return Plan(corpus, name, folder, folder, folder / "figures", committed=False, extra=extra)


def notebook_sources(folder: Path = NOTEBOOKS, only: list[str] | None = None) -> list[Path]:
    """The notebooks' .py sources in reading order (those whose name starts with one of ``only``)."""
    return [s for s in sorted(folder.glob(NOTEBOOK_GLOB)) if not only or any(s.stem.startswith(o) for o in only)]


# ---------------------------------------------------------------------------------------------- parameters


def declared_parameters(source: Path) -> list[str]:
    """The names a notebook's ``parameters`` cell assigns (its documented parameters), in order."""
    nb = build_notebook(source)
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    return PARAMETER_RE.findall(cells[0].source) if cells else []


def parse_params(pairs: list[str]) -> dict:
    """``NAME=VALUE`` pairs as notebook parameters; VALUE is a Python literal (5, 0.5, None, {"a": 1}) or else
    the plain string. Raises ReportError (one line) on a pair without '='."""
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ReportError(f"--param {pair}: write NAME=VALUE (e.g. TOP_UTTERANCES=8)")
        try:
            params[name.strip()] = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            params[name.strip()] = value
    return params


def check_params(params: dict, sources: list[Path]) -> None:
    """Every extra parameter must be declared by at least one notebook; the runner's own are not extras."""
    declared = {name for source in sources for name in declared_parameters(source)}
    for name in params:
        if name in RUNNER_PARAMETERS:
            raise ReportError(f"--param {name}: set it with --{name.lower()} instead")
        if name not in declared:
            raise ReportError(f"--param {name}: unknown notebook parameter "
                              f"(the notebooks take {', '.join(sorted(declared - set(RUNNER_PARAMETERS)))})")


def check_input(corpus: Path, reference: str | None) -> None:
    """Load the corpus once before any notebook runs: bad input is one line (ReportError), nothing written."""
    from .corpus import CorpusError, load_corpus

    try:
        loaded = load_corpus(corpus)
    except CorpusError as err:
        raise ReportError(str(err)) from None
    if reference is not None and reference not in loaded.texts:
        raise ReportError(f"--reference {reference}: no source with that id in {corpus.name}")


# ---------------------------------------------------------------------------------------------- one notebook


def build_notebook(source: Path) -> nbformat.NotebookNode:
    """The notebook of a jupytext percent .py file, with the python3 kernel and stable cell ids."""
    import jupytext

    nb = jupytext.read(source)
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": KERNEL}
    nb.metadata["jupytext"] = {"formats": "ipynb,py:percent"}
    return nb


def execute(nb: nbformat.NotebookNode, parameters: dict, scratch: Path) -> nbformat.NotebookNode:
    """Execute a notebook headless from a clean kernel; raise NotebookFailed (one line) on an error."""
    import papermill

    with tempfile.TemporaryDirectory(prefix="quotedrift-run-") as workdir:
        try:
            return papermill.execute_notebook(
                nb, str(scratch), parameters=parameters, kernel_name=KERNEL, progress_bar=False,
                log_output=False, request_save_on_cell_execute=False, cwd=workdir,
                extra_arguments=KERNEL_ARGUMENTS, kernel_manager_class=_quiet_kernel_manager(),
            )
        except papermill.PapermillExecutionError as err:
            raise NotebookFailed(f"cell {err.exec_count}: {err.ename}: {_first_line(err.evalue)}") from None


def _quiet_kernel_manager() -> type:
    """A kernel manager whose kernel process writes nothing to our stderr.

    A notebook's own stderr reaches its cells over the messaging channel; the kernel process's stderr only
    carries transport noise, such as libzmq's "Assertion failed: pfd.revents & POLLIN" when a kernel is shut
    down after a failed cell. Left inherited, that noise broke the one-line error contract of ``report``.
    """
    import subprocess

    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def start_kernel(self, **kw):
            kw.setdefault("stdout", subprocess.DEVNULL)
            kw.setdefault("stderr", subprocess.DEVNULL)
            return await super().start_kernel(**kw)

    return QuietKernelManager


def _first_line(text: str) -> str:
    lines = [line for line in ANSI_RE.sub("", str(text)).splitlines() if line.strip()]
    return lines[0] if lines else ""


def clean(nb: nbformat.NotebookNode, shown_paths: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """Drop volatile metadata (papermill timestamps, durations, paths; execution timing), give cells stable
    ids, keep the injected-parameters cell, in which staging paths are shown as their final place."""
    nb.metadata = nbformat.NotebookNode({k: nb.metadata[k] for k in KEPT_METADATA if k in nb.metadata})
    nb.metadata.get("language_info", {}).pop("version", None)
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index:02d}"
        for key in ("papermill", "execution", "ExecuteTime", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            for staged, final in (shown_paths or {}).items():
                cell.source = cell.source.replace(staged, final)
    return nb


def machine_paths(nb: nbformat.NotebookNode) -> list[str]:
    """Machine paths (/work/…, /root/…, /tmp/…, /home/…) anywhere in the notebook."""
    return sorted(set(MACHINE_PATH_RE.findall(nbformat.writes(nb))))


def stderr_outputs(nb: nbformat.NotebookNode) -> int:
    """How many cells wrote to stderr (warnings, logs): committed notebooks should have none."""
    return sum(
        any(o.get("output_type") == "stream" and o.get("name") == "stderr" for o in cell.get("outputs", []))
        for cell in nb.cells
    )


def write_html(nb: nbformat.NotebookNode, path: Path) -> None:
    """A standalone HTML page of the executed notebook (images are embedded in it)."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(embed_images=True).from_notebook_node(nb)
    path.write_text(body, encoding="utf-8")


def run_one(source: Path, plan: Plan, reference: str | None, staging: Path) -> None:
    """Build, execute, clean and write one notebook and its HTML into ``staging`` (figures in
    ``staging/figures``)."""
    stem = source.stem
    staged_figures = staging / "figures"
    nb = execute(build_notebook(source), plan.parameters(reference, staged_figures), staging / f".{stem}.run.ipynb")
    (staging / f".{stem}.run.ipynb").unlink(missing_ok=True)
    nb = clean(nb, {_parameter_path(staged_figures): _parameter_path(plan.figures_dir)})
    if plan.committed and machine_paths(nb):
        raise NotebookFailed(f"output holds a machine path ({', '.join(machine_paths(nb))}); "
                             "show paths with quotedrift.paths.display_path")
    nbformat.write(nb, staging / f"{stem}.ipynb")
    write_html(nb, staging / f"{stem}.html")
    if stderr_outputs(nb):
        print(f"report: {stem}: {stderr_outputs(nb)} cell(s) wrote to stderr (warnings?)", file=sys.stderr)


# ---------------------------------------------------------------------------------------------- the suite


def run_suite(corpus: str | Path, reference: str | None = None, out: str | Path | None = None,
              only: list[str] | None = None, params: dict | None = None) -> list[str]:
    """Run every notebook on a corpus; returns one line per failed notebook (empty when all passed).

    Raises ReportError before any notebook runs on bad input. Outputs are moved into place only when every
    notebook passed; a failed run removes everything it staged."""
    from tqdm import tqdm

    sources = notebook_sources(only=only)
    check_params(params or {}, sources)
    if out is not None:
        from .outdir import OutputError, check_output_folder

        try:
            check_output_folder(out, inputs=[corpus])
        except OutputError as err:
            raise ReportError(str(err)) from None
    check_input(Path(corpus), reference)
    plan = plan_outputs(corpus, out, params)
    staging = Path(tempfile.mkdtemp(prefix="quotedrift-report-"))
    try:
        (staging / "figures").mkdir()
        for source in tqdm(sources, desc=f"notebooks on {plan.name}", unit="notebook", disable=None, leave=False):
            try:
                run_one(source, plan, reference, staging)
            except NotebookFailed as err:
                return [f"report: {source.stem} failed on {plan.name}: {err} (nothing was written)"]
        figures.write_figure_index(staging / "figures", plan.name)
        publish(staging, plan, replace_figures=not only)
        if out is not None:  # the folder is quotedrift's: the next run may write into it again
            from .outdir import MARKER, MARKER_TEXT

            (plan.notebooks_dir / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return []


def publish(staging: Path, plan: Plan, replace_figures: bool) -> None:
    """Move the staged notebooks, HTML pages and figures to their places. With ``replace_figures`` the
    figure files of an earlier run (those its index lists) are removed first, so the folder reflects this
    run; no other file is touched."""
    plan.notebooks_dir.mkdir(parents=True, exist_ok=True)
    plan.html_dir.mkdir(parents=True, exist_ok=True)
    plan.figures_dir.mkdir(parents=True, exist_ok=True)
    if replace_figures:
        figures.clear_figures(plan.figures_dir)
    for item in sorted(staging.glob("*.ipynb")):
        shutil.move(str(item), plan.notebooks_dir / item.name)
    for item in sorted(staging.glob("*.html")):
        shutil.move(str(item), plan.html_dir / item.name)
    for item in sorted((staging / "figures").iterdir()):
        shutil.move(str(item), plan.figures_dir / item.name)


def _shown(folder: Path) -> str:
    """A folder as the user should find it: project-relative inside the project, else as a full path."""
    try:
        return folder.resolve().relative_to(PROJECT_ROOT).as_posix() + "/"
    except ValueError:
        return str(folder) + "/"


def build_parser(prog: str = "python -m quotedrift.report") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0])
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser, corpus_flag: bool = True) -> None:
    """The runner's options (shared by ``python -m quotedrift.report`` and ``quotedrift report``)."""
    if corpus_flag:
        parser.add_argument("--corpus", default=str(SEEDS), help="corpus folder (default: seeds/)")
    parser.add_argument("--out", default=None, help="write notebooks, HTML and figures (DIR/figures) here")
    parser.add_argument("--reference", default=None, help="source id to use as reference text")
    parser.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                        help="a notebook parameter from a parameters cell (e.g. TOP_UTTERANCES=8); repeatable")
    parser.add_argument("--only", nargs="*", default=None, help="run only notebooks whose name starts so (e.g. 02)")


def run(corpus: str, out: str | None, reference: str | None, params: list[str], only: list[str] | None) -> int:
    """Run the suite; print one line per problem on stderr; exit code 0 (done), 1 (a notebook failed),
    2 (bad input)."""
    logging.getLogger("papermill").setLevel(logging.ERROR)
    started = time.monotonic()
    try:
        failures = run_suite(Path(corpus), reference, out, only, parse_params(params))
    except ReportError as err:
        print(f"report: {err}", file=sys.stderr)
        return 2
    for line in failures:
        print(line, file=sys.stderr)
    if failures:
        return 1
    plan = plan_outputs(corpus, out)
    count = len(notebook_sources(only=only))
    shown = [_shown(folder) for folder in dict.fromkeys((plan.notebooks_dir, plan.html_dir, plan.figures_dir))]
    print(f"report: {count} notebooks on {plan.name} in {time.monotonic() - started:.0f} s → {', '.join(shown)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run(args.corpus, args.out, args.reference, args.param, args.only)


if __name__ == "__main__":
    sys.exit(main())
