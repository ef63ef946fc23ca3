"""The outputs of ``planwriter diff``: JSON against its documented schema, the terminal's
summary line and layouts, the printable report, and the command line."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from planwriter.cli import main
from planwriter.diff import compare
from planwriter.diff.jsonout import SCHEMA, to_dict, to_json
from planwriter.diff.terminal import render
from planwriter.model import Disposition
from planwriter.planfile import load

HERE = Path(__file__).parent / "fixtures" / "diff"
DOC = Path(__file__).parent.parent / "docs" / "diff-json.md"
CHILD, PARENT = HERE / "child-origins.toml", HERE / "parent.toml"


def diff_() -> Any:
    return compare(load(CHILD).plan, load(PARENT).plan)


def fields(value: Any, path: str = "") -> set[str]:
    """Every key path in a JSON value ("items[].parent.id"), list elements merged."""
    out: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            out.add(f"{path}.{key}")
            out |= fields(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for inner in value:
            out |= fields(inner, f"{path}[]")
    return out


def test_json_matches_the_documented_example() -> None:
    block = re.search(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block is not None
    documented = json.loads(block.group(1))
    output = json.loads(to_json(diff_()))
    assert output["schema"] == documented["schema"] == SCHEMA
    assert fields(output) == fields(documented)
    # Every field the example shows is described in a table of the document.
    described = set(re.findall(r"`(\w+)`", DOC.read_text(encoding="utf-8")))
    assert {f.rsplit(".", 1)[-1] for f in fields(documented)} <= described
    # The example is real output, not a hand-written sample.
    items = {json.dumps(i, sort_keys=True) for i in output["items"]}
    assert all(json.dumps(i, sort_keys=True) in items for i in documented["items"])


def test_json_word_ops_rebuild_both_texts() -> None:
    for item in to_dict(diff_())["items"]:
        if item["status"] == "adapted":
            assert "".join(w["old"] for w in item["words"]) == item["parent"]["text"]
            assert "".join(w["new"] for w in item["words"]) == item["child"]["text"]


def _rendered(**options: bool) -> str:
    console = Console(record=True, width=100, file=io.StringIO(), color_system=None)
    render(diff_(), console, **options)
    return console.export_text()


def test_terminal_starts_with_the_counts() -> None:
    text = _rendered()
    lines = text.splitlines()
    # The counts come right after the heading, before the indicator table and the items.
    assert lines[2:5] == [
        "Mục: giữ nguyên 9 · điều chỉnh 3 · bỏ 1 · bổ sung 1 · di chuyển 0 (tách 1 · gộp 1)",
        "Điều chỉnh: nội dung 2 · số liệu 1 · phân công 0 · chỉ câu chữ 0 · chỉ địa phương hóa 0",
        "Chỉ tiêu: nâng 1 · giữ 0 · hạ 0 · bỏ 0 · thêm 0",
    ]
    assert "Tỷ lệ phủ sóng 5G trên địa bàn [-tỉnh-]{+huyện+} đạt [-tối thiểu 45%-]{+100%+}." in text
    assert "Lý do: Thuộc thẩm quyền của Trung ương." in text


def test_changed_only_and_side_by_side() -> None:
    full, changed = _rendered(), _rendered(changed_only=True)
    assert "[giữ nguyên]" in full and "[giữ nguyên]" not in changed
    side = _rendered(side_by_side=True, changed_only=True)
    assert "63-CTr/TU" in side and "363-KH/HU" in side and "[bổ sung]" in side


def test_cli_json_report_and_redline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # PARENT defaults to the child's [plan.parent] ref.
    assert main(["diff", str(CHILD), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["items"]["dropped"] == 1
    report, redline = tmp_path / "so-sanh.docx", tmp_path / "redline.docx"
    assert (
        main(["diff", str(CHILD), str(PARENT), "--docx", str(report), "--redline", str(redline)])
        == 0
    )
    import docx

    text = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    assert "Mục: giữ nguyên 9" in text and "Lý do: Thuộc thẩm quyền của Trung ương." in text
    runs = [r for p in docx.Document(str(report)).paragraphs for r in p.runs]
    assert any(r.font.strike and r.text == "tối thiểu 45%" for r in runs)
    assert any(r.font.underline and r.text == "100%" for r in runs)
    assert redline.stat().st_size > 0


def test_cli_missing_parent_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lone = tmp_path / "lone.toml"
    lone.write_text(PARENT.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["diff", str(lone)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "PARENT" in err


def test_unwritable_report_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    missing = Path("/nonexistent-folder-for-planwriter/so-sanh.docx")
    assert main(["diff", str(CHILD), "--redline", str(missing)]) == 2
    assert main(["diff", str(CHILD), "--docx", str(missing)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all("không ghi được tệp" in line for line in err)


def test_a_dropped_section_is_one_entry_with_its_reason() -> None:
    child = load(CHILD).plan
    section = child.find("nv-2")
    assert section is not None
    section.disposition, section.reason = Disposition.DROPPED, "Huyện chưa có cơ sở đào tạo."
    diff = compare(child, load(PARENT).plan)
    console = Console(record=True, width=200, file=io.StringIO(), color_system=None)
    render(diff, console, changed_only=True)
    text = console.export_text()
    assert "Lý do: Huyện chưa có cơ sở đào tạo. Bỏ cả 3 mục con." in text
    assert text.count("[bỏ]") == 2  # qd-2 and the section, not each bullet under it
    assert diff.summary.dropped == 1 + 1 + 3  # qd-2, the section, its three parent bullets


def test_diff_still_refuses_an_origin_its_parent_lacks(tmp_path: Path) -> None:
    """diff reads the parent once and checks the child's origins against that same copy."""
    from cli_run import ROOT, planwriter

    child = tmp_path / "kh.toml"
    text = (ROOT / "examples" / "363-KH-HU.toml").read_text(encoding="utf-8")
    child.write_text(text.replace('origin = "', 'origin = "khong-co-', 1), encoding="utf-8")
    done = planwriter("diff", str(child))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "origin 'khong-co-" in done.stderr and "not an item of 63-CTr/TU" in done.stderr


def test_json_is_the_same_without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    """orjson only makes the encoding faster: the standard encoder writes the same compact
    UTF-8 (Vietnamese not \\u-escaped), so output never depends on what is installed."""
    from planwriter.diff import jsonout

    diff = diff_()
    fast = jsonout.to_bytes(diff)
    monkeypatch.setattr(jsonout, "orjson", None)
    plain = jsonout.to_bytes(diff)
    assert json.loads(fast) == json.loads(plain) == json.loads(json.dumps(to_dict(diff)))
    assert fast.endswith(b"\n") and plain.endswith(b"\n") and fast.count(b"\n") == 1
    assert "Ủy ban".encode() in plain or "đ".encode() in plain
    assert b"\\u" not in plain
