"""Find known spellings (names, acronyms, aliases) in a text without compiling a regex per document.

A document brings its own handful of names; compiling an alternation for each would cost more
than the rest of the extraction, so small sets are found with ``str.find``. Large, long-lived
sets (the gazetteer) compile one alternation, once, and keep it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_SMALL_SET = 40


@functools.lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    return text.lower()


class FormIndex:
    """Literal spellings, matched on word boundaries, longest first, without overlaps."""

    __slots__ = ("_forms", "_fold", "_left_stop", "_right_stop", "_regex")

    def __init__(
        self,
        forms: Iterable[str],
        *,
        ignore_case: bool = False,
        left_stop: str = "",
        right_stop: str = "-",
    ) -> None:
        uniq = {f.lower() if ignore_case else f: f for f in forms if f}
        self._forms = sorted(uniq.values(), key=len, reverse=True)
        self._fold = ignore_case
        self._left_stop = left_stop
        self._right_stop = right_stop
        self._regex: re.Pattern[str] | None = None

    def __bool__(self) -> bool:
        return bool(self._forms)

    def _bounded(self, text: str, s: int, e: int) -> bool:
        if s > 0:
            prev = text[s - 1]
            if prev.isalnum() or prev == "_" or prev in self._left_stop:
                return False
        if e < len(text):
            nxt = text[e]
            if nxt.isalnum() or nxt == "_" or nxt in self._right_stop:
                return False
        return True

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, spelling as written in the index) for each occurrence."""
        if not self._forms:
            return []
        end = len(text) if end is None else end
        if len(self._forms) > _SMALL_SET:
            return self._find_regex(text, start, end)
        hay = (_lowered(text) if len(text) > 300 else text.lower()) if self._fold else text
        hits: list[tuple[int, int, str]] = []
        for f in self._forms:
            probe = f.lower() if self._fold else f
            i = hay.find(probe, start, end)
            while i >= 0:
                e = i + len(f)
                if self._bounded(text, i, e):
                    hits.append((i, e, f))
                i = hay.find(probe, i + 1, end)
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0], -h[1]))
            kept: list[tuple[int, int, str]] = []
            limit = -1
            for h in hits:
                if h[0] >= limit:
                    kept.append(h)
                    limit = h[1]
            hits = kept
        return hits

    def _find_regex(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        if self._regex is None:
            alt = "|".join(re.escape(f) for f in self._forms)
            self._regex = re.compile(f"(?:{alt})", re.IGNORECASE if self._fold else 0)
        canon = {f.lower(): f for f in self._forms} if self._fold else None
        hits: list[tuple[int, int, str]] = []
        for m in self._regex.finditer(text, start, end):
            if self._bounded(text, m.start(), m.end()):
                f = canon[m.group(0).lower()] if canon is not None else m.group(0)
                hits.append((m.start(), m.end(), f))
        return hits

    def search_last(self, text: str) -> str | None:
        found = self.find(text)
        return found[-1][2] if found else None
