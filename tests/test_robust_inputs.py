"""Bad input is one line naming the file (and line), exit 2, no traceback, nothing written:
duplicate keys, a BOM, a FIFO or device, deep nesting, argv and journals not UTF-8, the
553rd point, a zip bomb, a runaway boilerplate template (issue 14, part 4 and 5)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from robust_helpers import ROOT, example, refused, snapshot

from planwriter import journal, planfile
from planwriter.cli import main
from planwriter.errors import PlanFileError, TemplateError
from planwriter.model import Item, Kind, Meta, Plan
from planwriter.numbering import labels

HEAD = 'schema = 1\n\n[plan]\nlevel = "district"\ntype = "KH"\n\n'


def test_duplicate_key_is_one_line_in_every_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dup.toml"
    path.write_text(HEAD + '[[item]]\nid = "a"\nkind = "bullet"\ntext = "x"\ntext = "y"\n',
                    encoding="utf-8")
    before = snapshot(tmp_path)
    for args in (["validate", str(path)], ["show", str(path)],
                 ["edit", str(path), "adapt", "a", "z"]):
        refused(capsys, args, f"{path}:11: TOML syntax: key 'text' is defined twice")
    with pytest.raises(PlanFileError, match="key 'text' is defined twice"):
        planfile.parse_doc(path.read_text(encoding="utf-8"), path)  # tomlkit's KeyAlreadyPresent
    assert snapshot(tmp_path) == before


def test_a_bom_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = example(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert main(["validate", str(path)]) == 0
    assert main(["edit", str(path), "number", "12-KH/HU"]) == 0
    assert planfile.load(path).plan.meta.number == "12-KH/HU"


def test_fifo_and_device_are_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for args in (["validate", str(fifo)], ["show", "/dev/zero"],
                 ["import", str(tmp_path / "in.txt"), "-o", str(tmp_path / "o.toml")]):
        if args[0] == "import":
            os.mkfifo(tmp_path / "in.txt")
        done = subprocess.run([sys.executable, "-m", "planwriter", *args], capture_output=True,
                              text=True, env=env, timeout=60)  # a FIFO read would hang
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and "not a regular file" in done.stderr, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "plan.toml"]


def test_argument_not_utf8_is_one_line(tmp_path: Path) -> None:
    path = example(tmp_path)
    before = snapshot(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "planwriter", "edit", str(path), "adapt", "muc-dich-1",
         b"d\xf2ng m\xf4\xff".decode("utf-8", "surrogateescape")],
        capture_output=True, env=env, timeout=60,
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and err.count("\n") == 1, err
    assert "argument 5" in err and "not valid UTF-8" in err
    assert snapshot(tmp_path) == before


def test_deep_nesting_has_a_clear_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = ['[[item]]\nid = "n0"\nkind = "bullet"\ntext = "x"\n']
    items += [f'[[item]]\nid = "n{i}"\nunder = "n{i - 1}"\nkind = "bullet"\ntext = "x"\n'
              for i in range(1, 5000)]
    path = tmp_path / "deep.toml"
    path.write_text(HEAD + "\n".join(items), encoding="utf-8")
    refused(capsys, ["validate", str(path)], str(path), "nested deeper than 64 levels")
    arrays = tmp_path / "arrays.toml"
    arrays.write_text(HEAD + "[[item]]\nid = 'a'\nkind = 'table'\nrows = " + "[" * 3000
                      + "]" * 3000 + "\n", encoding="utf-8")
    refused(capsys, ["validate", str(arrays)], str(arrays))


def test_the_553rd_point_is_numbered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    section = Item("s", Kind.SECTION, title="Nhiệm vụ")
    sub = Item("s1", Kind.SECTION, title="Nội dung", children=[])
    sub.children = [Item(f"p{n}", Kind.SECTION, title=f"Điểm {n}") for n in range(1, 601)]
    section.children = [sub]
    top = Item("top", Kind.SECTION, title="Chung", children=[section])
    plan = Plan(Meta(), [top])
    numbers = labels(plan)
    assert [numbers[f"p{n}"] for n in (1, 23, 24, 46, 47, 552, 553)] == [
        "a)", "y)", "aa)", "yy)", "aaa)", "y" * 24 + ")", "a" * 25 + ")"]
    path = tmp_path / "long.toml"
    planfile.new_file(plan, path).save()
    capsys.readouterr()
    assert main(["show", str(path)]) == 0
    assert "a" * 25 + ") Điểm 553" in capsys.readouterr().out


def test_journal_not_utf8_is_one_line(tmp_path: Path) -> None:
    path = example(tmp_path)
    journal.journal_path(path).write_bytes(b"schema = 1\n# h\xe1\xbb\n")
    before = snapshot(tmp_path)
    with pytest.raises(PlanFileError) as caught:
        journal.pending(path)
    assert str(caught.value) == f"{journal.journal_path(path)}:2: not UTF-8 text"
    assert snapshot(tmp_path) == before


def test_zip_bomb_is_refused_before_it_expands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
        with package.open("word/media/zeros.bin", "w") as part:
            block = bytes(2**20)
            for _ in range(300):  # 300 MB that compresses to about 1 MB
                part.write(block)
    assert bomb.stat().st_size < 4 * 2**20
    before = snapshot(tmp_path)
    refused(capsys, ["import", str(bomb), "-o", str(tmp_path / "out.toml")],
            str(bomb), "expands to 300 MB, more than the 256 MB limit")
    assert snapshot(tmp_path) == before


def test_runaway_boilerplate_is_stopped(tmp_path: Path) -> None:
    from planwriter.drafting.boilerplate import render

    (tmp_path / "loop.j2").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        encoding="utf-8")
    (tmp_path / "huge.j2").write_text("{{ 'Kế hoạch ' * 100000000 }}", encoding="utf-8")
    (tmp_path / "long.j2").write_text("{% for i in range(100000) %}Kế hoạch {% endfor %}",
                                      encoding="utf-8")
    for name, why in (("loop.j2", "ran longer than 2 s"),
                      ("huge.j2", "a value longer than 65536 characters"),
                      ("long.j2", "wrote more than 65536 characters")):
        with pytest.raises(TemplateError) as caught:
            render(name, {}, [tmp_path])
        message = str(caught.value)
        assert message.startswith(str(tmp_path / name)) and why in message
        assert "\n" not in message
