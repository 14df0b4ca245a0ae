"""People and organisations mentioned in the body, each as one record however it is spelled.

A capitalised phrase only becomes a person with evidence: a role or honorific before it, a
speech verb next to it, an appositive role, a later mention by surname, or the archive's
gazetteer. Organisations come from a small gazetteer of well-known bodies, acronym
definitions in the text, and capitalised phrases ending in an organisation noun.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from . import lexicon as lx
from . import ner
from .forms import FormIndex
from .result import Known, OrganisationMention, PersonMention

_UP = lx.UPPER_CLASS
_NICKNAME_RE = re.compile(rf"[“\"‘](?P<nick>[{_UP}][a-z]+)[”\"’]\s+(?P<last>[{_UP}][a-z'’]+[a-z])\b")
_FIRST_BEFORE_RE = re.compile(rf"\b(?P<first>[{_UP}][a-z]+)\s+$")
_LO = lx.LOWER_CLASS
_TOKEN = rf"(?:[{_UP}][\w'’-]*\.?)"
_PARTICLE = r"(?:de|da|di|van|von|der|den|bin|ibn|al|el|le|la|du|dos|del|ter|ten|y)"
CAP_RUN_RE = re.compile(rf"(?<![\w'’-]){_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_TOKEN})*")
_CAP_WORD_RE = re.compile(rf"(?<![\w'’.-])[{_UP}][{_LO}]{{1,}}(?:-[{_UP}]?[{_LO}]+)?(?![\w'’-])")
_LOWER_WORD_RE = re.compile(rf"(?<![\w'’-])[{_LO}][{_LO}'’-]*")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_SPEECH_AFTER_RE = re.compile(
    r"^\s*(?:(?:has|had|have|was|is|also|then|later|once|previously|recently|reportedly|again|further|\w+ly)\s+){0,2}"
    r"(?:" + "|".join(sorted(lx.SPEECH_VERBS, key=len, reverse=True)) + r")\b"
)
_SPEECH_BEFORE_RE = re.compile(
    r"(?:\b(?:said|says|added|adds|told|according\s+to|quoted|interview\s+with|asked|noted|wrote|explained|warned|stressed)\s+(?:the\s+)?|[,;]\s*(?:said|says|added|adds)\s+)$",
    re.IGNORECASE,
)
_SPEECH_BEFORE_WORDS = frozenset(
    "said says added adds told to quoted with asked noted wrote explained warned stressed the".split()
)


def _speech_before(before: str) -> bool:
    tail = before[-30:].split()[-2:]
    if not tail or not any(w.lower().strip(",;") in _SPEECH_BEFORE_WORDS for w in tail):
        return False
    return bool(_SPEECH_BEFORE_RE.search(before))


_AGE_AFTER_RE = re.compile(r"^,\s*(?:\d{1,3}\s*,|who\b|whose\b|aged\s+\d|an?\s+\d{1,3}-year-old\b)")
_APPOSITIVE_RE = re.compile(
    r"^,\s+(?P<role>(?:(?:the|a|an|its|their|his|her)\s+)?[^,.;:“”\"()]{2,120}?)\s*(?:,|\(|\)|\.|$|\s(?:said|says|told|added|noted|who|which))"
)
_ACRONYM_DEF_RE = re.compile(
    rf"(?P<full>(?:[{_UP}][\w'’&-]*[ \t]+(?:(?:of|for|and|the|on|in|de|du|des|la|le|to)[ \t]+)*){{1,9}}[{_UP}][\w'’&-]*)[ \t]*\((?P<acr>[{_UP}][A-Za-z&./-]{{1,9}})\)"
)
_ACRONYM_REV_RE = re.compile(rf"(?<![\w])(?P<acr>[{_UP}][A-Z&]{{1,8}})[ \t]+\((?P<full>[{_UP}][^()\n]{{5,90}}?)\)")
_ORG_RUN_RE = re.compile(
    rf"(?<![\w'’-]){_TOKEN}(?:[ \t]+(?:(?:of|for|and|the|on|de|du|des|&)[ \t]+){{0,2}}{_TOKEN})*"
)
_CAPW = rf"[{_UP}][\w'’-]*"
_LISTED_BODY_RE = re.compile(
    rf"\b(?:Ministry|Department|Office|Secretariat|Commission|Committee)\s+(?:of|for)\s+(?:the\s+)?{_CAPW}(?:\s+{_CAPW})*"
    rf"(?:,\s+{_CAPW}(?:\s+{_CAPW})*)+,?\s+and\s+{_CAPW}(?:\s+{_CAPW})*"
)
_NAME_PARTICLES = frozenset("de da di van von der den bin ibn al el le la du dos del ter ten y".split())
_LEADING_DET_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "de", "du", "des", "&"})
_LEADING_JUNK = frozenset(
    """the a an in on at for and but as by of to with from this that these after before when while
    if its their his her our my your according under over since during until despite unlike like
    also however meanwhile yesterday today earlier later last next asked said told""".split()
)


@functools.lru_cache(maxsize=65536)
def _norm_token(tok: str) -> str:
    return _POSSESSIVE_RE.sub("", tok).rstrip(".").lower() if tok[-1:] in "s'’." else tok.lower()


@functools.lru_cache(maxsize=4)
def _cap_words(text: str) -> dict[str, list[int]]:
    """Each capitalised word of the text and where it occurs."""
    out: dict[str, list[int]] = {}
    for m in _CAP_WORD_RE.finditer(text):
        out.setdefault(m.group(0), []).append(m.start())
    return out


@functools.lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case: a capitalised one of these is a sentence start, not a name."""
    return frozenset(_LOWER_WORD_RE.findall(text))


@functools.lru_cache(maxsize=65536)
def _is_name_token(tok: str) -> bool:
    t = _POSSESSIVE_RE.sub("", tok)
    if len(t) == 2 and t.endswith(".") and t[0].isupper():
        return True  # an initial
    t = t.rstrip(".")
    if len(t) < 2 or not t[0].isupper() or not any(c.islower() for c in t):
        return False
    low = t.lower()
    if low in lx.NAME_STOPWORDS or low in lx.COUNTRIES or low in lx.CITIES or low in lx.NATIONALITIES:
        return False
    if low in lx.MONTHS or low in lx.WEEKDAYS or low in lx.ORG_KEYWORDS or low in lx.ROLE_NOUNS or low in lx.HONORIFICS:
        return False
    if "-" in low and any(p in lx.COUNTRIES or p in lx.CITIES or p in lx.NATIONALITIES or p in {"based", "led", "backed", "dominated"} for p in low.split("-")):
        return False
    return True


@functools.lru_cache(maxsize=65536)
def _is_prefix_token(tok: str) -> bool:
    """Tokens that introduce a name inside a capitalised run: titles, roles, bodies, places."""
    low = _norm_token(tok)
    if low in lx.HONORIFICS or low in lx.ROLE_NOUNS or low in lx.ROLE_MODIFIERS or low in lx.NATIONALITIES:
        return True
    if low in lx.ORG_KEYWORDS or low in lx.COUNTRIES or low in lx.CITIES or low in lx.NAME_STOPWORDS:
        return True
    if "-" in low and all(p in lx.ROLE_NOUNS or p in lx.ROLE_MODIFIERS or p in {"general", "elect", "chief"} for p in low.split("-")):
        return True
    stripped = tok.rstrip(".")
    return stripped.isupper() and len(stripped) >= 2  # acronyms: "NATO Secretary-General"


# --------------------------------------------------------------------------- organisations


@dataclass(slots=True)
class _Org:
    name: str
    acronym: str = ""
    kind: str = ""
    aliases: list[str] = field(default_factory=list)
    first: int = 1 << 30


@dataclass(frozen=True, slots=True)
class _Gaz:
    index: FormIndex
    forms: dict[str, int]
    entries: tuple[tuple[str, str, tuple[str, ...], str], ...]


_BY_IDENTITY: dict[tuple[str, int], tuple[object, object]] = {}


