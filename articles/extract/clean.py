"""Turn a scraped page into title, dek and body paragraphs, setting page furniture aside.

Scrapes are line-oriented: every paragraph, menu item, caption and share button is a line.
So the cleaner classifies lines, using where they sit relative to the title and the body as
much as what they say, and hands the lines it removed to ``meta`` for the byline and date.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from . import lexicon as lx
from .meta import LEADING_DATE_RE, PLACE_DATELINE_RE, WIRE_DATELINE_RE, is_date_line, looks_like_person, org_credit

_SPACE_TABLE = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u2002": " ",
        "\u2003": " ", "\u3000": " ", "\t": " ", "\u200b": None, "\u200c": None, "\u200d": None,
        "\ufeff": None, "\u00ad": None, "\u2028": "\n", "\u2029": "\n", "\r": None,
    }
)
_SPACE_REPLACEMENTS = tuple((k if isinstance(k, str) else chr(k), v or "") for k, v in _SPACE_TABLE.items())
_MULTISPACE_RE = re.compile(r" {2,}")
_URL_LINE_RE = re.compile(r"^(?:(?:url|source|link|permalink|canonical)\s*:\s*)?<?(?P<url>https?://\S+?)>?$", re.IGNORECASE)
_CURLY_RE = re.compile("[“”]")
_BLANK_LINES_RE = re.compile(r"\n[ \t]*\n\s*")
_KEY_RE = re.compile(r"[\W_]+")
_TERMINAL_RE = re.compile(r"[.!?…:;][\"”’»)\]]*$|[\"”»]$")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’»)\]]*$")
_GLUE_RE = re.compile(r"(?<=[a-z)])(?=[A-Z][a-z])")
_SUFFIX_SEP_RE = re.compile(r"^\s*(?:[,|:–—-]|\s)\s*")
_DOUBLE_STOP_RE = re.compile(r"(?<![.])\.\.(?![.])")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"(?<=\w) +(?=[,;:!?](?:[\s”’»\"]|$))")
_WORD_RE = re.compile(r"\S+")
_DASH_START_RE = re.compile(r"^[-–—•*]")


def _key(s: str) -> str:
    """Comparison form of a short line; long lines are never headlines, so they get none."""
    if len(s) > 300:
        return ""
    return _KEY_RE.sub(" ", s.casefold()).strip()


def _words(s: str) -> int:
    return len(s.split())


def is_body_paragraph(line: str) -> bool:
    """A paragraph of reporting: long enough, or a sentence that actually ends."""
    n = _words(line)
    if n >= 30:
        return True
    return n >= 10 and bool(_SENTENCE_END_RE.search(line))


def _is_long_paragraph(line: str) -> bool:
    n = _words(line)
    return n >= 40 or (n >= 22 and bool(_SENTENCE_END_RE.search(line)))


def is_headline_like(line: str) -> bool:
    """Short, unpunctuated lines: subheadings, menu entries and other stories' headlines."""
    if not line or line[0] in lx.QUOTE_CHARS or _DASH_START_RE.match(line):
        return False
    n = _words(line)
    if n > 16 or len(line) > 120:
        return False
    if re.search(r"[.!:;,\"”’»]$", line):
        return False
    return line[0].isupper() or line[0].isdigit()


@dataclass(slots=True)
class _Line:
    text: str
    block: int
    kind: str = "keep"


@dataclass(frozen=True, slots=True)
class Cleaned:
    title: str
    dek: str
    paragraphs: tuple[str, ...]
    meta_lines: tuple[str, ...]
    site_suffixes: tuple[str, ...]
    bios: tuple[tuple[str, str], ...]
    author_name_lines: tuple[str, ...]
    dateline: str = ""
    credits: tuple[str, ...] = ()
    wire_credit: str | None = None
    masthead: str = ""
    about_org: str = ""
    url: str = ""
    warnings: tuple[str, ...] = field(default=())


# "February 20, 20254:12 PM": a year run together with the time that follows it.
_GLUED_YEAR_TIME_RE = re.compile(
    r"((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2})(?=\d{1,2}[:.]\d{2})",
    re.IGNORECASE,
)

_GLUED_DIGITS_RE = re.compile(r"(?:19|20)\d\d\d{1,2}[:.]\d\d")


