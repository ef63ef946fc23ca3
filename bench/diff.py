"""Benchmark ``planwriter diff`` on generated plans of 1,000 and 10,000 items (10% edited,
2% inserted, 2% deleted, 1% moved to another section, no origin ids so alignment is by
text), against ``git diff --no-index --word-diff`` on the same plans' bodies as text, in the
same run.

First as a user runs it: ``planwriter diff --json CHILD PARENT`` as a whole process on plan
files (reading both files included) against git word-diff as a whole process; then the
in-process parts (compare, JSON, terminal) against the same git figure.
Targets (issue 14): whole process within 30× git at 10,000 items, growth 1k → 10k under 12×."""

from __future__ import annotations

import io
import random
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from planwriter.model import Item, Kind, Meta, Plan
from planwriter.render import body_lines

SOURCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "57-NQ-TW.txt"


def _vocabulary() -> list[str]:
    words = re.findall(r"\w+", SOURCE.read_text(encoding="utf-8").lower())
    return [w for w in words if not w.isdigit()]


def _sentence(rng: random.Random, vocab: list[str]) -> str:
    # Runs of consecutive source syllables read like the real thing; a figure now and then.
    parts = []
    for _ in range(rng.randint(2, 4)):
        start = rng.randrange(len(vocab) - 12)
        parts.append(" ".join(vocab[start : start + rng.randint(4, 10)]))
    text = ", ".join(parts)
    if rng.random() < 0.3:
        text += f" đạt {rng.randint(10, 99)}% năm {rng.randint(2025, 2035)}"
    return text[0].upper() + text[1:] + "."


def generate(n: int, seed: int = 57) -> tuple[Plan, Plan]:
    """A parent of ``n`` items (sections of 20) and its edited child."""
    rng = random.Random(seed)
    vocab = _vocabulary()
    parent = Plan(Meta(number="1", issuer_symbol="TU", doc_type="CTr"))
    sections: list[Item] = []
    for s in range(n // 20):
        section = Item(f"s{s}", Kind.SECTION, title=_sentence(rng, vocab)[:40])
        section.children = [
            Item(f"s{s}-{i}", Kind.BULLET, text=_sentence(rng, vocab)) for i in range(19)
        ]
        sections.append(section)
    parent.items = sections
    child = parent.clone()
    child.meta = Meta(number="2", issuer_symbol="HU")
    counter = 0
    for section in child.items:
        kept: list[Item] = []
        for item in section.children:
            item.id = f"c{counter}"
            counter += 1
            roll = rng.random()
            if roll < 0.02:
                continue  # deleted
            if roll < 0.12:
                words = item.text.split()
                for _ in range(rng.randint(1, 3)):
                    words[rng.randrange(len(words))] = rng.choice(vocab)
                item.text = " ".join(words)
            kept.append(item)
            if rng.random() < 0.02:
                kept.append(Item(f"new{counter}", Kind.BULLET, text=_sentence(rng, vocab)))
        section.children = kept
    for _ in range(n // 100):  # moved to another section
        a, b = rng.sample(child.items, 2)
        if a.children:
            b.children.insert(
                rng.randrange(len(b.children) + 1), a.children.pop(rng.randrange(len(a.children)))
            )
    for section in child.items:
        section.id = f"c-{section.id}"
    return parent, child


def _time(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def run(n: int) -> dict[str, float]:
    """Seconds for plans of ``n`` items: compare, JSON, terminal (changed items), git."""
    from rich.console import Console

    from planwriter.diff import compare
    from planwriter.diff.jsonout import to_bytes
    from planwriter.diff.terminal import render

    parent, child = generate(n)
    diff = compare(child, parent)
    out = {
        "compare": _time(lambda: compare(child, parent)),
        "json": _time(lambda: to_bytes(diff)),  # what the command writes
        "terminal": _time(
            lambda: render(
                diff,
                Console(file=io.StringIO(), width=120, color_system=None),
                changed_only=True,
            )
        ),
    }
    from bench._cli import LAST_CPU, planwriter, run_seconds
    from bench.validate import write_plans

    with tempfile.TemporaryDirectory() as folder:
        old, new = Path(folder, "parent.txt"), Path(folder, "child.txt")
        old.write_text("\n".join(body_lines(parent)) + "\n", encoding="utf-8")
        new.write_text("\n".join(body_lines(child)) + "\n", encoding="utf-8")
        command = ["git", "diff", "--no-index", "--word-diff", str(old), str(new)]
        parent_file, child_file = write_plans(Path(folder), n)
        ours = planwriter("diff", "--json", child_file, parent_file)
        # Interleaved, best of seven each: this machine's speed drifts by up to 2x within
        # minutes, so the two are timed in turn and the ratio compares like with like.
        out["git"] = out["cli"] = float("inf")
        cli_cpu = 0.0
        for _ in range(7):
            out["git"] = min(out["git"], run_seconds(command, repeat=1, ok=(0, 1)))
            seconds = run_seconds(ours, repeat=1)
            if seconds < out["cli"]:
                out["cli"], cli_cpu = seconds, LAST_CPU[0]
    s = diff.summary
    ms = {k: v * 1000 for k, v in out.items()}
    print(
        f"{n:>6} items, whole process: planwriter diff --json {ms['cli']:8.1f} ms"
        f" (cpu {cli_cpu * 1000:.0f} ms) | git word-diff {ms['git']:6.1f} ms"
        f" | ratio {out['cli'] / out['git']:6.1f}×"
    )
    print(
        f"{n:>6} items: compare {ms['compare']:7.1f} ms + JSON {ms['json']:6.1f} ms"
        f" (+ terminal {ms['terminal']:6.1f} ms) | git word-diff {ms['git']:6.1f} ms"
        f" | ratio (compare+JSON)/git {(out['compare'] + out['json']) / out['git']:5.1f}×,"
        f" with terminal {(out['compare'] + out['json'] + out['terminal']) / out['git']:5.1f}×"
    )
    print(
        f"        found: kept {s.kept}, adapted {s.adapted}, dropped {s.dropped}, added {s.added},"
        f" moved {s.moved}, split {s.split}, merged {s.merged}"
    )
    return out


def main() -> None:
    small, large = run(1000), run(10000)
    growth = {k: large[k] / small[k] for k in small}
    print("10k/1k growth (10× is linear): " + ", ".join(f"{k} {v:.1f}×" for k, v in growth.items()))
    ratio = large["cli"] / large["git"]
    print(
        f"10,000 items, whole process: planwriter diff --json / git word-diff = {ratio:.1f}×"
        f" (target < 30×: {'met' if ratio < 30 else 'NOT met'}); growth 1k → 10k"
        f" {growth['cli']:.1f}× (target < 12×: {'met' if growth['cli'] < 12 else 'NOT met'})"
    )
    inproc = (large["compare"] + large["json"]) / large["git"]
    print(f"10,000 items, in process: (compare + JSON) / git word-diff = {inproc:.1f}×")
