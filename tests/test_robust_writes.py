"""Every write keeps the file readable and never clobbers an input; an OSError of any kind
on write is one line naming the file, with the file unchanged (issue 14, parts 1-4)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from cli_run import ROOT
from robust_helpers import example, refused, snapshot

from planwriter import library, planfile
from planwriter.cli import main
from planwriter.planfile import ChangedOnDisk


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (["adapt", "muc-dich-1", "dòng 1\ndòng 2"], "text holds a line break"),
        (["adapt", "muc-dich-1", "chuông\x07"], "control character U+0007"),
        (["adapt", "muc-dich-1", "thoát\x1b[31m"], "control character U+001B"),
        (["task", "muc-dich-1", "--lead", "Ban\x00"], "control character U+0000"),
        (["drop", "muc-dich-1", "lý do\rkhác"], "text holds a line break"),
        (["add", "", "--text", "x"], "an id may not be empty"),
        (["add", "mục mới", "--text", "x"], "may hold only letters"),
        (["add", "a/../b", "--text", "x"], "may hold only letters"),
        (["target", "ti-le-dvc-truc-tuyen", "nan"], "NaN and infinity are refused"),
        (["target", "ti-le-dvc-truc-tuyen", "inf"], "NaN and infinity are refused"),
        (["number", "12\x0b3"], "control character U+000B"),
    ],
)
def test_edit_refuses_what_the_reader_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], why: str
) -> None:
    path = example(tmp_path)
    before = snapshot(tmp_path)
    refused(capsys, ["edit", str(path), *args], str(path), why)
    assert snapshot(tmp_path) == before


def test_decomposed_text_is_stored_as_nfc(tmp_path: Path) -> None:
    path = example(tmp_path)
    typed = unicodedata.normalize("NFD", "Triển khai ở xã, phường")
    assert main(["edit", str(path), "adapt", "muc-dich-1", typed]) == 0
    assert main(["validate", str(path)]) == 0
    assert planfile.load(path).plan.find("muc-dich-1").text == unicodedata.normalize("NFC", typed)


def test_header_line_breaks_stay_allowed(tmp_path: Path) -> None:
    """Meta.summary/superior_body/issuing_body may hold line breaks, stored as arrays."""
    path = example(tmp_path)
    pf = planfile.load(path)
    pf.plan.meta.issuing_body = "ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC"
    pf.save()
    assert planfile.load(path).plan.meta.issuing_body.count("\n") == 2


@pytest.mark.parametrize(
    ("code", "why"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "the file system is read-only"),
        (errno.EIO, "Input/output error"),
    ],
)
def test_os_error_on_write_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    code: int, why: str,
) -> None:
    path = example(tmp_path)
    before = snapshot(tmp_path)
    real_write = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        if self.name.endswith(".tmp"):
            raise OSError(code, os.strerror(code))
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    refused(capsys, ["edit", str(path), "number", "9-KH/HU"], f"{path}: cannot write: {why}")
    assert snapshot(tmp_path) == before  # no temporary file left either


def test_unwritable_folder_and_folder_as_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out.toml"
    folder.mkdir()
    args = ["new", "-t", "lai-chau/63-CTr-TU", "-p", "lai-chau/tam-duong", "-o", str(folder),
            "--force"]
    refused(capsys, args, str(folder), "is a folder")
    import tempfile

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)  # as root, chmod alone would not stop us
    target = tmp_path / "kh.toml"
    refused(capsys, args[:-2] + [str(target)], f"{target}: cannot write: permission denied")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.toml"]


def test_disk_full_on_a_real_device(tmp_path: Path) -> None:
    """/dev/full: every write fails with ENOSPC (the atomic write goes beside the target, so
    write through a real file handle the way the journal's writer would)."""
    from planwriter.errors import WriteError
    from planwriter.fsutil import atomic_write_with

    target = tmp_path / "plan.toml"
    target.write_text("old", encoding="utf-8")

    def into_full(tmp: Path) -> None:
        with open("/dev/full", "wb") as full:
            full.write(b"x" * 65536)
            full.flush()

    with pytest.raises(WriteError, match=f"{target}: cannot write: the disk is full"):
        atomic_write_with(target, into_full)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]


