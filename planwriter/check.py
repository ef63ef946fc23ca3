"""The drafter's and reviewer's checklist: what a local plan still lacks against its parent.

``check_plan`` returns findings, each naming the item by its number label and id:

- ``missing`` (error): a parent item the plan does not account for (neither adopted,
  adapted nor dropped);
- ``drop-no-reason`` (error): an item dropped without saying why;
- ``weaker-target`` (error): a target lower (or less binding) than the parent's;
- ``target-dropped`` (warning): a parent's target missing from an item the plan keeps;
- ``task-no-lead`` / ``task-no-deadline`` (warning): a task nobody leads or with no deadline;
- ``unlocalized`` (warning): a word the profile's vocabulary localizes ("tỉnh"), inherited
  unchanged from the parent's text at that place (the plan's own "trong tỉnh" is fine);
- ``no-number`` / ``no-date`` (warning; error before export): the document's number or date.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planwriter.indicators import Change, indicator_rows
from planwriter.model import Item, Kind, Plan
from planwriter.numbering import labels

if TYPE_CHECKING:
    from planwriter.drafting.localize import Localizer


@dataclass(frozen=True)
class Finding:
    """One line of the checklist."""

    item_id: str | None
    label: str
    severity: str  # "error" | "warning"
    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def check_plan(plan: Plan, parent: Plan | None, *, localizer: Localizer | None = None,
               for_export: bool = False) -> list[Finding]:
    """Every finding for ``plan`` against ``parent`` (None: a plan with no parent), in
    document order within each check. ``localizer`` (the plan's profile's vocabulary) drives
    the unlocalized-leftover check; by default it comes from the profile the plan names (or
    the library profile with the plan's issuing body), and the check is skipped when there is
    none. ``for_export`` makes a missing number or date an error."""
    if localizer is None and parent is not None:
        localizer = _profile_localizer(plan, parent)
    names = place_labels(plan)
    out: list[Finding] = []
    if parent is not None:
        out += _missing(plan, parent)
    out += _drops(plan, names)
    if parent is not None:
        out += _targets(plan, parent, names)
    out += _tasks(plan, names)
    if parent is not None and localizer is not None:
        out += _leftovers(plan, parent, localizer, names)
    out += _publication(plan, for_export)
    return out


def _profile_localizer(plan: Plan, parent: Plan) -> Localizer | None:
    from planwriter.drafting import localizer_for, profile_for
    from planwriter.errors import PlanwriterError

    try:
        profile = profile_for(plan)
    except PlanwriterError:
        return None
    return localizer_for(profile, parent.meta) if profile is not None else None


def place_labels(plan: Plan) -> dict[str, str]:
    """Each item's label as a reader finds it: a section's own ("II.1."), otherwise the
    enclosing section's and its place there ("II.1. ý 3"); dropped items count in place."""
    own = labels(plan)
    out: dict[str, str] = {}

    def visit(items: list[Item], section: str, section_own: str = "") -> None:
        n = 0
        for item in items:
            if item.kind is Kind.SECTION and item.id in own:
                label = own[item.id]
                # "1." under "II." reads "II.1."; a decimal "2.1." already carries its "2.".
                if section_own and label.startswith(section_own) and section_own[0].isdigit():
                    label = label[len(section_own):]
                out[item.id] = section + label
                visit(item.children, out[item.id], own[item.id])
                continue
            n += 1
            out[item.id] = f"{section} ý {n}".strip()
            visit(item.children, out[item.id], section_own)

    visit(plan.items, "")
    return out


def _name(item: Item, names: dict[str, str]) -> str:
    """How a message names an item: "mục II.1. ý 3 (id)"."""
    label = names.get(item.id, "")
    return f"mục {label} ({item.id})" if label else f"mục ({item.id})"


def _finding(item: Item, names: dict[str, str], severity: str, code: str, message: str) -> Finding:
    return Finding(item.id, names.get(item.id, ""), severity, code, message)


def _hidden(plan: Plan) -> set[str]:
    """Ids of items that are dropped or sit under a dropped item."""
    out: set[str] = set()
    for item, parent, _ in plan.walk():
        if item.dropped or (parent is not None and parent.id in out):
            out.add(item.id)
    return out


def _missing(plan: Plan, parent: Plan) -> list[Finding]:
    covered: dict[str, Item] = {}
    for item, _, _ in plan.walk():
        for origin in item.origin:
            covered.setdefault(origin, item)
    parent_names = place_labels(parent)
    source = parent.meta.symbol()
    out = []
    dropped_above: set[str] = set()
    for item, above, _ in parent.walk():
        child = covered.get(item.id)
        if above is not None and above.id in dropped_above:
            dropped_above.add(item.id)  # dropping a section accounts for what it holds
            continue
        if child is not None:
            if child.dropped:
                dropped_above.add(item.id)
            continue
        out.append(Finding(item.id, parent_names.get(item.id, ""), "error", "missing",
                           f"{_name(item, parent_names)} của {source} chưa có trong kế hoạch: "
                           "hãy giữ, điều chỉnh hoặc bỏ kèm lý do"))
    return out


def _drops(plan: Plan, names: dict[str, str]) -> list[Finding]:
    return [_finding(item, names, "error", "drop-no-reason",
                     f"{_name(item, names)} bị bỏ nhưng không nêu lý do")
            for item, _, _ in plan.walk() if item.dropped and not item.reason.strip()]


def _targets(plan: Plan, parent: Plan, names: dict[str, str]) -> list[Finding]:
    hidden = _hidden(plan)
    by_origin: dict[str, Item] = {}
    for item, _, _ in plan.walk():
        for origin in item.origin:
            by_origin.setdefault(origin, item)
    out = []
    for row in indicator_rows(plan, parent):
        if row.parent is None:
            continue
        if row.change is Change.LOWERED and row.child_item is not None and row.child is not None:
            out.append(_finding(
                row.child_item, names, "error", "weaker-target",
                f"{_name(row.child_item, names)}: chỉ tiêu \"{row.child.name}\" "
                f"{row.child.comparator} {row.child.figure()} thấp hơn cấp trên "
                f"({row.parent.comparator} {row.parent.figure()})"))
        elif row.change is Change.DROPPED and row.parent_item is not None:
            kept = row.child_item or by_origin.get(row.parent_item.id)
            if kept is not None and kept.id not in hidden:
                out.append(_finding(
                    kept, names, "warning", "target-dropped",
                    f"{_name(kept, names)} được giữ nhưng thiếu chỉ tiêu \"{row.parent.name}\" "
                    f"({row.parent.comparator} {row.parent.figure()}) của cấp trên"))
    return out


def _tasks(plan: Plan, names: dict[str, str]) -> list[Finding]:
    hidden = _hidden(plan)
    out = []
    for item, _, _ in plan.walk():
        if item.kind is not Kind.TASK or item.id in hidden:
            continue
        if not item.lead.strip():
            out.append(_finding(item, names, "warning", "task-no-lead",
                                f"{_name(item, names)}: nhiệm vụ chưa có cơ quan chủ trì"))
        if not item.deadline.strip():
            out.append(_finding(item, names, "warning", "task-no-deadline",
                                f"{_name(item, names)}: nhiệm vụ chưa có thời gian hoàn thành"))
    return out


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _leftovers(plan: Plan, parent: Plan, localizer: Localizer,
               names: dict[str, str]) -> list[Finding]:
    hidden = _hidden(plan)
    sources = parent.index()
    out = []
    for item, _, _ in plan.walk():
        if item.id in hidden or len(item.origin) != 1 or item.origin[0] not in sources:
            continue
        source = sources[item.origin[0]]
        seen: list[str] = []
        for mine, theirs in ((item.title, source.title), (item.text, source.text)):
            seen += [w for w in inherited(mine, theirs, localizer) if w not in seen]
        if seen:
            words = ", ".join(f"\"{w}\"" for w in seen)
            out.append(_finding(item, names, "warning", "unlocalized",
                                f"{_name(item, names)} còn {words} giữ nguyên từ văn bản cấp trên: "
                                "chưa địa phương hóa"))
    return out


def inherited(text: str, parent_text: str, localizer: Localizer) -> list[str]:
    """Words of ``text`` the localizer would change that stand exactly where the parent's
    text has them (same surrounding words): leftovers the drafter did not localize."""
    if not text or not parent_text:
        return []
    spans = [(m.start, m.end, m.found) for m in localizer.matches(parent_text)]
    if not spans:
        return []
    theirs = [(m.start(), m.end()) for m in _TOKEN.finditer(parent_text)]
    mine = [parent_text[a:b] for a, b in theirs]
    ours = [m.group(0) for m in _TOKEN.finditer(text)]
    matcher = difflib.SequenceMatcher(None, mine, ours, autojunk=False)
    blocks = [(b.a, b.a + b.size) for b in matcher.get_matching_blocks() if b.size]
    found = []
    for start, end, word in spans:
        first = next(i for i, (a, b) in enumerate(theirs) if b > start)
        last = max(i for i, (a, b) in enumerate(theirs) if a < end) + 1
        # Kept word for word together with a neighbouring word: a lone "tỉnh" that the
        # matcher pairs with the plan's own "trong tỉnh" elsewhere is not inherited.
        if any(a <= first and last <= b and (a < first or last < b or (a, b) == (0, len(theirs)))
               for a, b in blocks):
            found.append(word)
    return found


def _publication(plan: Plan, for_export: bool) -> list[Finding]:
    severity = "error" if for_export else "warning"
    out = []
    if not plan.meta.number.strip():
        out.append(Finding(None, "", severity, "no-number",
                           "văn bản chưa có số: điền số trước khi xuất bản"))
    if plan.meta.date is None:
        out.append(Finding(None, "", severity, "no-date",
                           "văn bản chưa có ngày ban hành: điền ngày trước khi xuất bản"))
    return out
