"""``planwriter templates`` and ``planwriter profiles``: the library as tables."""

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
    if args.listing == "templates":
        console.print(templates_table())
    else:
        console.print(profiles_table())
    return 0


def templates_table() -> Table:
    table = Table(title="Chương trình, kế hoạch mẫu (templates)")
    for column in ("Mã", "Số", "Trích yếu", "Cơ quan ban hành", "Ngày", "Mục"):
        table.add_column(column, overflow="fold")
    for key, path in library.templates().items():
        try:
            plan = load(path, check_origins=False).plan
        except PlanwriterError as exc:
            table.add_row(key, "", f"[red]{exc}[/red]", "", "", "")
            continue
        m = plan.meta
        table.add_row(key, m.symbol(), m.summary, m.issuing_body,
                      m.date.strftime("%d/%m/%Y") if m.date else "", str(sum(1 for _ in plan.walk())))
    return table


def profiles_table() -> Table:
    table = Table(title="Đơn vị (profiles)")
    for column in ("Mã", "Đơn vị", "Cấp", "Cơ quan cấp trên", "Ký hiệu", "Người ký"):
        table.add_column(column, overflow="fold")
    for key, path in library.profiles().items():
        try:
            p = load_profile(path, key)
        except PlanwriterError as exc:
            table.add_row(key, f"[red]{exc}[/red]", "", "", "", "")
            continue
        signer = " ".join(x for x in (p.signature.title, p.signature.name) if x)
        table.add_row(key, p.name, LEVEL_NAMES.get(p.level.value, p.level.value), p.superior_body,
                      p.issuer_symbol, signer)
    return table


LEVEL_NAMES = {"central": "Trung ương", "province": "Tỉnh", "district": "Huyện", "commune": "Xã, phường"}
