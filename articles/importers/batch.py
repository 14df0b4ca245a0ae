"""Importing many documents: finding, reading and extracting them (in worker processes for large batches),
each written in its own transaction, one result per document."""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import os
import pickle
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction

from articles.documents import Document, DocumentError, extract_document, find_documents, read_and_extract, read_document, warm_worker
from articles.extract import Extraction

from .index import ArchiveIndex
from .result import ImportResult
from .write import import_document

logger = logging.getLogger(__name__)


def import_paths(
    paths: Iterable[str | Path],
    *,
    source: str | None = None,
    publish: bool = False,
    update: bool = False,
    dry_run: bool = False,
    jobs: int = 1,
) -> Iterator[ImportResult]:
    """Import every document under ``paths``, yielding one result per document as it is done.

    With ``dry_run`` each document is written and rolled back, so the report is exact and nothing stays.
    With ``jobs`` above one, documents are extracted in that many worker processes while this one writes.
    """
    return import_found(find_documents(paths), source=source, publish=publish, update=update, dry_run=dry_run, jobs=jobs)


def import_found(
    items: Iterable[Path | DocumentError],
    *,
    source: str | None = None,
    publish: bool = False,
    update: bool = False,
    dry_run: bool = False,
    jobs: int = 1,
) -> Iterator[ImportResult]:
    """Import what :func:`find_documents` found; see :func:`import_paths`."""
    index = ArchiveIndex()
    for item, extracted in _extracted(items, index, jobs=jobs):
        if isinstance(item, DocumentError):
            yield ImportResult(filename=item.name, status="failed", message=item.reason)
            continue
        try:
            if isinstance(extracted, Exception):
                raise extracted
            document, extraction = extracted
            # import_document is atomic itself; the outer transaction is there only to be rolled back.
            with transaction.atomic() if dry_run else contextlib.nullcontext():
                result = import_document(
                    extraction,
                    filename=document.filename,
                    content_hash=document.content_hash,
                    source=source,
                    publish=publish,
                    update=update,
                    index=index,
                )
                if dry_run:
                    transaction.set_rollback(True)
        except DocumentError as exc:
            result = ImportResult(filename=item.name, status="failed", message=exc.reason)
        except IntegrityError as exc:
            result = ImportResult(filename=item.name, status="failed", message=f"conflicts with stored data ({exc})")
        except Exception as exc:  # one broken document must not stop a batch of thousands
            logger.error("Importing %s failed", item, exc_info=exc)
            result = ImportResult(filename=item.name, status="failed", message=f"could not be imported ({type(exc).__name__}: {exc})")
        yield result


_Extracted = tuple[Document, Extraction] | Exception | None


def _extracted(items: Iterable[Path | DocumentError], index: ArchiveIndex, *, jobs: int) -> Iterator[tuple[Path | DocumentError, _Extracted]]:
    """Each item with its extraction (or the error it raised), in order."""
    max_bytes = settings.NEWSARCHIVE_MAX_DOCUMENT_BYTES
    if jobs <= 1:
        for item in items:
            if isinstance(item, DocumentError):
                yield item, None
                continue
            try:
                document = read_document(item, max_bytes=max_bytes)
                yield item, (document, extract_document(document, known=index.known()))
            except Exception as exc:
                yield item, exc
        return

    # Workers get the gazetteer as a pickle file, written again whenever the index hands out a new one,
    # and documents in chunks, so the traffic between processes stays small next to the work.
    chunk_size = 8
    with tempfile.TemporaryDirectory(prefix="newsarchive-import-") as tmp, ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context("spawn"), initializer=warm_worker
    ) as pool:
        known, known_file = None, ""
        pending: deque[tuple[list[Path | DocumentError], Future]] = deque()
        queue = iter(items)

        def submit() -> bool:
            nonlocal known, known_file
            chunk = list(itertools.islice(queue, chunk_size))
            if not chunk:
                return False
            if index.known() is not known:
                known = index.known()
                known_file = str(Path(tmp) / f"known-{len(os.listdir(tmp))}.pickle")
                with open(known_file, "wb") as f:
                    pickle.dump(known, f, protocol=pickle.HIGHEST_PROTOCOL)
            paths = [item for item in chunk if not isinstance(item, DocumentError)]
            pending.append((chunk, pool.submit(read_and_extract, paths, max_bytes=max_bytes, known_file=known_file)))
            return True

        for _ in range(jobs * 2):  # a bounded window keeps memory flat
            submit()
        while pending:
            chunk, future = pending.popleft()
            try:
                outcomes = iter(future.result())
            except Exception as exc:  # the worker died: every document of the chunk fails with its reason
                outcomes = itertools.repeat(exc)
            submit()
            for item in chunk:
                yield item, (None if isinstance(item, DocumentError) else next(outcomes))
