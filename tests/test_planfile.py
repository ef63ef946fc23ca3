"""Plan files: round trips that keep comments, and one clear error per kind of bad file."""

from __future__ import annotations

import errno
import shutil
import unicodedata
from pathlib import Path

import pytest

from planwriter import planfile
from planwriter.errors import OutputError, PlanFileError
from planwriter.model import Disposition, Indicator, Item, Kind

FIXTURES = Path(__file__).parent / "fixtures" / "planfile"


@pytest.fixture
def child(tmp_path: Path) -> Path:
    for name in ("parent.toml", "child.toml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path / "child.toml"


def test_unchanged_save_rewrites_no_byte(child: Path) -> None:
    before = child.read_bytes()
    pf = planfile.load(child)
    pf.save()
    assert child.read_bytes() == before


def test_edit_keeps_comments_order_and_untouched_lines(child: Path) -> None:
    pf = planfile.load(child)
    pf.plan.find("5g").indicators[0].value = 50  # type: ignore[union-attr]
    pf.save()
    text = child.read_text(encoding="utf-8")
    assert text.startswith("# Kế hoạch của huyện: a comment that must survive a save.\n")
    assert 'place = "Tam Đường"  # nơi ban hành\n' in text
    assert "# The district keeps the province's 5G target.\n" in text
    before = (FIXTURES / "child.toml").read_text(encoding="utf-8").splitlines()
    after = text.splitlines()
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [("value = 45", "value = 50")]


def test_new_item_and_removed_item(child: Path) -> None:
    pf = planfile.load(child)
    section = pf.plan.find("noi-dung")
    assert section is not None
    section.children.insert(
        0, Item(id="moi", kind=Kind.BULLET, text="Nội dung mới.", disposition=Disposition.ADDED)
    )
    section.children = [c for c in section.children if c.id != "them"]
    pf.save()
    again = planfile.load(child)
    assert [i.id for i, _, _ in again.plan.walk()] == ["noi-dung", "moi", "5g"]
    assert "# The district keeps the province's 5G target." in child.read_text(encoding="utf-8")
    assert again.plan == pf.plan


def test_hand_edit_survives_load_and_save(child: Path) -> None:
    text = child.read_text(encoding="utf-8")
    text = text.replace(
        'deadline = "Quý II/2025"', 'deadline = "Quý II/2025"   # hạn do Thường trực giao'
    )
    child.write_text(text, encoding="utf-8")
    pf = planfile.load(child)
    pf.plan.meta.number = "364"
    pf.save()
    assert 'deadline = "Quý II/2025"   # hạn do Thường trực giao' in child.read_text(
        encoding="utf-8"
    )


def test_save_is_atomic_and_leaves_no_temporary(
    child: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = child.read_bytes()
    pf = planfile.load(child)
    pf.plan.meta.number = "999"

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OutputError, match="child.toml: cannot write: the disk is full"):
        pf.save()
    assert child.read_bytes() == before
    assert sorted(p.name for p in child.parent.iterdir()) == ["child.toml", "parent.toml"]


def test_changed_on_disk_is_detected(child: Path) -> None:
    pf = planfile.load(child)
    assert not pf.changed_on_disk()
    child.write_text(child.read_text(encoding="utf-8") + "\n# someone else\n", encoding="utf-8")
    assert pf.changed_on_disk()


def test_model_reads_every_field(child: Path) -> None:
    plan = planfile.load(child).plan
    m = plan.meta
    assert m.number_line() == "Số 363-KH/HU"
    assert m.place_date() == "Tam Đường, ngày 23 tháng 4 năm 2025"
    assert m.parent is not None and m.parent.number == "63-CTr/TU"
    assert m.signature.on_behalf == "T/M BAN THƯỜNG VỤ"
    task = plan.find("them")
    assert (
        task is not None
        and task.lead == "UBND huyện"
        and task.partners == ["Phòng Văn hóa - Thông tin"]
    )
    assert plan.find("5g").indicators == [  # type: ignore[union-attr]
        Indicator(
            id="phu-song-5g", name="Tỷ lệ phủ sóng 5G", value=45, unit="%", comparator="tối thiểu"
        )
    ]


# ------------------------------------------------------------------ invalid files


def _bad(child: Path, old: str, new: str) -> PlanFileError:
    text = child.read_text(encoding="utf-8")
    assert old in text, old
    child.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PlanFileError) as info:
        planfile.load(child)
    return info.value


