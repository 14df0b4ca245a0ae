"""Quality of the extraction on real news: the annotated corpus in ``tests/realnews``.

Run: ``python tests/bench/realnews.py [--set heldout|dev] [--mode both|rules|model] [-v]``.

The documents are the real pages and articles in ``../shared/corpus`` (beside the project); the
annotations are ours (``tests/realnews/README.md``). Three kinds of input are scored apart:

- ``clean``: BBC News articles as clean text;
- ``pages``: whole web pages as select-all text (menus, banners, comments and all);
- ``html``: the same web pages as saved HTML.

Modes: ``both`` is what the importer does (rules, then the model where the rules have no
evidence); ``rules`` turns the model off (``NEWSARCHIVE_NER=off``); ``model`` scores people and
organisations as the model alone tags them over the whole body, for comparison.

Columns: metadata = share of title, date, publication and byline right; body = share of
snippets right (article text kept, page furniture gone); people and organisations = recall;
quotes = recall of quotes (opening words match); speaker = right speaker among quotes found;
precision = reported quotes that are annotated quotes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from realnews_corpus import CORPUS, KINDS, cases, summarise  # noqa: E402


def run(case: Case, mode: str):  # type: ignore[no-untyped-def]
    from articles.extract import extract

    raw = case.path.read_text(encoding="utf-8", errors="replace")
    if case.kind == "html":
        from articles.extract import extract_html

        ex = extract_html(raw)
    else:
        ex = extract(raw)
    if mode == "model":
        ex = _model_alone(ex)
    return ex, raw


def _model_alone(ex):  # type: ignore[no-untyped-def]
    """The extraction with its people and organisations replaced by what the model tags in the body."""
    from dataclasses import replace

    from articles.extract import OrganisationMention, PersonMention
    from articles.extract.entities import _model_name
    from articles.extract.ner import tag_all

    people, orgs = {}, {}
    for span in tag_all(ex.body):
        name = _model_name(span.text)
        if span.label == "PERSON":
            people.setdefault(name, PersonMention(name=name))
        elif span.label == "ORG":
            orgs.setdefault(name, OrganisationMention(name=name))
    return replace(ex, people=tuple(people.values()), organisations=tuple(orgs.values()))


def _pct(a: int, b: int) -> str:
    return f"{a / b:5.2f}" if b else "  n/a"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="heldout", choices=["heldout", "dev"])
    parser.add_argument("--mode", default="both", choices=["both", "rules", "model"])
    parser.add_argument("--kind", choices=KINDS, action="append")
    parser.add_argument("--json", action="store_true", help="print the summary rows as JSON")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}: set NEWSARCHIVE_CORPUS", file=sys.stderr)
        return 2
    if args.mode == "rules":
        os.environ["NEWSARCHIVE_NER"] = "off"
    from extract_expectations import check

    by_kind: dict[str, list] = {k: [] for k in KINDS}  # type: ignore[type-arg]
    timings: list[float] = []
    for case in cases(args.set):
        if args.kind and case.kind not in args.kind:
            continue
        started = time.perf_counter()
        try:
            ex, raw = run(case, args.mode)
        except Exception as exc:  # a refused page scores zero, and says why
            print(f"{case.kind:6} {case.name:48} refused: {exc}")
            from articles.extract import Extraction

            ex, raw = Extraction(title=""), ""
        timings.append(time.perf_counter() - started)
        score = check(ex, case.expected, raw)
        by_kind[case.kind].append(score)
        if args.verbose:
            print(
                f"{case.kind:6} {case.name:48} body {_pct(score.body_right, score.body_total)}"
                f" people {_pct(score.people_found, score.people_total)} orgs {_pct(score.orgs_found, score.orgs_total)}"
                f" quotes {_pct(score.quote_tp, score.quote_tp + score.quote_fn)}"
                f" speaker {_pct(score.attr_correct, score.attr_total)}"
            )
            for failure in score.failures:
                print(f"      - {failure}")
    rows = {kind: summarise(kind, scores) for kind, scores in by_kind.items() if scores}
    if args.json:
        print(json.dumps({"set": args.set, "mode": args.mode, "rows": rows}, indent=1))
        return 0
    print(f"\n{args.set}, {args.mode}: ")
    cols = ("metadata", "body", "people", "organisations", "quote_recall", "speaker", "precision")
    print(f"{'input':8} {'docs':>4} {'quotes':>6} " + " ".join(f"{c[:9]:>9}" for c in cols))
    for kind, row in rows.items():
        cells = " ".join(f"{row[c]:9.2f}" if row[c] is not None else f"{'-':>9}" for c in cols)
        print(f"{kind:8} {row['documents']:4} {row['quotes']:6} {cells}")
    if timings:
        timings.sort()
        print(f"time per document: median {timings[len(timings) // 2] * 1000:.0f} ms, p95 {timings[int(len(timings) * 0.95)] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