def _per_known(kind: str, known: Known | None, make):  # type: ignore[no-untyped-def]
    """Cache by identity: hashing a gazetteer of thousands of entries on every document would
    cost more than the extraction, and the importer passes the same ``Known`` object each time."""
    key = (kind, id(known))
    hit = _BY_IDENTITY.get(key)
    if hit is not None and hit[0] is known:
        return hit[1]
    value = make(known)
    if len(_BY_IDENTITY) >= 16:
        _BY_IDENTITY.clear()
    _BY_IDENTITY[key] = (known, value)
    return value


def _gazetteer(known: Known | None) -> _Gaz:
    return _per_known("gazetteer", known, _build_gazetteer)


def _build_gazetteer(known: Known | None) -> _Gaz:
    """One alternation over every spelling; rebuilt only when the archive's gazetteer changes."""
    entries: list[tuple[str, str, tuple[str, ...], str]] = []
    if known:
        for ko in known.organisations:
            entries.append((ko.name, ko.acronym, tuple(ko.aliases), _kind_for(ko.name)))
    entries.extend(lx.GAZETTEER)
    forms: dict[str, int] = {}
    for idx, (name, acr, aliases, _kind) in enumerate(entries):
        for f in (name, acr, *aliases):
            if f and f not in forms:
                forms[f] = idx
    return _Gaz(FormIndex(forms, left_stop="."), forms, tuple(entries))


def _kind_for(name: str) -> str:
    toks = [_norm_token(t) for t in name.split()]
    if any(t in lx.MEDIA_MARKERS for t in toks):
        return "media"
    for t in reversed(toks):
        if t in lx.ORG_KEYWORDS:
            return lx.ORG_KEYWORDS[t]
    return "other"


@dataclass(frozen=True, slots=True)
class OrgMention:
    start: int
    end: int
    name: str


def _initials_match(words: list[str], acr: str) -> int:
    """Index where the full name starts so its capitals spell the acronym, or -1."""
    letters = [c for c in acr if c.isalpha() and c.isupper()]
    for k in range(len(words)):
        if not words[k][:1].isupper():
            continue
        caps = [w[0] for w in words[k:] if w[:1].isupper()]
        if caps == letters:
            return k
        # "Co-operation" style compounds may contribute two capitals.
        caps2: list[str] = []
        for w in words[k:]:
            caps2.extend(p[0] for p in w.split("-") if p[:1].isupper())
        if caps2 == letters:
            return k
    return -1


def find_organisations(text: str, known: Known | None) -> tuple[list[_Org], list[OrgMention]]:
    gaz = _gazetteer(known)
    orgs: dict[str, _Org] = {}
    mentions: list[OrgMention] = []
    masked = _SpanSet()

    def add(name: str, acr: str, kind: str, surface: str, start: int, end: int) -> None:
        o = orgs.get(name)
        if o is None:
            o = orgs[name] = _Org(name, acr, kind)
        if acr and not o.acronym:
            o.acronym = acr
        if surface not in (o.name, o.acronym) and surface not in o.aliases:
            o.aliases.append(surface)
        o.first = min(o.first, start)
        mentions.append(OrgMention(start, end, name))
        masked.append((start, end))

    for fs, fe, form in gaz.index.find(text):
        name, acr, _aliases, kind = gaz.entries[gaz.forms[form]]
        add(name, acr, kind, form, fs, fe)

    # Definitions in the text: "Tennessee Valley Authority (TVA)" and "TVA (Tennessee ...)".
    defined: dict[str, str] = {}
    for m in _windowed(_ACRONYM_DEF_RE, text, 160):
        words = m.group("full").split()
        acr = m.group("acr")
        k = _initials_match(words, acr)
        if k < 0:
            # A translated name keeps its original acronym: "... Wirtschaftsforschung (DIW)".
            if not (acr.isupper() and 2 <= len(acr) <= 6 and any(_norm_token(w) in lx.ORG_KEYWORDS for w in words[-5:])):
                continue
            k = len(words) - 1
            while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in {"of", "for", "and", "the"}):
                k -= 1
            while k < len(words) and not words[k][:1].isupper():
                k += 1
            while k < len(words) - 1 and _norm_token(words[k]) in _LEADING_JUNK:
                k += 1
        full = " ".join(words[k:])
        start = m.start("full") + m.group("full").find(words[k])
        if full in orgs or acr in gaz.forms:
            continue
        defined[acr] = full
        add(full, acr, _kind_for(full), full, start, m.start("full") + len(m.group("full")))
    for m in _windowed(_ACRONYM_REV_RE, text, 12):
        acr, full = m.group("acr"), m.group("full").strip()
        if acr in gaz.forms or acr in defined:
            continue
        words = full.split()
        if _initials_match(words, acr) != 0:
            continue
        defined[acr] = full
        add(full, acr, _kind_for(full), full, m.start("full"), m.end("full"))
    if defined:
        for fs, fe, form in FormIndex(defined, left_stop=".").find(text):
            if fs not in masked:
                add(defined[form], form, orgs[defined[form]].kind, form, fs, fe)

    # A common noun naming what the body is: "lender Acme Finance", "operator Gridco".
    for m in _noun_org_matches(text):
        name = _POSSESSIVE_RE.sub("", m.group("name")) if m.group("name").endswith(("’s", "'s")) else m.group("name")
        toks = name.split()
        while toks and not _org_name_token(toks[-1]):
            toks.pop()
        if not toks or m.start("name") in masked:
            continue
        name = " ".join(toks)
        if name.endswith(".") and toks[-1] not in {"Inc.", "Co.", "Ltd.", "Corp."}:
            name = name[:-1]
        if len(toks) == 1 and (_norm_token(name) in lx.NAME_STOPWORDS or _norm_token(name) in lx.COUNTRIES or _norm_token(name) in lx.CITIES):
            continue
        if name in orgs or any(name in (o.acronym, *o.aliases) for o in orgs.values()):
            o = next(o for o in orgs.values() if name in (o.name, o.acronym, *o.aliases))
            add(o.name, o.acronym, o.kind, name, m.start("name"), m.start("name") + len(name))
            continue
        add(name, "", lx.ORG_NOUNS.get(m.group("noun").lower(), "other"), name, m.start("name"), m.start("name") + len(name))
    for m in _org_appositives(text):
        name = m.group("name").rstrip(".")
        if any(_norm_token(w) in lx.ROLE_NOUNS for w in m.group("desc").split()):
            continue
        if m.start("name") in masked or name in orgs:
            continue
        toks = name.split()
        if any(not _org_name_token(t) for t in toks) or _norm_token(toks[0]) in _LEADING_JUNK:
            continue
        add(name, "", lx.ORG_NOUNS.get(m.group("noun").lower(), "other"), name, m.start("name"), m.end("name"))
    # Later bare mentions of organisations found by noun ("Gridco said").
    single = {o.name for o in orgs.values() if o.name and not o.acronym and o.name not in gaz.forms}
    if single:
        for fs, fe, form in FormIndex(single, left_stop=".").find(text):
            if fs not in masked:
                mentions.append(OrgMention(fs, fe, form))
                masked.append((fs, fe))

    # Ministries whose name is a list: "Ministry of Maritime Affairs, Transport and Infrastructure".
    for m in (_LISTED_BODY_RE.finditer(text) if _LISTED_HINT_RE.search(text) else ()):
        if m.start() not in masked:
            add(m.group(0), "", "government", m.group(0), m.start(), m.end())

    # Capitalised phrases ending in an organisation noun: "the Rotary Club".
    masked.sort()
    base_masked = list(masked.spans)
    media_end = {mm.end: mm for mm in mentions if orgs[mm.name].kind == "media"}
    for m in _ORG_RUN_RE.finditer(text):
        if not any(_norm_token(t) in lx.ORG_KEYWORDS or _norm_token(t) in lx.ORG_HEADS_OF for t in m.group(0).split()):
            continue
        for s, e in (
            piece
            for ps, pe in _unmasked_pieces(m.start(), m.end(), base_masked)
            for ss, se in _split_sentences(text, ps, pe)
            for piece in _split_enumeration(text, ss, se)
        ):
            found = _keyword_org(text, s, e)
            if not found:
                continue
            name, start = found
            prev = media_end.get(start - 1)
            if prev is not None and text[start - 1] == " ":
                # A broadcaster's service or desk: "BBC World Service".
                name = text[prev.start:start] + name
                add(name, "", "media", name, prev.start, start + len(name))
            elif name not in lx.NOT_ORGANISATIONS:
                add(name, "", _kind_for(name), name, start, start + len(name))
    _company_variants(text, orgs, mentions, masked)
    mentions.sort(key=lambda x: x.start)
    return sorted(orgs.values(), key=lambda o: o.first), mentions


