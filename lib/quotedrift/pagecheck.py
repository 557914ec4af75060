"""Check rendered notebook pages in a headless browser: no table may run past 1,400 px.

``python -m quotedrift.pagecheck reports/seeds/*.html`` opens each page in headless Chromium at a window
1,400 px wide, measures every table's right edge as the reader sees it (a table inside a scrolling box is
cut at that box's edge) and the page's own width, and prints one line per page; exit code 1 if any table
runs past the limit. Needs Chromium (``apt-get install -y chromium``); the pages are read, never changed.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .cards import chromium

MAX_WIDTH_PX = 1400  # the widest a reader's window is assumed to be (issue 14)
BROWSER_SECONDS = 120
RESULT_RE = re.compile(r'<pre id="qd-width-check">(.*?)</pre>', re.DOTALL)

MEASURE = """
<script>
window.addEventListener("load", function () {
  var limit = %d, bad = [];
  document.querySelectorAll("table").forEach(function (table, i) {
    var right = table.getBoundingClientRect().right;
    for (var box = table.parentElement; box; box = box.parentElement) {
      var overflow = getComputedStyle(box).overflowX;
      if (overflow === "auto" || overflow === "scroll" || overflow === "hidden") {
        right = Math.min(right, box.getBoundingClientRect().right);
        break;
      }
    }
    if (right > limit + 0.5) {
      bad.push({table: i, right: Math.round(right), text: (table.innerText || "").slice(0, 80)});
    }
  });
  var out = document.createElement("pre");
  out.id = "qd-width-check";
  out.textContent = JSON.stringify({tables: document.querySelectorAll("table").length,
                                    page_width: document.documentElement.scrollWidth, too_wide: bad});
  document.body.appendChild(out);
});
</script>
"""


@dataclass(frozen=True)
class PageWidth:
    """What the browser measured on one page."""

    page: str
    tables: int
    page_width: int
    too_wide: list

    @property
    def ok(self) -> bool:
        return not self.too_wide and self.page_width <= MAX_WIDTH_PX


def measure(page: Path, limit: int = MAX_WIDTH_PX) -> PageWidth:
    """Open a copy of ``page`` (with the measuring script added) in headless Chromium ``limit`` px wide."""
    browser = chromium()
    if browser is None:
        raise RuntimeError("no Chromium found (install it: apt-get install -y chromium)")
    markup = page.read_text(encoding="utf-8")
    marker = "</body>" if "</body>" in markup else None
    script = MEASURE % limit
    markup = markup.replace(marker, script + marker, 1) if marker else markup + script
    with tempfile.TemporaryDirectory(prefix="quotedrift-pagecheck-") as scratch:
        copy = Path(scratch) / page.name
        copy.write_text(markup, encoding="utf-8")
        done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                               f"--user-data-dir={scratch}/profile", f"--window-size={limit},900",
                               "--virtual-time-budget=15000", "--dump-dom", copy.as_uri()],
                              capture_output=True, text=True, timeout=BROWSER_SECONDS)
    found = RESULT_RE.search(done.stdout)
    if not found:
        raise RuntimeError(f"{page.name}: the browser returned no measurement")
    result = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<")
                        .replace("&gt;", ">"))
    return PageWidth(page.name, result["tables"], result["page_width"], result["too_wide"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quotedrift.pagecheck", description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", type=Path, help="rendered HTML pages (e.g. reports/seeds/*.html)")
    args = parser.parse_args(argv)
    failed = 0
    for page in args.pages:
        try:
            width = measure(page)
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as err:
            print(f"pagecheck: {page.name}: {err}", file=sys.stderr)
            return 2
        verdict = "ok" if width.ok else "TOO WIDE"
        print(f"pagecheck: {page.name}: {width.tables} tables, page {width.page_width} px, "
              f"{len(width.too_wide)} past {MAX_WIDTH_PX} px — {verdict}")
        for table in width.too_wide:
            print(f"    table {table['table']} reaches {table['right']} px: {table['text']!r}")
        failed += not width.ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
