"""What ``compare`` returns: every item's fate, the word changes within a pair, the
indicator table and the counts a reviewer reads first."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from planwriter.indicators import Change, IndicatorRow
from planwriter.model import Item, Plan


class Status(StrEnum):
    """What the child did with an item, judged from the text, not from its disposition."""

    KEPT = "kept"  # same text
    ADAPTED = "adapted"  # aligned, text changed
    DROPPED = "dropped"  # parent item with no counterpart (or marked dropped)
    ADDED = "added"  # child item with no counterpart


class Relation(StrEnum):
    """How many items on each side an alignment joins."""

    ONE = "one"  # one parent item ↔ one child item
    SPLIT = "split"  # one parent item → several child items
    MERGE = "merge"  # several parent items → one child item


class Basis(StrEnum):
    """Why two items were aligned (the evidence; its score is ``ItemChange.score``)."""

    ORIGIN = "origin"  # the child item names the parent item as its origin
    TEXT = "text"  # same text once case and diacritics are folded
    WORDS = "words"  # enough shared content words (evidence.FLOOR), found by index
    PLACE = "place"  # the same, found at the same place next to an aligned item
    GARBLED = "garbled"  # at the same place, the folded text alike character by character
    NONE = "none"  # not aligned (added or dropped)
    # The names of schema 1, kept for callers written against it.
    EXACT = "text"
    SIMILAR = "words"


class ChangeKind(StrEnum):
    """What changed in an aligned pair; a pair may have several kinds."""

    LOCALIZED = "localized"  # only the child profile's vocabulary ("tỉnh" → "huyện")
    WORDING = "wording"  # words changed, the content words and figures the same
    FIGURE = "figure"  # a number, percentage, year or target changed
    ASSIGNMENT = "assignment"  # a task's lead, partners, deadline or output
    SUBSTANCE = "substance"  # content added or taken out


# The kinds a reviewer can leave out (``--substantive-only``): they change no commitment.
MINOR = frozenset({ChangeKind.LOCALIZED, ChangeKind.WORDING})


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a task that differs: ``lead``, ``partners``, ``deadline``, ``output``."""

    name: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class WordOp:
    """One step of a word diff: ``equal`` (old == new), ``insert``, ``delete`` or ``replace``."""

    op: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Maybe:
    """The item on the other side a dropped or an added item may be, rewritten beyond what
    the alignment accepts as evidence: not claimed, shown for a reviewer to look at."""

    id: str
    label: str  # its place as a reader cites it ("II.1, ý 3")
    score: float  # the content score, below the floor of a pair

    @property
    def place(self) -> str:
        return self.label or self.id

    @property
    def points(self) -> str:
        """ "điểm 0,34", as a Vietnamese reader writes the score."""
        return "điểm " + f"{self.score:.2f}".replace(".", ",")

    def cited(self) -> str:
        """ "II.1, ý 3 (điểm 0,34)": its place (its id if it has none) and the score."""
        return f"{self.place} ({self.points})"


@dataclass(slots=True)
class ItemChange:
    """One line of the comparison: a parent item, a child item, or an aligned pair."""

    status: Status
    parent: Item | None
    child: Item | None
    parent_label: str = ""
    child_label: str = ""
    parent_under: str | None = None  # id of the enclosing item in its plan (None: top level)
    child_under: str | None = None
    parent_pos: int | None = None  # place in the plan's reading order
    child_pos: int | None = None
    moved: bool = False
    relation: Relation = Relation.ONE
    basis: Basis = Basis.NONE
    similarity: float = 0.0
    group: list[str] = field(default_factory=list)  # the other side's ids in a split/merge
    words: list[WordOp] = field(default_factory=list)
    reason: str = ""  # why a dropped item was dropped, as the child plan says
    localized: bool = False  # adapted only by the profile's vocabulary ("tỉnh" → "huyện")
    score: float = 0.0  # the evidence's content score (1.0 for the same text)
    kinds: list[ChangeKind] = field(default_factory=list)  # what changed (adapted only)
    fields: list[FieldChange] = field(default_factory=list)  # a task's changed fields
    maybe: Maybe | None = None  # a dropped or added item's possible counterpart (xem lại)

    @property
    def changed(self) -> bool:
        return self.status is not Status.KEPT or self.moved or self.relation is not Relation.ONE

    @property
    def minor(self) -> bool:
        """Adapted only in wording or by localisation, in place: no commitment changed."""
        return (
            self.status is Status.ADAPTED
            and bool(self.kinds)
            and set(self.kinds) <= MINOR
            and not self.moved
            and self.relation is Relation.ONE
        )


