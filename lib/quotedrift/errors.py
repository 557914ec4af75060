"""The one base class for mistakes in what the user gave (files, folders, parameters): one line, no traceback.

The command line prints such an error as one line (``quotedrift: …``). In a notebook, IPython calls an
exception's ``_render_traceback_`` instead of formatting a traceback, so a rerun with a wrong corpus or an
unknown parameter shows the same one line in the cell (and in the notebook papermill writes), not forty lines
of library internals. Bugs in quotedrift are not InputErrors and keep their full traceback.
"""

from __future__ import annotations


class InputError(ValueError):
    """Bad input from the user: the message is one line naming the file, folder or parameter and the problem."""

    def _render_traceback_(self) -> list[str]:
        """What IPython shows for this error: its class name and message, on one line."""
        return [f"{type(self).__name__}: {self}"]