_CORP_SUFFIX_RE = re.compile(r",?\s+(?:Inc\.?|Incorporated|Ltd\.?|Limited|LLC|plc|PLC|Corp\.?|Corporation|Co\.|GmbH|AG|SA|S\.A\.|NV|N\.V\.|AB|ASA|Oyj|AS)(?![\w])")


def _company_variants(text: str, orgs: dict[str, _Org], mentions: list[OrgMention], masked: _SpanSet) -> None:
    """"Acme Battery Systems, Inc." and a bare "Acme" are the same company."""
    lower_words = None
    for o in list(orgs.values()):
        toks = o.name.split()
        if len(toks) < 2 or o.kind not in {"company", "other", "media"}:
            continue
        for fs, fe, _f in FormIndex((o.name,)).find(text):
            sm = _CORP_SUFFIX_RE.match(text, fe)
            if sm:
                full = text[fs:sm.end()]
                if full not in o.aliases:
                    o.aliases.append(full)
        first = toks[0]
        if o.kind != "company" or len(first) < 4 or _norm_token(first) in lx.NAME_STOPWORDS or _norm_token(first) in lx.NATIONALITIES or _norm_token(first) in lx.COUNTRIES or _norm_token(first) in lx.CITIES:
            continue
        if lower_words is None:
            lower_words = _lower_words(text)
        if first.lower() in lower_words:
            continue
        for fs, fe, _f in FormIndex((first,), left_stop="'’-").find(text):
            if fs in masked or text.startswith(toks[1], fe + 1):
                continue
            if first not in o.aliases:
                o.aliases.append(first)
            mentions.append(OrgMention(fs, fe, o.name))


_AND_RE = re.compile(r"\s(?:and|&)\s")
_ORG_NOUN_ALT = "|".join(sorted((re.escape(k) for k in lx.ORG_NOUNS if k not in {"team", "side", "party", "court", "school", "board", "club", "union", "council", "government", "university", "department", "committee", "commission", "ministry", "institute", "association", "alliance", "authority", "organisation", "organization"}), key=len, reverse=True))
_NOUN_ORG_RE = re.compile(
    rf"\b(?P<noun>{_ORG_NOUN_ALT})\s+(?P<name>[{_UP}][\w'’&.-]*(?:\s+(?:&\s+)?[{_UP}][\w'’&.-]*){{0,3}})"
)
_ORG_APPOSITIVE_RE = re.compile(
    rf"(?<![\w'’-])(?P<name>[{_UP}][\w'’&.-]*(?:\s+[{_UP}][\w'’&.-]*){{0,3}}),\s+(?:a|an|the)\s+(?P<desc>[^,.;]{{0,50}}?)\b(?P<noun>{_ORG_NOUN_ALT})\b(?![’'-])(?=\s*(?:[,.;)]|$|\s(?:that|which|based|with|in|of|for|owned|founded|headquartered|whose|run)\b))"
)


def _org_name_token(t: str) -> bool:
    low = _norm_token(t)
    if not t[:1].isupper() or low in lx.MONTHS or low in lx.WEEKDAYS:
        return False
    return low not in {"said", "says", "the", "a", "in", "on", "and", "but", "which", "who", "this", "that", "it", "he", "she", "they"}


_SENT_SPLIT_RE = re.compile(r"(?<=[a-z]{2})\.\s+")


