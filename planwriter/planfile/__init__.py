"""Plan files: TOML that people keep in git, read, and edit by hand.

A plan file is ``schema = 1``, a ``[plan]`` table (with ``[plan.parent]`` and
``[plan.signature]``), then one ``[[item]]`` table per item in document order, each naming
the item it sits ``under``; an item's indicators follow it as ``[[item.indicator]]``.
The format is described in docs/plan-format.md.

One concept per module: ``schema`` (the keys and types a file may hold), ``reader`` (tables
to a ``Plan``), ``validate`` (value checks and a child's origins against its parent),
``writer`` (syncing a tomlkit document with a plan, touching only what changed) and
``document`` (``PlanFile``: load and save). The names below stay importable from
``planwriter.planfile``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwriter.model import Plan
from planwriter.planfile.document import (
    ChangedOnDisk,
    PlanFile,
    dumps,
    load,
    loads,
    new_file,
    parse_doc,
    read_plan,
)
from planwriter.planfile.schema import SCHEMA
from planwriter.planfile.validate import check_origins_against_parent

if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument



def sync(doc: TOMLDocument, plan: Plan) -> None:
    """Make ``doc`` say what ``plan`` says (``writer.sync``; tomlkit is imported on use)."""
    from planwriter.planfile.writer import sync as _sync

    _sync(doc, plan)


__all__ = [
    "SCHEMA",
    "ChangedOnDisk",
    "PlanFile",
    "check_origins_against_parent",
    "dumps",
    "load",
    "loads",
    "new_file",
    "parse_doc",
    "read_plan",
    "sync",
]
