"""Turn documents into rows: the only code that maps an ``Extraction`` onto the models.

Reading a file, extracting it and writing it happen per document; each document is written in its own
transaction, so a bad file never leaves half an article behind and never stops the others.

One module per concern; the names below are the package's public face, so ``from articles.importers
import ...`` is all callers (the command, the admin, tests, benchmarks) need:

| module | what it does |
| --- | --- |
| ``result`` | ``ImportResult``, the report of one document |
| ``index`` | ``ArchiveIndex``, the archive's people and organisations in memory; ``known_from_archive`` |
| ``resolve`` | finding or creating the People, Organisations and Source of one document |
| ``provenance`` | the fingerprints of what was extracted, so a re-import can tell what editors changed |
| ``match`` | which article a document already is: same content, same file, or same story |
| ``write`` | ``import_document``: one extraction to rows, in one transaction |
| ``batch`` | ``import_paths`` / ``import_found``: many documents, extracted in worker processes if asked |
"""

from .batch import import_found, import_paths
from .index import ArchiveIndex, known_from_archive
from .provenance import EDITABLE_FIELDS
from .result import ImportResult
from .write import import_document

__all__ = [
    "EDITABLE_FIELDS",
    "ArchiveIndex",
    "ImportResult",
    "import_document",
    "import_found",
    "import_paths",
    "known_from_archive",
]
