"""The redline: the whole exported child with real Word tracked changes against the exported
parent. Reading the XML back (this file's own reader), accepting every change gives the
child's export paragraph for paragraph, style for style, run formatting for run formatting,
and rejecting every change the parent's; through LibreOffice too: the accepted and rejected
files, converted by soffice, read as the exported child and parent converted by soffice."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree  # type: ignore[import-untyped]
from shared import shared

from planwriter import library
from planwriter.diff import compare
from planwriter.diff.docxbase import save
from planwriter.diff.redline import build, write_redline
from planwriter.diff.tracked import apply
from planwriter.export import docx_bytes
from planwriter.importer import import_file
from planwriter.model import Item, Kind, Plan
from planwriter.planfile import load

HERE = Path(__file__).parent / "fixtures" / "diff"
ROOT = Path(__file__).parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml(data: bytes) -> Any:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def _shape(rpr: Any) -> str:
    """Run formatting as text, without tracked-change records (an empty one is none)."""
    if rpr is None:
        return ""
    kept = [etree.tostring(c).decode() for c in rpr if c.tag != W + "rPrChange"]
    return "".join(kept)


def resolve(root: Any, accept: bool) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each paragraph once every change is accepted (drop w:del, unwrap w:ins) or rejected
    (the opposite), as (style, [(run formatting, text)]) with runs of the same formatting
    joined; a paragraph whose mark is removed disappears."""
    gone = W + ("del" if accept else "ins")
    out = []
    for p in root.iter(W + "p"):
        if p.find(f"{W}pPr/{W}rPr/{gone}") is not None:
            continue
        style = p.find(f"{W}pPr/{W}pStyle")
        if not accept and p.find(f"{W}pPr/{W}pPrChange") is not None:  # the style it had
            style = p.find(f"{W}pPr/{W}pPrChange/{W}pPr/{W}pStyle")
        runs: list[tuple[str, str]] = []
        for r in p.iter(W + "r"):
            if any(a.tag == gone for a in r.iterancestors()):
                continue
            text = "".join(t.text or "" for t in r if t.tag in (W + "t", W + "delText"))
            if not text:
                continue
            rpr = r.find(W + "rPr")
            was = r.find(f"{W}rPr/{W}rPrChange/{W}rPr")
            if not accept and was is not None:  # the formatting it had
                rpr = was
            shape = _shape(rpr)
            if runs and runs[-1][0] == shape:
                runs[-1] = (shape, runs[-1][1] + text)
            else:
                runs.append((shape, text))
        out.append((style.get(W + "val") if style is not None else "", runs))
    return out


def check(child: Plan, parent: Plan, path: Path) -> None:
    made = build(compare(child, parent))
    assert made.missing == 0  # every parent paragraph has its place (no CLI warning)
    save(made.document, path)
    redline = _xml(path.read_bytes())
    assert resolve(redline, accept=True) == resolve(_xml(docx_bytes(child)), accept=True)
    assert resolve(redline, accept=False) == resolve(_xml(docx_bytes(parent)), accept=True)


def test_origin_child_accepts_to_child_rejects_to_parent(tmp_path: Path) -> None:
    check(
        load(HERE / "child-origins.toml").plan, load(HERE / "parent.toml").plan, tmp_path / "r.docx"
    )
    xml = zipfile.ZipFile(tmp_path / "r.docx").read("word/document.xml").decode()
    assert 'w:author="planwriter"' in xml and "<w:delText" in xml and "<w:ins " in xml


def test_the_redline_is_the_whole_plan(tmp_path: Path) -> None:
    child = load(ROOT / "examples" / "363-KH-HU.toml").plan
    parent = load(library.template_path("lai-chau/63-CTr-TU")).plan
    check(child, parent, tmp_path / "r.docx")
    text = "\n".join(p for _, runs in resolve(_xml((tmp_path / "r.docx").read_bytes()), True)
                     for _, p in runs)
    # Header table, title block, body, recipients and signature: all there, as exported.
    for line in ("HUYỆN ỦY TAM ĐƯỜNG", "KẾ HOẠCH", "Nơi nhận:", "T/M BAN THƯỜNG VỤ",
                 "Cao Trang Trọng", "Tam Đường, ngày 23 tháng 4 năm 2025"):
        assert line in text
    rejected = "\n".join(p for _, runs in resolve(_xml((tmp_path / "r.docx").read_bytes()), False)
                         for _, p in runs)
    assert "TỈNH ỦY LAI CHÂU" in rejected and "HUYỆN ỦY TAM ĐƯỜNG" not in rejected


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


REAL = [
    ("real/text/KH-KTGS-MTTQ-LuongMinh.txt", "real/text/KH-KTGS-MTTQ-BacCamRanh.txt"),
    ("real/text/CV-UBND-HN-2530.txt", "real/text/QD-2530-TTg.txt"),
    ("reference/03-NQ-CP.txt", "reference/57-NQ-TW.txt"),
]


