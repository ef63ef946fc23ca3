"""A parent prepared once (``planwriter.diff.prepare``) and compared with many children gives
each child exactly the comparison it gets alone: what the prepared side and the per-process
caches (word diffs, content words, localizers) keep never leaks from one child into the
next."""

from __future__ import annotations

from planwriter import library
from planwriter.diff import compare, evidence, prepare, words
from planwriter.diff.jsonout import to_json
from planwriter.drafting import load_template
from planwriter.review.generate import generate

TEMPLATE = "lai-chau/63-CTr-TU"


def test_a_prepared_parent_gives_every_child_its_own_comparison() -> None:
    _, parent = load_template(TEMPLATE)
    children = generate(TEMPLATE, sorted(library.profiles()), 6, 2026)
    prepared = prepare(parent)
    shared = [to_json(compare(plan, parent, prepared)) for _, plan, _ in children]
    for (name, plan, _), seen in zip(children, shared, strict=True):
        words._diffs.clear()
        evidence._bags.clear()
        alone = to_json(compare(plan, parent))
        assert seen == alone, name
    assert len(set(shared)) == len(shared)  # the children differ, and so do their diffs


def test_a_prepared_parent_of_another_plan_is_not_used() -> None:
    _, parent = load_template(TEMPLATE)
    [(_, child, _)] = generate(TEMPLATE, sorted(library.profiles())[:1], 1, 7)
    other = prepare(child)  # prepared for another plan: compare must not take it
    assert to_json(compare(child, parent, other)) == to_json(compare(child, parent))
