"""Output folders that cannot destroy anything (issue 13).

Every command that writes a folder (``quotedrift analyze --out``, ``quotedrift report``, ``make report``)
goes through two calls:

``check_output_folder(out, inputs)``
    before any work: refuses (``OutputError``, one line) an empty name, a file, a symbolic link, the current
    folder or one holding it, an input folder, a folder inside an input or one holding an input, a non-empty
    folder quotedrift did not make, and a place where nothing can be created.
``write_output_folder(out, fill, inputs)``
    ``fill(staging)`` writes everything into a fresh hidden sibling folder; a marker file is added; then the
    staging folder takes ``out``'s place by two renames. The old ``out`` (one quotedrift made, checked again
    just before) is removed only after the new one is in place. On any failure the staging folder is
    removed and ``out`` is left as it was.

A folder counts as made by quotedrift when it holds the marker file ``MARKER``. An empty folder may be used.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import InputError

MARKER = ".quotedrift-output"
MARKER_TEXT = ("This folder was written by quotedrift. The next run with the same output folder replaces it whole:\n"
               "do not keep your own files here.\n")


class OutputError(InputError):
    """An output folder that may not be written: the message is one line naming it and saying why."""


def shown(name: str | os.PathLike | bytes) -> str:
    """A file name (or any text from the user) as one printable line: newlines, control characters, terminal
    escape sequences and undecodable bytes appear escaped (``\\n``, ``\\x1b``, ``\\xff``), never raw."""
    text = name if isinstance(name, str) else os.fsdecode(name)
    pieces = []
    for ch in text:
        if 0xDC80 <= ord(ch) <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
            pieces.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ch.isprintable():
            pieces.append(ch)
        else:
            pieces.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(pieces)


def is_quotedrift_folder(path: Path) -> bool:
    """Whether ``path`` is a real folder (not a link) holding quotedrift's marker file."""
    return path.is_dir() and not path.is_symlink() and (path / MARKER).is_file()


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _nearest_existing(path: Path) -> Path:
    """The nearest ancestor of ``path`` (or itself) that exists (links count, dangling or not)."""
    for candidate in (path, *path.parents):
        if os.path.lexists(candidate):
            return candidate
    return Path(path.anchor or ".")


def check_output_folder(out: str | os.PathLike | None, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """The absolute output folder, or OutputError (one line) when writing it could lose anything.

    ``inputs`` are the folders the command reads (the corpus): the output may be neither one of them, nor
    inside one, nor hold one. Nothing is created or changed on disk by this check."""
    if out is None or not os.fspath(out).strip():
        raise OutputError("--out is empty: name a new folder for the output")
    given = shown(out)
    path = Path(os.path.abspath(os.fspath(out)))
    if path.is_symlink():
        raise OutputError(f"{given}: is a symbolic link; name a real folder for the output")
    if path.exists() and not path.is_dir():
        raise OutputError(f"{given}: is a file, not a folder; name a new folder for the output")
    resolved = path.resolve()
    cwd = Path.cwd().resolve()
    if _within(cwd, resolved):
        raise OutputError(f"{given}: is the current folder (or holds it); name a new folder for the output")
    for folder in inputs:
        corpus = Path(os.path.abspath(os.fspath(folder))).resolve()
        if _within(resolved, corpus):
            raise OutputError(f"{given}: is the corpus folder {shown(folder)} or inside it; write the output elsewhere")
        if _within(corpus, resolved):
            raise OutputError(f"{given}: holds the corpus folder {shown(folder)}; write the output elsewhere")
    if path.is_dir() and any(path.iterdir()) and not is_quotedrift_folder(path):
        raise OutputError(f"{given}: is a folder quotedrift did not make and it is not empty (no {MARKER} file); "
                          "name a new folder for the output")
    base = _nearest_existing(path.parent)
    if not base.is_dir():
        raise OutputError(f"{given}: {shown(base)} is a file, so no folder can be made under it")
    if not os.access(base, os.W_OK | os.X_OK) or not _can_create_in(base):
        raise OutputError(f"{given}: cannot write in {shown(base)} (read-only or no permission)")
    return path


def _can_create_in(folder: Path) -> bool:
    """Whether a folder can be made in ``folder`` (tried and removed at once: root passes os.access anywhere)."""
    try:
        probe = tempfile.mkdtemp(prefix=".quotedrift-probe.", dir=folder)
    except OSError:
        return False
    os.rmdir(probe)
    return True


def write_output_folder(out: str | os.PathLike, fill: Callable[[Path], None],
                        inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Write a whole output folder atomically: ``fill(staging)`` writes the files, then the folder replaces
    ``out`` (checked again with :func:`check_output_folder`). Returns the output folder."""
    inputs = list(inputs)
    path = check_output_folder(out, inputs)
    made = [p for p in (path.parent, *path.parent.parents) if not os.path.lexists(p)]
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.new.", dir=path.parent))
    try:
        fill(staging)
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        check_output_folder(out, inputs)  # nothing changed under our feet while we worked
        _swap_in(staging, path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        for folder in made:  # parents this call created, deepest first, only if still empty
            try:
                folder.rmdir()
            except OSError:
                break
        raise
    return path


def _swap_in(staging: Path, path: Path) -> None:
    """Put ``staging`` at ``path``: a fresh rename, or old → trash, staging → path, trash removed."""
    if not os.path.lexists(path):
        staging.rename(path)
        return
    trash = Path(tempfile.mkdtemp(prefix=f".{path.name}.old.", dir=path.parent))
    old = trash / "old"
    try:
        path.rename(old)
    except BaseException:
        trash.rmdir()
        raise
    try:
        staging.rename(path)
    except BaseException:
        old.rename(path)
        trash.rmdir()
        raise
    shutil.rmtree(trash)
