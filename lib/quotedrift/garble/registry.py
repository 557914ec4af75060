"""The one list of garble kinds: each detector registers itself here once, and every consumer reads it.

A detector module decorates its finder with :func:`register`, giving the kind it reports, its severity, a
plain-words explanation, the colour of its highlight and its scope:

- ``article``: ``find(text, words) -> rows`` looks at one article (``words`` is ``text.tokens(text)``);
- ``corpus``: ``find(corpus, quotes) -> rows`` compares articles (or reads another stage's table), and each
  of its rows carries ``source``;
- ``aligned``: ``find(corpus, quotes, edits) -> rows`` compares the versions of one utterance: it runs after
  alignment and drift (``quotes`` then carries ``utterance_id``; ``edits`` is drift's table), in
  :func:`quotedrift.garble.aligned_garbles`; its rows carry ``source`` and never feed back into alignment.

Rows are ``{start, end, kind, detail, severity}`` built with :func:`row`. The display legend, the scorecard
columns, the narrative, the precision script and the tests all iterate :func:`detectors`, so a new detector
is one module in this package (found by ``garble/__init__``) and one ``@register``.

Severity (a number the scorecard can weigh)
    1  cosmetic residue: junk around the article, its own words intact
    2  damaged wording: a sentence reads wrong but its meaning can be recovered
    3  meaning-damaging: a reader may take away a wrong fact
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

SCOPES = ("article", "corpus", "aligned")
SEVERITIES = (1, 2, 3)


class RegistryError(ValueError):
    """A detector registered twice, or with a scope or severity the registry does not know (a bug in code)."""


@dataclass(frozen=True)
class Detector:
    """One kind of damage and the function that finds it.

    ``explanation`` is a template in plain words; ``{text}`` stands for the damaged span (see :meth:`explain`).
    ``confirmed_by`` lists words that, in a manifest's notes, describe this damage (the precision script
    counts a row on a clean copy as confirmed when its notes use one of them)."""

    kind: str
    severity: int
    explanation: str
    colour: str
    scope: str
    find: Callable[..., list[dict]]
    confirmed_by: tuple[str, ...] = ()

    @property
    def module(self) -> str:
        return getattr(self.find, "__module__", "")

    def explain(self, text: str = "…") -> str:
        """The explanation with the damaged span filled in."""
        return self.explanation.format(text=text)

    @property
    def meaning(self) -> str:
        """The explanation without a span ("a word or fragment printed twice"), for legends and narrative."""
        return self.explanation.replace("‘{text}’: ", "").replace("{text}", "this span")


_DETECTORS: dict[str, Detector] = {}


def register(kind: str, *, severity: int, explanation: str, colour: str, scope: str = "article",
             confirmed_by: tuple[str, ...] = ()) -> Callable[[Callable], Callable]:
    """Decorator: register ``find`` as the detector of ``kind`` (once; a second registration is an error)."""
    if scope not in SCOPES:
        raise RegistryError(f"garble kind {kind!r}: scope must be one of {SCOPES}, not {scope!r}")
    if severity not in SEVERITIES:
        raise RegistryError(f"garble kind {kind!r}: severity must be one of {SEVERITIES}, not {severity!r}")
    if "{text}" not in explanation:
        raise RegistryError(f"garble kind {kind!r}: the explanation template must contain {{text}}")

    def decorate(find: Callable) -> Callable:
        if kind in _DETECTORS:
            raise RegistryError(f"garble kind {kind!r} is registered twice ({_DETECTORS[kind].module}, "
                                f"{getattr(find, '__module__', '')})")
        _DETECTORS[kind] = Detector(kind, severity, explanation, colour, scope, find, tuple(confirmed_by))
        return find

    return decorate


def unregister(kind: str) -> None:
    """Remove a kind (for tests that register a detector of their own)."""
    _DETECTORS.pop(kind, None)


def detectors(scope: str | None = None) -> Iterator[Detector]:
    """Every registered detector, in registration order (modules are imported in name order), optionally of
    one scope."""
    return (d for d in list(_DETECTORS.values()) if scope is None or d.scope == scope)


def detector(kind: str) -> Detector | None:
    """The detector of one kind, or None for a kind no detector reports."""
    return _DETECTORS.get(kind)


def kinds() -> tuple[str, ...]:
    """Every registered kind, most severe first, then by name (the order tables and legends use)."""
    return tuple(sorted(_DETECTORS, key=lambda k: (-_DETECTORS[k].severity, k)))


def severity(kind: str) -> int:
    found = _DETECTORS.get(kind)
    return found.severity if found else 1


def row(start: int, end: int, kind: str, detail: str, severity_: int | None = None) -> dict:
    """One detector row; severity from the kind's registration unless given."""
    return {"start": start, "end": end, "kind": kind, "detail": detail,
            "severity": severity(kind) if severity_ is None else severity_}
