"""Drafting a local plan from a parent programme (a template) and a unit profile.

``new_plan`` copies every item of the parent with its origin, marks it adopted and
localizes its text with the profile's vocabulary; the header comes from the profile and
the boilerplate (preamble, summary, purpose, requirements, the opening of "Tổ chức thực
hiện") from the sandboxed templates in ``planwriter/boilerplate/``.
"""

from __future__ import annotations

import copy
import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any

from planwriter import library
from planwriter.bodies import body_name
from planwriter.drafting import boilerplate
from planwriter.drafting.cite import citation, issuer, short_date, type_name
from planwriter.drafting.localize import Localizer
from planwriter.errors import PlanwriterError
from planwriter.model import Disposition, Item, Kind, Level, Meta, ParentRef, Plan
from planwriter.profile import Profile, VocabularyRule, load_profile

__all__ = [
    "new_plan", "load_template", "profile_for", "localizer_for", "localize_item", "Localizer",
    "vocabulary_note",
]

# A parent section whose title is one of these gets its first paragraph from the template.
ROLES = {"mục đích": "muc-dich.j2", "yêu cầu": "yeu-cau.j2",
         "tổ chức thực hiện": "to-chuc-thuc-hien.j2"}

_UNIT_KIND = {"province": "tỉnh", "district": "huyện", "commune": "xã", "central": "cả nước"}


def load_template(template: str) -> tuple[str, Plan]:
    """A parent programme by library key or .toml path, with the ref a child cites it by."""
    from planwriter.planfile import load

    path = library.template_path(template)
    key = template if not template.endswith(".toml") else library.template_key(path) or str(path)
    return key, load(path, check_origins=False).plan


def load_profile_ref(ref: str, relative_to: Path | None = None) -> Profile:
    """A profile by library key or .toml path (relative to ``relative_to``'s folder)."""
    if ref.endswith(".toml"):
        path = Path(ref)
        if relative_to is not None and not path.is_absolute():
            path = relative_to.parent / path
        return load_profile(path, ref)
    return load_profile(library.profile_path(ref), ref)


def profile_for(plan: Plan, path: Path | None = None) -> Profile | None:
    """The profile a plan was drafted with: its ``profile`` key, or else the library profile
    whose issuing body is the plan's."""
    if plan.meta.profile:
        return load_profile_ref(plan.meta.profile, path)
    for key, candidate in library.profiles().items():
        try:
            profile = load_profile(candidate, key)
        except PlanwriterError:
            continue  # a broken profile elsewhere in the library is not this plan's
        if profile.issuing_body == plan.meta.issuing_body and profile.family is plan.meta.family:
            return profile
    return None


def localizer_for(profile: Profile, parent: Meta | None = None) -> Localizer:
    """The profile's vocabulary and kept phrases, plus one rule every child needs: the
    parent's name for itself ("Chương trình hành động này") is, in the child, "Kế hoạch này".
    The vocabulary is for parents at ``profile.vocabulary_from``: in a parent at another
    level "tỉnh" is not the parent speaking of itself ("Ban Thường trực Ủy ban MTTQ Việt Nam
    tỉnh ban hành Hướng dẫn" in a commune's plan), and changing it would change a fact."""
    translated = profile.translates(parent.level if parent is not None else None)
    rules = list(profile.vocabulary) if translated else []
    if parent is not None and parent.doc_type != "KH":
        rules.append(VocabularyRule(f"{type_name(parent.doc_type)} này", f"{type_name('KH')} này"))
    return Localizer(rules, profile.keep)


def vocabulary_note(profile: Profile, parent: Meta) -> str:
    """What a drafter must know when the vocabulary was not applied, in one line ("" when
    it was)."""
    if profile.translates(parent.level) or not profile.vocabulary:
        return ""
    return (f"Lưu ý: văn bản cấp trên ở {LEVEL_NAMES[parent.level]}, từ điển của hồ sơ "
            f"{profile.name} dành cho văn bản {LEVEL_NAMES[profile.vocabulary_from]}: không đổi "
            "từ ngữ nào theo từ điển; tự sửa những chỗ cần địa phương hóa.")


LEVEL_NAMES = {Level.CENTRAL: "cấp Trung ương", Level.PROVINCE: "cấp tỉnh",
               Level.DISTRICT: "cấp huyện", Level.COMMUNE: "cấp xã"}