def _split_lines(text: str) -> list[_Line]:
    for ch, rep in _SPACE_REPLACEMENTS:
        if ch in text:
            text = text.replace(ch, rep)
    if ":" in text and _GLUED_DIGITS_RE.search(text):
        text = _GLUED_YEAR_TIME_RE.sub(r"\1 ", text)
    lines: list[_Line] = []
    block = 0
    for chunk in _BLANK_LINES_RE.split(text):
        raw_lines = [_MULTISPACE_RE.sub(" ", r).strip() if "  " in r else r.strip() for r in chunk.split("\n")]
        raw_lines = [r for r in raw_lines if r]
        if not raw_lines:
            continue
        if _is_wrapped_block(raw_lines):
            lines.append(_Line(" ".join(raw_lines), block))
        else:
            start = len(lines)
            for r in raw_lines:
                if len(lines) > start and _continues(lines[-1].text, r):
                    lines[-1].text += " " + r
                else:
                    lines.append(_Line(r, block))
        block += 1
    return lines


def _is_wrapped_block(raw_lines: list[str]) -> bool:
    """Fixed-width wire copy: every line but the last cut at about the same column."""
    if len(raw_lines) < 2:
        return False
    body = raw_lines[:-1]
    lengths = [len(r) for r in body]
    if min(lengths) < 45 or max(lengths) > 95 or max(lengths) - min(lengths) > 35:
        return False
    if any((is_headline_like(r) and _words(r) <= 6) or _is_meta_line(r, True) or _is_furniture(r) for r in raw_lines):
        return False
    return len(raw_lines[-1]) <= max(lengths) + 5


def _continues(prev: str, nxt: str) -> bool:
    """Hard-wrapped wire copy: a long line cut mid-sentence, resumed in lower case."""
    if re.search(r"\s[—–-]{1,2}$", prev) and _words(prev) <= 8:
        return True  # a dateline on its own line: "Springfield, Illinois —"
    if len(prev) < 45 or _TERMINAL_RE.search(prev):
        return False
    c = nxt[0]
    return c.islower() or (prev.endswith(",") and not is_headline_like(nxt))


def _pick_title(lines: list[_Line], limit: int, keys: list[str]) -> int | None:
    best: tuple[float, int] | None = None
    key_counts = Counter(keys)
    nav_run = _nav_runs(lines[:limit])
    short_keys = [
        (j, sk)
        for j, kk in enumerate(keys)
        if len(sk := _LIST_NUM_RE.sub("", kk)) >= 25 and sk.count(" ") >= 4 and (sk != kk or (j >= limit and key_counts[kk] == 1))
    ]
    mast_idx = next((j for j in range(min(limit, 4)) if not _is_furniture(lines[j].text) and not is_date_line(lines[j].text)), -1)
    if mast_idx >= 0 and not _is_name_like(_NAV_SEP_RE.split(lines[mast_idx].text)[0].strip()):
        mast_idx = -1
    for i in range(limit):
        t = lines[i].text
        k = keys[i]
        n = _words(t)
        if n < 2 or len(k) < 10 or len(t) > 220:
            continue
        if is_date_line(t) or _is_furniture(t) or lx.BYLINE_RE.match(t) or lx.COMMENTS_START_RE.match(t):
            continue
        if _SENTENCE_END_RE.search(t) and n > 25:
            continue
        if _is_nav_line(t) or re.search(r"\s[—–-]{1,2}$", t) or (t.isupper() and n <= 6):
            continue
        if _LIST_ITEM_RE.match(t) or _CREDIT_LINE_RE.match(t) or (n <= 4 and looks_like_person(t)) or name_role_byline(t):
            continue
        if _is_label(t) or (i > 0 and _is_label(lines[i - 1].text)) or _META_START_RE.match(t) or _is_mostly_date(t):
            continue  # a caption label or the caption under it, a timestamp
        score = 0.0
        repeats = key_counts[k] - 1
        glued = 0
        if len(k) >= 20:
            glued = sum(1 for j, kk in enumerate(keys) if kk != k and k in kk and not _is_furniture(lines[j].text))
            # A "Most read" entry or a teaser repeating this headline in a shorter form.
            glued += sum(1 for j, sk in short_keys if j != i and sk != k and sk in k)
        score += 3.0 * min(repeats + glued, 3)
        if 4 <= n <= 25:
            score += 2
        if not t.endswith("."):
            score += 1
        if re.search(r"[a-z]", t) and (re.search(r"\b[a-z]{2,}\b", t) or re.search(r"[,:'’?!]", t)):
            score += 1
        if i in nav_run:
            score -= 3
        if i == mast_idx and n <= 5:
            score -= 2
        following = [lines[j].text for j in range(i + 1, min(i + 8, len(lines))) if not _is_furniture(lines[j].text)][:3]
        for dist, x in enumerate(following):
            if _is_meta_line(x, near_top=True):
                score += (2.0, 1.5, 1.0)[dist]
                break
        if len(following) >= 2 and _is_dek_like(following[0], n) and _is_meta_line(following[1], near_top=True):
            score += 1.5  # headline, standfirst, byline
        if mast_idx >= 0 and i == mast_idx + 1:
            score -= 1.5  # the site's tagline sits right under its name
        if n <= 16:
            score += 0.5
        score -= 0.05 * i
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


