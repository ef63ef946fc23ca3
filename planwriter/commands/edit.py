"""``planwriter edit PLAN OPERATION …``: one editing operation on a plan file, saved
atomically with its comments kept, and what changed printed.

The operations are those of ``planwriter.operations`` (the TUI uses the same ones):
adapt, target, task, drop, restore, add, move, delete, number (the document's number
and date), and info (number, date, place, summary, signer, recipients: planwriter.docinfo).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from planwriter.errors import PlanwriterError
from planwriter.model import Item, Kind, Plan
from planwriter.operations import (
    AdaptText,
    Add,
    Delete,
    Drop,
    Editor,
    Move,
    Operation,
    Restore,
    SetIndicator,
    SetMeta,
    SetTaskFields,
)


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("plan", help="a plan file (.toml)")
    ops = parser.add_subparsers(dest="operation", metavar="OPERATION", required=True)
    p = ops.add_parser("adapt", help="change an item's text (and title)")
    p.add_argument("id")
    p.add_argument("text")
    p.add_argument("--title")
    p = ops.add_parser("target", help="set a target: INDICATOR VALUE")
    p.add_argument("indicator")
    p.add_argument("value", type=_number)
    p.add_argument("--comparator")
    p.add_argument("--unit")
    p.add_argument("--year", type=int)
    p = ops.add_parser("task", help="set a task's lead agency, partners, deadline, output")
    p.add_argument("id")
    p.add_argument("--lead")
    p.add_argument("--partner", action="append", dest="partners")
    p.add_argument("--deadline")
    p.add_argument("--output")
    p = ops.add_parser("drop", help="drop an item of the parent, saying why")
    p.add_argument("id")
    p.add_argument("reason")
    p = ops.add_parser("restore", help="put an item back as the parent has it, localized")
    p.add_argument("id")
    p = ops.add_parser("add", help="add an item of the unit's own")
    p.add_argument("id")
    p.add_argument("--kind", default="bullet", choices=[k.value for k in Kind])
    p.add_argument("--title", default="")
    p.add_argument("--text", default="")
    p.add_argument("--under", help="the enclosing item (default: top level)")
    p.add_argument("--index", type=int, help="position among its siblings, from 0 (default: last)")
    p = ops.add_parser("move", help="move an item (with its sub-items)")
    p.add_argument("id")
    p.add_argument("--under", help="the new enclosing item (default: top level)")
    p.add_argument("--index", type=int, help="position among its siblings, from 0 (default: last)")
    p = ops.add_parser("delete", help="delete an item the unit added")
    p.add_argument("id")
    p = ops.add_parser("number", help="set the document's number (and date)")
    p.add_argument("number")
    p.add_argument("--date", help="YYYY-MM-DD")
    p = ops.add_parser("info", help="set the document's number, date, place, summary, signer "
                       "and recipients (Thông tin văn bản)")
    p.add_argument("--number")
    p.add_argument("--date", help="DD/MM/YYYY or YYYY-MM-DD; an empty value clears it")
    p.add_argument("--place", help="the place before the date (Tam Đường, ngày …)")
    p.add_argument("--summary", action="append", dest="summary",
                   help="the trích yếu; repeat for each line the drafter breaks it into")
    p.add_argument("--on-behalf", help="T/M BAN THƯỜNG VỤ, TM. ỦY BAN NHÂN DÂN …")
    p.add_argument("--acting", help="KT. CHỦ TỊCH … (a deputy signing)")
    p.add_argument("--title", help="the signer's title: PHÓ BÍ THƯ, CHỦ TỊCH …")
    p.add_argument("--signer", help="the signer's name")
    p.add_argument("--recipient", action="append", dest="recipients",
                   help="a Nơi nhận line; repeat in order (replaces the list)")
    p.add_argument("--no-recipients", action="store_true", help="empty the Nơi nhận list")


def _number(text: str) -> float | int:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    return int(value) if value.is_integer() else value


def run(args: argparse.Namespace) -> int:
    from planwriter.filelock import locked
    from planwriter.fsutil import guard_output
    from planwriter.planfile import load

    path = Path(args.plan)
    # One writer at a time: read, change and write under the file's lock (through a symlink,
    # the target's), so a concurrent edit waits for this one instead of being lost.
    with locked(path):
        plan_file = load(path)
        guard_output(path, [], [path.suffix])  # written in place: only a regular file
        editor = Editor(plan_file.plan)
        operation = _operation(args, plan_file.plan, path)
        watched = _watched(args, plan_file.plan)
        where = args.operation == "move"
        before = _describe(plan_file.plan, watched, where)
        try:
            editor.apply(operation)
        except PlanwriterError as exc:
            raise PlanwriterError(exc.message, path) from None
        plan_file.save()
    after = _describe(plan_file.plan, watched, where)
    print(f"{path}: {operation.description}")
    if before != after:
        if before:
            print(f"- {before}")
        if after:
            print(f"+ {after}")
    return 0


def _operation(args: argparse.Namespace, plan: Plan, path: Path) -> Operation:
    op = args.operation
    if op == "adapt":
        return AdaptText(args.id, args.text, args.title)
    if op == "target":
        owner = next((item for item, ind in plan.indicators() if ind.id == args.indicator), None)
        if owner is None:
            raise PlanwriterError(f"no indicator with id '{args.indicator}'", path)
        return SetIndicator(owner.id, args.indicator, args.value, args.comparator, args.unit,
                            args.year)
    if op == "task":
        return SetTaskFields(args.id, args.lead, args.partners, args.deadline, args.output)
    if op == "drop":
        return Drop(args.id, args.reason)
    if op == "restore":
        return Restore(args.id, _parent_source(plan, path, args.id))
    if op == "add":
        item = Item(id=args.id, kind=Kind(args.kind), title=args.title, text=args.text)
        return Add(item, args.under, args.index, in_child_plan=plan.meta.parent is not None)
    if op == "move":
        return Move(args.id, args.under, args.index)
    if op == "delete":
        return Delete(args.id)
    if op == "info":
        return _info(args, path)
    from planwriter.commands.new import parse_date

    return SetMeta(number=args.number, date=parse_date(args.date))


def _info(args: argparse.Namespace, path: Path) -> Operation:
    from planwriter.docinfo import SetDocInfo, parse_date

    date, clear = None, False
    if args.date is not None:
        clear = not args.date.strip()
        date = None if clear else parse_date(args.date)
        if date is None and not clear:
            raise PlanwriterError(f"--date '{args.date}' is not a date (23/04/2025 or "
                                  "2025-04-23)", path)
    recipients = [] if args.no_recipients else args.recipients
    operation = SetDocInfo(number=args.number, date=date, clear_date=clear, place=args.place,
                           summary="\n".join(args.summary) if args.summary else None,
                           on_behalf=args.on_behalf, acting=args.acting, title=args.title,
                           signer=args.signer, recipients=recipients)
    if not operation.wanted():
        raise PlanwriterError("edit info: give at least one of --number, --date, --place, "
                              "--summary, --on-behalf, --acting, --title, --signer, --recipient",
                              path)
    return operation


def _parent_source(plan: Plan, path: Path, item_id: str) -> Item:
    """The parent's item that ``item_id`` comes from, localized with the plan's profile."""
    from planwriter.drafting import localize_item, localizer_for, profile_for
    from planwriter.library import resolve_parent
    from planwriter.planfile import load

    item = plan.find(item_id)
    if item is None:
        raise PlanwriterError(f"no item with id '{item_id}'", path)
    if not item.origin or plan.meta.parent is None:
        raise PlanwriterError(f"item '{item_id}' has no origin in a parent plan to restore from",
                              path)
    parent_path = resolve_parent(plan.meta.parent.ref, path)
    if parent_path is None:
        raise PlanwriterError(f"parent plan '{plan.meta.parent.ref}' not found", path)
    parent = load(parent_path, check_origins=False).plan
    source = parent.find(item.origin[0])
    if source is None:
        raise PlanwriterError(f"'{item.origin[0]}' is not an item of {plan.meta.parent.number}",
                              path)
    profile = profile_for(plan, path)
    if profile is None:
        raise PlanwriterError("the plan names no profile to localize the parent's text with "
                              "(add profile = \"…\" to [plan])", path)
    return localize_item(source, localizer_for(profile, parent.meta))


def _watched(args: argparse.Namespace, plan: Plan) -> str | None:
    if args.operation == "target":
        owner = next((item for item, ind in plan.indicators() if ind.id == args.indicator), None)
        return owner.id if owner else None
    if args.operation in ("number", "info"):
        return None
    return str(args.id)


def _describe_info(plan: Plan) -> str:
    """The header's number line and the closing block, as the document shows them."""
    m = plan.meta
    lines = [f"{m.number_line()} — {m.place_date()}"]
    if m.summary:
        lines.append("Trích yếu: " + " / ".join(m.summary.split("\n")))
    signature = " / ".join([*m.signature.lines(), m.signature.name or "(chưa có người ký)"])
    lines.append(f"Ký: {signature}")
    if m.recipients:
        lines.append("Nơi nhận: " + "; ".join(m.recipients))
    return "\n  ".join(lines)


def _describe(plan: Plan, item_id: str | None, where: bool = False) -> str:
    """An item as the document shows it (label and text, then its targets), or the header's
    number line for a plan-level change."""
    from planwriter.numbering import labels
    from planwriter.render import item_line

    if item_id is None:
        return _describe_info(plan)
    item = plan.find(item_id)
    if item is None:
        return ""
    label = labels(plan).get(item.id, "×")
    line = item_line(item, label)
    if item.dropped:
        line = f"[bỏ: {item.reason}] {line}"
    targets = "; ".join(f"{i.name}: {i.comparator} {i.figure()}" for i in item.indicators)
    if targets:
        line = f"{line} [{targets}]"
    if where:
        above = plan.parent_of(item.id)
        siblings = plan.siblings_of(item.id)
        place = f"trong {above.id}" if above else "ở cấp cao nhất"
        line = f"{line} ({place}, vị trí {siblings.index(item) + 1}/{len(siblings)})"
    return line
