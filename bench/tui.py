"""TUI speed, as whole processes: cold start to the first screen, and opening a generated
plan of 500 and 2,000 items in the editor (to the first painted editor frame), each beside a
minimal Textual app started in the same run; then keystroke-to-repaint in the editor on the
2,000-item plan. Targets: first screen within 1.2× of the minimal app, under 50 ms a key."""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MINIMAL_START = """
import os
from textual.app import App
from textual.widgets import Footer, Static

class Minimal(App):
    def compose(self):
        yield Static("planwriter")
        yield Footer()
    def on_mount(self):
        self.call_after_refresh(ready, self)

def ready(app):
    os.write(1, b"READY\\n")  # the screen is painted: this is what the user waits for
    app.exit()

Minimal().run(headless=True, size=(120, 40))
"""

PLANWRITER_START = """
import os
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.start import StartScreen

shown = StartScreen.on_mount

def on_mount(self):
    shown(self)
    self.app.call_after_refresh(ready, self.app)

def ready(app):
    os.write(1, b"READY\\n")
    app.exit()

StartScreen.on_mount = on_mount
PlanwriterApp().run(headless=True, size=(120, 40))
"""


PLANWRITER_OPEN = """
import os, sys
from pathlib import Path
from planwriter.tui.app import PlanwriterApp
from planwriter.tui.screens.editor import EditorScreen

shown = EditorScreen.on_mount

def on_mount(self):
    shown(self)
    self.app.call_after_refresh(ready, self.app)

def ready(app):
    os.write(1, b"READY\\n")
    app.exit()

EditorScreen.on_mount = on_mount
PlanwriterApp(Path(sys.argv[1])).run(headless=True, size=(120, 40))
"""