_MEDIA_LABEL_RE = re.compile(r"\b(?:caption|image|photo|picture|video|media|audio|source|credit|gallery)\b", re.IGNORECASE)


def _is_label(line: str) -> bool:
    """"Image caption," or "Photo source:": a label announcing the line after it."""
    if not line or line[-1] not in ",:" or _words(line) > 4:
        return False
    return line[-1] == "," or _MEDIA_LABEL_RE.search(line) is not None


_DATE_WORDS = frozenset(
    """at on of the and posted updated published last first modified edited am pm a.m. p.m. a.m p.m
    et est edt ct cst cdt mt mst mdt pt pst pdt gmt bst utc cet cest ist aest aedt jst today""".split()
) | frozenset(lx.MONTHS) | lx.WEEKDAYS
_DATE_TOKEN_RE = re.compile(r"^(?:\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})$", re.IGNORECASE)


def _is_mostly_date(line: str) -> bool:
    """"Posted at 6:12 PM, Aug 14, 2023", "8:05 AM ET": a timestamp, whatever order its parts come in."""
    if len(line) > 90 or _DIGIT_RE.search(line) is None:
        return False
    toks = [w.strip(",.|·•()[]–—-").lower() for w in line.split()]
    toks = [w for w in toks if w]
    if not toks:
        return False
    dated = sum(1 for w in toks if w in _DATE_WORDS or w.rstrip(".") in _DATE_WORDS or _DATE_TOKEN_RE.match(w))
    return dated >= 2 and dated >= len(toks) - 1 and dated * 4 >= len(toks) * 3


# "1. Another story": an entry of a numbered "Most read" list, never this page's headline.
_LIST_NUM_RE = re.compile(r"^\d{1,2} ")
_LIST_ITEM_RE = re.compile(r"^\d{1,2}[.)]\s+\S")
# "Translated from the Italian by Ana Ruiz", "(Reporting by X; Editing by Y)": credits, not bylines.
_CREDIT_LINE_RE = re.compile(
    r"^\(?(?i:translated|translation|adapted|edited|editing|illustrat\w+|photographs|photography|graphics|"
    r"additional\s+reporting|reporting|research|fact-checking|produced|production)\b[^.!?()]{0,60}?\b(?i:by)\s+"
    r"(?P<names>[A-Z][^.!?()]{2,160}?)\)?\.?$"
)


def credit_names(line: str) -> list[str]:
    """People named by a credit line ("Translated by X", "Editing by X and Y"), in order."""
    out: list[str] = []
    for seg in line.strip("()").split(";"):
        m = _CREDIT_LINE_RE.match(seg.strip())
        if not m:
            continue
        for part in re.split(r"\s*(?:,|\band\b|&)\s*", m.group("names")):
            part = re.split(r"\s+in\s+", part.strip(" ."))[0]
            if looks_like_person(part):
                out.append(part)
    return out


_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def _credit_line(line: str) -> list[str] | None:
    """A line made only of credits and disclaimers: the people it credits, else None."""
    if len(line) > 300 or "by " not in line:
        return None
    names: list[str] = []
    found = False
    for sent in _SENTENCE_SPLIT_RE.split(line):
        got = credit_names(sent)
        if got or _CREDIT_LINE_RE.match(sent.strip("() ")):
            names.extend(got)
            found = True
        elif not _is_furniture(sent):
            return None
    return names if found else None


def _is_closing_line(lines: list[_Line], i: int) -> bool:
    """In the second half of the page with no paragraph of reporting after it."""
    n = len(lines)
    if i < n // 2:
        return False
    return not any(is_body_paragraph(lines[j].text) and not _is_furniture(lines[j].text) for j in range(i + 1, n))


def _is_dek_like(line: str, title_words: int) -> bool:
    n = _words(line)
    return n >= 8 and n > title_words and not line.endswith(":") and line.count(". ") == 0


def _nav_runs(lines: list[_Line]) -> set[int]:
    """Three or more consecutive very short lines are a menu, not a headline area."""
    out: set[int] = set()
    run: list[int] = []
    for i, l in enumerate(lines):
        if _words(l.text) <= 3 and not _SENTENCE_END_RE.search(l.text):
            run.append(i)
        else:
            if len(run) >= 3:
                out.update(run)
            run = []
    if len(run) >= 3:
        out.update(run)
    return out