def _split_sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A run can straddle a sentence end: "... in England. The British Academy"."""
    out: list[tuple[int, int]] = []
    cur = s
    for m in _SENT_SPLIT_RE.finditer(text, s, e):
        out.append((cur, m.start()))
        cur = m.end()
    out.append((cur, e))
    return out


def _split_enumeration(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """"Cedar Hollow Elementary and Pine Ridge Middle School" names two bodies, not one."""
    out: list[tuple[int, int]] = []
    cur = s
    for m in _AND_RE.finditer(text, s, e):
        prev = text[cur:m.start()].split()
        if prev and _norm_token(prev[-1]) in lx.ORG_KEYWORDS:
            out.append((cur, m.start()))
            cur = m.end()
    out.append((cur, e))
    return out


_PAREN_UPPER_RE = re.compile(rf"\([{_UP}]")


def _windowed(rx: re.Pattern[str], text: str, back: int) -> list[re.Match[str]]:
    """Run an acronym pattern only around "(X" openings instead of over the whole body."""
    out: list[re.Match[str]] = []
    last_end = 0
    for pm in _PAREN_UPPER_RE.finditer(text):
        close = text.find(")", pm.end(), pm.end() + 100)
        if close < 0:
            continue
        lo = max(last_end, pm.start() - back)
        for m in rx.finditer(text, lo, close + 1):
            out.append(m)
            last_end = m.end()
    return out


_LISTED_HINT_RE = re.compile(r"\b(?:Ministry|Department|Office|Secretariat|Commission|Committee)\s+(?:of|for)\b[^,.]{3,60},")
_APPOSITIVE_HINT_RE = re.compile(r",\s+(?:a|an|the)\s")


def _noun_org_matches(text: str) -> list[re.Match[str]]:
    """"lender Acme Finance": looked for only after the nouns the text actually uses."""
    words = _lower_words(text)
    out: list[re.Match[str]] = []
    for noun in lx.ORG_NOUNS.keys() & words:
        i = text.find(noun + " ")
        while i >= 0:
            if i == 0 or not text[i - 1].isalnum():
                m = _NOUN_ORG_RE.match(text, i)
                if m:
                    out.append(m)
            i = text.find(noun + " ", i + 1)
    out.sort(key=lambda m: m.start())
    return out


def _org_appositives(text: str) -> list[re.Match[str]]:
    """"Gridco, the state-owned grid operator": only around ", the"/", a"."""
    out: list[re.Match[str]] = []
    last = 0
    for h in _APPOSITIVE_HINT_RE.finditer(text):
        lo = max(last, h.start() - 60)
        for m in _ORG_APPOSITIVE_RE.finditer(text, lo, min(len(text), h.end() + 90)):
            if m.end("name") == h.start():
                out.append(m)
                last = m.end()
    return out


class _SpanSet:
    """Sorted, non-growing-during-lookups set of spans with logarithmic membership."""

    __slots__ = ("starts", "spans", "dirty")

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.starts: list[int] = []
        self.dirty = False

    def append(self, span: tuple[int, int]) -> None:
        self.spans.append(span)
        self.dirty = True

    def sort(self) -> None:
        self.spans.sort()
        self.starts = [s for s, _ in self.spans]
        self.dirty = False

    def __contains__(self, pos: int) -> bool:
        if self.dirty:
            self.sort()
        i = bisect.bisect_right(self.starts, pos) - 1
        # Spans may nest; look back a few for one that still covers pos.
        for k in range(i, max(-1, i - 4), -1):
            if self.spans[k][0] <= pos < self.spans[k][1]:
                return True
        return False


def _unmasked_pieces(s: int, e: int, masked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    cur = s
    i = bisect.bisect_left(masked, (s, s))
    if i > 0 and masked[i - 1][1] > s:
        i -= 1
    while i < len(masked) and masked[i][0] < e:
        ms, me = masked[i]
        if ms > cur:
            pieces.append((cur, ms))
        cur = max(cur, me)
        i += 1
    if cur < e:
        pieces.append((cur, e))
    return pieces


_TOKEN_SPAN_RE = re.compile(r"\S+")


def _keyword_org(text: str, s: int, e: int) -> tuple[str, int] | None:
    toks = [(m.group(0), s + m.start()) for m in _TOKEN_SPAN_RE.finditer(text[s:e])]

    # Drop connectors and sentence-start words at the edges.
    last_kw = -1
    for i, (t, _p) in enumerate(toks):
        if _norm_token(t) in lx.ORG_KEYWORDS and t[:1].isupper():
            last_kw = i
    if last_kw < 0:
        # "Ministry of Defence": a head noun followed by "of".
        for i, (t, _p) in enumerate(toks[:-2]):
            if _norm_token(t) in lx.ORG_HEADS_OF and toks[i + 1][0] == "of":
                last_kw = len(toks) - 1
                toks = toks[i:]
                break
        if last_kw < 0:
            return None
    else:
        # "Saudi Energy Minister": an organisation word inside a title is not an organisation.
        if last_kw + 1 < len(toks) and _norm_token(toks[last_kw + 1][0]) in lx.ROLE_NOUNS:
            return None
        # "Orange County Board of Supervisors": the keyword's "of"/"for" complement belongs to it.
        end_kw = last_kw + 1
        if end_kw + 1 < len(toks) and toks[end_kw][0] in {"of", "for"} and toks[end_kw + 1][0][:1].isupper():
            end_kw = len(toks)
        toks = toks[:end_kw]
    # A connector only joins a name after an organisation head: "Committee on Foreign Affairs",
    # "University and College Union"; "Republican on the Appropriations Committee" is two things.
    for i in range(len(toks) - 2, 0, -1):
        t = toks[i][0]
        if t in {"of", "for", "on", "the", "de", "du", "des"} and toks[i - 1][0] not in _CONNECTORS:
            head = _norm_token(toks[i - 1][0])
            if head not in lx.ORG_KEYWORDS and head not in lx.ORG_HEADS_OF and t != "the":
                toks = toks[i + 1:]
                break
    while toks and (toks[0][0].lower() in _CONNECTORS or _norm_token(toks[0][0]) in _LEADING_JUNK or _norm_token(toks[0][0]) in lx.MONTHS or _norm_token(toks[0][0]) in lx.WEEKDAYS):
        toks = toks[1:]
    while toks and toks[-1][0].lower() in _CONNECTORS:
        toks = toks[:-1]
    while toks and (_norm_token(toks[0][0]) in lx.ROLE_NOUNS or _norm_token(toks[0][0]) in lx.HONORIFICS):
        toks = toks[1:]
        while toks and toks[0][0].lower() in _CONNECTORS:
            toks = toks[1:]
    if len(toks) < 2:
        return None
    content = [t for t, _ in toks if t.lower() not in _CONNECTORS and _norm_token(t) not in lx.ORG_KEYWORDS]
    if not content and not any(t in {"of", "for"} for t, _ in toks):
        return None
    if content and all(_norm_token(t) in _LEADING_JUNK or _norm_token(t) in lx.MONTHS or _norm_token(t) in lx.WEEKDAYS for t in content):
        return None
    name = " ".join(t for t, _ in toks)
    name = _POSSESSIVE_RE.sub("", name) if name.endswith(("’s", "'s", "s'", "s’")) else name
    name = name.rstrip(".,;:")
    return name, toks[0][1]


# --------------------------------------------------------------------------- people


@dataclass(slots=True)
class _Person:
    name: str
    role: str = ""
    organisation: str | None = None
    aliases: list[str] = field(default_factory=list)
    description: str = ""
    first: int = 1 << 30
    evidence: int = 0

    @property
    def surname(self) -> str:
        toks = self.name.split()
        return toks[-1] if toks else ""


@dataclass(frozen=True, slots=True)
class PersonMentionSpan:
    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class Entities:
    people: tuple[PersonMention, ...]
    organisations: tuple[OrganisationMention, ...]
    person_spans: tuple[PersonMentionSpan, ...]
    org_spans: tuple[OrgMention, ...]
    surface_to_person: dict[str, str]
    surface_to_org: dict[str, str]
    org_kinds: dict[str, str]

    def person_by_surface(self, surface: str) -> str | None:
        return self.surface_to_person.get(surface)


def _role_before(text: str, start: int) -> str:
    """The role words right before a name: "political scientist", "NATO Secretary-General"."""
    ctx = text[max(0, start - 90):start]
    ctx = ctx[ctx.rfind("\n") + 1:]
    words = re.findall(r"[\w'’.-]+|[^\w\s]", ctx)
    if not words:
        return ""
    i = len(words) - 1
    if _norm_token(words[i]) not in lx.ROLE_NOUNS:
        return ""
    j = i
    while j - 1 >= 0 and len(words) - j < 5:
        w = words[j - 1]
        lw = _norm_token(w)
        if lw in lx.ROLE_MODIFIERS or lw in lx.ROLE_NOUNS or lw in lx.NATIONALITIES or (w[:1].isupper() and lw not in lx.NAME_STOPWORDS and w.isalpha() and w.isupper()):
            j -= 1
        elif w[:1].islower() and re.search(r"(?:al|ic|ian|ive|ary|ist)$", w) and lw not in {"that", "this"}:
            j -= 1
        else:
            break
    return " ".join(words[j:i + 1])


_PREPS = frozenset({"of", "at", "for", "from", "with"})
_CTX_SPLIT_RE = re.compile(r"\n|[.!?;:]\s")


_TITLE_CONNECTORS = frozenset({"of", "for", "the", "and", "&", "on", "at"})


def _of_role_before(text: str, start: int) -> str:
    """"Senior fellow of the Rotary Club Jane Roe": the role (with its organisation) before a name.

    Walks back over the capitalised words and connectors of the organisation's name to the
    role noun that governs them: "Director of the Center for Eastern Studies Jane Roe".
    """
    ctx = text[max(0, start - 120):start]
    ctx = _CTX_SPLIT_RE.split(ctx)[-1]
    words = ctx.split()
    j = len(words)
    while j > 0 and (words[j - 1][:1].isupper() or words[j - 1] in _TITLE_CONNECTORS):
        j -= 1
    seq = words[j:]
    lead = words[max(0, j - 4):j]
    cand = lead + seq
    base = len(lead)
    for k in range(len(cand) - 2, -1, -1):
        if _norm_token(cand[k]) in lx.ROLE_NOUNS and cand[k + 1] in _PREPS:
            if k < base - 1:
                return ""
            kept = cand[: k + 1]
            while len(kept) > 1 and _norm_token(kept[0]) not in lx.ROLE_MODIFIERS and _norm_token(kept[0]) not in lx.ROLE_NOUNS and not kept[0][:1].isupper():
                kept = kept[1:]
            return " ".join(kept[-4:] + cand[k + 1:])
    return ""


_COMMA_ROLE_RE = re.compile(
    r"(?:^|\b(?:the|a|an|its|their|his|her|our|my)\s+|[’']s\s+)(?P<role>(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?:\s+(?:of|for|at|in)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?)\s*,\s*$"
)


def _comma_role_before(text: str, start: int) -> str:
    """"The mayor of Split, Ivo Horvat": a role phrase, a comma, then the name."""
    ctx = text[max(0, start - 90):start]
    if not ctx.rstrip().endswith(","):
        return ""
    ctx = re.split(r"\n|[.!?;:]\s|[“”\"]", ctx)[-1]
    m = _COMMA_ROLE_RE.search(ctx)
    if not m:
        return ""
    role = m.group("role")
    words = role.split()
    head_idx = next((k for k in range(len(words) - 1, -1, -1) if _norm_token(words[k]) in lx.ROLE_NOUNS), -1)
    if head_idx < 0:
        return ""
    if any(w.lower() in {"said", "says", "told", "and", "but", "with", "when"} for w in words):
        return ""
    return role


def _appositive_role(after: str) -> str:
    m = _APPOSITIVE_RE.match(after)
    if not m:
        return ""
    role = m.group("role").strip()
    words = role.split()
    words = re.split(r"\s+(?:who|which|whose|that)\s+", role)[0].split()
    if len(words) > 16 or not any(_norm_token(w) in lx.ROLE_NOUNS for w in words):
        return ""
    if words[0].lower() in {"who", "which", "that", "whose", "where", "when", "and", "but"}:
        return ""
    if words[0].lower() in {"the", "a", "an"}:
        role = " ".join(words[1:])
    return re.split(r"\s+(?:who|which|whose|that)\s+", role)[0]


def find_people(
    text: str,
    known: Known | None,
    orgs: list[_Org],
    org_regex_forms: dict[str, str],
    authors: tuple[str, ...],
    org_spans: list[OrgMention] | None = None,
    contributors: tuple[str, ...] = (),
) -> dict[str, _Person]:
    """Collect people with evidence; surnames and misspellings are folded in afterwards."""
    people: dict[str, _Person] = {}
    singles: list[tuple[str, str, int]] = []

    def add(name: str, role: str, pos: int, evidence: int) -> None:
        key = _pkey(name)
        p = people.get(key)
        if p is None:
            p = people[key] = _Person(name)
        elif name != p.name and name not in p.aliases:
            p.aliases.append(name)
        if role and not p.role:
            p.role = _LEADING_DET_RE.sub("", role).strip(" ,")
        p.first = min(p.first, pos)
        p.evidence += evidence

    surname_counts = {w: len(ps) for w, ps in _cap_words(text).items()}

    org_starts = sorted((o.start, o.end) for o in (org_spans or []))

    def in_org(pos: int) -> bool:
        i = bisect.bisect_right(org_starts, (pos, 1 << 30)) - 1
        return i >= 0 and org_starts[i][0] <= pos < org_starts[i][1]

    for m in CAP_RUN_RE.finditer(text):
        g = m.group(0)
        base = m.start()
        if " " not in g and "\t" not in g:
            # Most runs are one capitalised word; only one after a role or a comma can be a name.
            if base < 2 or (text[base - 2] != "," and not text[base + len(g):base + len(g) + 1] == ","):
                prev = text[max(0, base - 30):base].split()
                if not prev or _norm_token(prev[-1]) not in lx.ROLE_NOUNS:
                    continue
            raw_toks = [(g, base)]
        else:
            raw_toks = []
            at = 0
            for tok in g.split():
                j = g.find(tok, at)
                raw_toks.append((tok, base + j))
                at = j + len(tok)
        # A token ending in a full stop ends the sentence unless it is an initial or honorific.
        runs: list[list[tuple[str, int]]] = [[]]
        for t, p in raw_toks:
            runs[-1].append((t, p))
            if t.endswith(".") and not (len(t) == 2 or _norm_token(t) in lx.HONORIFICS or t in {"St.", "Jr.", "Sr."}):
                runs.append([])
        for run in runs:
            if run:
                _consider_run(text, run, add, singles, surname_counts, in_org)

    # Single-token mentions ("Mr Petrov", "President Putin") fold into a full name with that surname.
    for tok, role, pos in singles:
        full = next((p for p in people.values() if len(p.name.split()) > 1 and p.surname == tok), None)
        if full:
            if role and not full.role:
                full.role = role
            continue
        add(tok, role, pos, 1)

    for a in authors:
        add(a, "", 1 << 29, 2)
    for a in contributors:
        add(a, "", 1 << 29, 2)
    # "Margaret “Peggy” Ellison": a full name with the nickname the story goes on to use.
    if "“" in text or '"' in text or "‘" in text:
        for m in _NICKNAME_RE.finditer(text):
            fm = _FIRST_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
            if not fm:
                continue
            first, nick, last = fm.group("first"), m.group("nick"), m.group("last")
            if not (_is_name_token(first) and _is_name_token(nick) and _is_name_token(last)):
                continue
            add(first + " " + last, "", fm.start(), 2)
            p = people[_pkey(first + " " + last)]
            for alias in (nick, nick + " " + last):
                if alias not in p.aliases:
                    p.aliases.append(alias)

    # Candidates from the surname-repeat cue only count if the surname really recurs.
    for key in list(people):
        p = people[key]
        if p.evidence <= 0:
            del people[key]

    # Known people: reported under their canonical name whenever a spelling of theirs appears.
    if known and known.people:
        _apply_known(text, known, people)

    # Tie people to organisations named in their role.
    org_index = FormIndex(org_regex_forms, left_stop=".")
    for p in people.values():
        if p.role and not p.organisation:
            found = org_index.find(p.role)
            if found:
                p.organisation = org_regex_forms[found[0][2]]
    return people


def _consider_run(text: str, run: list[tuple[str, int]], add, singles, surname_counts, in_org) -> None:  # type: ignore[no-untyped-def]
    toks = [t for t, _ in run]
    if len(toks) == 1:
        low = _norm_token(toks[0])
        if low in lx.NAME_STOPWORDS or low in lx.MONTHS or low in lx.WEEKDAYS or low in lx.COUNTRIES:
            return
        # A lone capitalised word is a person only after a role: "analyst Smith", "the mayor, Smith".
        pos = run[0][1]
        prev_words = text[max(0, pos - 30):pos].split()
        nxt = text[pos + len(toks[0]):pos + len(toks[0]) + 2]
        if not prev_words or not (
            _norm_token(prev_words[-1]) in lx.ROLE_NOUNS or prev_words[-1].endswith(",") or nxt.startswith(",")
        ):
            return
    # Strip a possessive or trailing punctuation from the last token.
    last = toks[-1]
    toks[-1] = _POSSESSIVE_RE.sub("", last.rstrip(".,;:")) if last.endswith(("’s", "'s", "’", "'")) else last.rstrip(",;:")
    if toks[-1].endswith(".") and len(toks[-1]) > 2 and _norm_token(toks[-1]) not in lx.HONORIFICS:
        toks[-1] = toks[-1][:-1]
    # Titles, roles and bodies first, then the name, then nothing that is not a name.
    cut = 0
    for i in range(len(toks) - 1):
        if toks[i] in _NAME_PARTICLES and i > 0 and _is_name_token(toks[i - 1]):
            continue  # "Abdulaziz bin Salman"
        if (_is_prefix_token(toks[i]) or not _is_name_token(toks[i])) and _is_name_token(toks[i + 1]):
            cut = i + 1
    if cut == 0 and toks and not _is_name_token(toks[0]):
        return
    stop = cut
    while stop < len(toks) and (
        _is_name_token(toks[stop])
        or (stop + 1 < len(toks) and stop > cut and toks[stop] in _NAME_PARTICLES and _is_name_token(toks[stop + 1]))
    ):
        stop += 1
    # "Theresa May", "Brian June": a month after a first name is a surname, unless a day or year follows.
    if cut < stop < len(toks) == stop + 1 and _norm_token(toks[stop]) in lx.MONTHS:
        month_end = run[stop][1] + len(toks[stop])
        if not re.match(r"\s*,?\s*\d", text[month_end:month_end + 4]):
            stop += 1
    # "Chief Operating Officer Jane Roe": a name-like word inside a title is part of the title.
    while stop < len(toks) and (_norm_token(toks[stop]) in lx.ROLE_NOUNS or _norm_token(toks[stop]) in lx.ROLE_MODIFIERS):
        nxt = stop
        while nxt < len(toks) and not _is_name_token(toks[nxt]):
            nxt += 1
        if nxt >= len(toks):
            return
        cut = nxt
        stop = cut
        while stop < len(toks) and _is_name_token(toks[stop]):
            stop += 1
    name_toks = toks[cut:stop]
    prefix_toks = toks[:cut]
    if not name_toks:
        return
    toks = toks[:stop]
    run = run[:stop]
    start = run[cut][1]
    inside_org = in_org(start) or in_org(run[stop - 1][1])
    end = run[stop - 1][1] + len(toks[-1])
    after = text[end:end + 120]
    before = text[max(0, run[0][1] - 60):run[0][1]]
    role = ""
    evidence = 0
    honorific = bool(prefix_toks) and _norm_token(prefix_toks[-1]) in lx.HONORIFICS
    role_prefix = bool(prefix_toks) and (
        _norm_token(prefix_toks[-1]) in lx.ROLE_NOUNS
        or ("-" in prefix_toks[-1] and _is_prefix_token(prefix_toks[-1]) and _norm_token(prefix_toks[-1]) not in lx.NAME_STOPWORDS)
    )
    of_role = ""
    if len(name_toks) > 3 or (prefix_toks and not role_prefix and not honorific):
        of_role = _of_role_before(text, run[0][1])
        if of_role and len(name_toks) >= 3:
            prefix_toks = prefix_toks + name_toks[:-2]
            name_toks = name_toks[-2:]
            start = run[len(toks) - 2][1]
    if len(name_toks) > 3 or any(t.endswith(("'s", "’s")) for t in name_toks[:-1]):
        return  # "Bede's Primary": a possessive inside the run belongs to a place or a body
    if inside_org and not (of_role and len(name_toks) == 2):
        return  # part of an organisation's name, unless a role governs it: "Director of the X Jane Roe"
    if role_prefix:
        # Keep the whole title chain: "NATO Secretary-General", "French President".
        chain = list(prefix_toks)
        while chain and (_norm_token(chain[0]) in _LEADING_JUNK or _norm_token(chain[0]) in lx.HONORIFICS) and _norm_token(chain[0]) not in lx.ROLE_NOUNS:
            chain.pop(0)
        while chain and _norm_token(chain[-1]) in lx.HONORIFICS:
            chain.pop()
        role = " ".join(chain)
        evidence += 2
    elif honorific:
        evidence += 2
    elif of_role:
        role = of_role + " " + " ".join(prefix_toks)
        role = role.strip()
        evidence += 2
    if not role_prefix and not of_role:
        lr = _role_before(text, run[0][1]) if not prefix_toks else ""
        if not lr and not prefix_toks:
            lr = _comma_role_before(text, run[0][1])
        if lr:
            role = lr
            evidence += 2
    if _SPEECH_AFTER_RE.match(after) or _speech_before(before):
        evidence += 2
    if _AGE_AFTER_RE.match(after):
        evidence += 2
    ap = _appositive_role(after)
    if ap:
        evidence += 2
        role = role or ap
    name = " ".join(name_toks)
    if len(name_toks) == 1:
        if evidence >= 2 and (honorific or role_prefix or role):
            singles.append((name, role, start))
        return
    if evidence == 0 and surname_counts.get(name_toks[-1], 0) > text.count(name) and (len(name_toks) == 2 or not _sentence_start(text, start)):
        evidence = 1
    if evidence:
        add(name, role, start, evidence)


def _sentence_start(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t“\"‘'(«":
        j -= 1
    return j < 0 or text[j] in ".!?\n:"


@dataclass(frozen=True, slots=True)
class _KnownPeople:
    by_surface: dict[str, str]
    roles: dict[str, str]
    by_surname: dict[str, tuple[str, ...]]
    variants: dict[str, frozenset[str]]


def _known_people(known: Known) -> _KnownPeople:
    return _per_known("people-table", known, _build_known_people)


def _build_known_people(known: Known) -> _KnownPeople:
    """Lookup tables over the archive's people, built once per gazetteer, not per document."""
    by_surface: dict[str, str] = {}
    roles: dict[str, str] = {}
    by_surname: dict[str, list[str]] = {}
    variants: dict[str, set[str]] = {}
    for kp in known.people:
        roles[kp.name] = kp.role
        for f in (kp.name, *kp.aliases):
            if f:
                by_surface.setdefault(_pkey(f), kp.name)
        toks = kp.name.split()
        if len(toks) >= 2 and len(toks[-1]) >= 3:
            by_surname.setdefault(toks[-1], []).append(kp.name)
            for v in _deletes(toks[-1]):
                variants.setdefault(v, set()).add(toks[-1])
    return _KnownPeople(
        by_surface,
        roles,
        {k: tuple(v) for k, v in by_surname.items()},
        {k: frozenset(v) for k, v in variants.items()},
    )


