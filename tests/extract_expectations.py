"""Score an ``Extraction`` against an annotated expectation (the ``expected.json`` format).

Shared by the seed tests, the held-out documents and the quality benchmark, so that all three
measure the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from articles.extract import Extraction

_WS_RE = re.compile(r"\s+")
_QUOTE_NORM = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "\u00a0": " "})


def norm(s: str | None) -> str:
    if s is None:
        return ""
    return _WS_RE.sub(" ", s.translate(_QUOTE_NORM)).strip().casefold()


def _name_key(s: str | None) -> str:
    k = norm(s)
    return k[4:] if k.startswith("the ") else k


@dataclass
class Score:
    failures: list[str] = field(default_factory=list)
    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    attr_correct: int = 0
    attr_total: int = 0
    ent_found: int = 0
    ent_total: int = 0
    people_found: int = 0
    people_total: int = 0
    orgs_found: int = 0
    orgs_total: int = 0
    body_right: int = 0
    body_total: int = 0
    title_ok: bool = False
    date_ok: bool = False
    source_ok: bool = False
    authors_ok: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _in_text(fragment: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(norm(fragment)) + r"(?!\w)", norm(text)) is not None


def check(ex: Extraction, exp: dict[str, Any], source_text: str = "") -> Score:
    """Compare one extraction with its annotation; every miss is named in ``failures``."""
    sc = Score()
    f = sc.failures
    body_n = norm(ex.body)

    sc.title_ok = norm(ex.title) == norm(exp.get("title"))
    if not sc.title_ok:
        f.append(f"title: got {ex.title!r}, want {exp.get('title')!r}")

    accepted = exp.get("published_on", [None])
    if not isinstance(accepted, list):
        accepted = [accepted]
    got_date = ex.published_on.isoformat() if ex.published_on else None
    sc.date_ok = got_date in accepted
    if not sc.date_ok:
        f.append(f"date: got {got_date}, want one of {accepted}")

    if "source" in exp:
        sc.source_ok = _name_key(ex.source) == _name_key(exp["source"])
        if not sc.source_ok:
            f.append(f"source: got {ex.source!r}, want {exp['source']!r}")
    else:
        sc.source_ok = True

    want_authors = sorted(norm(a) for a in exp.get("authors", []))
    got_authors = sorted(norm(a) for a in ex.authors)
    sc.authors_ok = want_authors == got_authors
    if not sc.authors_ok:
        f.append(f"authors: got {list(ex.authors)}, want {exp.get('authors', [])}")

    for frag in exp.get("boilerplate", []):
        sc.body_total += 1
        if norm(frag) in body_n:
            f.append(f"boilerplate in body: {frag!r}")
        else:
            sc.body_right += 1
    for frag in exp.get("body_must_contain", []):
        sc.body_total += 1
        if norm(frag) not in body_n:
            f.append(f"body lacks: {frag!r}")
        else:
            sc.body_right += 1

    people_by_name = {norm(p.name): p for p in ex.people}
    for ep in exp.get("people", []):
        sc.ent_total += 1
        sc.people_total += 1
        p = people_by_name.get(norm(ep["name"]))
        if p is None:
            f.append(f"person missing: {ep['name']!r}")
            continue
        sc.ent_found += 1
        sc.people_found += 1
        got_aliases = {norm(a) for a in p.aliases}
        for alias in ep.get("aliases", []):
            if norm(alias) in people_by_name and norm(alias) != norm(ep["name"]):
                f.append(f"alias {alias!r} of {ep['name']!r} is a separate person")
            if source_text and _in_text(alias, source_text) and norm(alias) not in got_aliases and norm(alias) != norm(p.name):
                f.append(f"alias {alias!r} not resolved to {ep['name']!r}")

    orgs_by_name = {_name_key(o.name): o for o in ex.organisations}
    # An organisation may be found under its acronym either way round ("BBC" for the British Broadcasting Corporation).
    orgs_by_form = {_name_key(o.acronym): o for o in ex.organisations if o.acronym} | orgs_by_name
    for eo in exp.get("organisations", []):
        sc.ent_total += 1
        sc.orgs_total += 1
        o = orgs_by_form.get(_name_key(eo["name"])) or (orgs_by_form.get(_name_key(eo["acronym"])) if eo.get("acronym") else None)
        if o is None:
            f.append(f"organisation missing: {eo['name']!r}")
            continue
        sc.ent_found += 1
        sc.orgs_found += 1
        forms = {norm(o.name), norm(o.acronym)} | {norm(a) for a in o.aliases}
        for alias in eo.get("aliases", []):
            if _name_key(alias) in orgs_by_name and _name_key(alias) != _name_key(eo["name"]):
                f.append(f"alias {alias!r} of {eo['name']!r} is a separate organisation")
            elif source_text and _in_text(alias, source_text) and norm(alias) not in forms:
                f.append(f"alias {alias!r} not resolved to {eo['name']!r}")

    expected_quotes = exp.get("quotes", [])
    got = list(ex.quotes)
    matched_got: set[int] = set()
    for eq in expected_quotes:
        start = norm(eq["starts"]).rstrip(" ,.;:!?")
        hit = next(
            (i for i, q in enumerate(got) if i not in matched_got and (norm(q.text).startswith(start) or start in norm(q.text)[: len(start) + 12])),
            None,
        )
        required = eq.get("required", True)
        if hit is None:
            if required:
                sc.quote_fn += 1
                f.append(f"quote missing: {eq['starts']!r}")
            continue
        matched_got.add(hit)
        q = got[hit]
        if not required:
            continue
        sc.quote_tp += 1
        sc.attr_total += 1
        who = q.speaker if q.speaker is not None else q.organisation
        if _name_key(who) == _name_key(eq.get("speaker")):
            sc.attr_correct += 1
        else:
            f.append(f"quote {eq['starts']!r}: speaker {who!r}, want {eq.get('speaker')!r}")
    not_quotes = [norm(n) for n in exp.get("not_quotes", [])]
    for i, q in enumerate(got):
        qt = norm(q.text)
        if i not in matched_got:
            sc.quote_fp += 1
            tag = "not-quote reported" if any(qt.strip(" .,") == n or qt.startswith(n) for n in not_quotes) else "extra quote"
            f.append(f"{tag}: {q.text[:60]!r}")
        window = norm(ex.body[q.position:q.position + len(q.text) + 40])
        if not window.startswith(norm(q.text[:20])):
            f.append(f"quote position {q.position} does not index {q.text[:20]!r}")
    return sc