def test_outputs_never_clobber_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = example(tmp_path)
    (tmp_path / "notes.txt").write_text("ghi chú", encoding="utf-8")
    before = snapshot(tmp_path)
    for args in (
        ["diff", str(path), "--docx", str(path)],
        ["diff", str(path), "--redline", str(path)],
        ["diff", str(path), "--docx", str(tmp_path / "notes.txt")],
        ["export", str(path), "-o", str(tmp_path / "x.docx"), "--tasks", str(path)],
        ["import", str(tmp_path / "notes.txt"), "-o", str(tmp_path / "notes.txt")],
    ):
        refused(capsys, args)
    assert snapshot(tmp_path) == before
    template = library.template_path("lai-chau/63-CTr-TU")
    kept = template.read_bytes()
    refused(capsys, ["new", "-t", "lai-chau/63-CTr-TU", "-p", "lai-chau/tam-duong", "-o",
                     str(template), "--force"], str(template), "is an input of this command")
    assert template.read_bytes() == kept


@pytest.mark.parametrize("key", ["../evil", "/tmp/evil", "a/../../b", "lai-chau/..", "a b"])
def test_as_template_stays_inside_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    key: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "ctr.txt"
    source.write_text("CHƯƠNG TRÌNH HÀNH ĐỘNG\nI. MỤC ĐÍCH\n- Nội dung.\n", encoding="utf-8")
    before = snapshot(tmp_path.parent)
    refused(capsys, ["import", str(source), "--as-template", key], "is not a library key")
    assert snapshot(tmp_path.parent) == before


def test_as_template_does_not_shadow_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "ctr.txt"
    source.write_text("CHƯƠNG TRÌNH HÀNH ĐỘNG\nI. MỤC ĐÍCH\n- Nội dung.\n", encoding="utf-8")
    before = snapshot(tmp_path)
    refused(capsys, ["import", str(source), "--as-template", "lai-chau/63-CTr-TU"],
            "the library already has a template 'lai-chau/63-CTr-TU'", "--force")
    assert snapshot(tmp_path) == before


def test_edit_through_a_symlink_edits_the_target(tmp_path: Path) -> None:
    real = example(tmp_path)
    link = tmp_path / "link.toml"
    link.symlink_to(real.name)
    assert main(["edit", str(link), "number", "77-KH/HU"]) == 0
    assert link.is_symlink() and os.readlink(link) == real.name
    assert planfile.load(real).plan.meta.number == "77-KH/HU"


def test_a_change_on_disk_is_reported_not_overwritten(tmp_path: Path) -> None:
    path = example(tmp_path)
    mine = planfile.load(path)
    theirs = planfile.load(path)
    theirs.plan.meta.number = "1-KH/HU"
    theirs.save()
    mine.plan.meta.number = "2-KH/HU"
    with pytest.raises(ChangedOnDisk, match="changed on disk since it was read"):
        mine.save()
    assert planfile.load(path).plan.meta.number == "1-KH/HU"
    mine.save(force=True)  # the user chose to overwrite
    assert planfile.load(path).plan.meta.number == "2-KH/HU"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", [["show"], ["diff", "--json"], ["diff"]])
def test_a_full_output_is_one_line(tmp_path: Path, command: list[str]) -> None:
    """``planwriter show plan > /dev/full``: the output cannot be written; one line says so,
    the exit status is not 0, and no traceback follows at exit."""
    path = example(tmp_path)
    before = snapshot(tmp_path)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "planwriter", command[0], *command[1:], str(path)],
            stdout=full, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=120,
        )
    assert done.returncode == 1
    assert done.stderr == "planwriter: standard output: cannot write: the disk is full\n"
    assert snapshot(tmp_path) == before


def _long_plan(folder: Path) -> Path:
    """A plan whose text is several times a pipe's buffer (64 kB), so the reader leaves
    while it is still being written."""
    from planwriter.model import Item, Kind, Meta, Plan

    items = [
        Item(f"y{n}", Kind.BULLET, text=f"Ý thứ {n}: triển khai nhiệm vụ chuyển đổi số ở cơ sở.")
        for n in range(3000)
    ]
    path = folder / "dai.toml"
    path.write_text(planfile.dumps(Plan(Meta(number="1"), items=items)), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["show"], ["diff", "--json"]])
def test_a_reader_that_leaves_early_is_no_error(tmp_path: Path, command: list[str]) -> None:
    """``planwriter show plan | head -c 1``: the pipe closes under the output; that is the
    reader's choice, not a failure: exit 0 and nothing on stderr."""
    path = _long_plan(tmp_path)
    plans = [str(path), str(path)] if command[0] == "diff" else [str(path)]  # diff: with itself
    with subprocess.Popen(
        [sys.executable, "-m", "planwriter", *command, *plans],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.read(1)
        child.stdout.close()
        error = child.stderr.read().decode("utf-8")
        assert child.wait(timeout=120) == 0
    assert error == ""
