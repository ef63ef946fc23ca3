"""``planwriter diff CHILD [PARENT]``: how a local plan differs from its parent."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planwriter.errors import OutputError, PlanwriterError

if TYPE_CHECKING:
    from planwriter.model import Plan


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("child", help="the local plan (.toml, or a .docx/.txt to import)")
    parser.add_argument(
        "parent",
        nargs="?",
        help="the parent plan (.toml, a .docx/.txt to import, or a template key); "
        "default: the child's [plan.parent] ref",
    )
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument(
        "--side-by-side", action="store_true", help="parent and child in two columns"
    )
    layout.add_argument(
        "--json", action="store_true", help="print JSON (schema: docs/diff-json.md)"
    )
    parser.add_argument(
        "--changed-only", action="store_true", help="leave out items kept unchanged"
    )
    parser.add_argument(
        "--substantive-only",
        action="store_true",
        help="also leave out changes of wording or localisation only (terminal and --docx)",
    )
    parser.add_argument(
        "--evidence",
        action="store_true",
        help="say why each pair is one item (basis and score), in the terminal and --docx",
    )
    parser.add_argument(
        "--docx", metavar="FILE", type=Path, help="write a printable comparison report"
    )
    parser.add_argument(
        "--redline",
        metavar="FILE",
        type=Path,
        help="write the child plan as a .docx with tracked changes against the parent",
    )


def _parent_path(child: Path, given: str | None, ref: str) -> Path:
    if given is not None and Path(given).suffix.lower() in (".toml", *IMPORTABLE):
        return Path(given)
    from planwriter import library  # a template key or the child's ref: the library says

    if given is not None:
        return library.template_path(given)
    if not ref:
        raise PlanwriterError(
            "kế hoạch không nêu văn bản cấp trên ([plan.parent] ref): hãy chỉ ra PARENT", child
        )
    found = library.resolve_parent(ref, child)
    if found is None:
        raise PlanwriterError(f"không tìm thấy văn bản cấp trên '{ref}': hãy chỉ ra PARENT", child)
    return found


IMPORTABLE = (".docx", ".txt")


def _read(path: Path, check_origins: bool = True) -> Plan:
    """A plan file, or a Word or text document imported on the fly (nothing is written)."""
    if path.suffix.lower() in IMPORTABLE:
        from planwriter.importer import import_file

        if not path.is_file():
            raise PlanwriterError("không tìm thấy tệp", path)
        return import_file(path).plan
    from planwriter.planfile import load

    return load(path, check_origins=check_origins).plan


def _check_origins(child: Plan, child_path: Path, parent: Plan, parent_path: Path) -> None:
    """The child's origins against the parent it cites, using the parent already read when
    that is the one it cites (a 10,000-item parent costs a third of the run to read again)."""
    from planwriter import library
    from planwriter.planfile import check_origins_against_parent

    ref = child.meta.parent.ref if child.meta.parent else ""
    if not ref or child_path.suffix.lower() in IMPORTABLE:
        return
    cited = library.resolve_parent(ref, child_path)
    same = cited is not None and cited.resolve() == parent_path.resolve()
    check_origins_against_parent(child_path, child, parent=parent if same else None)


def write_bytes(data: bytes) -> None:
    """UTF-8 output straight to standard output's bytes (encoded once, not decoded and
    encoded again), or as text where standard output has no bytes under it."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


def run(args: argparse.Namespace) -> int:
    from planwriter.diff import compare
    from planwriter.diff.model import provenance_note
    from planwriter.fsutil import guard_output

    child_path = Path(args.child)
    child = _read(child_path, check_origins=False)
    ref = child.meta.parent.ref if child.meta.parent else ""
    parent_path = _parent_path(child_path, args.parent, ref)
    # Refuse before any work: never onto the plans compared, nor onto a file of another kind.
    outputs = [p for p in (args.docx, args.redline) if p is not None]
    if len(outputs) == 2 and Path(outputs[0]).resolve() == Path(outputs[1]).resolve():
        raise OutputError("--docx và --redline là cùng một tệp: hãy chọn hai tệp", outputs[0])
    for output in outputs:
        guard_output(output, [child_path, parent_path], [".docx"])
    parent = _read(parent_path)
    _check_origins(child, child_path, parent, parent_path)
    diff = compare(child, parent)
    written = []
    if args.docx:
        from planwriter.diff.report_docx import write_report

        written.append(
            write_report(
                diff, args.docx, substantive_only=args.substantive_only, evidence=args.evidence
            )
        )
    if args.redline:
        from planwriter.diff.docxbase import save
        from planwriter.diff.redline import build

        redline = build(diff)
        written.append(save(redline.document, args.redline))
        if redline.missing:
            print(
                f"Lưu ý: {redline.missing} đoạn của văn bản cấp trên (trong bảng) không có chỗ "
                "trong bản theo dõi thay đổi; “từ chối tất cả” sẽ thiếu các đoạn đó."
            )
    if args.json:
        from planwriter.diff.jsonout import to_bytes

        write_bytes(to_bytes(diff))
        return 0
    if written and not (args.side_by_side or args.changed_only or args.substantive_only):
        warning = provenance_note(parent)
        if warning:
            print(warning)
        for path in written:
            print(f"Đã ghi {path}")
        return 0
    from rich.console import Console

    from planwriter.diff.terminal import render

    render(
        diff,
        Console(),
        side_by_side=args.side_by_side,
        changed_only=args.changed_only,
        substantive_only=args.substantive_only,
        evidence=args.evidence,
    )
    for path in written:
        print(f"Đã ghi {path}")
    return 0
