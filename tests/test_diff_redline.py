"""The redline: real Word tracked changes. Reading the XML back, accepting every change gives
the child's text and rejecting every change the parent's; LibreOffice keeps them."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree  # type: ignore[import-untyped]

from planwriter.diff import compare
from planwriter.diff.redline import write_redline
from planwriter.model import Item, Plan
from planwriter.planfile import load
from planwriter.render import body_lines

HERE = Path(__file__).parent / "fixtures" / "diff"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def resolve(path: Path, accept: bool) -> list[str]:
    """The paragraphs' text once every change is accepted (drop w:del, unwrap w:ins) or
    rejected (the opposite); a paragraph whose mark is removed disappears."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    gone = W + ("del" if accept else "ins")
    out = []
    for p in root.iter(W + "p"):
        if p.find(f"{W}pPr/{W}rPr/{gone}") is not None:
            continue
        parts = [
            t.text or ""
            for t in p.iter(W + "t", W + "delText")
            if not any(a.tag == gone for a in t.iterancestors())
        ]
        out.append("".join(parts))
    return out


def check(child: Plan, parent: Plan, path: Path) -> None:
    write_redline(compare(child, parent), path)
    assert resolve(path, accept=True) == body_lines(child)
    assert resolve(path, accept=False) == body_lines(parent)


def test_origin_child_accepts_to_child_rejects_to_parent(tmp_path: Path) -> None:
    check(
        load(HERE / "child-origins.toml").plan, load(HERE / "parent.toml").plan, tmp_path / "r.docx"
    )
    xml = zipfile.ZipFile(tmp_path / "r.docx").read("word/document.xml").decode()
    assert 'w:author="planwriter"' in xml and "<w:delText" in xml and "<w:ins " in xml


def test_text_only_child_with_move_split_merge(tmp_path: Path) -> None:
    parent = load(HERE / "parent.toml").plan
    child = parent.clone()
    for item, _, _ in child.walk():
        item.id = "c-" + item.id
    moved = child.find("c-nv-1-c")
    assert moved is not None
    child.siblings_of("c-nv-1-c").remove(moved)
    section = child.find("c-nv-2")
    assert section is not None
    section.children.insert(1, moved)
    whole = child.find("c-nv-1-b")
    assert whole is not None
    first, second = whole.text.split(". ", 1)
    whole.text = first + "."
    siblings = child.siblings_of("c-nv-1-b")
    siblings.insert(siblings.index(whole) + 1, Item("c-new", whole.kind, text=second))
    dropped = child.find("c-qd-1")
    assert dropped is not None
    child.siblings_of("c-qd-1").remove(dropped)
    check(child, parent, tmp_path / "r.docx")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_keeps_the_tracked_changes(tmp_path: Path) -> None:
    path = tmp_path / "redline.docx"
    write_redline(
        compare(load(HERE / "child-origins.toml").plan, load(HERE / "parent.toml").plan), path
    )
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    content = zipfile.ZipFile(tmp_path / "redline.odt").read("content.xml").decode()
    assert "<text:tracked-changes" in content
    assert content.count("<text:insertion") >= 4 and content.count("<text:deletion") >= 4
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "redline.odt"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "redline.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # LibreOffice shows changes when printing: both the deleted and the inserted words appear.
    assert "tối thiểu 45%" in text and "100%" in text and "Xây dựng kế hoạch chuyển đổi số" in text


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_plans_round_trip_through_the_redline(tmp_path: Path, seed: int) -> None:
    from bench.diff import generate

    parent, child = generate(300, seed=seed)  # edits, insertions, deletions, moves, no origins
    check(child, parent, tmp_path / "r.docx")
