"""``planwriter validate`` and ``planwriter show`` as whole processes on generated plan files
of 1,000 and 10,000 items, beside a Python process doing nothing and one that only parses
the same file with the standard ``tomllib``, measured in the same run; growth 1k → 10k.

Validating the child also reads its parent (every origin is checked), so it reads twice
what show reads. Target (issue 14): validate and show of a 10,000-item plan under 1 s."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench import _cli
from bench._cli import PYTHON, ms, planwriter, python_baselines, run_seconds


def write_plans(folder: Path, n: int) -> tuple[Path, Path]:
    """The generated parent and child of ``bench.diff`` as plan files (the child cites the
    parent by file, so validating it also checks every origin against the parent)."""
    from bench.diff import generate
    from planwriter import planfile
    from planwriter.model import ParentRef

    parent, child = generate(n)
    parent_path, child_path = folder / f"parent-{n}.toml", folder / f"child-{n}.toml"
    child.meta.parent = ParentRef(ref=parent_path.name, number="1-CTr/TU")
    parent_path.write_text(planfile.dumps(parent), encoding="utf-8")
    child_path.write_text(planfile.dumps(child), encoding="utf-8")
    return parent_path, child_path


def run(folder: Path, n: int, base: dict[str, float]) -> dict[str, float]:
    parent, child = write_plans(folder, n)
    parse = f"import tomllib; tomllib.load(open({str(child)!r}, 'rb'))"
    commands = {
        "validate child": planwriter("validate", child),
        "show child": planwriter("show", child),
        "tomllib parse": [PYTHON, "-c", parse],
    }
    out: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for name, command in commands.items():
        out[name] = run_seconds(command)
        cpu[name] = _cli.LAST_CPU[0]
    size = child.stat().st_size / 1024
    print(f"{n:>6} items ({size:,.0f} kB): "
          + " | ".join(f"{k} {ms(v)} (cpu {cpu[k] * 1000:.0f} ms)" for k, v in out.items()))
    floor = base["python -c pass"]
    print(f"        ratios: validate/python -c pass {out['validate child'] / floor:5.1f}×, "
          f"show/python -c pass {out['show child'] / floor:5.1f}×, "
          f"validate/tomllib parse {out['validate child'] / out['tomllib parse']:5.1f}×")
    return out


def main() -> None:
    base = python_baselines()
    print("baselines: " + " | ".join(f"{k} {ms(v)}" for k, v in base.items()))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        small, large = run(folder, 1000, base), run(folder, 10000, base)
    growth = ", ".join(f"{k} {large[k] / small[k]:.1f}×" for k in small)
    print(f"10k/1k growth (10× is linear, less means start-up dominates): {growth}")
    worst = max(large["validate child"], large["show child"])
    verdict = "met" if worst < 1.0 else "NOT met"
    print(f"10,000 items: slowest of validate/show {worst:.2f} s wall (target < 1 s: {verdict})")


if __name__ == "__main__":
    main()