@dataclass
class Summary:
    """The counts a reviewer reads first."""

    kept: int = 0
    adapted: int = 0
    localized: int = 0  # of the adapted, those changed only by the profile's vocabulary
    dropped: int = 0
    added: int = 0
    moved: int = 0
    split: int = 0
    merged: int = 0
    targets_raised: int = 0
    targets_kept: int = 0
    targets_lowered: int = 0
    targets_dropped: int = 0
    targets_added: int = 0
    # Adapted items by what changed (an item with two kinds counts in both).
    wording: int = 0
    figure: int = 0
    assignment: int = 0
    substance: int = 0
    maybe: int = 0  # dropped items that may be an added one rewritten (each counted once)


def maybe_text(change: ItemChange) -> str:
    """ " Có thể là mục II.1, ý 3 của văn bản cấp trên, viết lại (điểm 0,35): xem lại." —
    for a dropped or an added item whose possible counterpart the alignment did not claim."""
    if change.maybe is None:
        return ""
    other = "kế hoạch" if change.status is Status.DROPPED else "văn bản cấp trên"
    maybe = change.maybe
    return f" Có thể là mục {maybe.place} của {other}, viết lại ({maybe.points}): xem lại."


RECONSTRUCTION = "TÁI DỰNG"  # how a reconstructed document's ``source`` begins
IMPORTED = "Nhập từ "  # how an imported document's ``source`` begins (planwriter import)


def provenance(plan: Plan) -> str:
    """ "reconstruction" for a document rebuilt from others (the bundled 63-CTr/TU), "import"
    for one read from a Word or text file, "" for a plan written with planwriter."""
    source = plan.meta.source.strip()
    if source.upper().startswith(RECONSTRUCTION) or source.startswith("BẢN " + RECONSTRUCTION):
        return "reconstruction"
    if source.startswith(IMPORTED):
        return "import"
    return ""


def provenance_note(plan: Plan) -> str:
    """The line a reviewer must read first when the parent is not the issued document."""
    kind = provenance(plan)
    if kind == "reconstruction":
        return (
            "Lưu ý: văn bản cấp trên là bản TÁI DỰNG, không phải văn bản chính thức; "
            "so sánh với nó có thể giống hơn thực tế."
        )
    if kind == "import":
        name = plan.meta.source.strip().removeprefix(IMPORTED)
        return (
            f"Lưu ý: văn bản cấp trên được nhập tự động từ tệp {name}, "
            "có thể sai khác với bản gốc ở chỗ nhập chưa đúng."
        )
    return ""


@dataclass
class PlanDiff:
    """The comparison of a child plan with its parent, in reading order."""

    child: Plan
    parent: Plan
    changes: list[ItemChange]
    indicators: list[IndicatorRow]
    summary: Summary


def summarize(changes: list[ItemChange], rows: list[IndicatorRow]) -> Summary:
    """Count items by status (a split counts its parent item once) and targets by change."""
    out = Summary()
    seen: set[tuple[str, str]] = set()
    for change in changes:
        # A split or a merge is several links but one thing the child did: count it once.
        if change.relation is Relation.SPLIT and change.parent is not None:
            if ("split", change.parent.id) in seen:
                continue
            seen.add(("split", change.parent.id))
            out.split += 1
        if change.relation is Relation.MERGE and change.child is not None:
            if ("merge", change.child.id) in seen:
                continue
            seen.add(("merge", change.child.id))
            out.merged += 1
        if change.moved:
            out.moved += 1
        if change.status is Status.KEPT:
            out.kept += 1
        elif change.status is Status.ADAPTED:
            out.adapted += 1
            for kind in change.kinds:
                setattr(out, kind.value, getattr(out, kind.value) + 1)
        elif change.status is Status.DROPPED:
            out.dropped += 1
            out.maybe += change.maybe is not None
        else:
            out.added += 1
    for row in rows:
        if row.change is Change.RAISED:
            out.targets_raised += 1
        elif row.change is Change.KEPT:
            out.targets_kept += 1
        elif row.change is Change.LOWERED:
            out.targets_lowered += 1
        elif row.change is Change.DROPPED:
            out.targets_dropped += 1
        else:
            out.targets_added += 1
    return out
