"""Run every benchmark: ``python -m bench`` (or ``python -m bench diff export``).

Each ``bench/<name>.py`` has ``main() -> None`` that prints its figures and their ratio to
a named baseline measured in the same run. Timings are for reading, never asserted.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = argv or sorted(p.stem for p in here.glob("*.py") if not p.stem.startswith("_"))
    for name in names:
        print(f"== bench/{name}.py")
        importlib.import_module(f"bench.{name}").main()
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
