"""Direct quotes in the body and who said them.

Quote marks are paired per paragraph with a stack (nested quotes belong to the outer one); a
quote left open at the end of a paragraph continues when the next paragraph reopens it.
Attribution is looked for where English puts it: after the quote ("..., X said"), before it
("X said: ..."), in the next sentence ("Smith says"), or inherited from the quote before.
Speakers resolve through the entity index: names, surnames, misspellings, pronouns and role
nouns go back to people; "the statement"/"the report" go to the organisation that speaks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .entities import Entities
from .forms import FormIndex
from .result import QuoteMention

_OPENERS = {"“": "d", "«": "g", "„": "d", "‘": "s"}
_MARK_RE = re.compile("[“”«»„\"‘’']")
_SENT_BOUNDARY_RE = re.compile(r"[.!?…][”\"’»)]?\s+(?=[“\"‘«(]?[A-Z])")
_WORDS_RE = re.compile(r"[\w'’-]+")
_REOPEN_BEFORE_RE = re.compile(r"[.!?…]\s+$")
_SINGLE_CLOSES_DOUBLE_RE = re.compile(r"[.!?][’'](?:\s+[A-Z]|\s*$)")
_SENTENCE_END_BEFORE_RE = re.compile(r"[.!?…][”\"’»)]?\s+$")
_LEADING_JUNK_RE = re.compile(r"^[\s,;:—–-]+")
_TRAILING_AUX_RE = re.compile(
    r"(?:\s+(?:also|has|had|have|was|is|were|are|then|later|once|again|further|would|will|\w+ly))+$", re.IGNORECASE
)
_LEADING_CONJ_RE = re.compile(r"^(?:and|but|as|while|so|yet|however|meanwhile|moreover|also|then)\s+", re.IGNORECASE)
_DETERMINERS = frozenset(
    """a an the of to for on in at by with from about into onto called named dubbed so-called
    term word words phrase slogan concept notion idea this that these those its their his her
    our your my as than or and nor under over upon within whose what which so""".split()
)
_TITLE_NOUNS = frozenset(
    """book novel film movie song album play series show programme program campaign project slogan motto
    headline column essay article report paper titled entitled called named dubbed so-called as initiative
    operation exhibition podcast documentary law bill act doctrine strategy plan community group movement
    party newspaper magazine website channel""".split()
)


def _title_noun_before(window: str) -> bool:
    words = window.rstrip(" ,").split()
    if not words:
        return False
    last = words[-1].lower().strip(",")
    if last not in _TITLE_NOUNS:
        return False
    return last != "as" or (len(words) >= 2 and words[-2].lower() == "known")


_NAMING_DETERMINERS = frozenset("a an the its their his her our your my this that these those whose".split())
_LOWER_WORD_NEXT_RE = re.compile(r" [a-z]{2,}")

_SMALL_WORDS = frozenset("a an the of in on at to for and or but with from by as is".split())


def _is_title_case(text: str) -> bool:
    """"Cold Archive", "The Wall": every word capitalised and no sentence punctuation."""
    words = text.split()
    if len(words) < 2 or re.search(r"[.!?,;:]", text):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words) and words[0][:1].isupper()


_FULL_HEAD_END_RE = re.compile(r"[:,]\s*$|\b(?:that|as)\s*$")
_PRONOUN_FIRST_RE = re.compile(
    r"^\s*(?:he|she|they|it|we|i|said|says|added|adds|told|tells|noted|notes|wrote|writes|continued|explained|asked|replied|the)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Span:
    open_pos: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    close_pos: int = -1
    para: int = 0
    last_para: int = 0
    family: str = "d"
    closed: bool = True

    @property
    def end(self) -> int:
        return self.close_pos if self.close_pos >= 0 else (self.parts[-1][1] if self.parts else self.open_pos)


def _classify_mark(p: str, i: int, stack: list[tuple[str, int]]) -> tuple[str, str] | None:
    """Return ("open"|"close", family) for the mark at ``p[i]`` or None for an apostrophe."""
    ch = p[i]
    prev = p[i - 1] if i > 0 else " "
    nxt = p[i + 1] if i + 1 < len(p) else " "
    families = [f for f, _ in stack]
    if ch in "“„":
        return ("open", "d")
    if ch == "”":
        return ("close", "d")
    if ch == "«":
        return ("open", "g")
    if ch == "»":
        return ("close", "g")
    if ch == '"':
        left_space = prev.isspace() or prev in "([{—–-/"
        right_space = nxt.isspace() or nxt in ".,;:!?)]…-—–"
        if "q" in families and (right_space or not left_space):
            return ("close", "q")
        if left_space and not right_space:
            return ("open", "q")
        return ("close", "q") if "q" in families else ("open", "q")
    if ch == "'" and "s" in families and not (prev.isalnum() and nxt.isalnum()):
        right_space = nxt.isspace() or nxt in ".,;:!?)]…-—–”\"" or i + 1 >= len(p)
        if right_space and not prev.isspace():
            if prev in "sS" and nxt == " " and i + 2 < len(p) and p[i + 2].islower() and "'" in p[i + 1:]:
                return None
            return ("close", "s")
    if ch in "‘'":
        if prev.isalnum() and nxt.isalnum():
            return None  # apostrophe inside a word
        left_space = prev.isspace() or prev in "([{—–-/“\"" or i == 0
        if left_space and (nxt.isalpha() or nxt in "“\""):
            if ch == "'" and "'" not in p[i + 1:]:
                return None
            if ch == "‘" and "’" not in p[i + 1:]:
                return None
            return ("open", "s")
        return None
    if ch == "’" or (ch == "'" and "s" in families):
        if prev.isalnum() and nxt.isalnum():
            return None
        if "s" not in families:
            return None
        right_space = nxt.isspace() or nxt in ".,;:!?)]…-—–”\"" or i + 1 >= len(p)
        if not right_space:
            return None
        if prev in "sS" and nxt == " " and i + 2 < len(p) and p[i + 2].islower() and "’" in p[i + 1:]:
            return None  # plural possessive: "the players’ union"
        return ("close", "s")
    return None


def find_spans(body: str, para_starts: list[int]) -> tuple[list[_Span], list[str]]:
    """Top-level quote spans; nested quotes stay inside their outer quote."""
    spans: list[_Span] = []
    warnings: list[str] = []
    pending: _Span | None = None
    for pi, start in enumerate(para_starts):
        end = para_starts[pi + 1] - 2 if pi + 1 < len(para_starts) else len(body)
        p = body[start:end]
        stack: list[tuple[str, int]] = []
        cur: _Span | None = None
        if pending is not None:
            first = p[:1]
            if first and ((first in _OPENERS and _OPENERS[first] == pending.family) or (first == '"' and pending.family == "q")):
                cur = pending
                cur.last_para = pi
                stack.append((pending.family, 0))
                pending = None
                seg_start = start + 1
            else:
                pending.closed = False
                spans.append(pending)
                warnings.append(f"unbalanced quote marks in paragraph {pending.para + 1}")
                pending = None
        for mm in _MARK_RE.finditer(p):
            i = mm.start()
            if cur is not None and i == 0 and stack:
                continue
            kind = _classify_mark(p, i, stack)
            if len(stack) == 1 and stack[0][0] in "dq" and p[i] in "'’" and _SINGLE_CLOSES_DOUBLE_RE.match(p, max(0, i - 1)):
                # "... a bit more.' The orchestra": a double quote closed with a single mark by mistake.
                kind = ("close", stack[0][0])
            if kind is None:
                continue
            role, fam = kind
            if role == "open" and cur is not None and len(stack) == 1 and stack[0][0] == fam and fam in "dq" and _REOPEN_BEFORE_RE.search(p, 0, i):
                # Paragraphs run together: a sentence ends and the quote mark opens again without the
                # previous one closing. The open quote ends where its sentence did, and a new one starts.
                close_at = start + len(p[:i].rstrip())
                cur.parts.append((seg_start, close_at))
                cur.close_pos = close_at
                spans.append(cur)
                stack.clear()
                cur = None
            if role == "open":
                if not stack:
                    cur = _Span(open_pos=start + i, para=pi, last_para=pi, family=fam)
                    seg_start = start + i + 1
                stack.append((fam, start + i))
            else:
                if fam not in (f for f, _ in stack):
                    continue
                while stack and stack[-1][0] != fam:
                    stack.pop()
                stack.pop()
                if not stack and cur is not None:
                    cur.parts.append((seg_start, start + i))
                    cur.close_pos = start + i
                    spans.append(cur)
                    cur = None
        if stack and cur is not None:
            cur.parts.append((seg_start, end))
            pending = cur
    if pending is not None:
        pending.closed = False
        spans.append(pending)
        warnings.append(f"unbalanced quote marks in paragraph {pending.para + 1}")
    return spans, warnings


def _span_text(body: str, span: _Span) -> tuple[str, int]:
    pieces: list[str] = []
    pos = -1
    for s, e in span.parts:
        seg = body[s:e]
        stripped = seg.lstrip()
        if pos < 0 and stripped:
            pos = s + (len(seg) - len(stripped))
        pieces.append(" ".join(seg.split()))
    text = " ".join(x for x in pieces if x).strip()
    text = text.rstrip(" ,;:—–-").strip()
    return text, pos


_COMPANION_BEFORE_RE = re.compile(r"\b(?:and|with)\s+(?:a|an|her|his|their)\s+[\w'’ -]{2,40},\s*$")


@dataclass(slots=True)
class _Resolver:
    body: str
    ents: Entities
    quote_ranges: list[tuple[int, int]]
    person_index: FormIndex
    org_index: FormIndex
    person_roles: dict[str, str]
    memory: dict[str, str] = field(default_factory=dict)

    def inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_ranges, (pos, 1 << 30)) - 1
        return i >= 0 and self.quote_ranges[i][0] <= pos < self.quote_ranges[i][1]

    def last_person(self, pos: int, noun: str = "") -> str | None:
        spans = self.ents.person_spans
        idx = bisect.bisect_left([s.start for s in spans], pos)
        fallback: str | None = None
        for k in range(idx - 1, -1, -1):
            s = spans[k]
            if self.inside_quote(s.start):
                continue
            if not noun:
                # "She and a colleague, Jo Roe, ...": the person added on is not who "she" is.
                if fallback is None and _COMPANION_BEFORE_RE.search(self.body, max(0, s.start - 60), s.start):
                    fallback = s.name
                    continue
                return self._sentence_subject(spans, k)
            if fallback is None:
                fallback = s.name
            if noun in self.person_roles.get(s.name, "").lower():
                return s.name
        return fallback

    def other_named(self, lo: int, hi: int, speaker: str | None, org: str | None) -> bool:
        """Whether a person other than ``speaker`` (or an organisation other than ``org``) is named between lo and hi."""
        for s in self.ents.person_spans:
            if lo <= s.start < hi and s.name != speaker and not self.inside_quote(s.start):
                return True
        if speaker is None:
            for s in self.ents.org_spans:
                if lo <= s.start < hi and s.name != org and not self.inside_quote(s.start):
                    return True
        return False

    def _sentence_subject(self, spans: tuple, k: int) -> str:  # type: ignore[type-arg]
        """The person a pronoun most likely means: the first one named, not as a possessive, in the
        sentence of the last mention ("Mr Johnson was asked why Mr Smith had left. He replied: ...")."""
        last = spans[k]
        lo = _sentence_start(self.body, max(0, last.start - 400), last.start)
        for j in range(k, -1, -1):
            if spans[j].start < lo:
                break
            k = j
        for j in range(k, len(spans)):
            s = spans[j]
            if s.start > last.start:
                break
            if self.inside_quote(s.start) or self.body.startswith(("'s", "’s"), s.end):
                continue
            return s.name
        return last.name

    def document_author(self, noun: str, pos: int) -> str | None:
        """"A statement from Jo Roe was read out ... the statement said": the person it came from."""
        lo = max(0, pos - 1500)
        hit = None
        for m in re.finditer(r"\b" + re.escape(noun) + r"\s+(?:from|by|written\s+by|on\s+behalf\s+of)\s+", self.body[lo:pos], re.IGNORECASE):
            hit = m
        if hit is None:
            return None
        at = lo + hit.end()
        found = self.person_index.find(self.body[at:at + 60])
        if found and found[0][0] == 0:
            return self.ents.surface_to_person[found[0][2]]
        return None

    def last_org(self, pos: int, window: int = 3000, kind: str = "", noun: str = "") -> str | None:
        """The organisation last named outside quotes, preferring one that fits the noun used."""
        spans = self.ents.org_spans
        idx = bisect.bisect_left([s.start for s in spans], pos)
        fallback: str | None = None
        for k in range(idx - 1, -1, -1):
            s = spans[k]
            if s.start < pos - window:
                break
            if self.inside_quote(s.start) or self.ents.org_kinds.get(s.name) == "media":
                continue
            if not kind and not noun:
                return s.name
            if noun and noun in s.name.lower().split():
                return s.name
            if kind and self.ents.org_kinds.get(s.name) == kind:
                return s.name
            if fallback is None:
                fallback = s.name
        return fallback

    def resolve(self, subj: str, pos: int) -> tuple[str | None, str | None, bool]:
        """(speaker, organisation, resolved) for an attributing subject phrase."""
        s = _LEADING_JUNK_RE.sub("", subj).strip()
        s = _LEADING_CONJ_RE.sub("", s)
        s = _TRAILING_AUX_RE.sub("", s).strip(" ,;:")
        if not s:
            return None, None, False
        words = s.split()
        low_words = [w.lower().strip(",.") for w in words]
        found_p = self.person_index.search_last(s)
        if found_p:
            return self.ents.surface_to_person[found_p], None, True
        head = low_words[-1]
        head = re.sub(r"['’]s$", "", head)
        if len(words) <= 2 and head in lx.PRONOUNS_PERSON:
            return self.last_person(pos), None, True
        if any(w in lx.PRONOUNS_PERSON for w in low_words[-20:]) and not any(w in lx.DOCUMENT_NOUNS for w in low_words):
            return self.last_person(pos), None, True
        org = None
        found_o = self.org_index.search_last(s)
        if found_o:
            org = self.ents.surface_to_org[found_o]
        if head in lx.UNNAMED_SOURCE_NOUNS or low_words[0] in {"a", "an", "one", "two", "three", "several", "some", "many", "officials", "sources"}:
            if head in lx.DOCUMENT_NOUNS and org is None:
                pass
            else:
                return None, org, True
        if head in lx.DOCUMENT_NOUNS or (len(low_words) >= 2 and low_words[-2] in lx.DOCUMENT_NOUNS):
            noun = head if head in lx.DOCUMENT_NOUNS else low_words[-2]
            if org is None:
                author = self.document_author(noun, pos)
                if author:
                    return author, None, True
            if org is None:
                org = self.memory.get(noun) or self.last_org(pos)
            if org:
                self.memory[noun] = org
            return None, org, True
        if low_words[0] in {"the", "this", "that", "our"} and lx.is_person_noun(head):
            # "the Waterford man", "the Labour leader": a person heads the phrase; a place or body only qualifies them.
            return self.last_person(pos, head), None, True
        if org is not None:
            return None, org, True
        if low_words[0] in {"the", "this", "that", "its"} and head in lx.ORG_NOUNS and len(low_words) <= 4:
            return None, self.last_org(pos, kind=lx.ORG_NOUNS[head], noun=head), True
        if head in lx.PRONOUNS_OTHER or head in {"they", "we"}:
            return None, None, True
        return None, None, False


# "The report was prepared by the Keystone Institute": who is behind "the report" later on.
_BY_VERB_RE = re.compile(
    r"\b(?:prepared|written|published|produced|released|issued|compiled|conducted|carried\s+out|drawn\s+up|authored|signed)"
    r"\s+by\s+(?:the\s+)?"
)
_DOC_NOUN_BEFORE_RE = re.compile(
    r"\b(?P<noun>report|study|statement|analysis|review|survey|document|letter|declaration)\b[^.!?]{0,60}$",
    re.IGNORECASE,
)


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    return not (text[m.start()] == "." and _ABBREV_RE.search(text, max(0, m.start() - 6), m.start()))


def _sentence_start(body: str, lo: int, pos: int) -> int:
    seg = body[lo:pos + 2]
    last = lo
    for m in _SENT_BOUNDARY_RE.finditer(seg):
        if m.end() <= pos - lo and _is_boundary(seg, m):
            last = lo + m.end()
    return last


def _sentence_end(body: str, pos: int, hi: int) -> int:
    for m in _SENT_BOUNDARY_RE.finditer(body, pos, min(len(body), hi + 2)):
        if m.start() >= hi:
            break
        if _is_boundary(body, m):
            return m.start() + 1
    return hi


_ABBREV_RE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Gen|Col|Sen|Rep|Gov|Lt|Capt|Jr|Sr|Inc|Corp|Ltd|Co|vs|etc)|\b[A-Z]|\.[A-Z])$")
_CLAUSE_END_RE = re.compile(r"[;!?“”\"«»(]|\s[—–-]\s|\.(?=\s|$)")


def _first_clause(text: str) -> str:
    for m in _CLAUSE_END_RE.finditer(text):
        if m.group(0) == "." and _ABBREV_RE.search(text, max(0, m.start() - 6), m.start()):
            continue
        return text[: m.start()]
    return text


def extract_quotes(body: str, paragraphs: list[str], ents: Entities) -> tuple[list[QuoteMention], list[str]]:
    para_starts: list[int] = []
    off = 0
    for p in paragraphs:
        para_starts.append(off)
        off += len(p) + 2
    para_ends = [s + len(p) for s, p in zip(para_starts, paragraphs)]
    spans, warnings = find_spans(body, para_starts)

    texts: list[tuple[str, int]] = [_span_text(body, s) for s in spans]
    counts: dict[str, int] = {}
    for t, _ in texts:
        k = t.lower().strip(" .,!?")
        counts[k] = counts.get(k, 0) + 1
    quote_ranges = sorted((s.open_pos, s.end + 1) for s in spans)
    resolver = _Resolver(
        body=body,
        ents=ents,
        quote_ranges=quote_ranges,
        person_index=FormIndex(ents.surface_to_person, left_stop="'’-"),
        org_index=FormIndex(ents.surface_to_org, left_stop="."),
        person_roles={p.name: p.role for p in ents.people},
    )
    person_org = {p.name: p.organisation for p in ents.people}
    if resolver.org_index:
        for m in _BY_VERB_RE.finditer(body):
            nm = _DOC_NOUN_BEFORE_RE.search(body, max(0, m.start() - 70), m.start())
            if nm is None:
                continue
            om = resolver.org_index.find(body, m.end(), min(len(body), m.end() + 120))
            if om and om[0][0] == m.end():
                resolver.memory.setdefault(nm.group("noun").lower(), ents.surface_to_org[om[0][2]])

    out: list[QuoteMention] = []
    prev_accepted: tuple[_Span, str | None, str | None, str] | None = None
    for span, (text, pos) in zip(spans, texts):
        if not text or pos < 0:
            continue
        pi = span.para
        pstart, pend = para_starts[pi], para_ends[pi]
        lpi = span.last_para
        lend = para_ends[lpi]
        nwords = len(_WORDS_RE.findall(text))
        at_para_start = span.open_pos == pstart
        head_lo = pstart
        if prev_accepted is not None and prev_accepted[0].last_para == pi and prev_accepted[0].end < span.open_pos:
            head_lo = prev_accepted[0].end + 1
        sent_lo = _sentence_start(body, head_lo, span.open_pos)
        head = body[sent_lo:span.open_pos]
        if at_para_start and pi > 0 and paragraphs[pi - 1].rstrip().endswith(":"):
            # "Minister Jane Roe said:" as a paragraph of its own, the quote below it.
            prev_start = para_starts[pi - 1]
            prev_end = para_ends[pi - 1]
            head = body[_sentence_start(body, prev_start, prev_end):prev_end] + " "
        prev_words = _WORDS_RE.findall(body[max(pstart, span.open_pos - 40):span.open_pos])
        prev_word = prev_words[-1].lower() if prev_words else ""
        first_char = text[0]
        is_full = first_char.isupper() or first_char.isdigit() or at_para_start or head.rstrip().endswith(":")

        # ---- attribution after the quote
        speaker: str | None = None
        org: str | None = None
        attribution = ""
        resolved = False
        after_from = span.end + 1
        tail_end = _sentence_end(body, after_from, lend)
        tail = body[after_from:tail_end]
        nxt_open = re.search(r"[“«\"‘]", tail)
        if nxt_open:
            tail = tail[: nxt_open.start()]
        raw_inner = body[span.parts[-1][0]:span.parts[-1][1]].rstrip() if span.parts else text
        tail_ok = bool(tail.strip()) and (
            re.search(r"[,!?…—–-]$", raw_inner) or re.match(r"^\s*[,—–]", tail) or _PRONOUN_FIRST_RE.match(tail)
            or (text.endswith(".") and re.match(r"^\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:\w+ly\s+)?(?:said|says|told|added|noted)\b", tail))
        )
        # A verb right before the quote ("noted “...", "told the BBC: “...") outranks what follows it.
        vb = lx.speech_verbs(head)
        verb_gap = len(_WORDS_RE.findall(head[vb[-1].end():])) if vb else 99
        adjacent_before = (not is_full and verb_gap <= 2) or (is_full and verb_gap <= 4 and head.rstrip().endswith(":"))
        if tail_ok and not adjacent_before:
            clause = _first_clause(_LEADING_JUNK_RE.sub("", tail))
            vms_after = lx.speech_verbs(clause)
            vm = vms_after[0] if vms_after else None
            if vm and len(_WORDS_RE.findall(clause[: vm.start()])) <= 8:
                subj = clause[: vm.start()]
                if not subj.strip():
                    after_verb = clause[vm.end():]
                    subj = re.split(r"\s(?:in|at|on|during|after|before|when|while|who|which|to|for)\s|,\s+(?:who|which|adding|noting|as)\b", after_verb, maxsplit=1)[0]
                    subj = " ".join(subj.split()[:12])
                speaker, org, resolved = resolver.resolve(subj, span.open_pos)
                attribution = clause.strip(" ,.;:")
        # ---- attribution before the quote
        if not resolved:
            if vb:
                vm = vb[-1]
                gap = len(_WORDS_RE.findall(head[vm.end():]))
                ok = gap <= 4 or (is_full and gap <= 10 and _FULL_HEAD_END_RE.search(head))
                if ok:
                    pre = head[: vm.start()]
                    if vm.group(0).lower().startswith("according"):
                        subj = re.split(r"[,:]", head[vm.end():], maxsplit=1)[0]
                    else:
                        pre_clause = re.split(r"[,;:(]\s+(?=[a-z]|[A-Z][a-z]+\s+[A-Z])|[,;:(]\s*$", pre)
                        subj = pre_clause[-1] if pre_clause else pre
                        subj = " ".join(subj.split()[-20:])
                        if not subj.strip():
                            subj = pre
                    speaker, org, resolved = resolver.resolve(subj, span.open_pos)
                    attribution = head.strip(" ,:;—–-")
                    if len(attribution) > 160:
                        attribution = attribution[-160:].split(" ", 1)[-1]
        # ---- "its ‘Safe Home’ scheme": a name in marks between a determiner and the noun it names
        if nwords <= 3 and prev_word in _NAMING_DETERMINERS and _LOWER_WORD_NEXT_RE.match(body, span.end + 1):
            continue
        # ---- names of books, campaigns and documents are not speech
        if nwords <= 6 and (_title_noun_before(body[max(pstart, span.open_pos - 40):span.open_pos]) or _is_title_case(text)):
            continue
        # ---- partial quotes must be said, not named
        if not is_full:
            key = text.lower().strip(" .,!?")
            if prev_word in _DETERMINERS or not resolved or counts.get(key, 0) >= 2:
                continue
            if nwords <= 2 or (nwords <= 4 and verb_gap > 1):
                continue  # a word or two in marks is a term being quoted, not speech
            if speaker is None and org is None and verb_gap > 4:
                continue
        sentence_initial = at_para_start or bool(_SENTENCE_END_BEFORE_RE.search(body, pstart, span.open_pos))
        # ---- continuing the previous speaker
        if not resolved and prev_accepted is not None and is_full:
            pspan, psp, porg, _pattr = prev_accepted
            gap_text = body[pspan.end + 1:span.open_pos]
            same_para = pspan.last_para == pi and len(gap_text) <= 160
            next_para = pspan.last_para == pi - 1 and at_para_start and (psp or porg)
            # Paragraphs run together: a quote opening a sentence, with nobody else named since the
            # last quote, goes on in that speaker's voice.
            run_on = (
                pspan.last_para == pi and sentence_initial and (psp or porg) and len(gap_text) <= 1200
                and not resolver.other_named(pspan.end + 1, span.open_pos, psp, porg)
            )
            if same_para or next_para or run_on:
                speaker, org, resolved = psp, porg, True
                attribution = _pattr
        # ---- the next sentence names the speaker ("..." Smith says.)
        if not resolved and is_full:
            nxt_text = body[after_from:lend].lstrip(" ”\"’»")
            next_para_only = False
            if not nxt_text.strip() and lpi + 1 < len(paragraphs):
                nxt_text = paragraphs[lpi + 1]
                next_para_only = True
            if re.match(r"^[,.]?\s*", nxt_text):
                nxt_text = re.sub(r"^[,.]\s*", "", nxt_text)
            sent = _first_clause(nxt_text[:200])
            vms_next = lx.speech_verbs(sent)
            vm = vms_next[0] if vms_next else None
            ends_sentence = bool(re.search(r"[.!?…]$", text)) or bool(re.match(r"^[”\"’»]?\s*[.!?]", body[after_from:after_from + 3])) or not body[after_from:lend].strip(" ”\"’»")
            if next_para_only and len(_WORDS_RE.findall(sent)) > 6:
                vm = None
            if vm and ends_sentence and 0 < len(_WORDS_RE.findall(sent[: vm.start()])) <= 5 and not sent.lstrip().startswith(("“", "\"", "«")):
                sp, og, ok = resolver.resolve(sent[: vm.start()], span.open_pos)
                if ok and (sp or og):
                    speaker, org, resolved = sp, og, True
                    attribution = sent.strip(" ,.;:")
        # ---- a quote opening a sentence, after a sentence that reports speech ("..., he says." / "Smith agreed.")
        if not resolved and is_full and sentence_initial and not at_para_start:
            before_lo = _sentence_start(body, head_lo, max(head_lo, span.open_pos - 2))
            prev_sentence = body[before_lo:span.open_pos]
            if not any(c in prev_sentence for c in "“”\"«»"):
                vms_prev = lx.speech_verbs(prev_sentence)
                if vms_prev:
                    vm = vms_prev[-1]
                    pre = prev_sentence[: vm.start()]
                    # The sentence's subject: the first person it names ("Gary Dunn, development
                    # director at Codemasters, said ..."), else the words right before the verb.
                    named = resolver.person_index.find(pre)
                    if named:
                        speaker, org, resolved = resolver.ents.surface_to_person[named[0][2]], None, True
                        attribution = prev_sentence.strip(" ,.;:")
                    else:
                        subj = re.split(r"[,;:(]\s+", pre)[-1]
                        if 0 < len(_WORDS_RE.findall(subj)) <= 8:
                            sp, og, ok = resolver.resolve(subj, span.open_pos)
                            if ok and (sp or og):
                                speaker, org, resolved = sp, og, True
                                attribution = prev_sentence.strip(" ,.;:")
        if not resolved and is_full:
            if not sentence_initial and not head.rstrip().endswith(":"):
                continue
            if nwords <= 4:
                continue
        if is_full and nwords <= 2 and not resolved:
            continue
        if speaker and not org:
            org = person_org.get(speaker)
        if speaker is None and org is None:
            warnings.append(f"quote without speaker at {pos}: {text[:40]!r}")
        q = QuoteMention(text=text, speaker=speaker, organisation=org, attribution=attribution, position=pos)
        out.append(q)
        prev_accepted = (span, speaker, org, attribution)
    return out, warnings
