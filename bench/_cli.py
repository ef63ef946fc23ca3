"""Timing the command line as a user runs it: a whole process on files, best of a few runs,
beside baselines measured in the same run (a Python process doing nothing, one that only
imports planwriter's CLI, and whatever tool the benchmark names)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


# CPU seconds (user + system) of the best run of the last ``run_seconds`` call: on a busy
# machine wall-clock time grows with the load, CPU time much less, so both are printed.
LAST_CPU = [0.0]


def run_seconds(command: Sequence[str], repeat: int = 3, ok: Sequence[int] = (0,)) -> float:
    """Best wall-clock seconds of ``command`` over ``repeat`` runs (output discarded); a run
    that exits with a status not in ``ok`` stops the benchmark with its error."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    best = float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            list(command), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
            check=False,
        )
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if elapsed < best:
            LAST_CPU[0] = cpu
        if done.returncode not in ok:
            message = done.stderr.decode("utf-8", "replace").strip()[-500:]
            raise SystemExit(f"bench: {' '.join(command)} failed ({done.returncode}): {message}")
        best = min(best, elapsed)
    return best


def planwriter(*args: str | Path) -> list[str]:
    return [PYTHON, "-m", "planwriter", *(str(a) for a in args)]


def python_baselines(repeat: int = 5) -> dict[str, float]:
    """Seconds for ``python -c pass`` and ``python -c 'import planwriter.cli'``."""
    return {
        "python -c pass": run_seconds([PYTHON, "-c", "pass"], repeat),
        "python -c 'import planwriter.cli'": run_seconds(
            [PYTHON, "-c", "import planwriter.cli"], repeat
        ),
    }


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"
