"""The real documents stay in ../shared: no file of it is duplicated in the project."""

from __future__ import annotations

import hashlib
import subprocess

import pytest
from shared import ROOT, SHARED


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_file_of_shared_is_in_the_project() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: nothing to compare the project against")
    theirs = {_digest(p): p for p in SHARED.rglob("*") if p.is_file() and p.stat().st_size > 200}
    tracked = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    copies = [
        f"{name} = {theirs[d].relative_to(SHARED)}"
        for name in tracked
        if name and (ROOT / name).is_file() and (d := _digest(ROOT / name)) in theirs
    ]
    assert copies == []
