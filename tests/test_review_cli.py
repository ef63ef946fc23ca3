"""``planwriter review`` as a user runs it: exit status, bad children listed while the
review goes on, a child of another parent reported as such, outputs that never land on an
input or on a file of another kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planwriter import library
from planwriter.review.generate import generate, write_children
from tests.cli_run import planwriter

TEMPLATES = sorted(library.templates())  # 11-KH-TU, 63-CTr-TU
PROFILES = sorted(library.profiles())
PARENT = "lai-chau/63-CTr-TU"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("children")
    write_children(out, generate(PARENT, PROFILES, 4, seed=11))
    return out


def test_a_folder_of_children_reviewed_with_json(folder: Path) -> None:
    result = planwriter("review", PARENT, str(folder), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "planwriter-review/1"
    assert data["summary"]["children"] == 4 and data["summary"]["reviewed"] == 4
    assert [c["name"] for c in data["children"]] == sorted(p.name for p in folder.iterdir())
    for child in data["children"]:
        assert child["status"] == "reviewed"
        assert child["counts"]["dropped"] == 2 and child["counts"]["missing"] == 1
        assert len(child["weakened_targets"]) == 1
        assert all(child["items"][i]["reason"] for i in child["dropped_items"])
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_unreadable_children_are_listed_and_the_review_goes_on(folder: Path, tmp_path: Path):
    broken = tmp_path / "hong.toml"
    broken.write_text("schema = 1\n[plan\n", encoding="utf-8")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02PK")
    missing = tmp_path / "khong-co.docx"
    result = planwriter("review", PARENT, str(folder), str(broken), str(binary), str(missing))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    out = " ".join(result.stdout.split())
    assert "hong.toml: không đọc được" in out and "TOML syntax" in out
    assert "scan.txt: không đọc được" in out and "binary" in out
    assert "khong-co.docx: không đọc được" in out
    assert "4 kế hoạch đã rà soát" in out


def test_a_child_of_another_programme_is_not_aligned_item_by_item(tmp_path: Path) -> None:
    other = write_children(tmp_path, generate(TEMPLATES[0], PROFILES[:1], 1, seed=2))
    mine = write_children(tmp_path / "mine", generate(PARENT, PROFILES[:1], 1, seed=2))
    result = planwriter("review", PARENT, str(other[0]), str(mine[0]), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    first, second = data["children"]
    assert first["status"] == "other-parent" and "11-KH/TU" in first["message"]
    assert first["items"] == {} and first["coverage"] == 0
    assert second["status"] == "reviewed"


def test_a_child_without_its_parent_number_that_carries_almost_nothing(tmp_path: Path) -> None:
    from planwriter.planfile import dumps

    name, plan, _ = generate(TEMPLATES[0], PROFILES[:1], 1, seed=2)[0]
    plan.meta.parent = None  # as an imported Word file would be: no [plan.parent]
    path = tmp_path / "khong-so.toml"
    path.write_text(dumps(plan), encoding="utf-8")
    result = planwriter("review", PARENT, str(path), "--json")
    data = json.loads(result.stdout)
    assert result.returncode == 1
    assert data["children"][0]["status"] == "other-parent"
    assert "hầu như không mục nào khớp" in data["children"][0]["message"]


def test_outputs_never_land_on_an_input_or_a_file_of_another_kind(folder: Path, tmp_path: Path):
    child = sorted(folder.iterdir())[0]
    before = child.read_bytes()
    result = planwriter("review", PARENT, str(folder), "--xlsx", str(child))
    assert result.returncode == 2 and "is an input" in result.stderr
    notes = tmp_path / "ghi-chu.txt"
    notes.write_text("của tôi", encoding="utf-8")
    result = planwriter("review", PARENT, str(folder), "--docx", str(notes))
    assert result.returncode == 2 and "refusing to replace" in result.stderr
    same = tmp_path / "a.xlsx"
    result = planwriter("review", PARENT, str(folder), "--xlsx", str(same), "--docx", str(same))
    assert result.returncode == 2
    assert child.read_bytes() == before and notes.read_text(encoding="utf-8") == "của tôi"
    assert not same.exists()


def test_bad_arguments_are_one_line(tmp_path: Path) -> None:
    result = planwriter("review", PARENT, str(tmp_path))
    assert result.returncode == 2 and "không có kế hoạch nào" in result.stderr
    result = planwriter("review", str(tmp_path / "none.toml"), str(tmp_path))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    result = planwriter("review", PARENT, "--jobs", "0", str(tmp_path))
    assert result.returncode == 2 and "--jobs" in result.stderr


def test_terminal_summary_names_children_and_the_most_dropped_items(folder: Path) -> None:
    result = planwriter("review", PARENT, str(folder))
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "Rà soát 4 kế hoạch thực hiện 63-CTr/TU" in out
    assert "bao phủ trung bình" in out
    assert "bị bỏ, thiếu hoặc hạ chỉ tiêu nhiều nhất" in out


def test_folders_expand_to_plans_and_documents_once_without_the_parent(tmp_path: Path) -> None:
    from planwriter.review.collect import expand

    for name in ("a.toml", "b.docx", "c.pdf", "d.txt", "e.xlsx", ".an.toml", "~$b.docx",
                 "parent.toml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f.toml").write_text("x", encoding="utf-8")
    found = expand([tmp_path, tmp_path / "a.toml", tmp_path / "sub" / "f.toml"],
                   exclude=[tmp_path / "parent.toml"])
    assert [p.name for p in found] == ["a.toml", "b.docx", "c.pdf", "d.txt", "f.toml"]
