"""Running the real command line, as a user would, from the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def planwriter(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``planwriter ARGS…`` in a fresh interpreter, this checkout first on the path."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "planwriter", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
    )
