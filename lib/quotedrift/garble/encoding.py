"""mojibake: encoding damage ("donâ€™t" for "don’t"), as ftfy tells."""

from __future__ import annotations

import re

from .registry import register, row


_CHUNK = re.compile(r"\S+")


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_BADNESS_REACH = 8  # no pattern of ftfy's badness expression is longer than this many characters


def _maybe_bad(text: str, is_bad) -> bool:
    """``is_bad(text)``, answered from small windows around the non-ASCII characters: every mojibake
    pattern contains a non-ASCII character and spans fewer than ``_BADNESS_REACH`` characters, so a text
    whose windows are all clean is clean (ASCII text costs nothing). A window that looks bad is confirmed
    on the whole text (``^`` in a window is not the start of the text)."""
    windows: list[list[int]] = []
    for run in _NON_ASCII.finditer(text):
        start, end = max(0, run.start() - _BADNESS_REACH), run.end() + _BADNESS_REACH
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    if any(is_bad(text[start:end]) for start, end in windows):
        return is_bad(text)
    return False


@register("mojibake", severity=2, colour="#ffa8a8",
          explanation="‘{text}’: encoding damage (characters decoded with the wrong code page)",
          confirmed_by=("encoding", "mojibake"))
def mojibake(text: str, words=None) -> list[dict]:
    """Encoding damage (UTF-8 read as Windows-1252 and the like), as ftfy detects and repairs it."""
    import ftfy
    from ftfy.badness import is_bad

    rows = []
    if not _maybe_bad(text, is_bad):
        return rows
    for match in _CHUNK.finditer(text):
        chunk = match.group()
        if is_bad(chunk):
            fixed = ftfy.fix_encoding(chunk)
            if fixed != chunk:
                rows.append(row(match.start(), match.end(), "mojibake",
                                f"‘{chunk}’: encoding damage; it should read ‘{fixed}’"))
    return rows