def _deletes(word: str) -> set[str]:
    """The word and every form of it with one letter removed: two spellings one edit apart share one."""
    f = _fold(word)
    return {f} | {f[:i] + f[i + 1:] for i in range(len(f))}


def _apply_known(text: str, known: Known, people: dict[str, _Person]) -> None:
    table = _known_people(known)
    by_surface, roles = table.by_surface, table.roles
    # Rename detected people whose spelling the archive knows.
    for key in list(people):
        canon = by_surface.get(key)
        if canon and _pkey(canon) != key:
            p = people.pop(key)
            target = people.get(_pkey(canon))
            if target is None:
                p.aliases.append(p.name)
                p.name = canon
                people[_pkey(canon)] = p
            else:
                target.aliases.append(p.name)
                target.first = min(target.first, p.first)
                target.role = target.role or p.role
    for fs, fe, _f in _known_index(known).find(text):
        surf = text[fs:fe]
        if not surf[:1].isupper():
            continue
        canon = by_surface[_pkey(surf)]
        p = people.get(_pkey(canon))
        if p is None:
            p = people[_pkey(canon)] = _Person(canon, role=roles.get(canon, ""), evidence=1)
        p.first = min(p.first, fs)
        if surf != canon and surf not in p.aliases:
            p.aliases.append(surf)


