"""The annotated real news corpus (``tests/realnews``), shared by its benchmark and its floor tests.

The documents live beside the project in ``../shared/corpus`` (``NEWSARCHIVE_CORPUS`` to point
elsewhere); they belong to their publishers and are not copied into the project.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("NEWSARCHIVE_CORPUS", ROOT.parent / "shared" / "corpus"))
ANNOTATIONS = ROOT / "tests" / "realnews"
KINDS = ("clean", "pages", "html")


@dataclass(frozen=True)
class Case:
    kind: str
    name: str
    path: Path
    expected: dict


def cases(which: str) -> list[Case]:
    """Every annotated document of one set, once per kind of input it can be read as."""
    evaldata = json.loads((CORPUS / "web" / "evaldata.json").read_text(encoding="utf-8"))
    out: list[Case] = []
    for ann in sorted((ANNOTATIONS / which).glob("*/*.json")):
        expected = json.loads(ann.read_text(encoding="utf-8"))
        corpus = ann.parent.name
        if corpus == "bbc":
            out.append(Case("clean", ann.stem, CORPUS / "bbc" / f"{ann.stem}.txt", expected))
            continue
        snippets = evaldata.get(f"{ann.stem}.txt", {})
        expected = dict(expected)
        expected["body_must_contain"] = list(expected.get("body_must_contain", [])) + list(snippets.get("with", []))
        expected["boilerplate"] = list(expected.get("boilerplate", [])) + list(snippets.get("without", []))
        out.append(Case("pages", ann.stem, CORPUS / "web" / f"{ann.stem}.txt", expected))
        out.append(Case("html", ann.stem, CORPUS / "web" / f"{ann.stem}.html", expected))
    return out


def summarise(kind: str, scores: list) -> dict[str, float | None]:  # type: ignore[type-arg]
    def total(key: str) -> int:
        return sum(getattr(s, key) for s in scores)

    n = len(scores)
    meta = sum(s.title_ok + s.date_ok + s.source_ok + s.authors_ok for s in scores)
    tp, fp, fn = total("quote_tp"), total("quote_fp"), total("quote_fn")
    row = {
        "documents": n,
        "metadata": meta / (4 * n) if n else None,
        "body": total("body_right") / total("body_total") if total("body_total") else None,
        "people": total("people_found") / total("people_total") if total("people_total") else None,
        "organisations": total("orgs_found") / total("orgs_total") if total("orgs_total") else None,
        "quote_recall": tp / (tp + fn) if tp + fn else None,
        "speaker": total("attr_correct") / total("attr_total") if total("attr_total") else None,
        "precision": tp / (tp + fp) if tp + fp else None,
        "quotes": tp + fn,
    }
    return row


