"""Which lines of a scraped page are the article: jusText's classification on plain lines.

A select-all scrape keeps the page's paragraphs as lines but loses its markup, so the cues
jusText (Pomikálek, 2011) reads from HTML are rebuilt from the text: a line is *good* when it is
long and dense in function words, *bad* when it is short and shaped like a link (a run of menu
entries, a line of separated items) or when a rule of ``clean`` already knows it as furniture,
and *short* lines take the class of their neighbours. The article body is then the stretch of the
page where good text outweighs what interrupts it (a maximum-sum run), so menus, teasers of other
stories and comment threads around it drop out while an advert or a caption inside it does not
split it.

This module is the only one that imports ``justext``: its English stoplist, its thresholds and
its context-free classification are used as they are; its context revision is reimplemented in
one linear pass (``_revise``; the package's own is quadratic on long runs of short lines) and
tested against the package's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import justext
from justext import core as _jt
from justext.paragraph import Paragraph as _JtParagraph

# jusText's defaults, which its authors tuned on web pages in many languages.
LENGTH_LOW = _jt.LENGTH_LOW_DEFAULT  # 70 characters: below this a line is "short"
LENGTH_HIGH = _jt.LENGTH_HIGH_DEFAULT  # 200: above this a dense line is good without context

# A bad line costs the body run this many characters of good text, plus half its own length,
# and a fifth more for each bad line straight before it: an advert or a "Most read" box between
# two paragraphs does not split the article, twenty lines of tags and profile links do.
BAD_LINE_COST = 40

_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’»)\]]*$|[\"”»]$")
_SEPARATED_RE = re.compile(r"\s(?:\||›|»|•|·|/)\s")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@functools.cache
def stopwords() -> frozenset[str]:
    """jusText's English stoplist: the commonest words of running text, lower case."""
    return justext.get_stoplist("English")


class _Line(_JtParagraph):
    """A line handed to jusText as a paragraph; a link-like line counts as all link text."""

    text = ""  # a plain attribute here, where jusText computes it from DOM text nodes

    def __init__(self, text: str, link_like: bool) -> None:
        self.text = text
        self.dom_path = "body.p"
        self.xpath = ""
        self.text_nodes = [text]
        self.chars_count_in_links = len(text) if link_like else 0
        self.tags_count = 0
        self.class_type = ""

    def stopwords_density(self, stopwords: frozenset[str]) -> float:
        return stopword_density(self.text, stopwords)


def _link_like(lines: Sequence[str], is_furniture: Callable[[str], bool]) -> list[bool]:
    """Lines that were links on the page: menu runs and rows of separated items.

    Three or more lines in a row that are no sentence and no longer than a headline are a menu
    or a list of other stories; so is one line of items separated by bars or chevrons.
    """
    n = len(lines)
    out = [False] * n
    menu = [len(t) < 120 and len(t.split()) <= 16 and not _SENTENCE_END_RE.search(t) for t in lines]
    i = 0
    while i < n:
        if not menu[i]:
            i += 1
            continue
        j = i
        while j < n and menu[j]:
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                out[k] = True
        i = j
    for k, t in enumerate(lines):
        # Asked only of lines the shape left undecided: a long menu costs no rule look-ups.
        if not out[k] and ((len(_SEPARATED_RE.findall(t)) >= 2 and len(t) < 300) or is_furniture(t)):
            out[k] = True
    return out