_NAV_SEP_RE = re.compile(r"\s(?:\||›|»|•|·|/|>)\s")
_NAV_WORDS = frozenset(
    """home news world business sport sports politics economy opinion education interviews
    interview local culture lifestyle newsroom investors careers contact menu search subscribe
    us uk video videos health science tech technology travel entertainment style markets grids
    policy property jobs obituaries blog about walks gallery photos latest features analysis
    comment environment climate football cricket rugby money finance companies regions region
    national international europe asia africa americas weather podcasts podcast live more
    all sections section topics archive events crime courts court law justice arts books food
    music film films tv media royals showbiz motoring cars homes family families puzzles
    education transport""".split()
)


def _is_nav_line(line: str) -> bool:
    parts = _NAV_SEP_RE.split(line)
    if len(parts) >= 3 or (len(parts) == 2 and all(_words(p) <= 3 for p in parts)):
        return True
    toks = line.lower().split()
    return len(toks) >= 3 and sum(t in _NAV_WORDS for t in toks) >= len(toks) - 1


def _masthead(lines: list[_Line], title_index: int) -> str:
    """The site's name, as the first line of the page (or first menu entry) before the headline."""
    for l in lines[:title_index]:
        t = l.text
        if _is_furniture(t) or is_date_line(t) or lx.COMMENTS_START_RE.match(t):
            if _NAV_SEP_RE.search(t) and is_date_line(_NAV_SEP_RE.split(t)[0]):
                continue
            continue
        if _NAV_SEP_RE.search(t):
            t = _NAV_SEP_RE.split(t)[0].strip()
        t = re.split(r"\s[-–—]\s", t)[0].strip()
        if _is_name_like(t) and (len(t.split()) >= 2 or sum(1 for x in lines if t in x.text or (t.isupper() and t.title() in x.text)) >= 2):
            # An acronym ("NPR") keeps its capitals; a shouted name ("HARBOURLIGHT") does not.
            return t.title() if t.isupper() and len(t.replace(" ", "")) > 4 else t
        return ""
    return ""


def _is_name_like(t: str) -> bool:
    toks = t.split()
    if not 1 <= len(toks) <= 6 or _TERMINAL_RE.search(t) or len(t) > 60:
        return False
    if len(toks) == 1 and toks[0].lower() in _NAV_WORDS:
        return False
    if all(w.lower() in _NAV_WORDS or w.lower() in {"&", "and", "of", "the"} for w in toks):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in {"of", "the", "and", "&", "for", "on", "de"} for w in toks)


@functools.lru_cache(maxsize=8192)
def _is_furniture(line: str) -> bool:
    if len(line) > 600:
        return False  # a paragraph of reporting, never a button or a banner
    if lx.BOILERPLATE_LINE_RE.match(line):
        return True
    if len(line) < 400 and lx.has_furniture_phrase(line):
        return True
    return len(line) < 200 and lx.is_share_line(line)


_NAME_ROLE_LINE_RE = re.compile(r"^(?P<name>[^,|]{3,40}),\s+(?P<role>[^,|]{3,60})$")
_HAS_FULL_DATE_RE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b",
    re.IGNORECASE,
)
_INLINE_BYLINE_RE = re.compile(r"(?:^|[–—|-]\s*|,\s*)by\s+(?P<names>[A-Z][^|–—]{2,80})$", re.IGNORECASE)


# Markers that could also be a subheading; they only start the comments in the second half.
_WEAK_COMMENT_MARK_RE = re.compile(r"^(?:comments?|discussion|what\s+do\s+you\s+think\??|have\s+your\s+say)\s*:?\s*$", re.IGNORECASE)
_NAME_IN_PLACE_RE = re.compile(r"^(?P<names>.{3,80}?)\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}$")


def name_role_byline(line: str) -> str:
    """"Catherine Doyle, Education Correspondent" or "Jennifer Rankin in Brussels": a byline without the "By"."""
    pm = _NAME_IN_PLACE_RE.match(line)
    if pm:
        names = [x.strip() for x in re.split(r"\s+and\s+|,\s*", pm.group("names"))]
        if names and all(looks_like_person(x) for x in names):
            return " and ".join(names)
    m = _NAME_ROLE_LINE_RE.match(line)
    if not m:
        return _name_then_title(line)
    if not looks_like_person(m.group("name")):
        return ""
    role = m.group("role").lower().split()
    if any(w in lx.ROLE_NOUNS for w in role) and len(role) <= 6:
        return m.group("name")
    return ""