@functools.lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).replace("’", "'").lower()


def _pkey(name: str) -> str:
    return name.lower().replace("’", "'")


def _known_index(known: Known) -> FormIndex:
    return _per_known("people", known, _build_known_index)


def _build_known_index(known: Known) -> FormIndex:
    return FormIndex((f for kp in known.people for f in (kp.name, *kp.aliases) if f), ignore_case=True, left_stop="'’-", right_stop="'’-")


def _hamming1(a: str, b: str) -> bool:
    """One wrong letter, or the same name without its diacritics ("Zeljko" for "Željko")."""
    fa, fb = _fold(a), _fold(b)
    if fa == fb:
        return a != b
    if len(a) == len(b):
        diff = 0
        for x, y in zip(fa, fb):
            if x != y:
                diff += 1
                if diff > 1:
                    return False
        return diff == 1
    if abs(len(a) - len(b)) == 1 and min(len(a), len(b)) >= 4:
        short, long_ = (fa, fb) if len(fa) < len(fb) else (fb, fa)
        return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
    return False


_SUBJECT_NEXT_RE = re.compile(r"^\s+([a-z]+)")
_COMMON_VERB_NEXT = frozenset(
    "is was has had will would did does can could should may might must also then".split()
)


def resolve_variants(text: str, people: dict[str, _Person], known: Known | None) -> None:
    """Fold later surname mentions and one-letter misspellings of a surname into that person.

    People the archive knows take part even when only their surname, or a misspelling of it,
    appears in a speaker or subject position.
    """
    surnames: dict[str, _Person] = {}
    for p in people.values():
        toks = p.name.split()
        if len(toks) >= 2 and len(toks[-1]) >= 3:
            surnames.setdefault(toks[-1], p)
    table = _known_people(known) if known and known.people else None
    if not surnames and table is None:
        return
    cap = _cap_words(text)

    def known_person(canon: str, pos: int) -> _Person:
        p = people.get(_pkey(canon))
        if p is None:
            p = people[_pkey(canon)] = _Person(canon, role=table.roles.get(canon, "") if table else "", evidence=1)
        p.first = min(p.first, pos)
        return p

    if table is not None:
        for w, positions in cap.items():
            names = table.by_surname.get(w)
            if names and len(names) == 1 and w not in surnames:
                if any(_subject_position(text, pos, len(w)) for pos in positions):
                    surnames[w] = known_person(names[0], positions[0])

    lower_words = _lower_words(text)
    first_names = {p.name.split()[0] for p in people.values() if len(p.name.split()) >= 2}
    for w, positions in cap.items():
        if w in surnames or w in first_names or len(w) < 3:
            continue
        lw = w.lower()
        if lw in lower_words or lw in lx.NAME_STOPWORDS or lw in lx.COUNTRIES or lw in lx.CITIES or lw in lx.NATIONALITIES or lw in lx.MONTHS or lw in lx.WEEKDAYS:
            continue
        matches = [sn for sn in surnames if abs(len(sn) - len(w)) <= 1 and _hamming1(w, sn)]
        person: _Person | None = None
        if len(matches) == 1:
            person = surnames[matches[0]]
        elif not matches and table is not None:
            cands = {sn for v in _deletes(w) for sn in table.variants.get(v, ())}
            kmatches = [sn for sn in cands if _hamming1(w, sn) and len(table.by_surname[sn]) == 1]
            if len(kmatches) == 1:
                if not any(_subject_position(text, pos, len(w)) for pos in positions):
                    continue
                person = known_person(table.by_surname[kmatches[0]][0], positions[0])
        if person is None:
            continue
        if not any(_subject_position(text, pos, len(w)) for pos in positions):
            continue
        person.first = min(person.first, positions[0])
        if w not in person.aliases:
            person.aliases.append(w)
        first = person.name.split()[0]
        if f"{first} {w}" in text:
            full = f"{first} {w}"
            if full not in person.aliases:
                person.aliases.append(full)
        people.pop(_pkey(w), None)
        people.pop(_pkey(f"{first} {w}"), None)
    # "Mr Baez Silva" after "Carlos Baez Silva": a compound surname is the same person.
    for key in list(people):
        p = people[key]
        toks = p.name.split()
        if len(toks) < 2:
            continue
        fuller = [q for q in people.values() if q is not p and q.name.endswith(" " + p.name)]
        if len(fuller) == 1:
            q = fuller[0]
            for alias in (p.name, *p.aliases):
                if alias not in q.aliases:
                    q.aliases.append(alias)
            q.first = min(q.first, p.first)
            q.role = q.role or p.role
            people.pop(key)
    # Drop single-token people that are just a surname of somebody else.
    for key in list(people):
        p = people[key]
        if len(p.name.split()) == 1 and p.name in surnames and surnames[p.name] is not p:
            people.pop(key)


