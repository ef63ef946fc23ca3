"""Every exported document as a person reads it: LibreOffice's PDF, read back page by page.

One session-scoped render (one LibreOffice call for every document) covers the bundled
example and templates, a fresh draft of every template for every profile, the export
fixtures, every real .docx of ../shared imported, plans whose last paragraph falls at every
height of a page, and state headers of every body length. ``python tests/rendering.py OUT``
writes the same set with PNGs of every page, to look at.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rendering import (
    FIXTURES,
    Rendered,
    appendix_titles,
    last_paragraph,
    page_of,
    plans,
    render,
    signer_line,
    squash,
    starts_appendix,
    tail,
)

from planwriter.export.pdf import fallback_fonts
from planwriter.model import Family, Item, Kind, Plan
from planwriter.planfile import load

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdffonts")),
    reason="LibreOffice and poppler-utils are needed to render",
)

FILLER = ("Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch, "
          "tổ chức triển khai thực hiện nghiêm túc, hiệu quả các nội dung của Kế hoạch này.")
RULE_BODIES = ["UBND XÃ BÌNH LƯ", "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",
               "ỦY BAN NHÂN DÂN\nHUYỆN TAM ĐƯỜNG\nTỈNH LAI CHÂU"]


def padded(base: Plan, count: int) -> Plan:
    """``base`` with ``count`` paragraphs more before its last one, so its end falls lower."""
    plan = copy.deepcopy(base)
    last = plan.items[-1]
    for index in range(count):
        last.children.insert(0, Item(id=f"pad{index}", kind=Kind.PARAGRAPH, text=FILLER))
    return plan


def rule_variant(body: str, family: Family) -> Plan:
    plan = copy.deepcopy(load(FIXTURES / "state.toml").plan)
    plan.meta.family = family
    plan.meta.issuing_body = body
    return plan


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    cases = plans()
    base = load(FIXTURES / "party.toml").plan
    # The party fixture ends on its second page; 0–15 paragraphs more move its end through
    # every height of that page and onto the third.
    cases += [(f"end-{n:02d}", padded(base, n)) for n in range(0, 16)]
    for family in (Family.STATE, Family.MASS):
        cases += [(f"rule-{family.value}-{i}", rule_variant(body, family))
                  for i, body in enumerate(RULE_BODIES)]
    done = render(cases, tmp_path_factory.mktemp("rendered"))
    return {r.name: r for r in done}


def test_the_whole_set_was_rendered(rendered: dict[str, Rendered]) -> None:
    names = set(rendered)
    assert {"363-KH-HU", "11-KH-TU", "63-CTr-TU"} <= names
    assert sum(n.startswith("draft-") for n in names) == 8  # 2 templates × 4 profiles
    for r in rendered.values():
        assert r.pages, r.name
        info = subprocess.run(["pdfinfo", str(r.pdf)], capture_output=True, text=True).stdout
        assert re.search(rf"Pages:\s+{len(r.pages)}\b", info), r.name


def test_page_counts_of_the_bundled_plans(rendered: dict[str, Rendered]) -> None:
    # 363-KH/HU took 9 pages while numbered sentences chained as headings (page 7 left 70%
    # empty, the signature alone on page 9); as body text it takes 8, its signature on the last.
    assert len(rendered["363-KH-HU"].pages) == 8
    for name, r in rendered.items():
        if name.startswith("draft-63-CTr-TU") or name == "63-CTr-TU":
            assert len(r.pages) <= 8, name


def test_the_signature_is_on_the_page_of_the_last_paragraph(
        rendered: dict[str, Rendered]) -> None:
    wrong = []
    for name, r in rendered.items():
        signer, last = signer_line(r.plan), last_paragraph(r.plan)
        if not signer or not last:
            continue
        end = page_of(r, tail(last))
        sign = page_of(r, signer, last=False) if end is None else next(
            (i for i in range(end, len(r.raw)) if squash(signer) in squash(r.raw[i])), None)
        if end is None or sign != end:
            wrong.append(f"{name}: last paragraph on page {end}, signer on page {sign}")
    assert not wrong, "\n".join(wrong)


def test_only_appendices_follow_the_signature(rendered: dict[str, Rendered]) -> None:
    wrong = []
    for name, r in rendered.items():
        signer = signer_line(r.plan)
        sign = page_of(r, signer, last=False) if signer else None
        if sign is None:
            continue
        titles = appendix_titles(r.plan)
        after = r.raw[sign + 1:]
        recipients = [squash(x) for x in r.plan.meta.recipients]
        lines = [x for x in after[0].splitlines() if x.strip()] if after else []
        lines = lines[1:] if lines and lines[0].strip().isdigit() else lines
        if lines and any(squash(lines[0]).lstrip("-+") in x or x.startswith(squash(lines[0])
                                                                              .lstrip("-+"))
                         for x in recipients):
            continue  # a list of recipients longer than a page, running on
        if after and not starts_appendix(after[0], titles):
            wrong.append(f"{name}: page {sign + 2} follows the signature without an appendix")
    assert not wrong, "\n".join(wrong)


def test_no_fallback_font_in_any_pdf(rendered: dict[str, Rendered]) -> None:
    used = {name: fallback_fonts(r.fonts, "Times New Roman") for name, r in rendered.items()}
    assert {name: fonts for name, fonts in used.items() if fonts} == {}
    assert all(r.fonts for r in rendered.values())


def test_no_page_left_a_third_empty_before_more_of_the_same(
        rendered: dict[str, Rendered]) -> None:
    wrong = []
    for name, r in rendered.items():
        titles = appendix_titles(r.plan)
        signer = signer_line(r.plan)
        sign = page_of(r, signer, last=False) if signer else None
        # The body, up to the signature (an appendix of imported forms may hold a table
        # taller than what is left of a page: a gap there is no block that would have fit).
        end = sign if sign is not None else len(r.pages) - 1
        for index in range(min(end, len(r.pages) - 1)):
            if starts_appendix(r.raw[index + 1], titles):
                continue
            if r.page_size[index] != r.page_size[index + 1]:
                continue
            filled = r.bottoms[index] / r.page_size[index][1]
            if filled < 2 / 3 + 0.02:  # the bottom margin is 20 mm of 297
                wrong.append(f"{name}: page {index + 1} filled to {filled:.0%}")
    assert not wrong, "\n".join(wrong)


def test_header_elements_on_the_first_page(rendered: dict[str, Rendered]) -> None:
    wrong = []
    for name, r in rendered.items():
        meta = r.plan.meta
        first = squash(r.raw[0])
        expected = [meta.number_line(), meta.place_date()]
        expected += [line for line in (meta.superior_body + "\n" + meta.issuing_body).split("\n")
                     if line.strip()]
        if meta.family is Family.PARTY:
            expected.append("ĐẢNG CỘNG SẢN VIỆT NAM")
        else:
            expected += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        if meta.doc_type != "CV":
            expected.append(meta.type_name)
        # A blank number or date prints as separate pieces ("Số:", "/KH-UBND").
        pieces = [piece for e in expected for piece in re.split(r"\s{2,}", e) if piece]
        missing = [e for e in pieces if squash(e) not in first]
        if missing:
            wrong.append(f"{name}: {missing}")
    assert not wrong, "\n".join(wrong)


def test_mass_and_letter_first_pages(rendered: dict[str, Rendered]) -> None:
    mass = rendered["fixture-mass"].pages[0]
    lines = [line.strip() for line in mass.splitlines() if line.strip()]
    assert lines[0].startswith("ỦY BAN MTTQ VIỆT NAM")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines[0]  # on one line: the column fits it
    assert any(line.startswith("Số: 16/KH-MTTQ-BTT") for line in lines)
    assert "TM. BAN THƯỜNG TRỰC" in mass and "Lan Thị Vân" in mass
    letter = rendered["fixture-letter"].pages[0]
    assert "CÔNG VĂN" not in letter
    assert re.search(r"V/v triển khai", letter) and "Kính gửi:" in letter
    kinh = next(line for line in letter.splitlines() if "Kính gửi:" in line)
    assert "- Các sở, ban, ngành tỉnh;" in kinh  # the first addressee on its line


def _dark_rows(pgm: bytes, x0: int, x1: int) -> list[int]:
    """Rows of a binary PGM with a horizontal run of dark pixels at least (x1 - x0) / 6
    long between columns x0 and x1."""
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    assert header
    width, height = int(header.group(1)), int(header.group(2))
    data = pgm[header.end():]
    rows = []
    for y in range(height):
        row = data[y * width + x0:y * width + x1]
        run = best = 0
        for value in row:
            run = run + 1 if value < 128 else 0
            best = max(best, run)
        if best >= (x1 - x0) / 6:
            rows.append(y)
    return rows


def test_the_short_rule_sits_clear_of_the_number(rendered: dict[str, Rendered],
                                                  tmp_path: Path) -> None:
    dpi = 100
    for name, r in rendered.items():
        if not name.startswith("rule-"):
            continue
        out = tmp_path / name
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
                        str(r.pdf), str(out)], check=True)
        pgm = out.with_suffix(".pgm").read_bytes()
        bbox = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(r.pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        so = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">Số:',
                       bbox)
        assert so, name
        so_top = float(so.group(2)) * dpi / 72
        # The left column: from the left margin (30 mm) to the column's end.
        x0, x1 = round(30 / 25.4 * dpi), round(92 / 25.4 * dpi)
        rules = [y for y in _dark_rows(pgm, x0, x1) if y < so_top]
        assert rules, f"{name}: no rule above Số:"
        gap_mm = (so_top - max(rules)) * 25.4 / dpi
        assert gap_mm >= 1.5, f"{name}: the rule is {gap_mm:.1f} mm above Số:"
