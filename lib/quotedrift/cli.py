"""Command line: ``quotedrift analyze CORPUS_DIR --out OUT_DIR [--reference SOURCE_ID] [--excel]``, and
``quotedrift figures``, ``quotedrift cards``, ``quotedrift report`` (see ``quotedrift COMMAND --help``).

Everything is computed in memory first, then written to a temporary folder beside OUT_DIR and moved into
place, so a failure never leaves a half-written output. Bad input is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from .analysis import TABLES, Analysis, analyze, with_outlets
from .corpus import CorpusError


def write_tables(result: Analysis, out: Path, excel: bool = False) -> list[Path]:
    """Write every table as UTF-8 CSV (sorted rows, header row, an ``outlet`` column beside every ``source``
    column) and the article texts to ``out/text/``. With ``excel`` the CSVs start with a UTF-8 byte-order mark,
    so spreadsheet programs read curly quotes and accents right.

    The folder appears complete or not at all: files are written to a temporary sibling folder first.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for name in TABLES:
            with_outlets(result.tables[name], result.articles).to_csv(
                staging / f"{name}.csv", index=False, encoding="utf-8-sig" if excel else "utf-8", lineterminator="\n")
        (staging / "text").mkdir()
        for source, text in sorted(result.texts.items()):
            (staging / "text" / f"{source}.txt").write_text(text, encoding="utf-8", newline="\n")
        _replace_folder(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return sorted(out.rglob("*.csv"))


def _replace_folder(staging: Path, out: Path) -> None:
    """Move the staged files into ``out``, replacing only the files this command writes."""
    if not out.exists():
        staging.rename(out)
        return
    if (out / "text").exists():
        shutil.rmtree(out / "text")
    for item in staging.iterdir():
        item.replace(out / item.name)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotedrift", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("analyze", help="analyse a corpus folder and write the tables as CSV")
    run.add_argument("corpus", type=Path, help="folder of articles (.txt .md .html .htm) and optional sources.csv")
    run.add_argument("--out", type=Path, required=True, help="output folder for the CSV tables")
    run.add_argument("--reference", default=None, help="source id to use as reference where there is no primary text")
    run.add_argument("--excel", action="store_true", help="start each CSV with a UTF-8 byte-order mark (for spreadsheets)")
    add_reader_commands(commands)
    return parser


# ---------------------------------------------------------------------------------------------- figures, cards, report


def add_reader_commands(commands) -> None:
    """The commands that write what a reader takes away: figures, utterance cards, the notebook report."""
    from . import plots, report

    fig = commands.add_parser("figures", help="draw the suite's figures for a corpus (PNG, SVG, PDF + CSV)")
    fig.add_argument("corpus", type=Path, help="corpus folder")
    fig.add_argument("--out", type=Path, required=True, help="folder for the figure files")
    fig.add_argument("--format", default="png,svg,pdf", help="comma-separated formats among png, svg, pdf")
    fig.add_argument("--only", nargs="*", default=None, choices=sorted(plots.FIGURES), metavar="NAME",
                     help=f"only these figures ({', '.join(plots.FIGURES)})")
    fig.add_argument("--reference", default=None, help="source id to use as reference where there is no primary text")
    fig.set_defaults(handler=figures_command)
    card = commands.add_parser("cards", help="write one HTML card per utterance (and PNGs with --png)")
    card.add_argument("corpus", type=Path, help="corpus folder")
    card.add_argument("--out", type=Path, required=True, help="folder for the cards")
    card.add_argument("--png", action="store_true", help="also a PNG of each card (needs Chromium)")
    card.add_argument("--reference", default=None, help="source id to use as reference where there is no primary text")
    card.set_defaults(handler=cards_command)
    rep = commands.add_parser("report", help="execute the notebooks on a corpus (notebooks, HTML, figures)")
    rep.add_argument("corpus", type=Path, help="corpus folder")
    report.add_arguments(rep, corpus_flag=False)
    rep.set_defaults(handler=report_command)


def _staged(out: Path, write) -> list[Path]:
    """Call ``write(folder)`` on a temporary sibling of ``out``, then move what it wrote into ``out`` (files
    of the same name replaced, nothing else touched). A failure leaves ``out`` as it was."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        write(staging)
        out.mkdir(exist_ok=True)
        moved = []
        for item in sorted(staging.iterdir()):
            item.replace(out / item.name)
            moved.append(out / item.name)
        return moved
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def figures_command(args) -> int:
    """``quotedrift figures CORPUS --out DIR [--format png,svg,pdf] [--only NAME …]``."""
    import matplotlib

    matplotlib.use("Agg")
    from . import figures, plots

    formats = tuple(f.strip().lower() for f in args.format.split(",") if f.strip())
    unknown = [f for f in formats if f not in figures.FORMATS]
    if unknown or not formats:
        print(f"quotedrift: error: --format {args.format}: choose from {', '.join(figures.FORMATS)}", file=sys.stderr)
        return 2
    result = analyze(args.corpus, reference=args.reference)
    names = args.only or list(plots.FIGURES)

    def write(folder: Path) -> None:
        for name in names:
            fig = plots.FIGURES[name](result)
            plots.save(fig, folder, corpus=result.corpus, formats=formats)
            plots.close([fig])

    written = _staged(args.out, write)
    print(f"quotedrift: wrote {len(names)} figures ({', '.join(formats)} + csv) for {result.corpus.name} to "
          f"{args.out} ({len(written)} files)")
    return 0


def cards_command(args) -> int:
    """``quotedrift cards CORPUS --out DIR [--png]``."""
    from . import cards

    if args.png and cards.chromium() is None:
        print("quotedrift: error: --png needs Chromium (apt-get install -y chromium)", file=sys.stderr)
        return 2
    result = analyze(args.corpus, reference=args.reference)
    _staged(args.out, lambda folder: cards.write_cards(result, folder, png=args.png))
    print(f"quotedrift: wrote {len(result.utterances)} utterance cards for {result.corpus.name} to {args.out}")
    return 0


def report_command(args) -> int:
    """``quotedrift report CORPUS [--out DIR] [--reference ID] [--param NAME=VALUE …]``."""
    from . import report

    return report.run(str(args.corpus), args.out, args.reference, args.param, args.only)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "handler", None) is not None:
        try:
            return args.handler(args)
        except CorpusError as err:
            print(f"quotedrift: error: {err}", file=sys.stderr)
            return 2
    try:
        result = analyze(args.corpus, reference=args.reference)
    except CorpusError as err:
        print(f"quotedrift: error: {err}", file=sys.stderr)
        return 2
    for note in result.corpus.notes:
        print(f"quotedrift: note: {note}", file=sys.stderr)
    written = write_tables(result, args.out, excel=args.excel)
    print(f"quotedrift: wrote {len(written)} tables for {len(result.texts)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
