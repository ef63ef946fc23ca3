"""Turning the physical lines of a text (OCR output, a pasted document) into paragraphs.

Page-break noise is taken out (a page number alone on a line, a URL or a few stray marks
left by the scanner) and reported, never silently lost; hyphenation at a line's end is
undone; and a paragraph broken across lines, or across a page break, is joined again. A
new paragraph starts at a numbering label or a bullet, or after a blank line when the text
before it was complete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwriter.importer.source import Line

_PAGE_NUMBER = re.compile(r"^[-–\s]*\d{1,3}[-–\s]*$")
_URL_ONLY = re.compile(r"^\S*(https?://|www\.)\S*$")
# I., II., "|." and "Il." (OCR), I-, 1., 1.1., 2.1.3., a), đ), -, +
LABEL = re.compile(
    r"^(?P<label>(?:[IVXLl|][IVXLl|1]{0,4}[.\-])|(?:\d{1,2}(?:\.\d{1,2})*\.)|(?:\d{1,2}(?:\.\d{1,2})+)|(?:[a-zđ][).])|[-+•])\s+"
)
_END = (".", ";", ":", "!", "?", "…", ")", '"', "”")


@dataclass
class Paragraph:
    """A logical paragraph and the source lines it was joined from."""

    text: str
    lines: list[int]
    line: Line  # its first line, for style and runs


def is_table_row(text: str) -> bool:
    """ "| 1. | Xây dựng … | Bộ Khoa học và Công nghệ |": a table row written as text (the OCR's
    "|." for "I." is not one)."""
    return text.startswith("|") and text.count("|") >= 3


def is_noise(text: str) -> bool:
    """A line that is page furniture, not content."""
    stripped = text.strip()
    if not stripped:
        return False
    if _PAGE_NUMBER.match(stripped) or _URL_ONLY.match(stripped):
        return True
    return not any(c.isalnum() for c in stripped) and stripped != "*"


def join_lines(lines: list[Line]) -> tuple[list[Paragraph], list[Line]]:
    """Paragraphs from text lines, and the noise lines removed."""
    paragraphs: list[Paragraph] = []
    noise: list[Line] = []
    blank_before = True
    filled = [len(line.text.strip()) for line in lines if line.text.strip()]
    # Text wrapped at a page's width (OCR, a PDF's text) has paragraphs between blank lines;
    # text with one paragraph a line has lines far longer than a page is wide.
    wrapped = bool(filled) and sum(filled) / len(filled) < 120
    for line in lines:
        text = line.text.strip()
        if not text:
            blank_before = True
            continue
        if is_noise(text):
            noise.append(line)
            continue
        previous = paragraphs[-1] if paragraphs else None
        if previous is not None and _continues(previous.text, text, blank_before, wrapped):
            if (
                previous.text.endswith("-")
                and text[:1].islower()
                and not previous.text.endswith(" -")
            ):
                previous.text = previous.text[:-1] + text  # hyphenation at the line's end
            else:
                previous.text = f"{previous.text} {text}"
            previous.lines.append(line.number)
        else:
            paragraphs.append(Paragraph(text, [line.number], line))
        blank_before = False
    return paragraphs, noise


def _continues(before: str, text: str, blank_before: bool, wrapped: bool) -> bool:
    if is_table_row(text) or is_table_row(before):
        return False  # a table row is a line of its own
    complete = before.rstrip().endswith(_END)
    found = LABEL.match(text)
    if found:
        # "- xã hội …" at a line's start is the dash of "chính trị - xã hội" wrapped, not a
        # bullet: bullets begin with a capital.
        rest = text[found.end() :]
        return found.group("label") == "-" and not complete and rest[:1].islower()
    if not blank_before and before.rstrip().endswith(";"):
        return True  # a list of acts separated by ";" goes on over the line
    if blank_before:
        # Across a blank line (a page break), only an unfinished sentence going on in lower case.
        return not complete and text[:1].islower()
    if _heading_like(before):
        return text[:1].islower()
    if wrapped:
        return True
    return not complete and text[:1].islower()


def _heading_like(text: str) -> bool:
    """A short labelled line without final punctuation: "1. Mục đích", "II. NỘI DUNG"."""
    found = LABEL.match(text)
    return (
        found is not None
        and found.group("label") not in "-+•"
        and len(text) < 60
        and not text.rstrip().endswith(_END)
    )