def _subject_position(text: str, pos: int, length: int) -> bool:
    """Speaker or subject: followed by a verb, or the object of "with"/"by"/"said"."""
    m = _SUBJECT_NEXT_RE.match(text[pos + length:pos + length + 30])
    if m:
        nxt = m.group(1)
        if nxt in lx.SPEECH_VERBS or nxt in _COMMON_VERB_NEXT or nxt.endswith("ed"):
            return True
    before = text[max(0, pos - 25):pos]
    return bool(re.search(r"\b(?:with|by|said|says|told|according\s+to)\s+$", before))


def _trim_org_names(orgs: list[_Org], people: dict[str, _Person], org_spans: list[OrgMention]) -> bool:
    """"Center for Eastern Studies Jane Roe" is an organisation followed by its director's name."""
    names = [p.name for p in people.values() if len(p.name.split()) >= 2]
    changed = False
    for o in orgs:
        for nm in names:
            if o.name.endswith(" " + nm) and len(o.name) > len(nm) + 3:
                old = o.name
                o.name = o.name[: -len(nm) - 1]
                o.aliases = [a for a in o.aliases if a != old]
                for k, sp in enumerate(org_spans):
                    if sp.name == old:
                        org_spans[k] = OrgMention(sp.start, sp.end - len(nm) - 1, o.name)
                for p in people.values():
                    if p.organisation == old:
                        p.organisation = o.name
                changed = True
                break
    return changed


def build(
    text: str,
    known: Known | None,
    authors: tuple[str, ...],
    bios: dict[str, str],
    publication: str | None = None,
    contributors: tuple[str, ...] = (),
    publication_named: bool = False,
) -> Entities:
    """All entities of one body, plus the mention positions the quote attribution needs.

    The publication counts as an organisation where the body names it, or where the page names it
    again outside its masthead (``publication_named``: a caption credit, an author's bio).
    """
    orgs, org_spans = find_organisations(text, known)
    if publication and not any(publication in (o.name, o.acronym, *o.aliases) for o in orgs):
        spans = [OrgMention(s, e, publication) for s, e, _f in FormIndex((publication,)).find(text)]
        if spans:
            orgs.append(_Org(publication, "", "media", first=spans[0].start))
            orgs.sort(key=lambda o: o.first)
            org_spans = sorted(org_spans + spans, key=lambda x: x.start)
        elif publication_named:
            orgs.append(_Org(publication, "", "media", first=len(text)))
    org_forms: dict[str, str] = {}
    for o in orgs:
        for f in (o.name, o.acronym, *o.aliases):
            if f:
                org_forms[f] = o.name
    people = find_people(text, known, orgs, org_forms, authors, org_spans, contributors)
    _strip_leading_roles(people)
    if ner.enabled():
        if _add_model_names(text, orgs, org_spans, people, known):
            org_forms = {f: o.name for o in orgs for f in (o.name, o.acronym, *o.aliases) if f}
    if _trim_org_names(orgs, people, org_spans):
        org_forms = {f: o.name for o in orgs for f in (o.name, o.acronym, *o.aliases) if f}
        org_index = FormIndex(org_forms, left_stop=".")
        for p in people.values():
            if p.role and not p.organisation:
                found = org_index.find(p.role)
                if found:
                    p.organisation = org_forms[found[0][2]]
    # An organisation's name is not a person ("Rotary Club" would never be, but guard anyway).
    for key in list(people):
        if people[key].name in org_forms:
            people.pop(key)
    resolve_variants(text, people, known)

    surface: dict[str, str] = {}
    surnames_seen: dict[str, int] = {}
    for p in people.values():
        toks = p.name.split()
        if len(toks) >= 2:
            surnames_seen[toks[-1]] = surnames_seen.get(toks[-1], 0) + 1
    for p in people.values():
        surface[p.name] = p.name
        toks = p.name.split()
        if len(toks) >= 2 and surnames_seen.get(toks[-1], 0) == 1 and len(toks[-1]) >= 2:
            surface.setdefault(toks[-1], p.name)
        for a in p.aliases:
            surface.setdefault(a, p.name)
    # First names, when only one person has that first name: "Geoff told me".
    firsts: dict[str, list[str]] = {}
    for p in people.values():
        toks = p.name.split()
        if len(toks) >= 2 and len(toks[0]) >= 3 and _is_name_token(toks[0]):
            firsts.setdefault(toks[0], []).append(p.name)
    for first, names in firsts.items():
        if len(names) == 1 and first not in surnames_seen and first not in surface and first not in org_forms:
            surface[first] = names[0]
    spans: list[PersonMentionSpan] = []
    for fs, fe, form in FormIndex(surface, left_stop="'’-").find(text):
        spans.append(PersonMentionSpan(fs, fe, surface[form]))
        p = people.get(_pkey(surface[form]))
        if p:
            p.first = min(p.first, fs)

    author_set = {a.lower() for a in authors}
    out_people = []
    for p in sorted(people.values(), key=lambda x: x.first):
        desc = bios.get(p.name, "") or (bios.get(p.name.split()[0], "") if p.name.lower() in author_set else "")
        out_people.append(
            PersonMention(
                name=p.name,
                role=p.role,
                aliases=tuple(dict.fromkeys(a for a in p.aliases if a != p.name)),
                organisation=p.organisation,
                description=desc,
            )
        )
    out_orgs = tuple(
        OrganisationMention(name=o.name, acronym=o.acronym, aliases=tuple(o.aliases), kind=o.kind) for o in orgs
    )
    return Entities(
        people=tuple(out_people),
        organisations=out_orgs,
        person_spans=tuple(spans),
        org_spans=tuple(org_spans),
        surface_to_person=surface,
        surface_to_org=org_forms,
        org_kinds={o.name: o.kind for o in orgs},
    )


# --------------------------------------------------------------------------- the model's names

_ENT_LEAD_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_ENT_TAIL_RE = re.compile(r"\s*(?:['’]s?|[.,;:])$")
_TITLE_WORDS = lx.HONORIFICS | lx.ROLE_NOUNS | lx.ROLE_MODIFIERS