def _line_of(path: Path, fragment: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(fragment)


def _at(path: Path, fragment: str) -> str:
    return f"{path}:{_line_of(path, fragment)}: "


def test_toml_syntax_error(child: Path) -> None:
    error = _bad(child, 'type = "KH"', 'type = "KH')
    assert error.line == _line_of(child, 'type = "KH')
    assert str(error).startswith(f"{child}:{error.line}: TOML syntax: ")


def test_missing_field(child: Path) -> None:
    error = _bad(child, 'type = "KH"\n', "")
    assert str(error) == f"{child}:4: [plan] is missing 'type'"


def test_wrong_type(child: Path) -> None:
    error = _bad(child, "date = 2025-04-23", 'date = "23/4/2025"')
    assert str(error) == (
        _at(child, 'date = "23/4/2025"') + ""
        "'date' in [plan] must be a date (YYYY-MM-DD), not a string"
    )


def test_wrong_type_in_indicator(child: Path) -> None:
    error = _bad(child, "value = 45", 'value = "45%"')
    assert str(error) == (
        _at(child, 'value = "45%"') + "'value' in [[item.indicator]] must be a number, not a string"
    )


def test_unknown_disposition(child: Path) -> None:
    error = _bad(child, 'disposition = "added"', 'disposition = "kept"')
    assert str(error) == (
        _at(child, 'disposition = "kept"') + "unknown disposition 'kept' "
        "(expected one of: adopted, localized, adapted, dropped, added)"
    )


def test_duplicate_id(child: Path) -> None:
    error = _bad(child, 'id = "them"', 'id = "5g"')
    first = _line_of(child, 'id = "5g"')
    second = [
        n
        for n, line in enumerate(child.read_text(encoding="utf-8").splitlines(), 1)
        if line == 'id = "5g"'
    ][1]
    assert str(error) == f"{child}:{second}: duplicate item id '5g' (first used on line {first})"


def test_origin_pointing_nowhere(child: Path) -> None:
    error = _bad(child, 'origin = "5g"', 'origin = "6g"')
    assert str(error) == (
        _at(child, 'origin = "6g"') + "item '5g' has origin '6g', which is not an item of 63-CTr/TU"
    )


def test_parent_not_found(child: Path) -> None:
    error = _bad(child, 'ref = "parent.toml"', 'ref = "missing.toml"')
    assert str(error) == _at(child, "ref = ") + "parent plan 'missing.toml' not found"


def test_text_not_nfc(child: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Xây dựng kế hoạch")
    error = _bad(
        child,
        'text = "Xây dựng kế hoạch chuyển đổi số của huyện."',
        f'text = "{decomposed} chuyển đổi số của huyện."',
    )
    assert str(error) == (
        _at(child, 'chuyển đổi số của huyện."') + "'text' in [[item]]: "
        "text is not Unicode NFC (decomposed diacritics); normalise it to NFC"
    )


def test_control_character(child: Path) -> None:
    error = _bad(child, 'title = "NỘI DUNG"\norigin', 'title = "NỘI\\u0007DUNG"\norigin')
    assert str(error) == (
        _at(child, "NỘI\\u0007DUNG") + "'title' in [[item]]: text holds a control character U+0007"
    )


def test_drop_without_reason_loads_so_check_can_report_it(child: Path) -> None:
    text = child.read_text(encoding="utf-8")
    child.write_text(
        text.replace(
            'disposition = "adopted"\n[[item.indicator]]',
            'disposition = "dropped"\n[[item.indicator]]',
            1,
        ),
        encoding="utf-8",
    )
    item = planfile.load(child).plan.find("5g")
    assert item is not None and item.dropped and item.reason == ""


def test_under_unknown_item(child: Path) -> None:
    error = _bad(child, 'under = "noi-dung"\nkind = "task"', 'under = "nowhere"\nkind = "task"')
    assert str(error) == (
        _at(child, 'under = "nowhere"') + "item 'them' is under 'nowhere', "
        "which is not an earlier item"
    )


def test_unknown_key(child: Path) -> None:
    error = _bad(child, 'deadline = "Quý II/2025"', 'deadlin = "Quý II/2025"')
    assert str(error) == _at(child, "deadlin =") + "unknown key 'deadlin' in [[item]]"


def test_unsupported_schema(child: Path) -> None:
    error = _bad(child, "schema = 1", "schema = 7")
    assert str(error) == f"{child}:2: schema 7 is not supported (this planwriter reads schema 1)"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(b'schema = 1\n[plan]\nplace = "T\xe2m"\n')
    with pytest.raises(PlanFileError) as info:
        planfile.load(path)
    assert str(info.value) == f"{path}:3: not UTF-8 text"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as info:
        planfile.load(tmp_path / "none.toml")
    assert str(info.value) == f"{tmp_path / 'none.toml'}: no such file"