@pytest.mark.parametrize(("child", "parent"), REAL, ids=[c.split("/")[-1] for c, _ in REAL])
def test_real_pairs_round_trip(tmp_path: Path, child: str, parent: str) -> None:
    check(import_file(shared(child)).plan, import_file(shared(parent)).plan, tmp_path / "r.docx")


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_plans_round_trip_through_the_redline(tmp_path: Path, seed: int) -> None:
    from bench.diff import generate

    parent, child = generate(300, seed=seed)  # edits, insertions, deletions, moves, no origins
    check(child, parent, tmp_path / "r.docx")


def _soffice(out: Path, kind: str, *files: Path) -> None:
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{out / 'lo-profile'}", "--headless",
         "--convert-to", kind, "--outdir", str(out), *map(str, files)],
        check=True, capture_output=True, timeout=300,
    )


@pytest.fixture(scope="module")
def through_libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LibreOffice run for the module: for 363-KH/HU against 63-CTr/TU, for the two
    real supervision plans and for a letter against its decision, the redline, its "accept
    all" and "reject all" (XML), and the exported child and parent, each converted to text;
    the redlines also to PDF."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    out = tmp_path_factory.mktemp("lo")
    pairs = {
        "363": (load(ROOT / "examples" / "363-KH-HU.toml").plan,
                load(library.template_path("lai-chau/63-CTr-TU")).plan),
        "ktgs": (import_file(shared(REAL[0][0])).plan, import_file(shared(REAL[0][1])).plan),
        # A letter against a decision: the parent's title and its appendix table (tracked
        # deleted rows) come back on rejecting.
        "cv": (import_file(shared(REAL[1][0])).plan, import_file(shared(REAL[1][1])).plan),
    }
    files = []
    for name, (child, parent) in pairs.items():
        redline = write_redline(compare(child, parent), out / f"{name}-redline.docx")
        document = zipfile.ZipFile(redline)
        for accept, suffix in ((True, "accepted"), (False, "rejected")):
            target = out / f"{name}-{suffix}.docx"
            with zipfile.ZipFile(target, "w") as z:
                for info in document.infolist():
                    data = document.read(info.filename)
                    if info.filename == "word/document.xml":
                        data = apply(data, accept)
                    z.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
            files.append(target)
        for plan, suffix in ((child, "child"), (parent, "parent")):
            (out / f"{name}-{suffix}.docx").write_bytes(docx_bytes(plan))
            files.append(out / f"{name}-{suffix}.docx")
        files.append(redline)
    _soffice(out, "txt:Text (encoded):UTF8", *files)
    _soffice(out, "pdf", *[f for f in files if f.name.endswith("-redline.docx")])
    return out


@pytest.mark.parametrize("name", ["363", "ktgs", "cv"])
def test_libreoffice_accept_all_is_the_child_reject_all_the_parent(
    through_libreoffice: Path, name: str
) -> None:
    def text(suffix: str) -> str:
        return (through_libreoffice / f"{name}-{suffix}.txt").read_text(encoding="utf-8-sig")

    assert text("accepted") == text("child")
    assert text("rejected") == text("parent")
    assert text("child") != text("parent")


def test_libreoffice_shows_the_tracked_changes(through_libreoffice: Path) -> None:
    pdf = through_libreoffice / "363-redline.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    # Printed with changes shown: the deleted province and the inserted district both appear.
    assert "TỈNHHUYỆN ỦY LAITAM" in text  # "TỈNH ỦY LAI CHÂU" struck, "HUYỆN … ĐƯỜNG" inserted
    assert "Cao Trang Trọng" in text


def test_tables_among_the_body_paragraphs(tmp_path: Path) -> None:
    """Kind.TABLE items: one both keep (the child adds a row and changes a cell), one only
    the child has, one only the parent has; the parent's appears again on rejecting."""
    parent = load(HERE / "parent.toml").plan
    parent.items[0].children.insert(
        1, Item("bang", Kind.TABLE, text="Bảng", header=[["A", "B"]], rows=[["1", "2"]])
    )
    parent.items[-1].children.append(
        Item("bang-cu", Kind.TABLE, text="Bảng cũ", header=[["X", "Y"]], rows=[["5", "6"]])
    )
    child = parent.clone()
    for item, _, _ in child.walk():
        item.id = "c-" + item.id
    kept = child.find("c-bang")
    assert kept is not None
    kept.rows = [["1", "2 mới"], ["3", "4"]]
    child.siblings_of("c-bang-cu").remove(child.find("c-bang-cu"))  # type: ignore[arg-type]
    child.items[1].children.insert(
        0, Item("c-moi", Kind.TABLE, text="Mới", header=[["M", "N", "O"]], rows=[["7", "8", "9"]])
    )
    check(child, parent, tmp_path / "r.docx")
    root = _xml((tmp_path / "r.docx").read_bytes())
    # The parent's table (header row and body row) deleted, the child's new one inserted.
    assert len(root.findall(f".//{W}trPr/{W}del")) == 2
    assert len(root.findall(f".//{W}trPr/{W}ins")) == 3  # the new table's 2, the added row
