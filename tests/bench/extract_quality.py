"""Quality of ``articles.extract`` against the annotated documents.

Run: ``python tests/bench/extract_quality.py [-v]``. Scores every document listed in
``fixtures/documents/expected.json`` and ``tests/documents/expected.json`` with the same
checker the tests use, per document and per folder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from articles.extract import extract  # noqa: E402
from extract_expectations import Score, check  # noqa: E402

FOLDERS = (
    ROOT / "fixtures" / "documents",
    ROOT / "tests" / "documents",
    ROOT / "tests" / "heldout",
    ROOT / "tests" / "blind",
)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "   n/a"


def score_folder(folder: Path, verbose: bool) -> list[Score]:
    expected_path = folder / "expected.json"
    if not expected_path.exists():
        print(f"{folder}: no expected.json, skipped")
        return []
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    scores: list[Score] = []
    print(f"\n== {folder.relative_to(ROOT)} ({len(expected)} documents)")
    print(f"{'document':44} {'qP':>6} {'qR':>6} {'attr':>6} {'ent':>6}  title date src auth")
    for name, exp in sorted(expected.items()):
        path = folder / name
        if not path.exists():
            print(f"{name:44} missing file")
            continue
        text = path.read_text(encoding="utf-8")
        sc = check(extract(text), exp, text)
        scores.append(sc)
        flags = " ".join("ok" if f else "--" for f in (sc.title_ok, sc.date_ok, sc.source_ok, sc.authors_ok))
        print(
            f"{name[:44]:44} {_ratio(sc.quote_tp, sc.quote_tp + sc.quote_fp)} {_ratio(sc.quote_tp, sc.quote_tp + sc.quote_fn)}"
            f" {_ratio(sc.attr_correct, sc.attr_total)} {_ratio(sc.ent_found, sc.ent_total)}  {flags}"
        )
        if verbose:
            for failure in sc.failures:
                print(f"    - {failure}")
    _summary(folder.name, scores)
    return scores


def _summary(label: str, scores: list[Score]) -> None:
    if not scores:
        return
    tp = sum(s.quote_tp for s in scores)
    fp = sum(s.quote_fp for s in scores)
    fn = sum(s.quote_fn for s in scores)
    ac = sum(s.attr_correct for s in scores)
    at = sum(s.attr_total for s in scores)
    ef = sum(s.ent_found for s in scores)
    et = sum(s.ent_total for s in scores)
    n = len(scores)
    print(
        f"-- {label}: quote precision {_ratio(tp, tp + fp)}, quote recall {_ratio(tp, tp + fn)}, "
        f"attribution {_ratio(ac, at)} ({ac}/{at}), entity recall {_ratio(ef, et)} ({ef}/{et}), "
        f"title {sum(s.title_ok for s in scores)}/{n}, date {sum(s.date_ok for s in scores)}/{n}, "
        f"source {sum(s.source_ok for s in scores)}/{n}, authors {sum(s.authors_ok for s in scores)}/{n}"
    )


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    everything: list[Score] = []
    for folder in FOLDERS:
        everything.extend(score_folder(folder, verbose))
    print()
    _summary("overall", everything)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
