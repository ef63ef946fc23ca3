"""Export speed: examples/363-KH-HU.toml (or the export fixture until it lands) and generated
plans of 3,000 and 30,000 paragraphs, each against pandoc converting the same content as
Markdown to .docx in the same run. The 30k/3k ratio near 10 shows linear growth."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from planwriter.export import export_docx
from planwriter.model import Item, Kind, Plan
from planwriter.numbering import labels
from planwriter.planfile import load

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "363-KH-HU.toml"
FIXTURE = ROOT / "tests" / "fixtures" / "export" / "party.toml"


def generated(paragraphs: int, base: Plan) -> Plan:
    """A plan of ``paragraphs`` paragraphs: sections of ten items each, the texts cycled from
    ``base`` so the words are real Vietnamese."""
    texts = [item.text for item, _, _ in base.walk() if item.text] or ["Nội dung."]
    plan = Plan(meta=base.meta)
    count = 0
    part = 0
    while count < paragraphs:
        part += 1
        section = Item(id=f"s{part}", kind=Kind.SECTION, title=f"Nội dung {part}")
        plan.items.append(section)
        count += 1
        for index in range(9):
            kind = Kind.BULLET if index % 3 == 2 else Kind.PARAGRAPH
            text = texts[(count + index) % len(texts)]
            section.children.append(Item(id=f"s{part}-{index}", kind=kind, text=text))
            count += 1
    return plan


def markdown(plan: Plan) -> str:
    """The same content as Markdown: headings by depth, paragraphs, "- " bullets."""
    numbers = labels(plan)
    out = [f"# {plan.meta.type_name}", "", f"**{plan.meta.summary}**", ""]
    depth_of: dict[str, int] = {}
    for item, parent, _ in plan.walk(include_dropped=False):
        depth = depth_of.get(parent.id, 0) if parent is not None else 0
        if item.kind is Kind.SECTION:
            depth_of[item.id] = depth + 1
            out += [f"{'#' * min(depth + 2, 6)} {numbers[item.id]} {item.title}", ""]
        elif item.kind is Kind.PARAGRAPH:
            out += [item.content(), ""]
        else:
            out += [f"- {item.content()}", ""]
    return "\n".join(out)


def timed(run: object) -> float:
    start = time.perf_counter()
    run()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    """Print export and pandoc times per plan, their ratio, and the 30k/3k growth."""
    source = EXAMPLE if EXAMPLE.exists() else FIXTURE
    base = load(source).plan
    pandoc = shutil.which("pandoc")
    cases = [(source.name, base), ("3,000 paragraphs", generated(3000, base)),
             ("30,000 paragraphs", generated(30000, base))]
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        export_docx(base, work / "warm.docx")  # imports and the docx template, once
        for name, plan in cases:
            count = sum(1 for _ in plan.walk(include_dropped=False))
            ours = min(timed(lambda plan=plan: export_docx(plan, work / "out.docx"))
                       for _ in range(3 if count < 10000 else 1))
            results[name] = ours
            line = f"{name:<22} {count:>6} items  export {ours:7.3f} s"
            if pandoc:
                md = work / "in.md"
                md.write_text(markdown(plan), encoding="utf-8")
                command = [pandoc, "-f", "markdown", "-t", "docx", "-o", str(work / "p.docx"),
                           str(md)]
                theirs = timed(lambda command=command: subprocess.run(command, check=True))
                line += f"  pandoc {theirs:7.3f} s  ratio export/pandoc {ours / theirs:5.2f}"
            else:
                line += "  (pandoc not installed: no baseline)"
            print(line)
    fixed = results[source.name]
    small, large = results["3,000 paragraphs"], results["30,000 paragraphs"]
    print(f"growth 30,000 / 3,000 paragraphs: {large / small:.1f}x in total time "
          f"(a fixed {fixed:.2f} s of start-up in both)")
    print(f"per paragraph above the fixed cost: 3,000: {(small - fixed) / 3000 * 1e6:.0f} µs, "
          f"30,000: {(large - fixed) / 30000 * 1e6:.0f} µs (equal means linear)")
