"""Import speed: a 300-page plan, as OCR-like text (the 363-KH/HU seed repeated, about 15,000
lines) and as a .docx exported from a plan of the same size, against baselines measured in
the same run: reading the same text with Python's own line splitting, and python-docx merely
opening the .docx and walking its paragraphs and tables. The 300/30-page ratio near 10
shows linear growth."""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from planwriter.export import export_docx
from planwriter.importer import import_file
from planwriter.model import Item, Kind, Plan
from planwriter.planfile import load

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "003_3c60e631b358774c.txt"
LINES_PER_PAGE = 50


def text_of(pages: int) -> str:
    """The seed's body repeated (with part numbers advancing) to about ``pages`` pages."""
    seed = SEED.read_text(encoding="utf-8")
    head, _, body = seed.partition("|. MUC PiCH, YEU CAU")
    body, _, closing = ("|. MUC PiCH, YEU CAU" + body).partition("Noi nhén:")
    out, lines, part = [head], head.count("\n"), 0
    while lines < pages * LINES_PER_PAGE:
        part += 1
        numeral = _roman(part)
        copy = re.sub(r"^(\|\.|I11\.)", f"{numeral}.", body, flags=re.M)
        copy = re.sub(r"^1\. NOI", f"{numeral}. NOI", copy, flags=re.M)
        out.append(copy)
        lines += copy.count("\n")
        out.append(f"\n{lines // LINES_PER_PAGE}\n\n")  # a page number, as OCR leaves it
    out.append("Noi nhén:" + closing)
    return "".join(out)


def _roman(n: int) -> str:
    table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = ""
    for value, letters in table:
        while n >= value:
            out, n = out + letters, n - value
    return out


def plan_of(pages: int) -> Plan:
    example = load(ROOT / "examples" / "363-KH-HU.toml", check_origins=False).plan
    texts = [i.text for i, _, _ in example.walk() if i.text]
    plan = Plan(meta=example.meta)
    count = 0
    while count < pages * 12:  # about a dozen paragraphs a page
        section = Item(id=f"s{count}", kind=Kind.SECTION, title=f"Nhiệm vụ {count}")
        section.children = [
            Item(id=f"s{count}-{i}", kind=Kind.BULLET, text=texts[(count + i) % len(texts)])
            for i in range(11)
        ]
        plan.items.append(section)
        count += 12
    return plan


def timed(action: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    action(*args)
    return time.perf_counter() - start


def split_words(path: Path) -> None:
    _ = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]


def walk_docx(path: Path) -> None:
    from docx import Document

    for block in Document(str(path)).iter_inner_content():
        if hasattr(block, "rows"):
            _ = [p.text for row in block.rows for c in row.cells for p in c.paragraphs]
        else:
            _ = block.text


def row(name: str, lines: str, took: float, base: float) -> None:
    print(f"{name:<26}{lines:>8}{took:>9.3f}s{base:>9.3f}s{took / base:>8.1f}")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="pw-bench-import-"))
    print(f"{'input':<26}{'lines':>8}{'import':>10}{'baseline':>10}{'ratio':>8}")
    seconds = {}
    for pages in (30, 300):
        text = folder / f"plan-{pages}.txt"
        text.write_text(text_of(pages), encoding="utf-8")
        count = text.read_text(encoding="utf-8").count("\n")
        seconds[("txt", pages)] = took = timed(import_file, text)
        row(f"OCR text, {pages} pages", str(count), took, timed(split_words, text))
        docx = folder / f"plan-{pages}.docx"
        export_docx(plan_of(pages), docx)
        seconds[("docx", pages)] = took = timed(import_file, docx)
        row(f".docx, {pages} pages", "", took, timed(walk_docx, docx))
    print(
        "baselines: text = Python splitting the same file into words; "
        ".docx = python-docx opening it and reading every paragraph"
    )
    for kind in ("txt", "docx"):
        growth = seconds[(kind, 300)] / seconds[(kind, 30)]
        print(f"growth {kind} 300/30 pages: {growth:.1f}× (10× is linear)")
