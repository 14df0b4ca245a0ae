"""Title-independent metadata: publication date, byline authors and the publication's name.

Dates are only taken from places where a page states its own date (labels, bylines, datelines,
stand-alone date lines outside the body); a date inside reporting is an event date, and a
day-month without a year is not enough, so both leave ``published_on`` empty rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass

from . import lexicon as lx

_MONTH_ALT = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_WEEKDAY_ALT = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"

ISO_DATE_RE = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
# The year may run into the next word: "APR. 26, 2022APR. 26, 2022" (published and updated dates).
MDY_RE = re.compile(r"\b(" + _MONTH_ALT + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)", re.IGNORECASE)
DMY_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + _MONTH_ALT + r")\.?,?\s+(\d{4})(?!\d)", re.IGNORECASE)
NUMERIC_RE = re.compile(r"(?<![\d/.:])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|\.\d)")
_DATE_ANY = (
    r"(?:" + _WEEKDAY_ALT + r",?\s+)?(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?|"
    + _MONTH_ALT + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_ALT
    + r"\.?(?:,?\s+\d{4})?|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2}))"
)
# A line that is nothing but a date (possibly with weekday, time, label): a banner or a dateline.
DATE_LINE_RE = re.compile(
    r"^(?:(?:published|posted|updated|last\s+updated|first\s+published|date|modified|created)\s*(?:on|at)?\s*:?\s*)?"
    r"(?:[A-Za-z ]{0,30}?)" + _DATE_ANY
    + r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
    r"(?:\s*[|•·-]\s*(?:updated|published)?.{0,40})?\.?$",
    re.IGNORECASE,
)
# "World newsTuesday, December 24": a banner glued to a section label.
DATE_BANNER_RE = re.compile(_WEEKDAY_ALT + r",?\s+(?:" + _MONTH_ALT + r"\.?\s+\d{1,2}|\d{1,2}\s+" + _MONTH_ALT + r")", re.IGNORECASE)
LABELLED_DATE_RE = re.compile(
    r"\b(?P<label>published|posted|updated|last\s+updated|first\s+published|date|dated)\b\s*(?:on|at)?\s*:?\s*(?P<rest>.{4,60})",
    re.IGNORECASE,
)
# Dateline opening the first paragraph: "March 24, 2022–The ..." (stripped) or a wire dateline.
LEADING_DATE_RE = re.compile(
    r"^(?P<date>" + _DATE_ANY + r")\s*(?:[–—-]+|:|\|)\s*(?=\S)",
    re.IGNORECASE,
)
WIRE_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?)?\s*,?\s*"
    r"(?P<date>" + _MONTH_ALT + r"\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+" + _MONTH_ALT + r"(?:\s+\d{4})?)?\s*"
    r"\((?P<wire>[A-Za-z][A-Za-z .]{0,20})\)\s*[-–—]+\s*",
)
# "TUCSON, Ariz., Oct. 17, 2023 -- ...": a place and a full date opening the first paragraph.
PLACE_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,30}(?:,\s*[A-Z][A-Za-z.'’ -]{1,20})?),\s+(?P<date>" + _DATE_ANY + r")\s*(?:--|[-–—:])\s*",
)
_NAME_TOKEN = (
    rf"(?:[{lx.UPPER_CLASS}][{lx.LOWER_CLASS}'’]+(?:-[{lx.UPPER_CLASS}]?[{lx.LOWER_CLASS}'’]+)*|(?:[{lx.UPPER_CLASS}]\.){{1,3}}|"
    rf"(?:O['’]|Mc|Mac)[{lx.UPPER_CLASS}][{lx.LOWER_CLASS}]+)"
)
PERSON_NAME_RE = re.compile(r"^" + _NAME_TOKEN + r"(?:\s+(?:(?:de|van|von|der|da|di|bin|al|la|le|du)\s+)?" + _NAME_TOKEN + r"){1,3}$")


@dataclass(frozen=True, slots=True)
class DateHit:
    date: dt.date
    warning: str = ""


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year(y: str) -> int:
    v = int(y)
    return v + 2000 if v < 100 else v


def parse_date(text: str, *, month_first_hint: bool | None = None) -> DateHit | None:
    """First complete date in ``text``; a day-month without a year yields nothing on purpose."""
    best: tuple[int, DateHit] | None = None
    m = ISO_DATE_RE.search(text)
    if m:
        d = _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            best = (m.start(), DateHit(d))
    for rx, order in ((MDY_RE, "mdy"), (DMY_RE, "dmy")):
        m = rx.search(text)
        if m and (best is None or m.start() < best[0]):
            if order == "mdy":
                mon, day, yr = m.group(1), m.group(2), m.group(3)
            else:
                day, mon, yr = m.group(1), m.group(2), m.group(3)
            d = _mk(int(yr), lx.MONTHS[mon.lower().rstrip(".")], int(day))
            if d:
                best = (m.start(), DateHit(d))
    m = NUMERIC_RE.search(text)
    if m and (best is None or m.start() < best[0]):
        hit = _numeric(m, month_first_hint)
        if hit:
            best = (m.start(), hit)
    return best[1] if best else None


def _numeric(m: re.Match[str], month_first_hint: bool | None) -> DateHit | None:
    """Numeric dates are ambiguous when both parts could be a month; say so instead of hiding it."""
    a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), _year(m.group(4))
    if a > 12 and b <= 12:
        d = _mk(y, b, a)
        return DateHit(d) if d else None
    if b > 12 and a <= 12:
        d = _mk(y, a, b)
        return DateHit(d) if d else None
    if a > 12 or b > 12:
        return None
    month_first = (sep == "/") if month_first_hint is None else month_first_hint
    if sep == "." and month_first_hint is None:
        month_first = False
    d = _mk(y, a, b) if month_first else _mk(y, b, a)
    if d is None:
        return None
    if a == b:
        return DateHit(d)
    other = _mk(y, b, a) if month_first else _mk(y, a, b)
    warning = (
        f"ambiguous numeric date {m.group(0)!r}: read as {d.isoformat()}"
        + (f", could be {other.isoformat()}" if other else "")
    )
    return DateHit(d, warning)


@functools.lru_cache(maxsize=8192)
def is_date_line(line: str) -> bool:
    """Stand-alone date lines and banners are page furniture, never body text."""
    if len(line) > 90:
        return False
    if DATE_LINE_RE.match(line):
        return True
    return bool(DATE_BANNER_RE.search(line)) and len(line.split()) <= 8


def month_first_hint(text: str) -> bool | None:
    """Which way a text writes its dates decides how to read its numeric ones."""
    mdy = len(MDY_RE.findall(text))
    dmy = len(DMY_RE.findall(text))
    if mdy > dmy:
        return True
    if dmy > mdy:
        return False
    return None


def looks_like_person(name: str) -> bool:
    name = name.strip()
    if not PERSON_NAME_RE.match(name):
        return False
    toks = [t.lower().rstrip(".") for t in name.split()]
    if any(t in lx.ORG_KEYWORDS or t in lx.COUNTRIES or t in lx.NATIONALITIES or t in lx.MONTHS or t in lx.WEEKDAYS for t in toks):
        return False
    if toks[-1] in {"reporter", "correspondent", "editor", "writer", "columnist", "contributor", "staff", "desk", "team", "producer", "photographer", "intern"}:
        return False
    if toks[0] in {"the", "staff", "editorial", "news", "team", "admin", "guest", "our", "and", "by", "from", "with"}:
        return False
    return True


def org_credit(name: str) -> str | None:
    """A byline or credit naming a wire or publication rather than a person."""
    key = name.strip().strip("().").strip().lower()
    if key in lx.WIRE_CREDITS:
        return lx.WIRE_CREDITS[key]
    bare = key[4:] if key.startswith("the ") else key
    for canon, acr, aliases, kind in lx.GAZETTEER:
        if kind != "media":
            continue
        if key == canon.lower() or (acr and key == acr.lower()) or key in (a.lower() for a in aliases):
            return canon
        if bare != key and (bare == canon.lower() or bare in (a.lower() for a in aliases)):
            return canon  # "The Associated Press"
    return None


_BYLINE_SPLIT_RE = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*")
_BYLINE_TAIL_RE = re.compile(r"\s*(?:[|•·]|\s[-–—]\s|\bon\b|\bat\b|\bin\b|\bupdated\b|\bpublished\b|\bposted\b|\bfor\b).*$", re.IGNORECASE)


_HANDLE_RE = re.compile(r"\s*@\w+?(?=[A-Z]|\s|$)|\s*@\w+$")
_BRACKET_CREDIT_RE = re.compile(r"\s*\(([A-Za-z][A-Za-z .-]{0,30})\)")


# Months that are also given names: in a byline, "April Stone" is a person.
_MONTH_GIVEN_NAMES = frozenset({"April", "May", "June", "August"})


def _month_first_name(name: str) -> bool:
    first, _, rest = name.partition(" ")
    return first in _MONTH_GIVEN_NAMES and bool(rest) and looks_like_person("Ann " + rest)


def parse_byline_names(names: str) -> tuple[list[str], list[str]]:
    """Split "X and Y, Reuters" into people and publication credits."""
    orgs: list[str] = []
    if "(" in names:
        # "Jane Doe (AP)": a wire credit in brackets after the name.
        for m in _BRACKET_CREDIT_RE.finditer(names):
            credit = org_credit(m.group(1))
            if credit:
                orgs.append(credit)
        names = _BRACKET_CREDIT_RE.sub(lambda m: "" if org_credit(m.group(1)) else m.group(0), names).strip()
    # "Jane Roe@janeroe28Sam Poe": each name's social handle run into the next name.
    names = _HANDLE_RE.sub(", ", names)
    names = _BYLINE_TAIL_RE.sub("", names)
    names = re.split(r"\s+(?=" + _DATE_ANY + r")", names, maxsplit=1, flags=re.IGNORECASE)[0]
    people: list[str] = []
    for part in _BYLINE_SPLIT_RE.split(names):
        part = part.strip(" .:;")
        if part.isupper() and len(part) > 4 and " " in part:
            part = part.title()  # "DEREK GATOPOULOS"
        elif " " in part and any(len(w) > 1 and w.isupper() for w in part.split()) and not looks_like_person(part):
            cased = " ".join(w.title() if len(w) > 1 and w.isupper() else w for w in part.split())
            if looks_like_person(cased):
                part = cased  # "Lucie FERRAND"
        if not part or re.match(r"^(?:editing|edited|additional\s+reporting|writing|graphics|photos?|video)\b", part, re.IGNORECASE):
            continue
        credit = org_credit(part)
        if credit:
            orgs.append(credit)
        elif looks_like_person(part) or _month_first_name(part):
            people.append(part)
        elif part[:1].isupper() and 1 <= len(part.split()) <= 6 and all(w[:1].isupper() or w in {"of", "the", "and", "&"} for w in part.split()):
            low = part.lower().split()
            if not any(w in lx.ROLE_NOUNS for w in low) and not any(w in {"staff", "team"} for w in low):
                orgs.append(part)
    return people, orgs


@dataclass(frozen=True, slots=True)
class Meta:
    published_on: dt.date | None
    authors: tuple[str, ...]
    source: str | None
    warnings: tuple[str, ...]


def _full_wire_name(source: str, *, own_name: bool, full_text: str) -> str:
    """A wire credited by its initials or in brackets ("AP", "(AFP)") is given its full name.

    A site's own name (masthead, title suffix) keeps its spelling unless the page spells it out.
    """
    key = source.strip("(). ").lower()
    key = key[4:] if key.startswith("the ") else key
    credit = org_credit(key)
    if not credit or not (key in lx.WIRE_CREDITS or credit.lower() == key):
        return source
    if own_name and credit.lower() != key and credit.lower() not in full_text.lower():
        return source
    return credit


def extract_meta(
    *,
    meta_lines: list[str],
    first_paragraph_dateline: str,
    wire_credit: str | None,
    site_suffixes: list[str],
    masthead: str = "",
    about_org: str = "",
    bios: tuple[str, ...] = (),
    bio_names: list[str],
    author_name_lines: list[str],
    full_text: str,
) -> Meta:
    """Combine the page furniture the cleaner set aside into date, byline and publication."""
    warnings: list[str] = []
    numeric = any(NUMERIC_RE.search(l) for l in meta_lines) or NUMERIC_RE.search(first_paragraph_dateline or "")
    hint = month_first_hint(full_text) if numeric else None
    authors: list[str] = []
    sources: list[str] = []
    date_hit: DateHit | None = None
    date_rank = 99

    def offer(hit: DateHit | None, rank: int) -> None:
        nonlocal date_hit, date_rank
        if hit and rank < date_rank:
            date_hit, date_rank = hit, rank

    copyright_people: list[str] = []
    copyright_orgs: list[str] = []
    for line in (x for ml in meta_lines for x in ml.split("\n")):
        pb = lx.POSTED_BY_RE.search(line)
        if pb:
            offer(parse_date(pb.group("date"), month_first_hint=hint), 0)
            p, o = parse_byline_names(pb.group("names"))
            authors.extend(p)
            sources.extend(o)
            continue
        by = lx.BYLINE_RE.match(line) or lx.AUTHOR_LABEL_RE.match(line)
        if by:
            p, o = parse_byline_names(by.group("names"))
            authors.extend(p)
            sources.extend(o)
            offer(parse_date(line, month_first_hint=hint), 2)
            continue
        if re.search(r"©|\(c\)\s*\d|copyright", line, re.IGNORECASE):
            cm = lx.COPYRIGHT_HOLDER_RE.search(line)
            if cm:
                holder = cm.group("holder").strip(" .")
                holder = re.split(r"\.\s", holder)[0]  # "Example.com. This article is ..."
                holder = re.sub(r"\.?\s*\ball(?:\s+rights.*)?$", "", holder, flags=re.IGNORECASE)
                if looks_like_person(holder) and not lx.PUBLICATION_NAME_RE.search(holder):
                    copyright_people.append(holder)
                elif holder and holder.lower() not in {"all", "copyright"}:
                    copyright_orgs.append((org_credit(holder) or holder).rstrip("."))
            continue
        lab = LABELLED_DATE_RE.search(line)
        if lab:
            rank = 1 if lab.group("label").lower() in {"published", "posted", "first published", "date", "dated"} else 3
            offer(parse_date(lab.group("rest"), month_first_hint=hint), rank)
            continue
        offer(parse_date(line, month_first_hint=hint), 4)
    if first_paragraph_dateline:
        offer(parse_date(first_paragraph_dateline, month_first_hint=hint), 1)

    if not authors:
        # A blog's "© 2022 Patti Mohr" is its author when the page names her again (a name line,
        # a bio); a company named after its founder ("© Hartley Brooks") is only in the footer.
        named = {n.casefold() for n in [*author_name_lines, *bio_names]}
        authors.extend(p for p in copyright_people if p.casefold() in named)
        copyright_orgs.extend(p for p in copyright_people if p.casefold() not in named)
    if not authors:
        authors.extend(n for n in author_name_lines if looks_like_person(n))
    if not authors:
        authors.extend(n for n in bio_names if looks_like_person(n))
    # A byline that names the publication itself ("Written by Valley Today", with "© Valley
    # Today" below) credits the newsroom, not a person.
    own_names = {n.casefold() for n in [*copyright_orgs, *site_suffixes, masthead] if n}
    newsroom = [a for a in authors if a.casefold() in own_names]
    if newsroom:
        authors = [a for a in authors if a.casefold() not in own_names]
        sources.insert(0, newsroom[0])
    # One spelling per author, in byline order.
    seen: set[str] = set()
    uniq: list[str] = []
    for a in authors:
        if a.lower() not in seen:
            seen.add(a.lower())
            uniq.append(a)

    source: str | None = None
    suffixes = Counter(s for s in site_suffixes if s)
    if suffixes:
        source = suffixes.most_common(1)[0][0]
    elif newsroom:
        source = newsroom[0]
    elif masthead:
        source = masthead
    elif wire_credit:
        source = wire_credit
    elif sources:
        source = sources[0]
    elif copyright_orgs:
        source = copyright_orgs[0]
    elif about_org:
        source = about_org
    elif bios:
        bm = lx.BIO_PUBLICATION_RE.search(" ".join(bios))
        if bm:
            source = bm.group("pub")
    if source:
        source = _full_wire_name(source, own_name=source == masthead or bool(suffixes), full_text=full_text)
    if date_hit and date_hit.warning:
        warnings.append(date_hit.warning)
    return Meta(date_hit.date if date_hit else None, tuple(uniq), source, tuple(warnings))
