"""Run every benchmark: ``python -m bench`` (or ``python -m bench diff export``).

Each ``bench/<name>.py`` has ``main() -> None`` that prints its figures and their ratio to
a named baseline measured in the same run. Timings are for reading, never asserted.
"""

from __future__ import annotations

import compileall
import importlib
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    # The program as users run it has its bytecode: pip compiles a package when it installs
    # it. Without this, a process started with PYTHONDONTWRITEBYTECODE (as CI and this
    # sandbox set it) recompiles every module it imports, ~0.2 s of each run of the CLI.
    compileall.compile_dir(here.parent / "planwriter", quiet=1)
    names = argv or sorted(p.stem for p in here.glob("*.py") if not p.stem.startswith("_"))
    for name in names:
        print(f"== bench/{name}.py")
        importlib.import_module(f"bench.{name}").main()
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
