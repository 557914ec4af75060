"""Mistakes in the user's input show as one line in a notebook; quotedrift's own bugs keep their traceback."""

from __future__ import annotations

import contextlib
import io

import pytest
from IPython.core.interactiveshell import InteractiveShell


def cell_output(code: str) -> str:
    """What an IPython kernel prints for one cell (a traceback goes to stdout)."""
    shell = InteractiveShell.instance()
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        shell.run_cell(code)
    return buffer.getvalue()


@pytest.mark.parametrize("code, expected", [
    ("from quotedrift.notebook import ParameterError\nraise ParameterError('unknown notebook parameter TOP_N')",
     "ParameterError: unknown notebook parameter TOP_N\n"),
    ("import quotedrift\nquotedrift.analyze('/no/such/corpus')", "CorpusError: /no/such/corpus: not a folder\n"),
    ("from quotedrift.outdir import OutputError\nraise OutputError('out: is a file')", "OutputError: out: is a file\n"),
    ("from quotedrift.report import ReportError\nraise ReportError('report: no notebook 09')",
     "ReportError: report: no notebook 09\n"),
])
def test_an_input_error_is_one_line_in_a_notebook(code, expected):
    assert cell_output(code) == expected


@pytest.mark.parametrize("code", [
    "raise ValueError('a bug in quotedrift')",
    "from quotedrift.notebook import start\nstart(None, None)",  # a wrong call, not bad input: full traceback
])
def test_other_errors_keep_their_traceback(code):
    printed = cell_output(code)
    assert "Traceback" in printed or "Cell In[" in printed
    assert len(printed.splitlines()) > 3
