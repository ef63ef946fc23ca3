"""Unit profiles: who a local plan is issued by, how it is signed and sent, and the words
a parent's text changes into for this unit (tỉnh → huyện, Tỉnh ủy → Huyện ủy, …).

A profile file is ``schema = 1``, a ``[profile]`` table with ``[profile.signature]``, and
``[[vocabulary]]`` rules; see docs/plan-format.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planwriter.errors import PlanFileError
from planwriter.model import Family, Level, Signature
from planwriter.tomlio import Locator, parse_fast, plain, read_text, text_problem


@dataclass
class VocabularyRule:
    """Replace the whole words ``source`` with ``target`` when localizing a parent's text."""

    source: str
    target: str


@dataclass
class Profile:
    key: str
    name: str
    level: Level
    family: Family
    superior_body: str
    issuing_body: str
    issuer_symbol: str
    place: str
    unit: str = ""  # how the unit names itself in prose: "huyện Tam Đường"
    committee: str = ""  # who issues: "Ban Thường vụ Huyện ủy"
    recipients: list[str] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)
    vocabulary: list[VocabularyRule] = field(default_factory=list)
    keep: list[str] = field(default_factory=list)  # phrases never localized
    source: str = ""
    # The level of the documents the vocabulary translates from ("tỉnh" → "xã" reads a
    # province's own words): a parent at another level keeps its words (``localizer_for``).
    vocabulary_from: Level = Level.PROVINCE

    def translates(self, level: Level | None) -> bool:
        """Whether the vocabulary reads a parent at ``level`` (an unknown level: yes)."""
        return level is None or level is self.vocabulary_from


_REQUIRED = ("name", "level", "superior_body", "issuing_body", "issuer_symbol", "place")
_OPTIONAL = ("family", "unit", "committee", "recipients", "keep", "source", "signature",
             "vocabulary_from")


def load_profile(path: Path | str, key: str = "") -> Profile:
    path = Path(path)
    text = read_text(path)
    doc = parse_fast(path, text)  # read only: the compiled parser, not tomlkit
    where = Locator(text)

    def fail(message: str, line: int | None) -> PlanFileError:
        return PlanFileError(message, path, line)

    if plain(doc.get("schema")) != 1:
        raise fail(
            "missing or unsupported 'schema' (expected schema = 1)", where.key("schema", None) or 1
        )
    table = doc.get("profile")
    pline = where.table("profile")
    if not isinstance(table, dict):
        raise fail("missing [profile] table", 1)
    for k in table:
        if k not in _REQUIRED + _OPTIONAL:
            raise fail(f"unknown key '{k}' in [profile]", where.key(k, pline))
    values: dict[str, Any] = {}
    for k in _REQUIRED + _OPTIONAL:
        if k == "signature":
            continue
        value = plain(table.get(k))
        if value is None:
            if k in _REQUIRED:
                raise fail(f"[profile] is missing '{k}'", pline)
            continue
        expected_list = k in ("recipients", "keep")
        if (
            expected_list != isinstance(value, list)
            or (expected_list and not all(isinstance(v, str) for v in value))
            or (not expected_list and not isinstance(value, str))
        ):
            kind = "an array of strings" if expected_list else "a string"
            raise fail(f"'{k}' in [profile] must be {kind}", where.key(k, pline))
        for s in value if isinstance(value, list) else [value]:
            problem = text_problem(s)
            if problem:
                raise fail(f"'{k}' in [profile]: {problem}", where.key(k, pline))
        values[k] = value
    try:
        level = Level(values["level"])
        family = Family(values.get("family", "party"))
    except ValueError as exc:
        raise fail(str(exc), where.key("level", pline)) from None
    # A province's own units translate the centre's words; every other unit the province's.
    default_from = Level.CENTRAL if level is Level.PROVINCE else Level.PROVINCE
    try:
        vocabulary_from = Level(values.get("vocabulary_from", default_from.value))
    except ValueError:
        allowed = ", ".join(x.value for x in Level)
        raise fail(f"'vocabulary_from' in [profile] must be one of: {allowed}",
                   where.key("vocabulary_from", pline)) from None
    signature = Signature()
    sig = table.get("signature")
    if sig is not None:
        sline = where.table("profile.signature")
        for k in sig:
            if k not in ("on_behalf", "acting", "title", "name"):
                raise fail(f"unknown key '{k}' in [profile.signature]", where.key(k, sline))
            if not isinstance(plain(sig[k]), str):
                raise fail(f"'{k}' in [profile.signature] must be a string", where.key(k, sline))
        signature = Signature(**{k: str(plain(v)) for k, v in sig.items()})
    rules = []
    for index, rule in enumerate(doc.get("vocabulary", [])):
        rline = where.table("vocabulary", index)
        source, target = plain(rule.get("from")), plain(rule.get("to"))
        if not isinstance(source, str) or not source or not isinstance(target, str):
            raise fail("each [[vocabulary]] needs 'from' and 'to' strings", rline)
        for s in (source, target):
            problem = text_problem(s)
            if problem:
                raise fail(f"[[vocabulary]]: {problem}", rline)
        rules.append(VocabularyRule(source, target))
    return Profile(
        key=key or path.stem,
        name=values["name"],
        level=level,
        family=family,
        superior_body=values["superior_body"],
        issuing_body=values["issuing_body"],
        issuer_symbol=values["issuer_symbol"],
        place=values["place"],
        unit=values.get("unit", ""),
        committee=values.get("committee", ""),
        recipients=list(values.get("recipients", [])),
        signature=signature,
        vocabulary=rules,
        keep=list(values.get("keep", [])),
        source=values.get("source", ""),
        vocabulary_from=vocabulary_from,
    )
