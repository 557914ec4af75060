"""Render the notebook suite on a corpus: ``python -m quotedrift.report --corpus PATH``.

For each ``notebooks/NN_name.py`` (jupytext percent format: the file people edit) the runner builds the
notebook, executes it headless with papermill from a clean kernel (execution counts 1…N), passing the
``parameters`` cell ``CORPUS``, ``FIGURES`` and ``REFERENCE``, strips volatile metadata (timestamps, durations,
machine paths) and writes it with a standalone HTML copy (nbconvert, images embedded).

Where the outputs go:

* the default corpus (``seeds/``): ``notebooks/NN_name.ipynb`` (committed), ``reports/seeds/NN_name.html``,
  figures in ``figures/`` with their index ``figures/README.md``;
* any other corpus: ``reports/<corpus>/NN_name.ipynb`` and ``.html``, figures in ``figures/<corpus>/``; the
  committed seed outputs are left untouched;
* ``--out DIR`` (tests): notebooks and HTML in ``DIR``, figures in ``DIR/figures``.

A notebook that fails makes the command exit non-zero with one line naming it, the cell and the error;
the executed notebook is kept under ``reports/_failed/<corpus>/`` for a closer look.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import figures
from .paths import FIGURES, NOTEBOOKS, PROJECT_ROOT, REPORTS, SEEDS, display_path

KERNEL = "python3"
# Quiet kernel start-up (its transport warning is not about the notebook).
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
NOTEBOOK_GLOB = "[0-9][0-9]_*.py"
MACHINE_PATH_RE = re.compile(r"(?<![\w.])/(?:work|root|tmp|home|Users|private|var/folders)/")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")
# Notebook-level metadata kept in committed notebooks; everything else (papermill, widgets, …) is dropped.
KEPT_METADATA = ("kernelspec", "language_info", "jupytext")


class NotebookFailed(RuntimeError):
    """One notebook raised; the message is one line."""


@dataclass(frozen=True)
class Plan:
    """Where one corpus's outputs go and which parameters the notebooks get."""

    corpus: Path
    name: str
    notebooks_dir: Path
    html_dir: Path
    figures_dir: Path
    failed_dir: Path
    committed: bool

    def parameters(self, reference: str | None) -> dict:
        return {"CORPUS": _parameter_path(self.corpus), "FIGURES": _parameter_path(self.figures_dir),
                "REFERENCE": reference}


def _parameter_path(path: Path) -> str:
    """Project-relative where possible (committed notebooks then hold no machine path), else absolute."""
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path.resolve())


def plan_outputs(corpus: str | Path, out: str | Path | None = None) -> Plan:
    """Output folders for a corpus (see the module docstring)."""
    corpus = Path(corpus).resolve()
    name = corpus.name
    if out is not None:
        out = Path(out).resolve()
        return Plan(corpus, name, out, out, out / "figures", out / "_failed", committed=False)
    failed = REPORTS / "_failed" / name
    if corpus == SEEDS.resolve():
        return Plan(corpus, name, NOTEBOOKS, REPORTS / "seeds", FIGURES, failed, committed=True)
    return Plan(corpus, name, REPORTS / name, REPORTS / name, FIGURES / name, failed, committed=False)


def notebook_sources(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks' .py sources in reading order."""
    return sorted(folder.glob(NOTEBOOK_GLOB))


# ---------------------------------------------------------------------------------------------- one notebook


def build_notebook(source: Path) -> nbformat.NotebookNode:
    """The notebook of a jupytext percent .py file, with the python3 kernel and stable cell ids."""
    import jupytext

    nb = jupytext.read(source)
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": KERNEL}
    nb.metadata["jupytext"] = {"formats": "ipynb,py:percent"}
    return nb


def execute(nb: nbformat.NotebookNode, parameters: dict, failed_path: Path) -> nbformat.NotebookNode:
    """Execute a notebook headless from a clean kernel; raise NotebookFailed (one line) on an error."""
    import papermill

    failed_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="quotedrift-run-") as workdir:
        try:
            return papermill.execute_notebook(
                nb, str(failed_path), parameters=parameters, kernel_name=KERNEL, progress_bar=False,
                log_output=False, request_save_on_cell_execute=False, cwd=workdir,
                extra_arguments=KERNEL_ARGUMENTS,
            )
        except papermill.PapermillExecutionError as err:
            raise NotebookFailed(f"cell {err.exec_count}: {err.ename}: {_first_line(err.evalue)}") from None
        finally:
            _discard_if_passed(failed_path)