def new_plan(
    template: str, profile: str, *, date: dt.date | None = None, notes: list[str] | None = None
) -> Plan:
    """A child plan of ``template`` for the unit ``profile`` (library keys or .toml paths),
    dated ``date`` (default: today), every parent item adopted and localized. What the
    drafter must be told (the vocabulary not applied) is added to ``notes``."""
    ref, parent = load_template(template)
    unit = load_profile_ref(profile)
    note = vocabulary_note(unit, parent.meta)
    if note and notes is not None:
        notes.append(note)
    localizer = localizer_for(unit, parent.meta)
    context = _context(parent, unit, localizer)
    meta = Meta(
        level=unit.level, family=unit.family, doc_type="KH", number="",
        issuer_symbol=unit.issuer_symbol, superior_body=unit.superior_body,
        issuing_body=unit.issuing_body, place=unit.place, date=date or dt.date.today(),
        summary=boilerplate.render("summary.j2", context),
        parent=ParentRef(ref=ref, number=parent.meta.symbol(), date=parent.meta.date,
                         issuer=context["parent"]["issuer"]),
        recipients=list(unit.recipients), signature=copy.deepcopy(unit.signature),
        profile=unit.key,
    )
    items = [_adopt(item, localizer) for item in parent.items]
    plan = Plan(meta=meta, items=items)
    _apply_boilerplate(plan, parent, context)
    return plan


def localize_item(item: Item, localizer: Localizer) -> Item:
    """A copy of one item (without its sub-items) with every text field localized."""
    out = copy.deepcopy(item)
    out.children = []
    out.title = localizer.localize(item.title)
    out.text = localizer.localize(item.text)
    out.lead = localizer.localize(item.lead)
    out.partners = [localizer.localize(p) for p in item.partners]
    out.output = localizer.localize(item.output)
    for indicator in out.indicators:
        indicator.name = localizer.localize(indicator.name)
    return out


def _adopt(item: Item, localizer: Localizer) -> Item:
    out = localize_item(item, localizer)
    out.origin, out.disposition, out.reason = [item.id], Disposition.ADOPTED, ""
    out.children = [_adopt(child, localizer) for child in item.children]
    return out


def _context(parent: Plan, unit: Profile, localizer: Localizer) -> dict[str, Any]:
    """What boilerplate templates see: plain strings and dicts, nothing with methods."""
    m = parent.meta
    parent_info = {
        "cite": citation(m.symbol(), m.doc_type), "symbol": m.symbol(),
        "type_name": type_name(m.doc_type), "date": short_date(m.date), "issuer": issuer(m),
        "issuer_short": issuer(m, with_place=False), "summary": m.summary,
        "level": m.level.value,
    }
    root: dict[str, str] | None = None
    if m.parent is not None and m.parent.number:
        root = {"cite": citation(m.parent.number), "symbol": m.parent.number,
                "date": short_date(m.parent.date), "issuer": m.parent.issuer,
                "title": m.parent.title}
    words = unit.unit.split()
    kind = words[0] if words else _UNIT_KIND.get(unit.level.value, "")
    unit_info = {
        "name": unit.name, "unit": unit.unit or unit.place, "kind": kind, "level": unit.level.value,
        "place": unit.place, "issuing_body": body_name(unit.issuing_body),
        "committee": unit.committee or body_name(unit.issuing_body), "family": unit.family.value,
        # The units below this one, in the profile's own words ("các chi, đảng bộ trực thuộc").
        "subordinates": localizer.localize("các đảng ủy trực thuộc"),
    }
    return {"parent": parent_info, "root": root, "unit": unit_info, "localized": ""}


def _apply_boilerplate(plan: Plan, parent: Plan, context: dict[str, Any]) -> None:
    preamble = boilerplate.render("preamble.j2", context)
    first = plan.items[0] if plan.items else None
    opening = first is not None and first.kind is Kind.PARAGRAPH and not first.title
    if first is not None and opening and not first.children:
        _set_text(first, preamble)
    else:
        item_id = "can-cu"
        while plan.find(item_id) is not None:
            item_id += "-1"
        plan.items.insert(0, Item(id=item_id, kind=Kind.PARAGRAPH, text=preamble,
                                  disposition=Disposition.ADDED))
    for item, _, _ in list(plan.walk()):
        name = ROLES.get(_role(item.title))
        if name is None or not boilerplate.exists(name):
            continue
        target = next((c for c in item.children if c.kind is not Kind.SECTION), None)
        if target is None and item.text:
            target = item
        if target is None:
            continue
        text = boilerplate.render(name, {**context, "localized": target.text})
        _set_text(target, text)


def _set_text(item: Item, text: str) -> None:
    if text != item.text:
        item.text = text
        if item.disposition is Disposition.ADOPTED:
            item.disposition = Disposition.ADAPTED


def _role(title: str) -> str:
    return unicodedata.normalize("NFC", title).strip().rstrip(":.").strip().lower()
