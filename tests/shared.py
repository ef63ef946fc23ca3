"""Real documents no one on this project wrote, read where they live: ``../shared`` beside the
checkout (CI lays it there). Never copied into the project; a test that needs one skips with
the reason when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PLANWRITER_SHARED", ROOT.parent / "shared"))
REAL = SHARED / "real"

# The names the tests use for the seeds and the references, and where each one lives.
SOURCES: dict[str, str] = {
    "seed-11-KH-TU.ocr.txt": "seeds/000_8450da1e5bc55cf7.txt",
    "seed-363-KH-HU.ocr.txt": "seeds/003_3c60e631b358774c.txt",
    "57-NQ-TW.txt": "reference/57-NQ-TW.txt",
    "3260-KH-DDQH15.txt": "reference/3260-KH-DDQH15.txt",
    "03-NQ-CP.txt": "reference/03-NQ-CP.txt",
}


def shared(relative: str) -> Path:
    """A file of ``../shared``; skips the calling test, saying why, when it is not there."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: the real documents live in ../shared beside the checkout")
    return path


def source(name: str) -> Path:
    """A seed or reference document by the name the tests give it."""
    return shared(SOURCES[name])


def real_docx() -> list[Path]:
    """The Word files of ../shared/real/docx (empty when ../shared is absent)."""
    return sorted((REAL / "docx").glob("*.docx"))


def real_text() -> list[Path]:
    return sorted((REAL / "text").glob("*.txt"))
