"""The command line's edge: bad input is one line on stderr, exit status 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import planwriter

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "planfile"




@pytest.mark.parametrize("command", ["show", "validate"])
def test_bad_file_is_one_line_with_place_and_exit_2(tmp_path: Path, command: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'schema = 1\n\n[plan]\nlevel = "district"\ntype = "KH"\n'
        'issuer_symbol = "HU"\nissuing_body = "HUYỆN ỦY TAM ĐƯỜNG"\n'
        'place = "Tam Đường"\ndate = 2025-13-01\n',
        encoding="utf-8",
    )
    result = planwriter(command, str(bad))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"planwriter: {bad}:9: TOML syntax")
    assert "Traceback" not in result.stderr


def test_missing_file(tmp_path: Path) -> None:
    result = planwriter("show", str(tmp_path / "nowhere.toml"))
    assert (result.returncode, result.stderr) == (
        2,
        f"planwriter: {tmp_path / 'nowhere.toml'}: no such file\n",
    )


def test_validate_reports_each_file_and_fails_if_any_is_bad(tmp_path: Path) -> None:
    for name in ("parent.toml", "child.toml"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    broken = tmp_path / "broken.toml"
    broken.write_text(
        (FIXTURES / "parent.toml")
        .read_text(encoding="utf-8")
        .replace('kind = "objective"', 'kind = "goal"'),
        encoding="utf-8",
    )
    result = planwriter("validate", str(tmp_path / "child.toml"), str(broken))
    assert result.returncode == 2
    assert result.stdout == f"{tmp_path / 'child.toml'}: ok (3 items)\n"
    assert result.stderr.startswith(f"planwriter: {broken}:")
    assert "unknown kind 'goal'" in result.stderr


def test_show_prints_derived_numbering() -> None:
    result = planwriter("show", str(FIXTURES / "child.toml"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "I. NỘI DUNG" in lines
    assert "- Tỷ lệ phủ sóng 5G trên địa bàn huyện đạt tối thiểu 45%." in lines
    assert "Số 363-KH/HU" in lines


def test_validate_reads_a_profile_as_a_profile() -> None:
    profile = "planwriter/bundled/profiles/lai-chau/tam-duong.toml"
    result = planwriter("validate", profile)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{profile}: ok (profile, ")


def test_indicator_figure_keeps_percent_units_joined() -> None:
    from planwriter.model import Indicator

    assert Indicator(id="x", name="Kinh tế số", value=6.5, unit="% GRDP").figure() == "6,5% GRDP"
    assert (
        Indicator(id="y", name="Nhân lực", value=10, unit="người/vạn dân").figure()
        == "10 người/vạn dân"
    )


def test_wrong_arguments_are_one_line_too() -> None:
    result = planwriter("diff")
    assert result.returncode == 2
    assert result.stderr == (
        "planwriter: planwriter diff: the following arguments are required: child "
        "(see planwriter diff --help)\n"
    )
