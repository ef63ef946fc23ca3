"""Exported documents rendered as a person reads them: every plan of a set exported to .docx,
converted to PDF by LibreOffice in one call (one start-up for all), read back page by page
with pdftotext and pdffonts. Used by the session-scoped fixture of test_export_rendered.py;
``python -m tests.rendering OUT`` writes the same set and PNGs of every page to look at."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from planwriter.export import export_docx
from planwriter.export.appendix import has_tasks
from planwriter.export.body import body_paragraphs
from planwriter.model import Item, Plan

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # for ``python -m tests.rendering``

from shared import real_docx  # noqa: E402

TEMPLATES = sorted((ROOT / "planwriter" / "bundled" / "templates" / "lai-chau").glob("*.toml"))
PROFILES = sorted((ROOT / "planwriter" / "bundled" / "profiles" / "lai-chau").glob("*.toml"))
FIXTURES = ROOT / "tests" / "fixtures" / "export"
DRAFT_DATE = dt.date(2025, 11, 20)


@dataclass
class Rendered:
    """One plan, its .docx and PDF, and what the PDF says page by page."""

    name: str
    plan: Plan
    docx: Path
    pdf: Path
    pages: list[str] = field(default_factory=list)  # pdftotext -layout of each page
    raw: list[str] = field(default_factory=list)  # pdftotext in reading order, each page
    fonts: list[str] = field(default_factory=list)  # pdffonts names, subset prefix cut
    page_size: list[tuple[float, float]] = field(default_factory=list)
    bottoms: list[float] = field(default_factory=list)  # lowest text line per page (pt)


def plans() -> list[tuple[str, Plan]]:
    """Every plan the rendered tests look at: the bundled example and templates, a fresh
    draft of every template for every profile, the export fixtures, and every real .docx of
    ../shared imported (when ../shared is there)."""
    from planwriter.drafting import new_plan
    from planwriter.importer import import_file
    from planwriter.planfile import load

    out: list[tuple[str, Plan]] = [("363-KH-HU", load(ROOT / "examples" / "363-KH-HU.toml").plan)]
    out += [(path.stem, load(path).plan) for path in TEMPLATES]
    for template in TEMPLATES:
        for profile in PROFILES:
            key_t, key_p = f"lai-chau/{template.stem}", f"lai-chau/{profile.stem}"
            out.append((f"draft-{template.stem}-{profile.stem}",
                        new_plan(key_t, key_p, date=DRAFT_DATE)))
    for name in ("party", "state", "appendix"):
        out.append((f"fixture-{name}", load(FIXTURES / f"{name}.toml").plan))
    inline = load(FIXTURES / "appendix.toml").plan  # its tasks inline, each with its lead …
    inline.meta.tasks_in_appendix = False
    out.append(("fixture-appendix-inline", inline))
    for name in ("mass", "letter"):
        out.append((f"fixture-{name}", load(FIXTURES.parent / "families" / f"{name}.toml").plan))
    for path in real_docx():
        out.append((f"real-{path.stem}", import_file(path).plan))
    return out


def render(cases: list[tuple[str, Plan]], folder: Path) -> list[Rendered]:
    """Export every plan, convert them all in one LibreOffice call, read the PDFs back."""
    folder.mkdir(parents=True, exist_ok=True)
    docx_dir, pdf_dir = folder / "docx", folder / "pdf"
    docx_dir.mkdir(exist_ok=True)
    pdf_dir.mkdir(exist_ok=True)
    out = []
    for name, plan in cases:
        path = docx_dir / f"{name}.docx"
        export_docx(plan, path)
        out.append(Rendered(name, plan, path, pdf_dir / f"{name}.pdf"))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed to render"
    profile = (folder / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(pdf_dir), *(str(r.docx) for r in out)],
                   capture_output=True, check=True, timeout=900)
    for rendered in out:
        read_back(rendered)
    return out


def read_back(rendered: Rendered) -> None:
    """Page texts, fonts, page sizes and the lowest text line of each page."""
    from planwriter.export.pdf import pdf_fonts

    text = subprocess.run(["pdftotext", "-layout", str(rendered.pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    rendered.pages = text.split("\f")
    if rendered.pages and not rendered.pages[-1].strip():
        rendered.pages.pop()
    raw = subprocess.run(["pdftotext", str(rendered.pdf), "-"], capture_output=True,
                         text=True, check=True).stdout.split("\f")
    rendered.raw = raw[: len(rendered.pages)]
    rendered.fonts = pdf_fonts(rendered.pdf)
    bbox = subprocess.run(["pdftotext", "-bbox", str(rendered.pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', bbox,
                            re.S):
        rendered.page_size.append((float(page.group(1)), float(page.group(2))))
        bottoms = [float(m) for m in re.findall(r'yMax="([\d.]+)"', page.group(3))]
        rendered.bottoms.append(max(bottoms, default=0.0))


def squash(text: str) -> str:
    """Text with all whitespace (and hyphens, which pdftotext drops at a line's end) removed,
    for finding a wrapped sentence in a page."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def last_paragraph(plan: Plan) -> str:
    """The text of the last paragraph of the body, as exported."""
    skip = plan.meta.tasks_in_appendix and has_tasks(plan.body())
    last = ""
    for entry in body_paragraphs(plan, skip_tasks=skip):
        if isinstance(entry, Item):
            continue
        last = "".join(text for text, _ in entry[1])
    return last


def signer_line(plan: Plan) -> str:
    """The signer's name, or the block's last line for an unsigned draft."""
    sig = plan.meta.signature
    return sig.name or (sig.lines()[-1] if sig.lines() else "")


def page_of(rendered: Rendered, text: str, *, last: bool = True) -> int | None:
    """The (0-based) page of the body (before any appendix) whose text holds ``text``
    (whitespace ignored): the last such page, or the first with ``last=False``."""
    needle = squash(text)
    pages = rendered.raw[: body_pages(rendered)]
    found = [i for i, page in enumerate(pages) if needle in squash(page)]
    if not found:
        return None
    return found[-1] if last else found[0]


def appendix_titles(plan: Plan) -> list[str]:
    """The titles the appendices' pages open with."""
    titles = [item.title or "PHỤ LỤC" for item in plan.appendices() if not item.dropped]
    if plan.meta.tasks_in_appendix and has_tasks(plan.body()):
        titles.append("PHỤ LỤC")
    return titles


def starts_appendix(page: str, titles: list[str]) -> bool:
    """Whether a page opens with an appendix's title (after the page number)."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    lines = lines[1:] if lines and lines[0].isdigit() else lines
    return bool(lines) and any(squash(lines[0]).startswith(squash(t)) for t in titles)


def body_pages(rendered: Rendered) -> int:
    """How many pages the body and closing take (the pages before the first appendix)."""
    titles = appendix_titles(rendered.plan)
    for index, page in enumerate(rendered.raw):
        if index and starts_appendix(page, titles):
            return index
    return len(rendered.raw)


def tail(text: str, words: int = 6) -> str:
    return " ".join(text.split()[-words:])


def main() -> None:
    """Render the whole set into OUT and write a PNG per page (pdftoppm), for a person."""
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "rendered")
    done = render(plans(), folder)
    png = folder / "png"
    png.mkdir(exist_ok=True)
    for r in done:
        subprocess.run(["pdftoppm", "-png", "-r", "45", str(r.pdf), str(png / r.name)],
                       check=True)
        sign = page_of(r, signer_line(r.plan))
        end = page_of(r, tail(last_paragraph(r.plan)))
        def at(page: int | None) -> str:
            return "?" if page is None else str(page + 1)

        print(f"{r.name:<40} {len(r.pages):>2} pages  last paragraph p{at(end)}  "
              f"signer p{at(sign)}  fonts {sorted(set(r.fonts))}")


if __name__ == "__main__":
    main()