def _start_times(codes: dict[str, tuple[str, tuple[str, ...]]], runs: int = 7) -> dict[str, float]:
    """Median seconds from process start to READY for each named (code, args), the runs
    interleaved (a, b, c, a, b, c, …) so that a busy machine weighs on all of them alike."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times: dict[str, list[float]] = {name: [] for name in codes}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            for name, (code, args) in codes.items():
                started = time.perf_counter()
                child = subprocess.Popen([sys.executable, "-c", code, *args], env=env,
                                         cwd=folder, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL)
                assert child.stdout is not None
                line = child.stdout.readline()
                times[name].append(time.perf_counter() - started)
                child.stdout.close()
                if child.wait() != 0 or line.strip() != b"READY":
                    raise RuntimeError(f"{name} did not reach its first screen")
    return {name: statistics.median(values) for name, values in times.items()}


def big_plan(path: Path, sections: int = 40, per_section: int = 49) -> int:
    """A plan of ``sections`` × (1 + ``per_section``) items, written to ``path``."""
    from planwriter.model import Disposition, Item, Kind, Meta, Plan
    from planwriter.planfile import new_file

    plan = Plan(meta=Meta(doc_type="KH", number="1", issuer_symbol="HU",
                          issuing_body="HUYỆN ỦY TAM ĐƯỜNG", place="Tam Đường"))
    for s in range(sections):
        section = Item(id=f"muc-{s}", kind=Kind.SECTION, title=f"Nhiệm vụ nhóm {s + 1}")
        for t in range(per_section):
            section.children.append(Item(
                id=f"nv-{s}-{t}", kind=Kind.TASK, lead="UBND huyện",
                text=f"Đẩy mạnh chuyển đổi số trong lĩnh vực {t + 1} của nhóm {s + 1}.",
                disposition=None if t % 2 else Disposition.ADDED))
        plan.items.append(section)
    new_file(plan, path).save()
    return sum(1 for _ in plan.walk())


async def _keystrokes(app: object, prepare: object, keys: int = 40) -> float:
    """Median time from a key reaching the app to the next frame written to the terminal."""
    from textual import events
    from textual.app import App

    assert isinstance(app, App)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepare(pilot)  # type: ignore[operator]
        painted = asyncio.Event()
        display = app._display

        def timed_display(screen: object, renderable: object) -> None:
            display(screen, renderable)  # type: ignore[arg-type]
            painted.set()

        app._display = timed_display  # type: ignore[method-assign]
        times = []
        for n in range(keys):
            await pilot.pause()
            painted.clear()
            key = events.Key("a", "a") if n % 2 else events.Key("ă", "ă")
            key.set_sender(app)
            started = time.perf_counter()
            app._driver.send_message(key)  # type: ignore[union-attr]
            await asyncio.wait_for(painted.wait(), 15.0)
            times.append(time.perf_counter() - started)
        typed_into = getattr(app.focused, "text", "")
        assert "aă" in typed_into or "ăa" in typed_into, "the keys did not reach the text area"
    return statistics.median(times)


def _keystroke_times(plan_path: Path) -> tuple[float, float, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    from planwriter.tui.app import PlanwriterApp
    from planwriter.tui.screens.editor import EditorScreen

    class MinimalEditor(App[None]):
        def compose(self) -> ComposeResult:
            yield TextArea("Đẩy mạnh chuyển đổi số.")

    async def focus_text(pilot: object) -> None:
        pilot.app.query_one(TextArea).focus()  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]

    async def open_editor(pilot: object) -> None:
        app = pilot.app  # type: ignore[attr-defined]
        deadline = time.perf_counter() + 30
        while not isinstance(app.screen, EditorScreen):
            if time.perf_counter() > deadline:
                raise SystemExit(f"bench: the editor did not open ({type(app.screen).__name__})")
            await pilot.pause(0.05)  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        outline = app.screen.query_one("#outline")
        outline.select_item("nv-20-10")
        await pilot.pause()  # type: ignore[attr-defined]
        app.screen.query_one("#local-text").focus()
        await pilot.pause()  # type: ignore[attr-defined]

    def fresh(name: str) -> Path:
        """A copy of the plan of its own: a run that types and quits unsaved leaves a journal
        beside its file, and the next app to open that file rightly offers to restore it."""
        copy = plan_path.with_name(f"{name}-{plan_path.name}")
        shutil.copyfile(plan_path, copy)
        return copy

    baseline = asyncio.run(_keystrokes(MinimalEditor(), focus_text))
    ours = asyncio.run(_keystrokes(PlanwriterApp(fresh("typed")), open_editor))

    async def commit_cost() -> float:
        app = PlanwriterApp(fresh("commit"))
        async with app.run_test(size=(120, 40)) as pilot:
            await open_editor(pilot)
            await pilot.press(*"ấ")
            screen = app.screen
            assert isinstance(screen, EditorScreen)
            started = time.perf_counter()
            screen.commit_text()  # AdaptText, outline relabel of every item, detail repaint
            await pilot.pause()
            return time.perf_counter() - started

    return baseline, ours, asyncio.run(commit_cost())


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        sized: dict[int, tuple[Path, int]] = {}
        for sections in (10, 40):
            plan_path = Path(folder) / f"co-{sections}.toml"
            sized[sections] = (plan_path, big_plan(plan_path, sections=sections))
        got = _start_times({
            "minimal": (MINIMAL_START, ()), "start": (PLANWRITER_START, ()),
            **{f"open-{n}": (PLANWRITER_OPEN, (str(path),)) for n, (path, _) in sized.items()},
        }, runs=9)
        minimal = got["minimal"]
        print(f"cold start to first screen: planwriter {got['start'] * 1000:.0f} ms, "
              f"minimal Textual app {minimal * 1000:.0f} ms, ratio "
              f"{got['start'] / minimal:.2f}× (target ≤ 1.2×; median of 9 whole processes, "
              "interleaved)")
        for n, (_, items) in sized.items():
            opened = got[f"open-{n}"]
            print(f"open a {items}-item plan in the editor (process start to first editor "
                  f"frame): {opened * 1000:.0f} ms, ratio {opened / minimal:.2f}× the minimal "
                  "app's first screen")
        path = Path(folder) / "lon.toml"
        count = big_plan(path)
        baseline, typed, commit = _keystroke_times(path)
    print(f"keystroke to repaint, {count}-item plan: planwriter {typed * 1000:.1f} ms, "
          f"minimal TextArea app {baseline * 1000:.1f} ms, ratio {typed / baseline:.2f}× "
          f"(target < 50 ms; from the key reaching the app to the next frame written)")
    print(f"committing typed text after the pause (once per burst, not per key): "
          f"{commit * 1000:.1f} ms")


if __name__ == "__main__":
    main()