def _revise(classes: list[str]) -> list[str]:
    """jusText's context revision in linear time (short and near-good lines take their context).

    The same decisions as ``justext.core.revise_paragraph_classification`` without headings:
    a short line between two good ones is good, between two bad ones bad, and otherwise good
    only when a near-good line stands between it and the bad side; a near-good line is bad only
    between two bad ones.
    """
    n = len(classes)
    # Nearest good/bad class on each side, ignoring short and near-good lines ("strict"), and
    # nearest non-short class ("loose"), which may be near-good; the page's edges count as bad.
    prev_strict = ["bad"] * n
    prev_loose = ["bad"] * n
    last_strict = last_loose = "bad"
    for i in range(n):
        prev_strict[i], prev_loose[i] = last_strict, last_loose
        c = classes[i]
        if c in ("good", "bad"):
            last_strict = last_loose = c
        elif c == "neargood":
            last_loose = c
    next_strict = ["bad"] * n
    next_loose = ["bad"] * n
    last_strict = last_loose = "bad"
    for i in range(n - 1, -1, -1):
        next_strict[i], next_loose[i] = last_strict, last_loose
        c = classes[i]
        if c in ("good", "bad"):
            last_strict = last_loose = c
        elif c == "neargood":
            last_loose = c
    out = list(classes)
    for i, c in enumerate(classes):
        if c != "short":
            continue
        p, q = prev_strict[i], next_strict[i]
        if p == q:
            out[i] = p
        elif (p == "bad" and prev_loose[i] == "neargood") or (q == "bad" and next_loose[i] == "neargood"):
            out[i] = "good"
        else:
            out[i] = "bad"
    # Near-good lines, top to bottom, look past the near-good lines still ahead of them to good
    # or bad; the ones above them are already decided.
    after = ["bad"] * n
    last = "bad"
    for i in range(n - 1, -1, -1):
        after[i] = last
        if out[i] in ("good", "bad"):
            last = out[i]
    last = "bad"
    for i in range(n):
        if out[i] == "neargood":
            out[i] = "bad" if (last, after[i]) == ("bad", "bad") else "good"
        last = out[i]
    return out


@dataclass(frozen=True, slots=True)
class Classification:
    context_free: tuple[str, ...]
    """jusText's class of each line on its own: good, neargood, short or bad."""
    good: tuple[bool, ...]
    """Whether each line reads as text: good once its context is weighed, or near-good on its own."""
    text: tuple[bool, ...]
    """Good lines that are not shaped like headlines: the lines the body's run is made of."""
    link_like: tuple[bool, ...]
    """Lines taken for links (menu runs, separated rows) or known furniture, before any context."""
    start: int
    end: int
    """The article body's run of lines, ``lines[start:end]``; empty when no line is good."""


def classify(
    lines: Sequence[str],
    is_furniture: Callable[[str], bool] = lambda line: False,
    headings: Sequence[bool] | None = None,
) -> Classification:
    """Classify each line as text or furniture and find the run of lines that is the article.

    ``is_furniture`` is the caller's rules (share rows, prompts, captions): a line they know as
    furniture counts as link text, so jusText calls it bad. ``headings`` marks lines shaped like
    headlines: they keep their class but never count as the body's text, so the run starts below
    a long headline rather than at it.
    """
    link_like = _link_like(lines, is_furniture)
    paragraphs = [_Line(t, ll) for t, ll in zip(lines, link_like)]
    _jt.classify_paragraphs(paragraphs, stopwords(), no_headings=True)
    context_free = [p.cf_class for p in paragraphs]
    revised = _revise(context_free)
    # A near-good line reads as text on its own merits: a tabloid's one-sentence paragraphs
    # between two adverts are near-good lines with bad neighbours, and still the article.
    good = [c == "good" or cf == "neargood" for c, cf in zip(revised, context_free)]
    text = good if headings is None else [g and not h for g, h in zip(good, headings)]
    start, end = _main_run(lines, text)
    return Classification(tuple(context_free), tuple(good), tuple(text), tuple(link_like), start, end)


def _main_run(lines: Sequence[str], text: Sequence[bool]) -> tuple[int, int]:
    """The maximum-sum run of lines: a line of text counts its length, any other line costs
    ``BAD_LINE_COST`` and half its length, growing with the bad lines before it."""
    best = (0, 0, 0)  # sum, start, end
    run_sum = 0
    run_start = 0
    gap = 0
    for i, t in enumerate(lines):
        if text[i]:
            w = len(t)
            gap = 0
        else:
            w = -(BAD_LINE_COST + len(t) // 2) * (5 + gap) // 5
            gap += 1
        if run_sum <= 0:
            run_sum, run_start = 0, i
        run_sum += w
        if run_sum > best[0]:
            best = (run_sum, run_start, i + 1)
    return best[1], best[2]


def stopword_density(line: str, stop: frozenset[str] | None = None) -> float:
    """Share of a line's words that are stopwords, as jusText counts them (in one pass)."""
    words = line.lower().split()
    if not words:
        return 0.0
    if stop is None:
        stop = stopwords()
    return sum(1 for w in words if w in stop) / len(words)


def content_words(text: str) -> set[str]:
    """The words that carry a line's topic: not stopwords, compared by their first five letters.

    Five letters make "tattooed" and "tattoo", "arrests" and "arrested" the same word.
    """
    stop = stopwords()
    return {w[:5] for w in _WORD_RE.findall(text.lower()) if len(w) > 2 and w not in stop}
