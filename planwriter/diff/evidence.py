"""The evidence that two items are one: how much content they share.

An item's *content words* are its folded syllables minus the function words every sentence
has ("và", "của", "các", "được"…), and the pairs of adjacent syllables (a Vietnamese word is
often two syllables: "bầu cử", "giám sát") that hold at least one content syllable. Each is
weighted by how rare it is in the two plans together (inverse document frequency), so two
items sharing "hiệp thương" and "Ủy ban bầu cử" say more than two sharing "công tác" and
"nhân dân". The score of a pair is the weighted Dice coefficient of their content words, 0..1;
a part of a split or merge is scored by the weighted share of its content found in the whole.

The floor (``FLOOR``) was set on the real parent → child pairs of ../shared: see
docs/diff-json.md ("Evidence") and ``tests/test_diff_real.py``, which prints the scores of the
hand-checked true and false pairs."""

from __future__ import annotations

import math
import re
from difflib import SequenceMatcher

from planwriter.text import fold, fold_chars

# Below this, two items share too little to be called one: the parent item is dropped and
# the child item added. On 108 hand-checked candidate pairs of the real documents, 67% of
# the true pairs and 9% of the false ones score at least 0.40; the alignment then makes 34
# true pairs and 1 false one (at 0.30: 42 and 4; at 0.50: 23 and 0). docs/diff-json.md.
FLOOR = 0.4
# A heading (in capitals, or a short section) against a sentence needs more than the floor.
FLOOR_KIND = 0.75
# Two items at the same place whose folded text is this much the same, character by
# character, are one item garbled (OCR); the floor of content words does not apply. Between
# two aligned neighbours on both sides ``GARBLED`` is enough, next to one ``GARBLED_ALONE``
# (two different sentences naming the same body are 0.73 alike by characters).
GARBLED = 0.7
GARBLED_ALONE = 0.85
# A parent item and a child item both left over that share at least this much (and are each
# the other's best) may be one item rewritten past the floor: never claimed, shown to the
# reviewer as "xem lại" with the score. On the hand-checked pairs (tests/test_diff_real.py):
# of the judged pairs it names, 7 are one item and 3 are not (at 0.25: 8 and 7).
HINT = 0.3
# A part of a split (or merge) must hold this weighted share of its content in the whole.
CONTAINED = 0.7

COMMON = 0.3  # share of one plan's items above which a word is that plan's subject
COMMON_MIN = 4  # … but a word in no more than this many items is never common

# Function syllables (folded): they join content and say nothing of which item it is.
STOP = frozenset(
    """va cua cac nhung trong co duoc cho voi la de theo tai ve den tu mot nay do tren
    khi thi ma nhu neu hoac cung da dang se bi vao ra lai con nhieu moi tung nhat hon
    viec su nham qua sau truoc giua ngay so""".split()
)


_WORD = re.compile(r"\d+[-/][^\W\d_]\w*(?:[-/]\w+)+|\d+(?:[./]\d+)+|\d+(?:,\d+)?%?|\w+")
_SENTENCE_BREAK = re.compile(r"[.:;!?(\-–*“\"]")


_ACT = re.compile(r"\d+(?:/\d+)?[-/][^\W\d_][\w-]*(?:/[\w-]+)*")
_CITATION = re.compile(r"^\W*(?:căn cứ|theo đề nghị|thực hiện\b(?=.{0,60}\bsố\s*\d))", re.I)


def is_caps_heading(text: str) -> bool:
    """A heading written in capitals ("MỤC ĐÍCH, YÊU CẦU")."""
    return text.isupper()  # every cased character upper case, and at least one


KEPT_BAGS = 50_000  # texts whose content words are kept per process (then all forgotten)
_bags: dict[str, frozenset[str]] = {}


def content_words(text: str) -> frozenset[str]:
    """What shows two items are one: ``citation_words`` for a line citing acts ("Căn cứ
    …", "Thực hiện Kế hoạch số …"), ``sentence_words`` for any other text. Kept by text:
    a review's children carry the same sentences, and reading them is a fifth of the work."""
    found = _bags.get(text)
    if found is None:
        if len(_bags) >= KEPT_BAGS:
            _bags.clear()
        found = _bags[text] = (
            citation_words(text) if _CITATION.match(text) else sentence_words(text)
        )
    return found


def citation_words(text: str) -> frozenset[str]:
    """A citation is the acts it cites ("act 85/2015/qh13"): two lines citing the same acts
    are one line; two lines citing different acts share only the words of citing."""
    return frozenset("act " + fold(m.group()) for m in _ACT.finditer(text))


