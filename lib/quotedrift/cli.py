"""Command line: ``quotedrift analyze CORPUS_DIR --out OUT_DIR [--reference SOURCE_ID] [--all-pairs]``.

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

from .analysis import TABLES, Analysis, analyze
from .corpus import CorpusError
from .outdir import OutputError, check_output_folder, shown, write_output_folder

BAD_INPUT, INTERNAL_ERROR = 2, 1
BUG_REPORT = ("this is a bug in quotedrift, not a problem with your files: please report it in the project's "
              "issue tracker with the command you ran and this line")


class OneLineParser(argparse.ArgumentParser):
    """argparse with usage errors on one line (exit 2), like every other error of the command."""

    def error(self, message: str):
        self.exit(BAD_INPUT, f"{self.prog}: error: {shown(message)} (see {self.prog} --help)\n")


def write_tables(result: Analysis, out: Path, inputs: tuple[Path, ...] = (), all_pairs: bool = False) -> list[Path]:
    """Write every table as UTF-8 CSV (sorted rows, header row) and the article texts to ``out/text/``.

    The folder appears complete or not at all (:func:`quotedrift.outdir.write_output_folder`)."""
    def fill(staging: Path) -> None:
        for name in TABLES:
            result.tables[name].to_csv(staging / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
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
    return parser


def analyze_command(args: argparse.Namespace) -> int:
    check_output_folder(args.out, inputs=[args.corpus])
    result = analyze(args.corpus, reference=args.reference)
    for note in result.corpus.notes:
        print(f"quotedrift: note: {shown(note)}", file=sys.stderr)
    written = write_tables(result, args.out, inputs=(args.corpus,), all_pairs=args.all_pairs)
    print(f"quotedrift: wrote {len(written)} tables for {len(result.texts)} articles to {shown(args.out)}")
    return 0


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
        return analyze_command(args)
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