# Newsroom job titles that close a byline written without a comma: "Jane Doe Political editor".
_JOB_TITLES = frozenset(
    """correspondent editor reporter writer columnist contributor producer photographer journalist
    critic commentator presenter analyst
    """.split()
)
# Words that qualify a job title: a rank or a beat ("Senior", "Transport", "Middle East").
_BEAT_WORDS = frozenset(
    """transport health education business political politics economics economy science environment
    environmental climate technology tech crime sports sport arts culture foreign diplomatic security
    defence defense legal courts royal social affairs home world international global investigations
    investigative data consumer property money personal finance financial markets energy industry
    media music film food travel fashion religion religious affairs community communities city state
    metro local regional national breaking digital video audio special staff contributing entertainment
    weather agriculture rural urban housing labour labor employment medical medicine north south east
    west middle eastern western northern southern america americas europe asia africa pacific
    """.split()
)


def _name_then_title(line: str) -> str:
    """"Owen Thackeray Transport correspondent": a name, then a job title ending in a lower-case noun."""
    toks = line.split()
    if not 3 <= len(toks) <= 8 or toks[-1] not in _JOB_TITLES:
        return ""
    j = len(toks) - 1
    while j > 2 and (
        toks[j - 1].islower() or toks[j - 1].lower() in lx.ROLE_MODIFIERS or toks[j - 1].lower() in _BEAT_WORDS
        or toks[j - 1].lower() in lx.COUNTRIES or toks[j - 1].lower() in lx.NATIONALITIES or toks[j - 1] == "&"
    ):
        j -= 1
    name = " ".join(toks[:j])
    if not 2 <= j <= 4 or not looks_like_person(name):
        return ""
    return name


