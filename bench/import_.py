"""Import speed, ``planwriter import`` timed as a whole process (interpreter start included)
at 100 and 300 pages: OCR-like text (the 363-KH/HU seed repeated, 50 lines a page) beside
``cat`` and ``wc`` reading the same file, and a real commune office's .docx (the body of
QN-HD-hiep-thuong, with Word numbering, NFD letters and tables, repeated to about a dozen
paragraphs a page; a planwriter export of that size when ../shared is absent) beside pandoc
converting the same .docx to plain text. The 300/100-page ratio near 3 shows linear growth.
Import writes the plan once and never reads it back."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from planwriter.export import export_docx
from planwriter.model import Item, Kind, Plan
from planwriter.planfile import load

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "003_3c60e631b358774c.txt"
WORD = ROOT.parent / "shared" / "real" / "docx" / "QN-HD-hiep-thuong-MTTQ-tinh-draft.docx"
PARAGRAPHS_PER_PAGE = 12
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


def word_of(pages: int, path: Path) -> None:
    """A .docx of about ``pages`` pages: the real file's body paragraphs and tables repeated
    (its header and closing kept once), or an exported plan when ../shared is absent."""
    if not WORD.exists():
        export_docx(plan_of(pages), path)
        return
    from docx import Document

    document = Document(str(WORD))
    body = document.element.body
    blocks = [b for b in body if not b.tag.endswith("}sectPr")]
    middle = blocks[1:-3]  # between the header table and the closing
    anchor = blocks[-3]
    count = sum(1 for b in blocks if b.tag.endswith("}p"))
    while count < pages * PARAGRAPHS_PER_PAGE:
        for block in middle:
            anchor.addprevious(copy.deepcopy(block))
            count += block.tag.endswith("}p")
    document.save(str(path))


def run(command: list[str]) -> float:
    """Seconds the command takes as a process of its own (output discarded)."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def best(command: list[str], times: int = 3) -> float:
    return min(run(command) for _ in range(times))


def row(name: str, size: str, took: float, base: float, baseline: str) -> None:
    print(f"{name:<22}{size:>10}{took:>9.3f}s{base:>9.3f}s{took / base:>8.1f}  {baseline}")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="pw-bench-import-"))
    pandoc = shutil.which("pandoc")
    print(f"{'input':<22}{'size':>10}{'import':>10}{'baseline':>10}{'ratio':>8}")
    seconds: dict[tuple[str, int], float] = {}
    for pages in (100, 300):
        text = folder / f"plan-{pages}.txt"
        text.write_text(text_of(pages), encoding="utf-8")
        lines = text.read_text(encoding="utf-8").count("\n")
        out = folder / f"plan-{pages}-txt.toml"
        importer = [sys.executable, "-m", "planwriter", "import", str(text), "-o", str(out)]
        seconds[("txt", pages)] = took = best([*importer, "--force"])
        row(f"text, {pages} pages", f"{lines} l", took, best(["cat", str(text)]), "cat")
        row("", "", took, best(["wc", str(text)]), "wc")
        docx = folder / f"plan-{pages}.docx"
        word_of(pages, docx)
        out = folder / f"plan-{pages}-docx.toml"
        importer = [sys.executable, "-m", "planwriter", "import", str(docx), "-o", str(out)]
        seconds[("docx", pages)] = took = best([*importer, "--force"])
        size = f"{docx.stat().st_size // 1024} KB"
        if pandoc:
            base = best([pandoc, "-t", "plain", str(docx)])
            row(f".docx, {pages} pages", size, took, base, "pandoc -t plain")
        else:
            print(f".docx, {pages} pages: {took:.3f}s (pandoc not installed: no baseline)")
    for kind in ("txt", "docx"):
        growth = seconds[(kind, 300)] / seconds[(kind, 100)]
        print(f"growth {kind} 300/100 pages: {growth:.1f}× (3× is linear)")
