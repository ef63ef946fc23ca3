"""One writer at a time: two processes editing one plan 20 times each lose nothing
(issue 14, part 2). Each round is a whole ``planwriter edit`` (read, change, write)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from robust_helpers import ROOT, example

from planwriter import planfile

WORKER = """
import sys
from planwriter.cli import main
path, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
for n in range(rounds):
    code = main(["edit", path, "add", f"{name}-{n}", "--under", "nhiem-vu",
                 "--text", f"Nhiệm vụ {n} của {name}."])
    if code:
        sys.exit(code)
"""


def _race(path: Path, *names: str, rounds: int = 20) -> list[subprocess.CompletedProcess[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(path), name, str(rounds)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for name in names
    ]
    done = []
    for worker in workers:
        out, err = worker.communicate(timeout=600)
        done.append(subprocess.CompletedProcess(worker.args, worker.returncode, out, err))
    return done


def test_two_writers_twenty_rounds_lose_nothing(tmp_path: Path) -> None:
    path = example(tmp_path)
    before = {item.id for item, _, _ in planfile.load(path).plan.walk()}
    for result in _race(path, "a", "b"):
        assert result.returncode == 0, result.stderr
        assert result.stdout.count("thêm") == 20
    after = {item.id for item, _, _ in planfile.load(path).plan.walk()}
    assert after - before == {f"{name}-{n}" for name in "ab" for n in range(20)}
    assert before <= after
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no lock or temp left


def test_racing_through_a_symlink_and_the_file_loses_nothing(tmp_path: Path) -> None:
    path = example(tmp_path)
    link = tmp_path / "link.toml"
    link.symlink_to(path.name)
    for result in _race_pair(path, link):
        assert result.returncode == 0, result.stderr
    ids = {item.id for item, _, _ in planfile.load(path).plan.walk()}
    assert {f"{name}-{n}" for name in ("file", "link") for n in range(10)} <= ids
    assert link.is_symlink()


def _race_pair(path: Path, link: Path) -> list[subprocess.CompletedProcess[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(target), name, "10"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for target, name in ((path, "file"), (link, "link"))
    ]
    done = []
    for worker in workers:
        out, err = worker.communicate(timeout=600)
        done.append(subprocess.CompletedProcess(worker.args, worker.returncode, out, err))
    return done
