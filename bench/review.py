"""Benchmark ``planwriter review``: 10, 30 and 100 child plans of 300+ items each against
their parent, as a whole process (``python -m planwriter review … --json``), with the
peak memory of its process tree (the CLI and its workers, summed), beside two baselines run
in the same session on the same files: ``git diff --no-index --word-diff`` of the parent
with each child, one process per child, serially; and ``planwriter diff --json`` one child
at a time (run for 10 children, its per-child time projected for more, and said so).

The children are made by ``planwriter.review.generate`` from the bundled 63-CTr/TU enlarged
to 300 items, one draft per bundled profile, each with its own seeded changes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SIZES = (10, 30, 100)
ITEMS = 300
ROOT = Path(__file__).resolve().parent.parent


def _tree_rss_kib(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, in KiB (from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(p for p, parent in parents.items() if parent == pid)
    return total


def measure(command: list[str]) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (the process and its workers), peak tree RSS (KiB) and exit
    status of one whole process. CPU time tells what the wall time would be on idle cores
    when other work shares the machine."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kib(process.pid))
            done.wait(0.02)

    watcher = threading.Thread(target=sample)
    watcher.start()
    _, stderr = process.communicate()
    done.set()
    watcher.join()
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 1):
        raise SystemExit(f"review failed: {stderr.decode(errors='replace')}")
    return elapsed, cpu, peak, process.returncode


def serial(commands: list[list[str]]) -> float:
    start = time.perf_counter()
    for command in commands:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return time.perf_counter() - start


def make(folder: Path, count: int) -> tuple[Path, list[Path]]:
    from planwriter import library
    from planwriter.drafting import load_template
    from planwriter.planfile import dumps
    from planwriter.render import body_lines
    from planwriter.review.generate import Changes, enlarged, generate, write_children

    _, programme = load_template("lai-chau/63-CTr-TU")
    parent = enlarged(programme, ITEMS)
    parent_path = folder / "parent.toml"
    parent_path.write_text(dumps(parent), encoding="utf-8")
    (folder / "parent.txt").write_text("\n".join(body_lines(parent)) + "\n", encoding="utf-8")
    changes = Changes(adapted=15, dropped=5, missing=3, weakened=2, raised=1)
    children = generate(str(parent_path), sorted(library.profiles()), count, 16, changes)
    paths = write_children(folder / "children", children)
    text = folder / "text"  # the git baseline's copies, beside (not among) the plan files
    text.mkdir()
    for path, (_, plan, _) in zip(paths, children, strict=True):
        (text / f"{path.stem}.txt").write_text("\n".join(body_lines(plan)) + "\n",
                                                encoding="utf-8")
    return parent_path, paths


def main() -> None:
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory(prefix="bench-review-") as name:
        folder = Path(name)
        started = time.perf_counter()
        parent, children = make(folder, max(SIZES))
        items = sum(1 for line in parent.read_text(encoding="utf-8").splitlines()
                    if line == "[[item]]")
        print(f"{len(children)} children of a {items}-item parent made in "
              f"{time.perf_counter() - started:.0f} s; {cores} cores, load average "
              f"{os.getloadavg()[0]:.1f} (wall times are inflated when it exceeds the cores)")
        python = sys.executable
        one = [python, "-m", "planwriter", "diff", "--json", str(children[0]), str(parent)]
        per_diff = serial([one for _ in range(SIZES[0])]) / SIZES[0]
        results = []
        for n in SIZES:
            chosen = children[:n]
            command = [python, "-m", "planwriter", "review", str(parent),
                       *map(str, chosen), "--json"]
            seconds, cpu, peak, status = measure(command)
            git = serial([["git", "diff", "--no-index", "--word-diff",
                           str(folder / "parent.txt"), str(folder / "text" / f"{p.stem}.txt")]
                          for p in chosen])
            results.append((n, seconds, peak))
            print(f"{n:>4} children: review {seconds:6.2f} s (CPU {cpu:6.2f} s), "
                  f"peak RSS {peak / 1024:6.0f} MiB "
                  f"(exit {status}) | git word-diff ×{n} serial {git:6.2f} s | "
                  f"planwriter diff --json ×{n} serial {per_diff * n:6.1f} s"
                  + (" (projected from 10)" if n != SIZES[0] else ""))
        (n0, t0, m0), (n1, t1, m1) = results[0], results[-1]
        print(f"{n0}→{n1} children ({n1 / n0:.0f}×): time {t1 / t0:.1f}×, "
              f"peak memory {m1 / m0:.1f}× (target: 100 children under 10 s on 2 cores)")


if __name__ == "__main__":
    main()
