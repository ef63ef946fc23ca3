"""A file with nothing of python-docx's template left in it.

python-docx starts from a 2013 template made on a Mac: its app.xml says "Microsoft Macintosh
Word", its settings put Word in compatibility mode 14 (Word 2010) and ask for a preview
picture, and it carries a blank thumbnail that file managers then show. Every export replaces
those with the document's own: planwriter as the application, mode 15 (current Word), no
thumbnail; and core properties valid for any text (OPC limits a property to 255 characters).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

from planwriter import __version__
from planwriter.export.styles import nfc, q
from planwriter.model import Plan

PROPERTY_LIMIT = 255  # characters, the limit python-docx (and Word) put on a core property
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
WORD_URI = "http://schemas.microsoft.com/office/word"
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>Normal.dotm</Template><TotalTime>0</TotalTime>"
    "<Application>planwriter</Application><AppVersion>{version}</AppVersion>"
    "<DocSecurity>0</DocSecurity><Company>{company}</Company>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def cut(text: str, limit: int = PROPERTY_LIMIT) -> str:
    """``text`` on one line, NFC, cut at a word boundary to at most ``limit`` characters
    (an ellipsis marks the cut)."""
    line = " ".join(nfc(text).split())
    if len(line) <= limit:
        return line
    head = line[: limit - 1]
    if " " in head[limit // 2 :]:
        head = head[: head.rfind(" ")]
    return head.rstrip(" ,;:") + "…"


def set_properties(document: Any, plan: Plan, now: dt.datetime | None = None) -> None:
    """Title (type and trích yếu), subject (the symbol), author (the issuing body), language
    vi-VN, created and modified now."""
    meta = plan.meta
    props = document.core_properties
    props.title = cut(f"{meta.type_name} {meta.one_line(meta.summary)}".strip())
    props.subject = cut(meta.symbol()) if meta.number else ""
    author = cut(meta.one_line(meta.issuing_body))
    props.author = props.last_modified_by = author
    props.comments = ""
    props.keywords = ""
    props.category = cut(meta.type_name)
    props.language = "vi-VN"
    props.revision = 1
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = stamp


def clean_package(document: Any, plan: Plan) -> None:
    """Replace the template's app.xml, settings leftovers and thumbnail."""
    package = document.part.package
    company = escape(cut(plan.meta.one_line(plan.meta.issuing_body)))
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_XML.format(version=escape(__version__), company=company).encode()
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == THUMBNAIL:
            package.rels.pop(rel_id)
    settings = document.settings.element
    for tag in ("savePreviewPicture", "rsids"):
        for old in settings.findall(q(tag)):
            settings.remove(old)
    compat = settings.find(q("compat"))
    if compat is not None:
        for setting in compat.findall(q("compatSetting")):
            if setting.get(q("name")) == "compatibilityMode":
                setting.set(q("val"), "15")
        for old in compat.findall(q("useFELayout")):
            compat.remove(old)
    theme_lang = settings.find(q("themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(q("val"), "vi-VN")
        for attr in ("eastAsia", "bidi"):
            theme_lang.attrib.pop(q(attr), None)
