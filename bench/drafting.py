"""Drafting speed: ``planwriter new`` and ``planwriter check`` on the bundled 11-KH/TU for the
Tam Đường profile, against the baseline of reading the template file alone."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

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


def main() -> None:
    from planwriter.check import check_plan
    from planwriter.drafting import new_plan
    from planwriter.drafting.localize import Localizer
    from planwriter.planfile import load
    from planwriter.profile import load_profile

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
    print(f"baseline: load {TEMPLATE.name} ({items} items): {baseline * 1000:.1f} ms")
    for name, seconds in figures.items():
        print(f"{name}: {seconds * 1000:.1f} ms ({seconds / baseline:.2f}× baseline)")
