"""Command line: ``quotedrift analyze CORPUS_DIR --out OUT_DIR [--reference SOURCE_ID] [--all-pairs]``.

Everything is computed in memory first, then written to a temporary folder beside OUT_DIR and moved into
place, so a failure never leaves a half-written output. Bad input is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from .analysis import TABLES, Analysis, analyze
from .corpus import CorpusError


def write_tables(result: Analysis, out: Path, all_pairs: bool = False) -> list[Path]:
    """Write every table as UTF-8 CSV (sorted rows, header row) and the article texts to ``out/text/``.

    The folder appears complete or not at all: files are written to a temporary sibling folder first.
    ``all_pairs`` adds ``link_pairs.csv`` (every two versions of an utterance; for small corpora).
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for name in TABLES:
            result.tables[name].to_csv(staging / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
        if all_pairs:
            result.link_pairs().to_csv(staging / "link_pairs.csv", index=False, encoding="utf-8", lineterminator="\n")
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
    run.add_argument("--all-pairs", action="store_true",
                     help="also write link_pairs.csv: every two versions of an utterance (grows with the square "
                          "of its outlets; for small corpora)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result = analyze(args.corpus, reference=args.reference)
    except CorpusError as err:
        print(f"quotedrift: error: {err}", file=sys.stderr)
        return 2
    for note in result.corpus.notes:
        print(f"quotedrift: note: {note}", file=sys.stderr)
    written = write_tables(result, args.out, all_pairs=args.all_pairs)
    print(f"quotedrift: wrote {len(written)} tables for {len(result.texts)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
