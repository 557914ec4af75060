"""Project paths, hung off the package so notebooks and scripts work from any folder."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent.parent
SEEDS = PROJECT_ROOT / "seeds"
CORPORA = PROJECT_ROOT / "corpora"  # the development stories, each a folder (four with a gold.yaml)
FIGURES = PROJECT_ROOT / "figures"
REPORTS = PROJECT_ROOT / "reports"
NOTEBOOKS = PROJECT_ROOT / "notebooks"
GOLD = PROJECT_ROOT / "tests" / "fixtures" / "seeds_gold.yaml"


def display_path(path: Path | str) -> str:
    """A path as a reader should see it: relative to the project where possible, never a machine path."""
    path = Path(path)
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return path.name if path.is_absolute() else path.as_posix()
