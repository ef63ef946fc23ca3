"""``planwriter templates`` and ``planwriter profiles``: the library as tables, each entry with
the folder it comes from, and the folders looked in."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table

from planwriter import library
from planwriter.errors import PlanwriterError
from planwriter.planfile import load
from planwriter.profile import load_profile


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.set_defaults(listing=name)


def run(args: argparse.Namespace) -> int:
    console = Console()
    kind = "templates" if args.listing == "templates" else "profiles"
    table = templates_table() if kind == "templates" else profiles_table()
    if table.row_count:
        console.print(table)
    else:
        console.print(f"Thư viện chưa có {'văn bản mẫu' if kind == 'templates' else 'đơn vị'} nào.")
    console.print(where_it_looks(kind), highlight=False, soft_wrap=True)
    return 0


def where_it_looks(kind: str) -> str:
    """The folders searched, in order, each marked when it is missing."""
    lines = ["Tìm theo thứ tự trong:"]
    for root in library.search_path():
        folder = root.path / kind
        state = "" if folder.is_dir() else " (chưa có thư mục này)"
        lines.append(f"  {folder} — {root.label}{state}")
    return "\n".join(lines)


def templates_table() -> Table:
    table = Table(title="Chương trình, kế hoạch mẫu (templates)")
    for column in ("Mã", "Số", "Trích yếu", "Cơ quan ban hành", "Ngày", "Mục", "Nguồn"):
        table.add_column(column, overflow="fold")
    for key, entry in library.entries("templates").items():
        try:
            plan = load(entry.path, check_origins=False).plan
        except PlanwriterError as exc:
            table.add_row(key, "", f"[red]{exc}[/red]", "", "", "", entry.root.short)
            continue
        m = plan.meta
        table.add_row(
            key,
            m.symbol(),
            m.one_line(m.summary),
            m.one_line(m.issuing_body),
            m.date.strftime("%d/%m/%Y") if m.date else "",
            str(sum(1 for _ in plan.walk())),
            entry.root.short,
        )
    return table


def profiles_table() -> Table:
    table = Table(title="Đơn vị (profiles)")
    for column in ("Mã", "Đơn vị", "Cấp", "Cơ quan cấp trên", "Ký hiệu", "Người ký", "Nguồn"):
        table.add_column(column, overflow="fold")
    for key, entry in library.entries("profiles").items():
        try:
            p = load_profile(entry.path, key)
        except PlanwriterError as exc:
            table.add_row(key, f"[red]{exc}[/red]", "", "", "", "", entry.root.short)
            continue
        signer = " ".join(x for x in (p.signature.title, p.signature.name) if x)
        table.add_row(
            key,
            p.name,
            LEVEL_NAMES.get(p.level.value, p.level.value),
            p.superior_body,
            p.issuer_symbol,
            signer,
            entry.root.short,
        )
    return table


LEVEL_NAMES = {
    "central": "Trung ương",
    "province": "Tỉnh",
    "district": "Huyện",
    "commune": "Xã, phường",
}
