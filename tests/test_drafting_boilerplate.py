"""Boilerplate templates render in Jinja2's sandbox; every failure names the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwriter.drafting import boilerplate, new_plan
from planwriter.errors import TemplateError

FIXTURES = Path(__file__).parent / "fixtures" / "drafting"
CONTEXT = {"parent": {"cite": "Chương trình hành động số 63-CTr/TU"}, "unit": {"kind": "huyện"}}


def render(tmp_path: Path, text: str) -> str:
    (tmp_path / "t.j2").write_text(text, encoding="utf-8")
    return boilerplate.render("t.j2", CONTEXT, [tmp_path])


def test_renders_one_line_of_plain_text(tmp_path: Path) -> None:
    text = "Thực hiện {{ parent.cite }}\n,  trên địa bàn {{ unit.kind }} <b>\n"
    assert (
        render(tmp_path, text)
        == "Thực hiện Chương trình hành động số 63-CTr/TU, trên địa bàn huyện <b>"
    )


@pytest.mark.parametrize(
    "escape",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ parent.cite.__class__ }}",
    ],
)
def test_reaching_python_internals_fails_with_file_and_line(tmp_path: Path, escape: str) -> None:
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "Thực hiện {{ parent.cite }}\n" + escape + "\n")
    assert info.value.path == tmp_path / "t.j2"
    assert info.value.line == 2
    assert "sandbox" in info.value.message
    assert str(info.value).startswith(
        f"{tmp_path / 't.j2'}:2: template failed: not allowed in the sandbox"
    )


def test_files_outside_the_template_folders_are_not_reachable(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="template not found: /etc/passwd") as info:
        render(tmp_path, "{% include '/etc/passwd' %}")
    assert info.value.line == 1


def test_a_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "Thực hiện\n{{ parent.cite }\n")
    assert (info.value.path, info.value.line) == (tmp_path / "t.j2", 2)
    assert info.value.message.startswith("template syntax:")


def test_an_undefined_name_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "\n\nThực hiện {{ parent.nope }}")
    assert (info.value.path, info.value.line) == (tmp_path / "t.j2", 3)
    assert "undefined name" in info.value.message and "nope" in info.value.message


def test_a_runaway_range_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="t.j2:1: template failed"):
        render(tmp_path, "{% for i in range(10**9) %}x{% endfor %}")


def test_an_office_folder_overrides_the_packaged_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "boilerplate").mkdir()
    (tmp_path / "boilerplate" / "preamble.j2").write_text(
        "Căn cứ {{ parent.cite }}, {{ unit.committee }} ban hành kế hoạch như sau:",
        encoding="utf-8",
    )
    monkeypatch.setenv("PLANWRITER_LIBRARY", str(tmp_path))
    plan = new_plan(str(FIXTURES / "parent.toml"), str(FIXTURES / "district.toml"))
    assert plan.items[0].text == (
        "Căn cứ Chương trình hành động số 63-CTr/TU, Ban Thường vụ Huyện ủy "
        "ban hành kế hoạch như sau:"
    )


def test_a_broken_office_template_stops_drafting_with_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "boilerplate").mkdir()
    (tmp_path / "boilerplate" / "muc-dich.j2").write_text(
        "Cụ thể hóa\n{{ cycler.__init__.__globals__.os }}", encoding="utf-8"
    )
    monkeypatch.setenv("PLANWRITER_LIBRARY", str(tmp_path))
    with pytest.raises(TemplateError) as info:
        new_plan(str(FIXTURES / "parent.toml"), str(FIXTURES / "district.toml"))
    assert (info.value.path, info.value.line) == (tmp_path / "boilerplate" / "muc-dich.j2", 2)
