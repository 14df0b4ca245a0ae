"""Find known spellings (names, acronyms, aliases) in a text without compiling a regex per document.

A document brings its own handful of names, found with ``str.find``. Large, long-lived sets
(the built-in gazetteer, the archive's thousands of curated names) are indexed by their first
word, so a scan costs one dictionary lookup per capitalised word of the text however many
spellings the index holds; a regex alternation over thousands of names would not.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .lexicon import UPPER_CLASS

_SMALL_SET = 40
_LEAD_RE = re.compile(r"\w+")
_CAP_WORD_RE = re.compile(rf"(?<!\w)[{UPPER_CLASS}]\w*")


@functools.lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    return text.lower()


@functools.lru_cache(maxsize=4)
def _capitalised_words(text: str) -> tuple[tuple[int, str], ...]:
    """Start and leading word of every capitalised word: where any name can begin."""
    return tuple((m.start(), m.group(0)) for m in _CAP_WORD_RE.finditer(text))


class FormIndex:
    """Literal spellings, matched on word boundaries, longest first, without overlaps."""

    __slots__ = ("_forms", "_fold", "_left_stop", "_right_stop", "_by_lead", "_odd")

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
        self._by_lead: dict[str, list[str]] | None = None
        self._odd: list[str] = []
        if len(self._forms) > _SMALL_SET:
            by_lead: dict[str, list[str]] = {}
            for f in self._forms:
                m = _LEAD_RE.match(f)
                if m is None or not f[0].isupper():
                    self._odd.append(f)  # found the slow way; rare
                    continue
                key = m.group(0).lower() if ignore_case else m.group(0)
                by_lead.setdefault(key, []).append(f)
            self._by_lead = by_lead

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
        hay = (_lowered(text) if len(text) > 300 else text.lower()) if self._fold else text
        if self._by_lead is None:
            hits = self._scan(text, hay, self._forms, start, end)
        else:
            hits = self._scan(text, hay, self._odd, start, end) if self._odd else []
            words = _capitalised_words(text) if len(text) > 300 else tuple((m.start(), m.group(0)) for m in _CAP_WORD_RE.finditer(text))
            for s, w in words:
                if s < start or s >= end:
                    continue
                cands = self._by_lead.get(w.lower() if self._fold else w)
                if not cands:
                    continue
                for f in cands:
                    e = s + len(f)
                    if e <= end and hay.startswith(f.lower() if self._fold else f, s) and self._bounded(text, s, e):
                        hits.append((s, e, f))
                        break
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

    def _scan(self, text: str, hay: str, forms: list[str], start: int, end: int) -> list[tuple[int, int, str]]:
        hits: list[tuple[int, int, str]] = []
        for f in forms:
            probe = f.lower() if self._fold else f
            i = hay.find(probe, start, end)
            while i >= 0:
                e = i + len(f)
                if self._bounded(text, i, e):
                    hits.append((i, e, f))
                i = hay.find(probe, i + 1, end)
        return hits

    def search_last(self, text: str) -> str | None:
        found = self.find(text)
        return found[-1][2] if found else None
