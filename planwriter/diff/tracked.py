"""Word tracked changes on paragraphs of an exported document (w:ins / w:del).

``retrack(old_p, new_p)`` rewrites ``new_p`` so that accepting its changes gives ``new_p``'s
runs and rejecting them ``old_p``'s, each run keeping its own formatting (a bold run-in
title stays bold on either side); ``as_inserted`` / ``as_deleted`` mark a whole paragraph,
its mark included, so that it appears or disappears on accept/reject. ``resolve`` is the
reverse: the document XML with every change accepted or rejected, for tests and checks."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from difflib import SequenceMatcher
from typing import Any

from planwriter.text import tokens

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AUTHOR = "planwriter"


def _etree() -> Any:
    """lxml (python-docx's own XML library), imported only when a .docx is written."""
    from lxml import etree  # type: ignore[import-untyped]

    return etree


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


_MARKS = {q("br"): "\n", q("tab"): "\t"}  # a line break (a trích yếu's lines), a tab


def _text(e: Any) -> str:
    if e.tag in (q("t"), q("delText")):
        return str(e.text or "")
    return _MARKS.get(e.tag, "")


def _runs(p: Any) -> list[tuple[str, Any]]:
    """(text, rPr or None) of each text run of a paragraph, in order."""
    out = []
    for r in p.iter(q("r")):
        text = "".join(_text(t) for t in r)
        if text:
            out.append((text, r.find(q("rPr"))))
    return out


class Tracker:
    """Makes tracked-change elements with unique ids, all by ``AUTHOR`` at one date."""

    def __init__(self, date: dt.datetime | None = None, first_id: int = 9000) -> None:
        stamp = date or dt.datetime.now(dt.UTC).replace(microsecond=0)
        self.date = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
        self._ids = itertools.count(first_id)

    def mark(self, kind: str) -> Any:
        etree = _etree()

        element = etree.Element(q(kind))
        element.set(q("id"), str(next(self._ids)))
        element.set(q("author"), AUTHOR)
        element.set(q("date"), self.date)
        return element

    def _run(self, text: str, rpr: Any, kind: str) -> Any:
        etree = _etree()

        r = etree.Element(q("r"))
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        for piece in re.split(r"([\n\t])", text):
            if piece == "\n":
                etree.SubElement(r, q("br"))
            elif piece == "\t":
                etree.SubElement(r, q("tab"))
            elif piece:
                t = etree.SubElement(r, q("delText" if kind == "del" else "t"))
                t.set(XML_SPACE, "preserve")
                t.text = piece
        if not kind:
            return r
        wrapper = self.mark(kind)
        wrapper.append(r)
        return wrapper

    def _clear(self, p: Any) -> None:
        for child in list(p):
            if child.tag != q("pPr"):
                p.remove(child)

    def _mark_paragraph(self, p: Any, kind: str) -> None:
        etree = _etree()

        ppr = p.find(q("pPr"))
        if ppr is None:
            ppr = etree.Element(q("pPr"))
            p.insert(0, ppr)
        rpr = ppr.find(q("rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, q("rPr"))
        rpr.append(self.mark(kind))

    def as_inserted(self, p: Any) -> Any:
        """``p`` with all its runs inserted (and its mark): gone when rejected."""
        runs = _runs(p)
        self._clear(p)
        for text, rpr in runs:
            p.append(self._run(text, rpr, "ins"))
        self._mark_paragraph(p, "ins")
        return p

    def as_deleted(self, p: Any) -> Any:
        """``p`` with all its runs deleted (and its mark): gone when accepted."""
        runs = _runs(p)
        self._clear(p)
        for text, rpr in runs:
            p.append(self._run(text, rpr, "del"))
        self._mark_paragraph(p, "del")
        return p

    def retrack(self, old: Any, new: Any) -> Any:
        """``new`` rewritten with the changes from ``old``: its words (w:del / w:ins), the
        formatting of the words both keep (w:rPrChange) and the paragraph's own properties,
        its style (w:pPrChange), so that rejecting gives ``old`` exactly."""
        a = [(tok, rpr) for text, rpr in _runs(old) for tok in tokens(text)]
        b = [(tok, rpr) for text, rpr in _runs(new) for tok in tokens(text)]
        self._paragraph_properties(old, new)
        if [t for t, _ in a] == [t for t, _ in b] and all(
            _same(x, y) for (_, x), (_, y) in zip(a, b, strict=True)
        ):
            return new
        self._clear(new)
        out: list[tuple[str, Any, Any, str]] = []  # (text, rPr, old rPr, kind)
        matcher = SequenceMatcher(None, [t for t, _ in a], [t for t, _ in b], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out += [(t, rpr, a[i1 + k][1], "") for k, (t, rpr) in enumerate(b[j1:j2])]
                continue
            out += [(t, rpr, rpr, "del") for t, rpr in a[i1:i2]]
            out += [(t, rpr, rpr, "ins") for t, rpr in b[j1:j2]]
        # One run per stretch of the same kind and formatting.
        for (kind, _, _), group in itertools.groupby(
            out, key=lambda x: (x[3], id(x[1]), id(x[2]))
        ):
            pieces = list(group)
            text, rpr, was = "".join(p[0] for p in pieces), pieces[0][1], pieces[0][2]
            run = self._run(text, rpr, kind)
            if not kind and not _same(rpr, was):
                self._format_change(run, was)
            new.append(run)
        return new

    def _format_change(self, run: Any, was: Any) -> None:
        """Record that the run's formatting was ``was`` (w:rPrChange, last in its w:rPr)."""
        self._properties_change(run, "rPr", was)

    def _paragraph_properties(self, old: Any, new: Any) -> None:
        """Record the parent paragraph's properties when they differ (w:pPrChange)."""
        before, after = _plain_ppr(old), _plain_ppr(new)
        if not _same(before, after):
            self._properties_change(new, "pPr", before)

    def _properties_change(self, element: Any, tag: str, was: Any) -> None:
        """Append to ``element``'s properties (``tag``: w:rPr or w:pPr, made first if it has
        none) a w:…Change holding the properties it had, ``was``."""
        etree = _etree()
        props = element.find(q(tag))
        if props is None:
            props = etree.Element(q(tag))
            element.insert(0, props)
        change = self.mark(f"{tag}Change")
        old = etree.SubElement(change, q(tag))
        for child in was if was is not None else []:
            old.append(copy.deepcopy(child))
        props.append(change)


def _plain_ppr(p: Any) -> Any:
    """A paragraph's properties without its mark's run properties or tracked changes."""
    ppr = p.find(q("pPr"))
    if ppr is None:
        return None
    plain = copy.deepcopy(ppr)
    for tag in ("rPr", "pPrChange", "sectPr"):
        for child in plain.findall(q(tag)):
            plain.remove(child)
    return plain


def _same(x: Any, y: Any) -> bool:
    etree = _etree()

    def shape(e: Any) -> bytes:
        return b"" if e is None or len(e) == 0 else bytes(etree.tostring(e))

    return shape(x) == shape(y)


def resolve(document_xml: bytes, accept: bool) -> list[str]:
    """The text of every paragraph (body and table cells, in document order) once every
    change is accepted (w:del dropped, w:ins kept) or rejected (the reverse); a paragraph
    whose mark is removed disappears."""
    etree = _etree()

    root = etree.fromstring(document_xml)
    gone = q("del" if accept else "ins")
    out = []
    for p in root.iter(q("p")):
        if p.find(f"{q('pPr')}/{q('rPr')}/{gone}") is not None:
            continue
        parts = [
            t.text or ""
            for t in p.iter(q("t"), q("delText"))
            if not any(a.tag == gone for a in t.iterancestors())
        ]
        out.append("".join(parts))
    return out


def paragraphs(document_xml: bytes) -> list[str]:
    """The text of every paragraph of a document without tracked changes."""
    return resolve(document_xml, accept=True)


def apply(document_xml: bytes, accept: bool) -> bytes:
    """The document XML itself with every change accepted or rejected (what Word's "Accept
    All" / "Reject All" do), for a file LibreOffice can then convert and compare."""
    etree = _etree()

    root = etree.fromstring(document_xml)
    gone, kept = (q("del"), q("ins")) if accept else (q("ins"), q("del"))
    for row in list(root.iter(q("tr"))):  # a deleted (or, rejected, inserted) table row
        if row.find(f"{q('trPr')}/{gone}") is not None:
            table = row.getparent()
            table.remove(row)
            if table.find(q("tr")) is None:
                table.getparent().remove(table)
    for p in list(root.iter(q("p"))):
        if p.find(f"{q('pPr')}/{q('rPr')}/{gone}") is not None:
            p.getparent().remove(p)
    for element in list(root.iter(gone)):
        element.getparent().remove(element)
    for element in list(root.iter(kept)):
        parent = element.getparent()
        if parent.tag in (q("rPr"), q("trPr")):
            parent.remove(element)
            continue
        index = parent.index(element)
        for child in reversed(list(element)):
            parent.insert(index, child)
        parent.remove(element)
    for tag in ("pPrChange", "rPrChange"):
        for change in list(root.iter(q(tag))):
            holder = change.getparent()
            if not accept:  # the properties before the change come back
                before = change.find(q(tag[:3]))
                for child in list(holder):
                    if child is not change and child.tag not in (q("rPr"), q("sectPr")):
                        holder.remove(child)
                for index, child in enumerate(list(before) if before is not None else []):
                    holder.insert(index, child)
            holder.remove(change)
    for t in list(root.iter(q("delText"))):
        t.tag = q("t")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
