"""Drafting speed as a user meets it: ``planwriter new`` and ``planwriter check`` as whole
processes, on the bundled 11-KH/TU (about a hundred items) and on generated programmes of
1,000 and 10,000 items, for the Tam Đường profile; beside a Python process doing nothing and
``planwriter validate`` of the same template (reading it alone), in the same run. The
in-process figures of drafting's parts follow."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench._cli import LAST_CPU, ms, planwriter, python_baselines, run_seconds

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "planwriter" / "bundled" / "templates" / "lai-chau" / "11-KH-TU.toml"
PROFILE = ROOT / "planwriter" / "bundled" / "profiles" / "lai-chau" / "tam-duong.toml"


def best(run: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def whole_process(template: Path, folder: Path, label: str) -> dict[str, float]:
    output = folder / f"kh-{label.replace('/', '-').replace(' ', '-')}.toml"
    out = {
        "validate template": run_seconds(planwriter("validate", template)),
        "new": run_seconds(
            planwriter("new", "-t", template, "-p", PROFILE, "-o", output, "--force")
        ),
    }
    cpu_new = LAST_CPU[0]
    out["check"] = run_seconds(planwriter("check", output))
    print(f"{label:>14}: validate template {ms(out['validate template'])} | new {ms(out['new'])}"
          f" (cpu {cpu_new * 1000:.0f} ms) | check {ms(out['check'])}"
          f" | new/validate {out['new'] / out['validate template']:4.1f}×")
    return out


def main() -> None:
    from bench.validate import write_plans
    from planwriter.check import check_plan
    from planwriter.drafting import new_plan
    from planwriter.drafting.localize import Localizer
    from planwriter.planfile import load
    from planwriter.profile import load_profile

    base = python_baselines()
    print("baselines: " + " | ".join(f"{k} {ms(v)}" for k, v in base.items()))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        sizes = {"11-KH/TU": whole_process(TEMPLATE, folder, "11-KH/TU")}
        for n in (1000, 10000):
            parent, _ = write_plans(folder, n)
            sizes[f"{n} items"] = whole_process(parent, folder, f"{n} items")
    small, large = sizes["1000 items"], sizes["10000 items"]
    print("1k → 10k growth (10× is linear): "
          + ", ".join(f"{k} {large[k] / small[k]:.1f}×" for k in small))

    parent = load(TEMPLATE, check_origins=False).plan
    localizer = Localizer.for_profile(load_profile(PROFILE))
    plan = new_plan(str(TEMPLATE), str(PROFILE))
    texts = [i.text for i, _, _ in parent.walk()]
    baseline = best(lambda: load(TEMPLATE, check_origins=False))
    figures = {
        "localize every item's text": best(lambda: [localizer.localize(t) for t in texts]),
        "new_plan (load, localize, boilerplate)":
            best(lambda: new_plan(str(TEMPLATE), str(PROFILE))),
        "check_plan (with leftovers)": best(lambda: check_plan(plan, parent, localizer=localizer)),
    }
    items = sum(1 for _ in parent.walk())
    print(f"in process, baseline: load {TEMPLATE.name} ({items} items): {baseline * 1000:.1f} ms")
    for label, seconds in figures.items():
        print(f"{label}: {seconds * 1000:.1f} ms ({seconds / baseline:.2f}× baseline)")


if __name__ == "__main__":
    main()
