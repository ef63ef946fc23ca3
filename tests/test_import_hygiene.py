"""The domain core knows nothing of the terminal: importing any module outside
planwriter/tui/ in a fresh interpreter must not import Textual."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import planwriter

ROOT = Path(__file__).resolve().parent.parent


def core_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(planwriter.__path__, "planwriter.")]
    return sorted(n for n in names if not n.startswith("planwriter.tui")
                  and n != "planwriter.__main__")


def imported_after(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("module", core_modules())
def test_core_module_does_not_import_textual(module: str) -> None:
    assert "textual" not in imported_after(module)


def test_the_cli_starts_without_heavy_libraries() -> None:
    loaded = imported_after("planwriter.cli")
    assert not loaded & {"textual", "docx", "jinja2", "openpyxl"}


def test_the_list_of_core_modules_is_not_empty() -> None:
    wanted = {"planwriter.model", "planwriter.operations", "planwriter.journal"}
    assert wanted <= set(core_modules())
