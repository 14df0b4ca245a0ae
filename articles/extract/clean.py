"""Turn a scraped page into title, dek and body paragraphs, setting page furniture aside.

Scrapes are line-oriented: every paragraph, menu item, caption and share button is a line.
``furniture.classify`` says which lines read as text and where the article's run of them is;
the headline is the candidate above it with the most evidence (``_pick_title``); the rules here
know the kinds the classification cannot (bylines, datelines, captions, share rows, comment
threads, bios) and hand the lines they set aside to ``meta`` for the byline and date.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import lexicon as lx
from .furniture import Classification, classify, content_words
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


def _is_deck(line: str) -> bool:
    """A headline-shaped line of four to thirty words: a headline or one of its decks."""
    t = line.lstrip("‘'“\"")
    return 4 <= _words(t) <= 30 and (t[:1].isupper() or t[:1].isdigit()) and not re.search(r"[.!:;,\"”’»]$", t) \
        and not _DASH_START_RE.match(t)


def _headline_shaped(line: str) -> bool:
    """Headline-like once an opening quotation is set aside ("'We were blindsided': staff ...")."""
    return is_headline_like(line.lstrip("‘'“\""))


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


def _menu_runs(lines: list[_Line]) -> set[int]:
    """Lines inside a menu: four or more short lines in a row, at least three of them entries
    no rule knows (section names rather than share buttons or a byline and date)."""
    out: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if len(run) >= 4:
            entries = (j for j in run if not _is_furniture(lines[j].text))
            if next(entries, None) is not None and next(entries, None) is not None and next(entries, None) is not None:
                out.update(run)

    for i, l in enumerate(lines):
        t = l.text
        if _words(t) <= 5 and not _SENTENCE_END_RE.search(t) and not _is_meta_line(t, near_top=True) and not is_date_line(t):
            run.append(i)
        else:
            close()
            run = []
    close()
    return out


def _pick_title(
    lines: list[_Line], keys: list[str], body_start: int, body_words: set[str], menus: set[int], text: Sequence[bool]
) -> int | None:
    """The headline: the candidate above the body with the most evidence.

    Evidence, in the order it weighs: the body's words (a headline names what the reporting is
    about; a section label, a prompt or another story's headline does not), closeness to the
    first paragraph (only a standfirst, caption, byline or date stand between), a byline or date
    right after it, copies elsewhere on the page outside menus (the "Most read" list, the page
    title with the site's name), and a headline's shape. A line that is, or is copied in, a menu
    is a section label.
    """
    best: tuple[float, int] | None = None
    limit = body_start
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
    # How many lines of substance (not furniture, dates, bylines or names) stand between each
    # line and the next paragraph of text: a headline is followed by its article, even where an
    # inserted video carousel makes the article's second half the longer run.
    between = [0] * (limit + 1)
    for i in range(limit - 1, -1, -1):
        t = lines[i].text
        if text[i]:
            between[i] = 0
            continue
        substantive = _words(t) >= 4 and not _is_furniture(t) and not _is_meta_line(t, near_top=True) and not _is_label(t)
        between[i] = between[i + 1] + (1 if substantive else 0)
    text_above = [0] * (limit + 1)
    for i in range(limit):
        text_above[i + 1] = text_above[i] + (len(lines[i].text) if text[i] else 0)
    # Lines that may hold a copy of the headline with more around it: the page title with the
    # site's name, a breadcrumb. Short lines, not a paragraph that opens with the same words
    # (that makes the candidate its summary), nor a row of links run together.
    holders = [(j, kk) for j, kk in enumerate(keys) if len(kk) >= 20 and _words(lines[j].text) <= 30 and not _SENTENCE_END_RE.search(lines[j].text)]
    held = "\n".join(kk for _, kk in holders)
    holder_lines = {j for j, _ in holders}
    positions: dict[str, list[int]] = {}
    for j, kk in enumerate(keys):
        if kk:
            positions.setdefault(kk, []).append(j)
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
        if _is_nav_line(t) or re.search(r"\s[—–-]{1,2}$", t) or (t.isupper() and n <= 3):
            continue  # a shouted section label ("LOCAL NEWS")
        if _LIST_ITEM_RE.match(t) or _CREDIT_LINE_RE.match(t) or (n <= 4 and looks_like_person(t)) or name_role_byline(t):
            continue
        if _EMAIL_RE.search(t):
            continue  # a byline or a contact line: "Wire/The Valley Post - news@example.com"
        if _is_label(t) or (i > 0 and _is_label(lines[i - 1].text)) or _META_START_RE.match(t) or _is_mostly_date(t):
            continue  # a caption label or the caption under it, a timestamp
        copies = positions[k]
        last_copy = max(j for j in copies if j < limit)
        repeats = sum(1 for j in copies if j != i and j not in menus)
        if len(k) >= 20:
            if held.count(k) > sum(1 for j in copies if j in holder_lines):  # longer lines holding it
                repeats += sum(
                    1 for j, kk in holders
                    if kk != k and k in kk and not _is_furniture(lines[j].text) and len(_GLUED_LINKS_RE.findall(lines[j].text)) < 2
                )
            # A "Most read" entry or a teaser repeating this headline in a shorter form.
            repeats += sum(1 for j, sk in short_keys if j != i and sk != k and sk in k)
        evidence: dict[str, float] = {}
        # What the line is about: a headline names the reporting's subject.
        words = content_words(t)
        if words and body_words:
            share = sum(1 for w in words if w in body_words) / len(words)
            evidence["about the body"] = (4.0 if len(words) >= 2 else 2.0) * share
        # Where it sits: just above the text, with at most a standfirst between.
        d = between[last_copy + 1]
        evidence["above the text"] = (3.0, 2.75, 2.5, 2.0)[d] if d < 4 else (1.0 if d <= 6 else 0.0 if d <= 15 else -1.0)
        following = [lines[j].text for j in range(i + 1, min(i + 12, len(lines))) if not _is_furniture(lines[j].text)][:6]
        for dist, x in enumerate(following):
            if _is_meta_line(x, near_top=True) or (x.lower() == "by" and dist + 1 < len(following) and looks_like_person(following[dist + 1])):
                evidence["byline or date after"] = (2.0, 1.5, 1.0, 1.0, 0.5, 0.5)[dist]
                break
        if text_above[i] >= 300:
            # Running text above it: a headline inside the article (a live blog's entries)
            # or below another story's summary.
            evidence["below running text"] = -min(3.0, text_above[i] / 500)
        nxt = i + 1
        while nxt < limit and _is_furniture(lines[nxt].text) and not _is_photo_credit(lines[nxt].text):
            nxt += 1
        if nxt < limit and not _is_meta_line(lines[nxt].text, near_top=True) and not _SENTENCE_BREAK_RE.search(lines[nxt].text) \
                and not _is_nav_line(lines[nxt].text) and (_is_dek_like(lines[nxt].text, n) or _is_deck(lines[nxt].text)):
            evidence["over a standfirst"] = 1.5
        prv = i - 1
        while prv >= 0 and _is_furniture(lines[prv].text):
            prv -= 1
        if prv >= 0 and keys[prv] != k and _is_deck(lines[prv].text) and not _is_nav_line(lines[prv].text) and prv not in menus \
                and not _GLUED_LINKS_RE.search(lines[prv].text) \
                and not (mast_idx >= 0 and prv in (mast_idx, mast_idx + 1)) \
                and not (lines[prv].text[0] in lx.QUOTE_CHARS + "‘'" and lines[prv].text[-1] in lx.QUOTE_CHARS + "’'"):
            # In a stack of headline-shaped lines the first is the headline, the rest its decks
            # (a kicker above it is a short label, or a quotation).
            evidence["under a headline"] = -3.0
        if n >= 3:
            evidence["copied elsewhere"] = 1.5 * min(repeats, 2)
        # What it looks like.
        evidence["headline length"] = (2.0 if 4 <= n <= 25 else 0.0) + (0.5 if n <= 16 else 0.0)
        if not t.endswith("."):
            evidence["no full stop"] = 1.0
        if re.search(r"[a-z]", t) and (re.search(r"\b[a-z]{2,}\b", t) or re.search(r"[,:'’?!]", t)):
            evidence["written, not a label"] = 1.0
        if _SENTENCE_BREAK_RE.search(t) and t.endswith("."):
            evidence["sentences"] = -2.0  # a caption or a standfirst
        if t[0] in lx.QUOTE_CHARS + "‘'" and t[-1] in lx.QUOTE_CHARS + "’'":
            evidence["a quotation alone"] = -2.0  # a pull quote or a kicker
        if t.isupper() and n <= 6:
            evidence["shouted"] = -3.0  # a section label, unless the page shouts its headlines
        if _GLUED_LINKS_RE.search(t):
            evidence["links run together"] = -2.0  # "My FeedList your business": two menu entries
        if i + 1 < len(lines) and _is_photo_credit(lines[i + 1].text):
            evidence["over a photo credit"] = -3.0  # a caption
        # What it is part of.
        if i in nav_run:
            evidence["in a run of short lines"] = -3.0
        if any(j in menus for j in copies):
            evidence["a menu entry"] = -4.0
        if i == mast_idx and n <= 5:
            evidence["the masthead"] = -2.0
        if mast_idx >= 0 and i == mast_idx + 1:
            evidence["under the masthead"] = -1.5  # the site's tagline
        score = sum(evidence.values())
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


# Two links copied without the space between them: "My FeedList your business", "NewsSport".
_GLUED_LINKS_RE = re.compile(r"[a-z]{3,}[A-Z][a-z]")
_EMAIL_RE = re.compile(r"\S@\S+\.\w|\[email\s*protected\]", re.IGNORECASE)
_SENTENCE_BREAK_RE = re.compile(r"[a-z]{2}[.!?][\"”’]?\s+[A-Z]")
_PHOTO_CREDIT_RE = re.compile(
    r"^(?:(?:photo|image|picture|photograph|credit)s?\s*(?:credit)?\s*(?::|\.\.\.|…)|\(?(?:photo|image|credit)\s*:|©)", re.IGNORECASE
)


def _is_photo_credit(line: str) -> bool:
    """"Photo: Jane Roe/Agency", "Credit...", "(Credit: X / Y)": the credit under a picture."""
    return _words(line) <= 12 and (_PHOTO_CREDIT_RE.match(line) is not None or lx.BOILERPLATE_TAIL_RE.search(line) is not None)


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


# A page control's label opens with what it does ("Open Site Menu", "Submit a Story").
_CONTROL_RE = re.compile(
    r"^(?:open|close|submit|sign|log|search|skip|subscribe|choose|select|show|view|read|watch|listen|follow|share|get|"
    r"download|register|join|donate|toggle|expand|load|go)\b",
    re.IGNORECASE,
)


def _masthead(lines: list[_Line], title_index: int, menus: set[int]) -> str:
    """The site's name, as the first line of the page (or first menu entry) before the headline.

    Not a menu's first entry ("Weather" above "Traffic", "Schools") nor a control's label.
    """
    for i, l in enumerate(lines[:title_index]):
        t = l.text
        if _is_furniture(t) or is_date_line(t) or lx.COMMENTS_START_RE.match(t):
            continue
        if i in menus or _CONTROL_RE.match(t):
            return ""
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
    if len(line) < 400 and (lx.has_furniture_phrase(line) or lx.is_reader_prompt(line) or lx.is_lookalike_text(line)):
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
_WEAK_COMMENT_MARK_RE = re.compile(r"^(?:comments?|discussion)\s*:?\s*$", re.IGNORECASE)
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


def _fallback_title(lines: list[_Line], body_start: int) -> tuple[int | None, str]:
    """No candidate above the body: the headline at the end of a breadcrumb ("Home › News ›
    Headline"), else the first headline-shaped line among the body's first lines."""
    for i in range(body_start - 1, -1, -1):
        t = lines[i].text
        if _NAV_SEP_RE.search(t):
            last = _NAV_SEP_RE.split(t)[-1].strip()
            if _words(last) >= 4 and is_headline_like(last) and not _is_furniture(last):
                return i, last
    for i in range(body_start, min(body_start + 8, len(lines))):
        t = lines[i].text
        if 4 <= _words(t) <= 25 and is_headline_like(t) and not _is_furniture(t) and not _is_meta_line(t, near_top=True):
            return i, t
    return None, ""


def _is_subheading(lines: list[_Line], run: Classification, i: int) -> bool:
    """A short headline-shaped line right above a paragraph of the body: a subheading.

    Longer than eight words, such a line is more often another story's headline set into the
    page ("Read more" without its label).
    """
    t = lines[i].text
    return (
        is_headline_like(t)
        and _words(t) <= 8
        and i + 1 < run.end
        and run.good[i + 1]
        and not is_headline_like(lines[i + 1].text)
    )


_QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")
_READER_WORDS_RE = re.compile(r"\b(?:you|your|you['’]\w+)\b", re.IGNORECASE)


def _is_closing_sentence(line: str) -> bool:
    """A sentence of reporting: it ends like one and talks about something, not to the reader."""
    return (
        _SENTENCE_END_RE.search(line) is not None
        and _words(line) <= 60
        and not is_headline_like(line)
        and _READER_WORDS_RE.search(_QUOTED_RE.sub("", line)) is None  # "you" in a quotation is reporting
    )


def _is_reporting_sentence(line: str) -> bool:
    """A sentence of reporting long enough to be a paragraph, not a byline, date or prompt.

    "Minister Ivana Kovač said:" counts too: a line that introduces the quote below it.
    """
    introduces_quote = line.rstrip().endswith(":") and _words(line) <= 30 and bool(lx.speech_verbs(line))
    return (
        ((_words(line) >= 4 and _SENTENCE_END_RE.search(line) is not None) or (introduces_quote and _words(line) >= 3))
        and not _is_furniture(line)
        and not _is_meta_line(line, near_top=True)
        and not _headline_shaped(line)
    )


def _names_someone(meta_line: str) -> bool:
    """A byline among the lines set aside for ``meta``."""
    return any(lx.BYLINE_RE.match(x) or lx.POSTED_BY_RE.search(x) or lx.AUTHOR_LABEL_RE.match(x) for x in meta_line.split("\n"))


_BY_ALONE_RE = re.compile(r"^by:?$", re.IGNORECASE)


def _join_split_bylines(lines: list[_Line]) -> list[_Line]:
    """"By" on a line of its own, the names on the next ones ("By / Jane Roe / and / Sam Poe"):
    one byline again, as the page shows it."""
    if not any(_BY_ALONE_RE.match(l.text) for l in lines):
        return lines
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        l = lines[i]
        if _BY_ALONE_RE.match(l.text) and i + 1 < len(lines) and looks_like_person(lines[i + 1].text):
            names = [lines[i + 1].text]
            j = i + 2
            while j + 1 < len(lines) and lines[j].text.lower() in ("and", "&", ",") and looks_like_person(lines[j + 1].text):
                names.append(lines[j + 1].text)
                j += 2
            out.append(_Line("By " + " and ".join(names), l.block))
            i = j
            continue
        out.append(l)
        i += 1
    return out


def _outside_the_run(lines: list[_Line], run: Classification, ti: int | None) -> None:
    """Set aside what the rules left but the classification puts outside the article.

    Above the run only the line straight under the headline may stay, as the standfirst's
    candidate ("lead-in"); below it only short closing sentences that follow the last paragraph;
    inside it, lines that read as furniture unless they are subheadings or sentences that
    jusText drops for being short ("It's heartbreaking," he added.) or dense in names.
    """
    n = len(lines)
    end = run.end
    # The closing sentences: too short for jusText ("He declined to comment."), or cut off from
    # the run by one line of furniture ("Read more: ..."), they still end the article.
    j = run.end
    skipped = j < n and lines[j].kind == "furniture"
    if skipped:
        j += 1
    while j < n and lines[j].kind == "keep" and _is_closing_sentence(lines[j].text) \
            and (run.context_free[j] != "bad" or (not skipped and not run.link_like[j])):
        # A line jusText calls bad for want of stopwords (a cast list, a score) only where it
        # follows the article directly, never past furniture (an advert in look-alike letters).
        j += 1
        end = j
    lead_in = next((j for j in range((ti if ti is not None else -1) + 1, run.start) if lines[j].kind == "keep"), None)
    for j in range(run.start, run.end):
        if lines[j].kind == "furniture" and lx.is_reader_prompt(lines[j].text):
            # A sign-up box: the prompt, then its slogan and its button ("I'm in").
            k = j + 1
            while k < min(j + 4, run.end) and lines[k].kind == "keep" and run.context_free[k] == "short":
                lines[k].kind = "furniture"
                k += 1
    for j, l in enumerate(lines):
        if l.kind != "keep":
            continue
        if j < run.start:
            l.kind = "lead-in" if j == lead_in else "outside"
        elif j >= end:
            l.kind = "outside"
        elif j < run.end and not run.good[j] and not _is_subheading(lines, run, j) \
                and not (run.context_free[j] == "short" and _is_closing_sentence(l.text)) and not _is_reporting_sentence(l.text):
            l.kind = "furniture"
        elif j < run.end and _headline_shaped(l.text) and _words(l.text) > 8 and not l.text.endswith("?"):
            l.kind = "headlines"  # another story's headline set into the article


def clean(text: str) -> Cleaned:
    """Split the scrape into headline, standfirst and body, and keep what was set aside."""
    lines = _join_split_bylines(_split_lines(text))
    warnings: list[str] = []
    if not lines:
        return Cleaned("", "", (), (), (), (), (), warnings=("no title found", "empty document"))

    texts = [l.text for l in lines]
    layout = classify(texts, _is_furniture, [_headline_shaped(t) for t in texts])
    run = layout if layout.end > layout.start else None
    keys = [_key(t) for t in texts]
    if run is not None:
        first_body = max(run.start, 1)
        # What the article is about, from its opening (a headline names the lede's subject).
        body_words = content_words(" ".join(texts[j] for j in range(run.start, run.end) if run.good[j])[:4000])
    else:
        # No line reads as running text (a short or unusual document): the old landmark, the
        # first long paragraph.
        first_body = next((i for i, t in enumerate(texts) if _is_long_paragraph(t) and not _is_furniture(t)), len(lines))
        first_body = min(max(first_body, 1), 60)
        body_words = content_words(" ".join(texts[first_body:first_body + 20]))
    text_lines = run.text if run is not None else tuple(_is_long_paragraph(t) for t in texts)
    menus = _menu_runs(lines)
    ti = _pick_title(lines, keys, first_body, body_words, menus, text_lines)
    title = lines[ti].text if ti is not None else ""
    if ti is None:
        ti, title = _fallback_title(lines, first_body)
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
        if run is not None and ti < run.start:
            body_start = run.start
        for j in range(ti + 1, body_start):
            if keys[j] == title_key:
                hdr_end = j
    if run is not None and ti is not None and hdr_end < run.start:
        # The article starts at the first paragraph under its headline, above the longest run
        # when an inserted block (a video carousel, a newsletter box) splits it in two.
        first = next((j for j in range(hdr_end + 1, run.start) if run.text[j] and _SENTENCE_END_RE.search(texts[j])), run.start)
        # A first paragraph too dense in names for jusText ("LONDON, March 3 (Reuters) - Wage
        # growth slowed ...") still opens the article when it stands straight above it.
        while first - 1 > hdr_end and _is_reporting_sentence(texts[first - 1]):
            first -= 1
        if first < run.start:
            run = dataclasses.replace(run, start=first)
            body_start = first
    masthead = _masthead(lines, ti, menus) if ti is not None else ""
    banner_dates: list[str] = []
    for j in range(0, hdr_end + 1):
        lines[j].kind = "header"
        t = lines[j].text
        if ti is not None and j < ti and is_date_line(t):
            banner_dates.append(t)  # today's date in the masthead: the article's own date, if any, comes after
        elif _is_meta_line(t, near_top=True) or _has_copyright(t):
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
    late_meta: list[str] = []
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
        # A comments marker above the first paragraph is a button ("Add a comment"), not the thread.
        cm_start = lx.COMMENTS_START_RE.match(t) if i > hdr_end + 1 and (run is None or i > run.start) else None
        if cm_start and (i >= n // 2 or not _WEAK_COMMENT_MARK_RE.match(t)):
            for j in range(i, n):
                lines[j].kind = "comments"
                if _has_copyright(lines[j].text) and len(lines[j].text) < 200:
                    meta_lines.append(lines[j].text)  # the site's footer, below the thread
            break
        if related_mode and lx.ABOUT_AUTHOR_RE.match(t):
            related_mode = False
        if related_mode:
            if is_body_paragraph(t) and not _DASH_START_RE.match(t) and not _LIST_ITEM_RE.match(t):
                related_mode = False
            else:
                l.kind = "related"
                if _has_copyright(t) and len(t) < 200:
                    meta_lines.append(t)  # the site's footer, below the related links
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
            and not lx.BYLINE_RE.match(lines[i + 1].text)  # a button ("Sign Out") above the byline
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
            if run is not None and i >= run.end + 3:
                late_meta.append(_meta_form(t))  # under other stories' headlines, past the article
            else:
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

    if run is not None:
        _outside_the_run(lines, run, ti)
    # Bylines and dates far below the article belong to the teasers of other stories: they
    # count only where the article itself gave none.
    if not any(_names_someone(m) for m in meta_lines):
        meta_lines.extend(late_meta)
    else:
        meta_lines.extend(m for m in late_meta if not _names_someone(m))
    meta_lines.extend(banner_dates)
    kept = [l for l in lines if l.kind in ("keep", "lead-in")]
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
    while kept and kept[0].kind == "lead-in":
        kept.pop(0).kind = "outside"  # above the body and not its standfirst

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
