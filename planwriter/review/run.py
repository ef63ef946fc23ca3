"""Running a review over many children: the parent read once, the children read, imported
and aligned in worker processes (one per core), each child reduced to its cells before it
comes back, so memory grows with the number of children, not with their size.

``progress(done, total, name)`` is called as each child finishes (the CLI draws a bar).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path

from planwriter.diff import Prepared, prepare
from planwriter.errors import PlanwriterError
from planwriter.model import Plan
from planwriter.review.collect import read_child
from planwriter.review.disposition import ChildReview, ChildStatus, review_child
from planwriter.review.matrix import Review, new_review

Progress = Callable[[int, int, str], None]
SERIAL_BELOW = 3  # fewer children than this: starting workers costs more than it saves

_parent: Plan | None = None  # the parent in a worker process, set once by ``_start``
_prepared: Prepared | None = None  # its side of every comparison, made once per worker


def _start(parent: Plan, prepared: Prepared | None = None) -> None:
    global _parent, _prepared
    _parent, _prepared = parent, prepared


def review_one(parent: Plan, path: Path, prepared: Prepared | None = None) -> ChildReview:
    """One child read and reviewed against ``parent``; never raises for a bad child.
    ``prepared``: ``prepare(parent)``, made once for all the children (else made here)."""
    out = ChildReview(name=path.name, path=str(path))
    try:
        loaded = read_child(path)
        if loaded.plan is None:
            out.status, out.message = ChildStatus.FAILED, loaded.error
            return out
        out.imported, out.import_notes = loaded.imported, list(loaded.notes or [])
        review_child(parent, loaded.plan, out, prepared)
    except PlanwriterError as exc:  # a profile the child names is broken, …
        _failed(out, f"{path}: {exc}")
    except Exception as exc:  # noqa: BLE001 — one document that trips a bug in import or
        # alignment must not cost the reviewer the other ninety-nine: it is listed, with the
        # error, as a child that could not be reviewed.
        _failed(out, f"{path}: lỗi khi đọc hoặc đối chiếu ({type(exc).__name__}: {exc}); "
                     "xin báo lỗi này kèm tệp")
    return out


def _failed(out: ChildReview, message: str) -> None:
    out.status, out.message = ChildStatus.FAILED, " ".join(message.split())
    out.items, out.targets, out.added = {}, {}, 0


def _work(path: str) -> ChildReview:
    global _prepared
    assert _parent is not None
    if _prepared is None:  # spawned: the parent came pickled, its side is made here once
        _prepared = prepare(_parent)
    return review_one(_parent, Path(path), _prepared)


def jobs_for(count: int, jobs: int | None = None) -> int:
    """Worker processes for ``count`` children: one per usable core by default."""
    if jobs is None:
        try:
            jobs = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            jobs = os.cpu_count() or 1
    return max(1, min(jobs, count))


def run_review(
    parent: Plan,
    parent_name: str,
    children: list[Path],
    *,
    note: str = "",
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Review:
    """Review every child of ``children`` against ``parent``, in the order given."""
    review = new_review(parent, parent_name, note)
    workers = jobs_for(len(children), jobs)
    total = len(children)
    # The parent's side of the alignment is the same for every child: made once here and,
    # forked, shared by the workers (spawned ones make their own once, see ``_work``).
    prepared = prepare(parent) if children else None
    if workers == 1 or total < SERIAL_BELOW:
        for done, path in enumerate(children, start=1):
            review.children.append(review_one(parent, path, prepared))
            if progress is not None:
                progress(done, total, path.name)
        return review
    results: dict[int, ChildReview] = {}
    # fork shares the parent already read (no pickling, no re-import); with other threads
    # running (the TUI) a forked child could inherit a held lock, so spawn there instead.
    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
    shared = prepared if method == "fork" else None  # not pickled to spawned workers
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context(method),
        initializer=_start,
        initargs=(parent, shared),
    ) as pool:
        futures = {pool.submit(_work, str(path)): index for index, path in enumerate(children)}
        for done, future in enumerate(as_completed(futures), start=1):
            index = futures[future]
            try:
                results[index] = future.result()
            except BrokenProcessPool:  # a worker killed (out of memory, a signal)
                lost = ChildReview(name=children[index].name, path=str(children[index]))
                _failed(lost, f"{children[index]}: tiến trình đối chiếu bị dừng đột ngột")
                results[index] = lost
            if progress is not None:
                progress(done, total, children[index].name)
    review.children = [results[i] for i in range(total)]
    return review