_DIGIT_RE = re.compile(r"\d")
_META_START_RE = re.compile(r"^(?:published|posted|updated|last\s+updated|first\s+published)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _is_meta_line(line: str, near_top: bool = False) -> bool:
    """Byline, dateline or date: short lines only, so reporting paragraphs cost one length check."""
    if len(line) > 220:
        return False
    n = _words(line)
    if n > 25:
        return False
    has_digit = _DIGIT_RE.search(line) is not None
    low = line.lower()
    if n and n <= 4 and line[0] == "(" and line[-1] == ")" and org_credit(line):
        return True  # "(AP)": the wire's credit on its own line
    if near_top and n <= 16 and not _SENTENCE_END_RE.search(line):
        if (has_digit and _HAS_FULL_DATE_RE.search(line)) or name_role_byline(line) or ("by " in low and _INLINE_BYLINE_RE.search(line)):
            return True
    if "by" in low and lx.POSTED_BY_RE.search(line):
        return True
    if ":" in line and lx.AUTHOR_LABEL_RE.match(line):
        return True
    if n <= 14 and lx.BYLINE_RE.match(line):
        return True
    if _META_START_RE.match(line):
        return True
    return has_digit and is_date_line(line)


def _has_copyright(line: str) -> bool:
    return "©" in line or "opyright" in line or "OPYRIGHT" in line


def _site_suffix(line: str, title: str) -> str:
    """The text glued after a repeated headline is usually the site's name."""
    idx = line.casefold().find(title.casefold())
    if idx < 0:
        return ""
    tail = line[idx + len(title):]
    if not tail or tail[0].isalnum():
        return ""
    tail = _SUFFIX_SEP_RE.sub("", tail, count=1).strip()
    parts = _GLUE_RE.split(tail, maxsplit=1)
    cand = parts[0].strip(" ,|-–—:")
    if not cand or not cand[0].isupper() or _words(cand) > 6 or len(cand) > 60:
        return ""
    if is_date_line(cand) or _SENTENCE_END_RE.search(cand):
        return ""
    return cand


_QUOTE_OPEN_SHAPE_PREV = set(" \n([{—–-/")
_ABOUT_ORG_RE = re.compile(r"^About\s+(?P<org>(?:[A-Z][\w&.,'’-]*)(?:\s+(?:of|and|&|for|the|[A-Z][\w&.,'’-]*)){0,6})\s*:?$")


def repair_typography(p: str) -> str:
    """Fix the quote-mark and punctuation damage that copy-paste and machine translation leave."""
    if ".." in p:
        p = _DOUBLE_STOP_RE.sub(".", p)
    p = _repair_curly_quotes(p)
    if " ," in p or " ;" in p or " :" in p or " !" in p or " ?" in p:
        p = _SPACE_BEFORE_PUNCT_RE.sub("", p)
    if "  " in p:
        p = _MULTISPACE_RE.sub(" ", p)
    return p.strip()


def _repair_curly_quotes(p: str) -> str:
    """Decide for each double curly mark whether it opens or closes, then rewrite and respace it.

    A mark written as an opening one while a quote is open is a closing mark unless a closing
    mark follows before the next opening one (then it starts a nested quote).
    """
    if "“" not in p and "”" not in p:
        return p
    marks = [m.start() for m in _CURLY_RE.finditer(p)]
    roles: list[str] = []
    depth = 0
    for n, i in enumerate(marks):
        ch = p[i]
        prev = p[i - 1] if i > 0 else " "
        nxt = p[i + 1] if i + 1 < len(p) else " "
        left_open = prev in _QUOTE_OPEN_SHAPE_PREV
        right_open = nxt.isspace() or nxt in ".,;:!?)]…"
        if ch == "”":
            if depth == 0 and left_open and not right_open:
                role = "open"
            else:
                role = "close"
        else:
            if depth == 0:
                role = "open"
            else:
                following = p[marks[n + 1]] if n + 1 < len(marks) else ""
                role = "open" if following == "”" else "close"
        if role == "open":
            depth += 1
        else:
            depth = max(0, depth - 1)
        roles.append(role)
    out: list[str] = []
    last = 0
    for i, role in zip(marks, roles):
        seg = p[last:i]
        if role == "open":
            if seg and not seg[-1].isspace() and seg[-1] not in "([{—–-/":
                seg += " "
            out.append(seg)
            out.append("“")
            j = i + 1
            while j < len(p) and p[j] == " ":
                j += 1
            last = j
        else:
            out.append(seg.rstrip(" ") if seg.rstrip(" ") or not out else seg)
            out.append("”")
            j = i + 1
            if j < len(p) and (p[j].isalnum()):
                out.append(" ")
            last = j
    out.append(p[last:])
    return "".join(out)


def _meta_form(line: str) -> str:
    """Normalise byline variants to "By X" so ``meta`` parses one shape."""
    nr = name_role_byline(line)
    if nr:
        return "By " + nr
    if line[:1] == "(" and line[-1] == ")" and org_credit(line):
        return "By " + line[1:-1]
    m = _INLINE_BYLINE_RE.search(line)
    if m and not lx.BYLINE_RE.match(line) and not lx.POSTED_BY_RE.search(line):
        return line[: m.start()].strip(" –—|-,") + "\nBy " + m.group("names")
    return line


def clean(text: str) -> Cleaned:
    """Split the scrape into headline, standfirst and body, and keep what was set aside."""
    lines = _split_lines(text)
    warnings: list[str] = []
    if not lines:
        return Cleaned("", "", (), (), (), (), (), warnings=("no title found", "empty document"))

    first_body = next((i for i, l in enumerate(lines) if _is_long_paragraph(l.text) and not _is_furniture(l.text)), len(lines))
    limit = min(max(first_body, 1), 60)
    keys = [_key(l.text) for l in lines]
    ti = _pick_title(lines, limit, keys)
    title = lines[ti].text if ti is not None else ""
    if len(title) > 2 and title[0] in "\"“«'‘" and title[-1] in "\"”»'’" and not any(c in title[1:-1] for c in "\"“”«»"):
        title = title[1:-1].strip()
    if not title:
        warnings.append("no title found")
    title_key = _key(title) if title else ""

    meta_lines: list[str] = []
    site_suffixes: list[str] = []
    bios: list[tuple[str, str]] = []
    author_name_lines: list[str] = []

    # Everything before the last early copy of the headline is masthead, menu or teaser.
    hdr_end = ti if ti is not None else -1
    if ti is not None:
        body_start = next((j for j in range(ti + 1, len(lines)) if _is_long_paragraph(lines[j].text)), len(lines))
        for j in range(ti + 1, body_start):
            if keys[j] == title_key:
                hdr_end = j
    masthead = _masthead(lines, ti) if ti is not None else ""
    for j in range(0, hdr_end + 1):
        lines[j].kind = "header"
        t = lines[j].text
        if _is_meta_line(t, near_top=True) or _has_copyright(t):
            meta_lines.append(_meta_form(t))
        if title and j != ti:
            suf = _site_suffix(t, title)
            if suf:
                site_suffixes.append(suf)

    if ti is None:
        body_start = first_body
    # Byline names seen anywhere let us recognise the author's stand-alone name and bio.
    author_hints: set[str] = set()
    for l in lines:
        if len(l.text) > 220:
            continue
        low = l.text.lower()
        for rx in (lx.POSTED_BY_RE, lx.BYLINE_RE, lx.AUTHOR_LABEL_RE):
            if rx is not lx.AUTHOR_LABEL_RE and "by" not in low:
                continue
            m = rx.search(l.text) if rx is lx.POSTED_BY_RE else rx.match(l.text)
            if m and _words(l.text) <= 25:
                for part in re.split(r"\s*(?:,|\band\b|&)\s*", m.group("names")):
                    if looks_like_person(part.strip(" .")):
                        author_hints.add(part.strip(" .").lower())
        cm = lx.COPYRIGHT_HOLDER_RE.search(l.text) if _has_copyright(l.text) else None
        if cm and looks_like_person(cm.group("holder").strip(" .")):
            author_hints.add(cm.group("holder").strip(" .").lower())

    n = len(lines)
    about_org = ""
    credits: list[str] = []
    credit_wire = False
    url = next((m.group("url") for l in lines[: hdr_end + 1] if (m := _URL_LINE_RE.match(l.text))), "")
    i = hdr_end + 1
    caption_block = -1
    related_mode = False
    about_mode = False
    while i < n:
        l = lines[i]
        t = l.text
        k = keys[i]
        cm_start = lx.COMMENTS_START_RE.match(t) if i > hdr_end + 1 else None
        if cm_start and (i >= n // 2 or not _WEAK_COMMENT_MARK_RE.match(t)):
            for j in range(i, n):
                lines[j].kind = "comments"
            break
        if related_mode and lx.ABOUT_AUTHOR_RE.match(t):
            related_mode = False
        if related_mode:
            if is_body_paragraph(t) and not _DASH_START_RE.match(t) and not _LIST_ITEM_RE.match(t):
                related_mode = False
            else:
                l.kind = "related"
                i += 1
                continue
        if about_mode:
            if is_body_paragraph(t) or _words(t) > 6:
                bios.append((author_name_lines[-1] if author_name_lines else "", t))
                l.kind = "bio"
                i += 1
                continue
            about_mode = False
        if _URL_LINE_RE.match(t):
            l.kind = "url"
            if not url:
                url = _URL_LINE_RE.match(t).group("url")
            i += 1
            continue
        if title_key and k == title_key:
            l.kind = "title"
        elif title_key and len(title_key) >= 15 and title_key in k:
            l.kind = "glued"
            suf = _site_suffix(t, title)
            if suf:
                site_suffixes.append(suf)
            if _has_copyright(t):
                meta_lines.append(t)
            caption_block = l.block
        elif l.block == caption_block and _words(t) <= 45:
            l.kind = "caption"
        elif i > 0 and lines[i - 1].kind == "furniture" and _is_label(lines[i - 1].text) and _words(t) <= 45:
            l.kind = "caption"  # the text a caption label announces
        elif (am := _ABOUT_ORG_RE.match(t)) and i >= n // 2 and not lx.ABOUT_AUTHOR_RE.match(t) and am.group("org").lower() not in _NAV_WORDS | {"us", "me", "this", "our", "the"}:
            about_org = am.group("org")
            for j in range(i, n):
                lines[j].kind = "about"
            break
        elif (om := lx.OUTLET_ABOUT_RE.match(t)) and (lx.OUTLET_APPEAL_RE.search(t) or _is_closing_line(lines, i)):
            l.kind = "furniture"  # the outlet describing itself, not reporting
            if not about_org:
                about_org = om.group("org")
        elif lx.ABOUT_AUTHOR_RE.match(t):
            l.kind = "bio"
            about_mode = True
        elif lx.RELATED_START_RE.match(t):
            l.kind = "related"
            related_mode = True
        elif (
            i < body_start
            and _words(t) <= 4
            and i + 1 < n
            and looks_like_person(t)
            and (is_date_line(lines[i + 1].text) or _is_meta_line(lines[i + 1].text, near_top=True))
        ):
            l.kind = "meta"  # a byline without "By": the name alone above the date
            meta_lines.append("By " + t)
        elif (cn := _credit_line(t)) is not None:
            l.kind = "furniture"
            credits.extend(cn)
            if t.startswith("(") and re.search(r"\b(?:editing|edited)\s+by\b", t, re.IGNORECASE):
                credit_wire = True
        elif _is_meta_line(t, near_top=i < body_start):
            l.kind = "meta"
            meta_lines.append(_meta_form(t))
        elif _is_furniture(t):
            l.kind = "furniture"
            if _has_copyright(t):
                meta_lines.append(t)
        elif (bm := lx.AUTHOR_BIO_RE.match(t)) and (
            bm.group("name").lower() in author_hints
            or (i > 0 and lines[i - 1].kind == "author")
            or i >= int(n * 0.75)
        ):
            l.kind = "bio"
            bios.append((bm.group("name"), t))
        elif (
            looks_like_person(t)
            and _words(t) <= 4
            and (t.lower() in author_hints or (i + 1 < n and lx.AUTHOR_BIO_RE.match(lines[i + 1].text) and lines[i + 1].text.startswith(t.split()[0])))
        ):
            l.kind = "author"
            author_name_lines.append(t)
        if l.kind not in {"glued", "caption"} and l.block != caption_block:
            caption_block = -1
        i += 1

    kept = [l for l in lines if l.kind == "keep"]
    # Trailing furniture: short unpunctuated lines after the last paragraph of reporting.
    while kept and not is_body_paragraph(kept[-1].text) and not _SENTENCE_END_RE.search(kept[-1].text) and _words(kept[-1].text) <= 8:
        kept[-1].kind = "footer"
        kept.pop()
    # Runs of headline-like lines in the body are other stories' headlines or menus.
    idx = 0
    while idx < len(kept):
        j = idx
        while j < len(kept) and is_headline_like(kept[j].text):
            j += 1
        if j - idx >= 2:
            for l in kept[idx:j]:
                l.kind = "headlines"
            del kept[idx:j]
        else:
            idx = j + 1 if j == idx else j

    # Dek: a sentence-like line straight after the headline, before the reporting starts.
    dek = ""
    if kept and title:
        cand = kept[0].text
        pos = lines.index(kept[0])
        between = [x.kind for x in lines[(ti or 0) + 1:pos]]
        close_to_title = all(kd in {"header", "title", "glued", "caption", "furniture", "meta", "author"} for kd in between)
        nw = _words(cand)
        if close_to_title and len(kept) > 1 and cand[0] not in lx.QUOTE_CHARS and not LEADING_DATE_RE.match(cand) and not WIRE_DATELINE_RE.match(cand):
            if not _SENTENCE_END_RE.search(cand) and 8 <= nw <= 60 and not cand.endswith(":"):
                dek = cand
            elif _SENTENCE_END_RE.search(cand) and nw <= 40 and cand.count(". ") == 0:
                nxt = kept[1].text
                after_meta = any(x.kind == "meta" for x in lines[pos + 1:lines.index(kept[1])])
                if LEADING_DATE_RE.match(nxt) or WIRE_DATELINE_RE.match(nxt) or after_meta:
                    dek = cand
        if dek:
            kept[0].kind = "dek"
            kept.pop(0)

    paragraphs: list[str] = []
    dateline = ""
    wire_credit: str | None = None
    for n_k, l in enumerate(kept):
        p = repair_typography(l.text)
        if not p:
            continue
        if not paragraphs:
            m = LEADING_DATE_RE.match(p)
            if m and re.search(r"\d{4}", m.group("date")):
                dateline = m.group("date")
                p = p[m.end():]
                p = p[0].upper() + p[1:] if p else p
            pm = PLACE_DATELINE_RE.match(p)
            if pm and not dateline:
                dateline = pm.group("date")
            wm = WIRE_DATELINE_RE.match(p)
            if wm:
                wire_credit = org_credit(wm.group("wire"))
                if wm.group("date"):
                    dateline = wm.group("date")
        nxt = kept[n_k + 1].text if n_k + 1 < len(kept) else ""
        if paragraphs and is_headline_like(p) and _words(p) <= 14 and nxt and (is_body_paragraph(nxt) or nxt[0] in lx.QUOTE_CHARS):
            p = "## " + p
        paragraphs.append(p)
    if not paragraphs:
        warnings.append("empty body")
    if credit_wire and wire_credit is None:
        wire_credit = "Reuters"  # "(Reporting by X; Editing by Y)" closes Reuters copy
    return Cleaned(
        title=repair_typography(title) if title else "",
        dek=repair_typography(dek) if dek else "",
        paragraphs=tuple(paragraphs),
        meta_lines=tuple(meta_lines),
        site_suffixes=tuple(site_suffixes),
        bios=tuple(bios),
        author_name_lines=tuple(author_name_lines),
        dateline=dateline,
        credits=tuple(dict.fromkeys(credits)),
        wire_credit=wire_credit,
        masthead=masthead,
        about_org=about_org,
        url=url,
        warnings=tuple(warnings),
    )
