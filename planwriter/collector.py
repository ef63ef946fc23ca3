"""Holding off Python's cyclic garbage collector while a large structure without cycles is
built: reading a plan, comparing two, writing the comparison out. Each allocation burst
would otherwise make the collector rescan every object alive (two 10,000-item plans), for
nothing — what is built here is freed by reference counting alone."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off inside the block, as it was after it (blocks nest)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
