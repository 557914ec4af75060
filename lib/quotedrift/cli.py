"""Command line: ``quotedrift analyze CORPUS_DIR --out OUT_DIR [--reference SOURCE_ID] [--all-pairs] [--excel]``,
and ``quotedrift figures``, ``quotedrift cards``, ``quotedrift report`` (see ``quotedrift COMMAND --help``).

The output folder is checked before any work (:mod:`quotedrift.outdir`: a new folder, an empty one, or one
quotedrift made before; never the corpus, the current folder, a file or a read-only place). Everything is
computed in memory, written to a hidden sibling folder and moved into place, so a failure never leaves a
half-written output and never deletes anything quotedrift did not write.

Every failure is one line on stderr: bad input (the user's files, the manifest, ``--out``) exits 2 naming
the file; an internal error exits 1 and says it is a bug and where to report it. Names are shown escaped.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from . import align
from .analysis import TABLES, Analysis, analyze, with_outlets
from .corpus import CorpusError
from .outdir import OutputError, check_output_folder, shown, write_output_folder

BAD_INPUT, INTERNAL_ERROR = 2, 1
BUG_REPORT = ("this is a bug in quotedrift, not a problem with your files: please report it in the project's "
              "issue tracker with the command you ran and this line")


class OneLineParser(argparse.ArgumentParser):
    """argparse with usage errors on one line (exit 2), like every other error of the command."""

    def error(self, message: str):
        self.exit(BAD_INPUT, f"{self.prog}: error: {shown(message)} (see {self.prog} --help)\n")


def write_tables(result: Analysis, out: Path, inputs: tuple[Path, ...] = (), all_pairs: bool = False,
                 excel: bool = False) -> list[Path]:
    """Write every table as UTF-8 CSV (sorted rows, header row, an ``outlet`` column beside every ``source``
    column) and the article texts to ``out/text/``. With ``excel`` the CSVs start with a UTF-8 byte-order mark,
    so spreadsheet programs read curly quotes and accents right.

    The folder appears complete or not at all (:func:`quotedrift.outdir.write_output_folder`)."""
    def fill(staging: Path) -> None:
        for name in TABLES:
            with_outlets(result.tables[name], result.articles).to_csv(
                staging / f"{name}.csv", index=False, encoding="utf-8-sig" if excel else "utf-8", lineterminator="\n")
        if all_pairs:  # every two versions of an utterance: grows with the square of its outlets
            result.link_pairs().to_csv(staging / "link_pairs.csv", index=False, encoding="utf-8", lineterminator="\n")
        (staging / "text").mkdir()
        for source, text in sorted(result.texts.items()):
            (staging / "text" / f"{source}.txt").write_text(text, encoding="utf-8", newline="\n")

    folder = write_output_folder(out, fill, inputs)
    return sorted(folder.glob("*.csv"))


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="quotedrift", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    run = commands.add_parser("analyze", help="analyse a corpus folder and write the tables as CSV")
    run.add_argument("corpus", type=Path, help="folder of articles (.txt .md .html .htm) and optional sources.csv")
    run.add_argument("--out", required=True, help="output folder for the CSV tables: new, empty, or written "
                                                  "by quotedrift before (it is then replaced whole)")
    run.add_argument("--reference", default=None, help="source id to use as reference where there is no primary text")
    run.add_argument("--all-pairs", action="store_true",
                     help="also write link_pairs.csv: every two versions of an utterance (grows with the square "
                          "of its outlets; for small corpora)")
    run.add_argument("--excel", action="store_true", help="start each CSV with a UTF-8 byte-order mark (for spreadsheets)")
    run.set_defaults(handler=analyze_command)
    add_reader_commands(commands)
    return parser


def analyze_command(args: argparse.Namespace) -> int:
    check_output_folder(args.out, inputs=[args.corpus])
    result = analyze(args.corpus, reference=args.reference)
    for note in result.corpus.notes:
        print(f"quotedrift: note: {shown(note)}", file=sys.stderr)
    written = write_tables(result, args.out, inputs=(args.corpus,), all_pairs=args.all_pairs, excel=args.excel)
    print(f"quotedrift: wrote {len(written)} tables for {len(result.texts)} articles to {shown(args.out)}")
    return 0


# ---------------------------------------------------------------------------------------------- figures, cards, report


def add_reader_commands(commands) -> None:
    """The commands that write what a reader takes away: figures, utterance cards, the notebook report."""
    from . import plots, report

    fig = commands.add_parser("figures", help="draw the suite's figures for a corpus (PNG, SVG, PDF + CSV)")
    fig.add_argument("corpus", type=Path, help="corpus folder")
    fig.add_argument("--out", required=True, help="folder for the figure files: new, empty, or written by quotedrift")
    fig.add_argument("--format", default="png,svg,pdf", help="comma-separated formats among png, svg, pdf")
    fig.add_argument("--only", nargs="*", default=None, choices=sorted(plots.FIGURES), metavar="NAME",
                     help=f"only these figures ({', '.join(plots.FIGURES)})")
    fig.add_argument("--reference", default=None, help="source id to use as reference where there is no primary text")
    fig.set_defaults(handler=figures_command)
    card = commands.add_parser("cards", help="write one HTML card per utterance (and PNGs with --png)")
    card.add_argument("corpus", type=Path, help="corpus folder")
    card.add_argument("--out", required=True, help="folder for the cards: new, empty, or written by quotedrift")
    card.add_argument("--png", action="store_true", help="also a PNG of each card (needs Chromium)")
    card.add_argument("--reference", default=None, help="source id to use as reference where there is no primary text")
    card.set_defaults(handler=cards_command)
    rep = commands.add_parser("report", help="execute the notebooks on a corpus (notebooks, HTML, figures)")
    rep.add_argument("corpus", type=Path, help="corpus folder")
    report.add_arguments(rep, corpus_flag=False)
    rep.set_defaults(handler=report_command)


def figures_command(args: argparse.Namespace) -> int:
    """``quotedrift figures CORPUS --out DIR [--format png,svg,pdf] [--only NAME …]``."""
    import matplotlib

    matplotlib.use("Agg")
    from . import figures, plots

    formats = tuple(f.strip().lower() for f in args.format.split(",") if f.strip())
    unknown = [f for f in formats if f not in figures.FORMATS]
    if unknown or not formats:
        raise OutputError(f"--format {args.format}: choose from {', '.join(figures.FORMATS)}")
    check_output_folder(args.out, inputs=[args.corpus])
    result = analyze(args.corpus, reference=args.reference)
    names = args.only or list(plots.FIGURES)

    def fill(folder: Path) -> None:
        for name in names:
            fig = plots.FIGURES[name](result)
            plots.save(fig, folder, corpus=result.corpus, formats=formats)
            plots.close([fig])

    write_output_folder(args.out, fill, inputs=(args.corpus,))
    print(f"quotedrift: wrote {len(names)} figures ({', '.join(formats)} + csv) for {result.corpus.name} "
          f"to {shown(args.out)}")
    return 0


def cards_command(args: argparse.Namespace) -> int:
    """``quotedrift cards CORPUS --out DIR [--png]``."""
    from . import cards

    if args.png and cards.chromium() is None:
        raise OutputError("--png needs Chromium (apt-get install -y chromium)")
    check_output_folder(args.out, inputs=[args.corpus])
    result = analyze(args.corpus, reference=args.reference)
    write_output_folder(args.out, lambda folder: cards.write_cards(result, folder, png=args.png), inputs=(args.corpus,))
    print(f"quotedrift: wrote {len(align.shared_utterances(result.utterances))} utterance cards for {result.corpus.name} to {shown(args.out)}")
    return 0


def report_command(args: argparse.Namespace) -> int:
    """``quotedrift report CORPUS [--out DIR] [--reference ID] [--param NAME=VALUE …]``."""
    from . import report

    return report.run(str(args.corpus), args.out, args.reference, args.param, args.only)


def user_error(err: BaseException) -> str | None:
    """The one line for an error caused by the user's files or arguments, or None for an internal error."""
    if isinstance(err, (CorpusError, OutputError)):
        return str(err)
    if isinstance(err, OSError):
        name = err.filename if err.filename is not None else "a file"
        return f"{shown(name)}: {err.strerror or err}"
    if isinstance(err, UnicodeError):
        return f"a file or file name could not be decoded or encoded ({err})"
    if isinstance(err, csv.Error):
        return f"a CSV file could not be read ({err})"
    return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("quotedrift: interrupted; nothing was written", file=sys.stderr)
        return 130
    except Exception as err:  # the one place every failure becomes one line
        message = user_error(err)
        if message is not None:
            print(f"quotedrift: error: {shown(message)}", file=sys.stderr)
            return BAD_INPUT
        print(f"quotedrift: internal error: {shown(f'{type(err).__name__}: {err}')} — {BUG_REPORT}", file=sys.stderr)
        return INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