def _unexplained(text: str, explained: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Capitalised runs in which the rules found no person or organisation: what the model is asked about.

    A lone capitalised word that opens a sentence and is written in lower case elsewhere, or that is
    a month, a weekday, a country, a city or a title, is no candidate.
    """
    covered = sorted(explained)
    starts = [s for s, _ in covered]
    lower = _lower_words(text)
    out: list[tuple[int, int]] = []
    asked: dict[str, int] = {}
    for m in CAP_RUN_RE.finditer(text):
        s, e = m.span()
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and covered[i][1] >= e:
            continue
        word = m.group(0)
        # The model tags a name the same way wherever it recurs; asking about its first two
        # appearances finds it, and the rules' phrase matching then finds every other.
        asked[word] = asked.get(word, 0) + 1
        if asked[word] > 2:
            continue
        if " " not in word and "\t" not in word:
            low = _norm_token(word)
            if len(low) < 2 or low in lx.NAME_STOPWORDS or low in lx.MONTHS or low in lx.WEEKDAYS:
                continue
            if low in lx.COUNTRIES or low in lx.CITIES or low in lx.NATIONALITIES or low in _TITLE_WORDS:
                continue
            if low in lower and _sentence_start(text, s):
                continue
        out.append((s, e))
    return out


# Nouns after a group's name that make it a political party: "Tory MPs", "Democratic leaders".
_PARTY_CONTEXT = frozenset(
    """party mp mps leader leaders leadership government peer peers candidate candidates voters
    councillor councillors spokesman spokeswoman spokesperson member members manifesto conference
    backbencher backbenchers minister ministers senator senators lawmakers congressman congresswoman
    chairman whip whips majority administration""".split()
)


def _party_use(text: str, start: int, end: int, name: str) -> bool:
    """Whether a group the model tagged (NORP) is used as a party, not a nationality or a faith."""
    low = name.lower()
    if low in lx.NATIONALITIES or low.rstrip("s") in lx.NATIONALITIES:
        return False
    nxt = re.match(r"\s+([A-Za-z]+)", text[end:end + 30])
    if nxt and nxt.group(1).lower() in _PARTY_CONTEXT:
        return True
    # "the Conservatives", "the Tories": a plural group as the subject of the story.
    return name.endswith("s") and text[max(0, start - 4):start].lower() == "the "


def _org_shaped(text: str, words: list[str]) -> bool:
    """Whether an organisation the model tagged looks like one: "Cinemas", "the Budget", "a Reach plc
    subsidiary" or "VFI Chief Executive" are a common noun, a phrase or a person's title."""
    if any(w[:1].islower() and w not in _CONNECTORS and not w[:1].isdigit() for w in words):
        return False
    last = _norm_token(words[-1])
    if last in lx.ROLE_NOUNS or last in lx.HONORIFICS:
        return False
    if len(words) == 1:
        low = words[0].lower()
        if low in _lower_words(text) or low in lx.CITIES or low in lx.COUNTRIES or low in lx.MONTHS or low in lx.WEEKDAYS:
            return False
    return True


def _model_name(raw: str) -> str:
    name = _ENT_TAIL_RE.sub("", _ENT_LEAD_RE.sub("", " ".join(raw.split())))
    return name.strip(" “”\"‘’'()[]")


def _add_model_names(
    text: str, orgs: list[_Org], org_spans: list[OrgMention], people: dict[str, _Person], known: Known | None
) -> bool:
    """Add the people and organisations the model finds where the rules had no evidence.

    This is where the two sources meet. The rules win wherever they spoke: a span inside a name
    or organisation they found is theirs, and the archive's known names were already applied
    by them (a phrase matcher over every curated spelling), so an editor's decision is never
    overruled by the model. The model adds full names of two or more words (a lone word it
    calls a person is too often a place or a club) and organisations; a full name it finds
    around a person the rules cut short ("May" of "Theresa May") replaces the short form.
    Returns whether organisations were added.
    """
    forms: set[str] = set()
    for p in people.values():
        forms.add(p.name)
        forms.update(p.aliases)
        toks = p.name.split()
        if len(toks) >= 2:
            forms.add(toks[-1])
    person_spans = [(s, e) for s, e, _f in FormIndex(forms, left_stop="'’-").find(text)] if forms else []
    explained = [(o.start, o.end) for o in org_spans] + person_spans
    found = ner.find_names(text, _unexplained(text, explained))
    if not found:
        return False
    taken = sorted(explained)

    def overlaps_rules(s: int, e: int) -> bool:
        return any(ts < e and s < te for ts, te in taken)

    org_keys = {o.name.casefold(): o for o in orgs}
    for o in orgs:
        for f in (o.acronym, *o.aliases):
            if f:
                org_keys.setdefault(f.casefold(), o)
    added_orgs: dict[str, _Org] = {}
    person_words = {w for p in people.values() for w in p.name.split()}
    for span in found:
        name = _model_name(span.text)
        if not name or not any(c.isupper() for c in name) or len(name.split()) > 8:
            continue
        label = span.label
        words = name.split()
        if label == "NORP":
            if not _party_use(text, span.start, span.end, name):
                continue
            label = "ORG"
        if (
            label == "ORG" and 2 <= len(words) <= 3 and all(_is_name_token(w) for w in words)
            and any(w in person_words for w in words)
        ):
            label = "PERSON"  # "Empire's Angie Errigo" tagged a body, though the rules know Ms Errigo
        if label == "PERSON":
            toks = name.split()
            honorific = max((i for i, t in enumerate(toks) if _norm_token(t) in lx.HONORIFICS), default=-1)
            toks = toks[honorific + 1:]  # "Said Mr Fogg", "Dr Anna Lee": the name starts after the title
            while len(toks) > 1 and (
                _norm_token(toks[0]) in _TITLE_WORDS or toks[0].lower() in lx.SPEECH_VERBS
                or (len(toks) >= 3 and lx.is_person_noun(toks[0]))
            ):
                toks.pop(0)
            if len(toks) < 2 or not all(t[:1].isupper() or t in _NAME_PARTICLES for t in toks):
                continue
            if any(not re.search(r"[a-z]", t) and len(t) > 2 for t in toks):
                continue  # "BBC One": capitals throughout are an acronym, not a name
            if _norm_token(toks[-1]) in lx.ORG_KEYWORDS:
                continue  # "Manchester United", "Acme Holdings": a body, whatever the model says
            name = " ".join(toks)
            if name.casefold() in org_keys or _pkey(name) in people:
                continue
            short = next(
                (
                    p for p in people.values()
                    if p.name != name and len(p.name.split()) < len(toks)
                    and (name.endswith(" " + p.name) or (len(p.name.split()) == 1 and name.startswith(p.name + " ")))
                ),
                None,
            )
            if short is not None and overlaps_rules(span.start, span.end):
                # The rules kept part of this name; the model saw all of it.
                people.pop(_pkey(short.name), None)
                if short.name not in short.aliases:
                    short.aliases.append(short.name)
                short.name = name
                short.first = min(short.first, span.start)
                people[_pkey(name)] = short
                continue
            if overlaps_rules(span.start, span.end):
                continue
            people[_pkey(name)] = _Person(name, first=span.start, evidence=2)
        else:
            if not _org_shaped(text, words):
                continue
            inside = [(ts, te) for ts, te in taken if ts < span.end and span.start < te]
            # The model may see a longer name around one the rules found ("BBC Radio 4" around
            # "BBC"): a different body, added; otherwise the rules' span stands.
            if inside and not all(span.start <= ts and te <= span.end and (te - ts) < (span.end - span.start) for ts, te in inside):
                continue
            if inside and any(_pkey(text[ts:te]) in people for ts, te in inside):
                continue
            if name in forms or name.casefold() in (p.name.casefold() for p in people.values()):
                continue
            org = org_keys.get(name.casefold()) or added_orgs.get(name.casefold())
            if org is None:
                org = added_orgs[name.casefold()] = _Org(name, "", _kind_for(name), first=span.start)
            org_spans.append(OrgMention(span.start, span.end, org.name))
    if not added_orgs:
        return False
    orgs.extend(added_orgs.values())
    orgs.sort(key=lambda o: o.first)
    org_spans.sort(key=lambda m: m.start)
    return True


def _strip_leading_roles(people: dict[str, _Person]) -> None:
    """"Broadcaster Chris Evans" opening a sentence: the first word is his trade, not his name."""
    for key in list(people):
        p = people[key]
        toks = p.name.split()
        if len(toks) >= 3 and lx.is_person_noun(toks[0]) and _norm_token(toks[0]) not in lx.HONORIFICS:
            name = " ".join(toks[1:])
            if _pkey(name) in people:
                continue
            people.pop(key)
            p.role = p.role or toks[0].lower()
            p.name = name
            people[_pkey(name)] = p
