"""Export speed, as a user meets it: ``planwriter export PLAN.toml -o OUT.docx`` run as a whole
process (interpreter start-up, reading the plan file, building and writing the .docx) on
examples/363-KH-HU.toml and on generated plan files of 1,000 and 3,000 paragraphs, each
against ``pandoc`` converting the same content from Markdown to .docx, also as a process, in
the same run. The in-process build time is printed beside it, and the 3k/1k growth (near 3
means linear)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def process(command: list[str]) -> float:
    """Seconds for ``command`` as a process, the best of two runs (the first warms caches)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    def once() -> None:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)

    return min(timed(once) for _ in range(2))


def main() -> None:
    """Print whole-process export and pandoc times per plan, their ratio, and the growth."""
    from planwriter.planfile import new_file

    source = EXAMPLE if EXAMPLE.exists() else FIXTURE
    base = load(source).plan
    pandoc = shutil.which("pandoc")
    # Sizes a whole process reads in reasonable time: the plan file is parsed with tomlkit
    # (keeping comments and order), which dominates above a few thousand items.
    cases = [(source.name, base, source), ("1,000 paragraphs", generated(1000, base), None),
             ("3,000 paragraphs", generated(3000, base), None)]
    ours: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for index, (name, plan, path) in enumerate(cases):
            count = sum(1 for _ in plan.walk(include_dropped=False))
            if path is None:
                path = work / f"plan{index}.toml"
                new_file(plan, path, "Kế hoạch sinh ra cho bench/export.py").save()
            out = work / f"out{index}.docx"
            command = [sys.executable, "-m", "planwriter", "export", str(path), "-o", str(out)]
            seconds = process(command)
            out.unlink()
            build = min(timed(lambda plan=plan, out=out: export_docx(plan, out))
                        for _ in range(2 if count < 10000 else 1))
            ours[name] = seconds
            line = (f"{name:<22} {count:>6} items  planwriter export (process) {seconds:7.3f} s"
                    f" (build in process {build:6.3f} s)")
            if pandoc:
                md = work / f"in{index}.md"
                md.write_text(markdown(plan), encoding="utf-8")
                theirs = process([pandoc, "-f", "markdown", "-t", "docx", "-o",
                                  str(work / f"p{index}.docx"), str(md)])
                line += f"  pandoc (process) {theirs:7.3f} s  ratio {seconds / theirs:5.2f}x"
            else:
                line += "  (pandoc not installed: no baseline)"
            print(line, flush=True)
    small, large = ours["1,000 paragraphs"], ours["3,000 paragraphs"]
    print(f"growth 3,000 / 1,000 paragraphs, whole process: {large / small:.1f}x (3x is linear) "
          f"(start-up included; {ours[source.name]:.2f} s for {source.name})")