def _first_line(text: str) -> str:
    lines = [line for line in ANSI_RE.sub("", str(text)).splitlines() if line.strip()]
    return lines[0] if lines else ""


def _discard_if_passed(path: Path) -> None:
    """papermill writes the output notebook even when all went well; keep it only if it holds an error."""
    if path.exists() and '"output_type": "error"' not in path.read_text(encoding="utf-8"):
        path.unlink()


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop volatile metadata (papermill timestamps, durations, paths; execution timing), give cells stable
    ids and keep the injected-parameters cell."""
    nb.metadata = nbformat.NotebookNode({k: nb.metadata[k] for k in KEPT_METADATA if k in nb.metadata})
    nb.metadata.get("language_info", {}).pop("version", None)
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index:02d}"
        for key in ("papermill", "execution", "ExecuteTime", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
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


def run_one(source: Path, plan: Plan, reference: str | None) -> None:
    """Build, execute, clean and write one notebook and its HTML."""
    stem = source.stem
    failed = plan.failed_dir / f"{stem}.ipynb"
    nb = execute(build_notebook(source), plan.parameters(reference), failed)
    nb = clean(nb)
    if plan.committed and machine_paths(nb):
        raise NotebookFailed(f"output holds a machine path ({', '.join(machine_paths(nb))}); "
                             "show paths with quotedrift.paths.display_path")
    plan.notebooks_dir.mkdir(parents=True, exist_ok=True)
    plan.html_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, plan.notebooks_dir / f"{stem}.ipynb")
    write_html(nb, plan.html_dir / f"{stem}.html")
    if stderr_outputs(nb):
        print(f"report: {stem}: {stderr_outputs(nb)} cell(s) wrote to stderr (warnings?)", file=sys.stderr)


# ---------------------------------------------------------------------------------------------- the suite


def run_suite(corpus: str | Path, reference: str | None = None, out: str | Path | None = None,
              only: list[str] | None = None) -> list[str]:
    """Run every notebook on a corpus; returns one line per failed notebook (empty when all passed)."""
    from tqdm import tqdm

    plan = plan_outputs(corpus, out)
    sources = [s for s in notebook_sources() if not only or any(s.stem.startswith(o) for o in only)]
    if not only:
        figures.clear_figures(plan.figures_dir)
    failures = []
    for source in tqdm(sources, desc=f"notebooks on {plan.name}", unit="notebook", disable=None, leave=False):
        try:
            run_one(source, plan, reference)
        except NotebookFailed as err:
            failures.append(f"report: {source.stem} failed on {plan.name}: {err} "
                            f"(executed notebook kept in {display_path(plan.failed_dir)}/)")
    figures.write_figure_index(plan.figures_dir, plan.name)
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quotedrift.report", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(SEEDS), help="corpus folder (default: seeds/)")
    parser.add_argument("--reference", default=None, help="source id to use as reference text")
    parser.add_argument("--out", default=None, help="write notebooks, HTML and figures here instead")
    parser.add_argument("--only", nargs="*", default=None, help="run only notebooks whose name starts so (e.g. 02)")
    args = parser.parse_args(argv)
    logging.getLogger("papermill").setLevel(logging.ERROR)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"report: {args.corpus}: not a folder", file=sys.stderr)
        return 2
    started = time.monotonic()
    failures = run_suite(corpus, args.reference, args.out, args.only)
    for line in failures:
        print(line, file=sys.stderr)
    if failures:
        return 1
    plan = plan_outputs(corpus, args.out)
    count = len([s for s in notebook_sources() if not args.only or any(s.stem.startswith(o) for o in args.only)])
    print(f"report: {count} notebooks on {plan.name} in {time.monotonic() - started:.0f} s → "
          f"{display_path(plan.notebooks_dir)}/, {display_path(plan.html_dir)}/, {display_path(plan.figures_dir)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