def sentence_words(text: str) -> frozenset[str]:
    """The content syllables of ``text`` and its adjacent pairs holding one (folded).

    Names are not content: a capitalized word inside a sentence ("Ban Thường trực Ủy ban
    MTTQ Việt Nam xã", "Bộ Chính trị"), a cited act ("57-NQ/TW") and a date say who or what
    is named, not what is to be done, and two different items about one body share them. A
    heading in capitals is read in lower case first."""
    if is_caps_heading(text):
        text = text.lower()
    folded = fold_chars(text)  # one character for one: a token's folded form is its slice
    syllables: list[str] = []
    start = True
    last = 0
    for match in _WORD.finditer(text):
        begin, end = match.span()
        if begin > last and _SENTENCE_BREAK.search(text, last, begin):
            start = True
        last = end
        first = text[begin]
        named = not start and first.isupper()
        start = False
        if named:
            syllables.append("")  # a name breaks the run: no pair across it
        elif first.isdigit() and (
            "/" in match.group() or "." in match.group() or not text[end - 1].isdigit()
            and text[end - 1] != "%"
        ):
            syllables.append("")  # a date, a cited act or a symbol
        else:
            syllables.append(folded[begin:end])
    out = {s for s in syllables if s and s not in STOP and len(s) > 1}
    for a, b in zip(syllables, syllables[1:], strict=False):
        if a and b and (a not in STOP or b not in STOP):
            out.add(f"{a} {b}")
    return frozenset(out)


class Weights:
    """Inverse document frequency of content words over the items of both plans. A word in
    more than ``COMMON`` of one plan's items is that plan's subject ("khoa học, công nghệ"
    in 57-NQ/TW, "bầu cử" in a plan for the elections), not evidence: it weighs nothing; so
    do the words of the plans' own summaries (``subject``), which closing sentences and
    citations repeat."""

    def __init__(self, *sides: list[frozenset[str]], subject: frozenset[str] = frozenset()):
        df: dict[str, int] = {}
        common: set[str] = set(subject)
        count = 0
        for bags in sides:
            own: dict[str, int] = {}
            for bag in bags:
                for word in bag:
                    own[word] = own.get(word, 0) + 1
            limit = max(COMMON_MIN, COMMON * len(bags))
            common.update(word for word, n in own.items() if n > limit)
            for word, n in own.items():
                df[word] = df.get(word, 0) + n
            count += len(bags)
        self.df = df
        top = math.log(max(count, 1) + 1)
        # Every known word's weight computed once; a word never seen weighs as the rarest.
        self._weight = {word: top - math.log(n) for word, n in df.items()}
        self._weight.update((word, 0.0) for word in common)
        self._top = top
        self._totals: dict[frozenset[str], float] = {}

    def of(self, word: str) -> float:
        return self._weight.get(word, self._top)

    def total(self, bag: frozenset[str]) -> float:
        found = self._totals.get(bag)
        if found is None:
            get, top = self._weight.get, self._top
            found = self._totals[bag] = sum([get(w, top) for w in bag])
        return found

    def sum(self, bag: frozenset[str]) -> float:
        get, top = self._weight.get, self._top
        return sum([get(w, top) for w in bag])

    def dice(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Weighted Dice coefficient of two bags: 1.0 when equal, 0.0 when disjoint."""
        if not a or not b:
            return 0.0  # no content on one side: nothing shows they are one
        whole = self.total(a) + self.total(b)
        return round(2 * self.sum(a & b) / whole, 3) if whole else 0.0

    def contained(self, part: frozenset[str], whole: frozenset[str]) -> float:
        """The weighted share of ``part``'s content found in ``whole``."""
        total = self.total(part)
        return round(self.sum(part & whole) / total, 3) if total else 0.0


def garbled(old: str, new: str, at_least: float = 0.0) -> float:
    """For two items at the same place only: how much of the folded text is the same,
    character by character (0..1), so an OCR'd "TO CHUC THU'C HIEN" or "Y&u ciu" is still
    seen to be its parent's "TỔ CHỨC THỰC HIỆN", "Yêu cầu". Never used to find a pair.
    Below ``at_least`` the answer may be a cheaper upper bound (still below it): two
    different sentences seldom share enough letters to need the full comparison."""
    a, b = fold(old), fold(new)
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for bound in (matcher.real_quick_ratio, matcher.quick_ratio):
        if (upper := round(bound(), 3)) < at_least:
            return upper
    return round(matcher.ratio(), 3)
