"""Finding, reading and extracting document files: no Django.

Kept free of Django so that batch imports can extract in worker processes while the main process
writes to the database. A document is scraped text (``*.txt``) or a saved web page (``*.html``); its
suffix decides which extraction it gets (``extract_document``).
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from articles.extract import Extraction, Known, NoArticleText, extract, extract_html

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES

# A page's own declaration of its encoding, looked for where HTML puts it: in the first few kilobytes.
_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


class DocumentError(Exception):
    """A document that cannot be imported, with a reason fit to show the operator."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name, self.reason = name, reason

    def __reduce__(self):
        return type(self), (self.name, self.reason)


@dataclass(frozen=True)
class Document:
    path: Path
    text: str
    content_hash: str

    @property
    def filename(self) -> str:
        return self.path.name

    @property
    def is_html(self) -> bool:
        return self.path.suffix.lower() in HTML_SUFFIXES


def find_documents(paths: Iterable[str | Path]) -> Iterator[Path | DocumentError]:
    """The document files named by ``paths``; a folder contributes its ``*.txt`` and ``*.html`` files, sorted.

    Problems with a path are yielded as ``DocumentError`` in its place, so the caller reports them in order.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
            if not found:
                yield DocumentError(str(path), "no documents (*.txt, *.html) in this folder")
            yield from found
        elif path.is_file():
            yield path
        elif path.exists():
            yield DocumentError(str(path), "not a regular file")
        else:
            yield DocumentError(str(path), "no such file or folder")


def read_document(path: Path, *, max_bytes: int) -> Document:
    """Read and check one document: it must be non-empty text within the size limit.

    Text must be UTF-8. A page may instead declare its encoding (``<meta charset>``), as browsers
    saving a page in its original encoding leave it.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(path.name, f"too large ({size:,} bytes; the limit is {max_bytes:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path.name, f"cannot be read ({exc.strerror or exc})") from None
    if b"\x00" in data:  # PostgreSQL cannot store NUL in text, and no text document has one
        raise DocumentError(path.name, "a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        is_page = path.suffix.lower() in HTML_SUFFIXES
        text = _declared_decode(data) if is_page else None
        if text is None:
            detail = "; the page declares no encoding that reads it" if is_page else ""
            raise DocumentError(path.name, f"not UTF-8 text (bad byte at offset {exc.start}){detail}") from None
    if not text.strip():
        raise DocumentError(path.name, "empty")
    return Document(path=path, text=text, content_hash=hashlib.sha256(data).hexdigest())


def _declared_decode(data: bytes) -> str | None:
    """The page decoded with the encoding it declares, or None when it declares none that works."""
    declared = _CHARSET_RE.search(data[:8192])
    if declared is None:
        return None
    try:
        return data.decode(declared.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def extract_document(document: Document, *, known: Known | None) -> Extraction:
    """The extraction a document's kind calls for; a page without article text is a ``DocumentError``."""
    if not document.is_html:
        return extract(document.text, known=known)
    try:
        return extract_html(document.text, known=known)
    except NoArticleText as exc:
        raise DocumentError(document.filename, str(exc)) from None


def warm_worker() -> None:
    """Run once in each extraction worker before its first document: load the models now, so the
    first chunk does not pay for them and a broken installation fails before any document does."""
    from articles.extract import ner

    ner.warm()


# Worker processes keep the gazetteer they were last given; a new one arrives as a pickle file.
_worker_known: tuple[str, Known | None] = ("", None)


def read_and_extract(
    paths: list[Path], *, max_bytes: int, known_file: str
) -> list[tuple[Document, Extraction] | Exception]:
    """Read and extract a chunk of documents in a worker process; each entry is a result or its error.

    The text itself stays here: the writer needs only the extraction, the name and the hash.
    """
    global _worker_known
    if _worker_known[0] != known_file:
        with open(known_file, "rb") as f:
            _worker_known = (known_file, pickle.load(f))
    outcomes: list[tuple[Document, Extraction] | Exception] = []
    for path in paths:
        try:
            document = read_document(path, max_bytes=max_bytes)
            extraction = extract_document(document, known=_worker_known[1])
            outcomes.append((Document(path=path, text="", content_hash=document.content_hash), extraction))
        except Exception as exc:  # returned, not raised: one bad file must not lose the chunk
            outcomes.append(exc)
    return outcomes
