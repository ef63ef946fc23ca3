"""The review finds exactly what the generator recorded: children drafted from each bundled
programme for each bundled profile, with seeded adaptations, drops, deletions and target
changes."""

from __future__ import annotations

import datetime as dt

import pytest

from planwriter import library
from planwriter.drafting import load_template, new_plan
from planwriter.review import ChildReview, ChildStatus, Verdict, run_review
from planwriter.review.disposition import review_child
from planwriter.review.generate import Changes, enlarged, generate, write_children

TEMPLATES = sorted(library.templates())
PROFILES = sorted(library.profiles())


def _pristine(template: str, profile: str) -> ChildReview:
    _, parent = load_template(template)
    out = ChildReview(profile, profile)
    review_child(parent, new_plan(template, profile, date=dt.date(2025, 6, 1)), out)
    return out


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_child_as_drafted_has_nothing_dropped_missing_or_weakened(template: str) -> None:
    for profile in PROFILES:
        found = _pristine(template, profile)
        assert found.status is ChildStatus.REVIEWED
        assert found.coverage == 1.0, profile
        assert not {c.verdict for c in found.items.values()} & {
            Verdict.DROPPED, Verdict.MISSING, Verdict.WEAKENED}
        assert {c.verdict for c in found.targets.values()} == {Verdict.KEPT}


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("seed", [1, 2026])
def test_the_review_finds_exactly_the_recorded_changes(template: str, seed: int) -> None:
    _, parent = load_template(template)
    before = {p: _pristine(template, p) for p in PROFILES}
    children = generate(template, PROFILES, 2 * len(PROFILES), seed)
    for name, plan, record in children:
        assert record.adapted and record.dropped and record.missing and record.weakened
        profile = next(p for p in PROFILES if name.startswith(p.rsplit("/", 1)[-1] + "-"))
        found = ChildReview(name, name)
        review_child(parent, plan, found)
        base = before[profile]
        expected = record.items({k: c.verdict for k, c in base.items.items()})
        assert {k: c.verdict for k, c in found.items.items()} == expected, name
        assert {k: c.reason for k, c in found.items.items() if c.verdict is Verdict.DROPPED} == (
            record.dropped
        ), name
        targets = record.targets({k: c.verdict for k, c in base.targets.items()})
        assert {k: (c.verdict, c.value) for k, c in found.targets.items()} == targets, name
        assert sorted(found.weakened_targets()) == sorted(record.weakened)
        assert sorted(found.dropped_items()) == sorted(record.dropped)
        # nothing more than recorded is off: coverage counts only drops and deletions
        total = len(found.items)
        assert found.coverage == pytest.approx(
            (total - len(record.dropped) - len(record.missing)) / total)


def test_same_seed_same_children_other_seed_other_changes() -> None:
    one = generate(TEMPLATES[0], PROFILES, 3, seed=5)
    two = generate(TEMPLATES[0], PROFILES, 3, seed=5)
    three = generate(TEMPLATES[0], PROFILES, 3, seed=6)
    assert [r for _, _, r in one] == [r for _, _, r in two]
    assert [r for _, _, r in one] != [r for _, _, r in three]


def test_parallel_review_of_files_equals_the_serial_one(tmp_path) -> None:
    _, parent = load_template(TEMPLATES[1])
    children = generate(TEMPLATES[1], PROFILES, 6, seed=3)
    paths = write_children(tmp_path, children)
    serial = run_review(parent, "p", paths, jobs=1)
    seen: list[tuple[int, int]] = []
    parallel = run_review(parent, "p", paths, jobs=2, progress=lambda d, t, _: seen.append((d, t)))
    assert [c.name for c in parallel.children] == [p.name for p in paths]
    assert [(c.items, c.targets) for c in parallel.children] == [
        (c.items, c.targets) for c in serial.children]
    assert seen[-1] == (6, 6) and len(seen) == 6
    for (name, _, record), child in zip(children, parallel.children, strict=True):
        assert sorted(child.dropped_items()) == sorted(record.dropped), name


def test_an_enlarged_parent_keeps_its_ids_unique_and_drafts_children(tmp_path) -> None:
    _, parent = load_template(TEMPLATES[1])
    big = enlarged(parent, 300)
    ids = [item.id for item, _, _ in big.walk()]
    assert len(ids) >= 300 and len(set(ids)) == len(ids)
    from planwriter.planfile import dumps

    path = tmp_path / "big.toml"
    path.write_text(dumps(big), encoding="utf-8")
    children = generate(str(path), PROFILES[:1], 1, seed=1, changes=Changes(adapted=10))
    found = ChildReview("c", "c")
    review_child(big, children[0][1], found)
    assert found.count(Verdict.DROPPED) == 2 and found.count(Verdict.MISSING) == 1


def test_a_child_that_trips_a_bug_is_listed_and_the_others_reviewed(tmp_path, monkeypatch):
    import planwriter.review.run as run

    _, parent = load_template(TEMPLATES[1])
    paths = write_children(tmp_path, generate(TEMPLATES[1], PROFILES, 3, seed=8))
    real = run.read_child

    def flaky(path):
        if path == paths[1]:
            raise IndexError("list index out of range")
        return real(path)

    monkeypatch.setattr(run, "read_child", flaky)
    review = run_review(parent, "p", paths, jobs=1)
    statuses = [c.status for c in review.children]
    assert statuses == [ChildStatus.REVIEWED, ChildStatus.FAILED, ChildStatus.REVIEWED]
    message = review.children[1].message
    assert message.startswith(str(paths[1])) and "IndexError" in message
    assert "\n" not in message
