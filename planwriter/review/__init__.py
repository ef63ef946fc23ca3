"""Reviewing many child plans against their parent at once (issue 16).

``run_review(parent, name, children)`` reads, imports and aligns every child (in parallel
worker processes) and gives a ``Review``: the parent's items and targets down, the children
across, each ``Cell`` one child's ``Verdict`` (kept, localised, adapted, weakened, dropped,
missing). ``collect`` finds and reads the children, ``disposition`` turns one child's diff
into its cells, ``matrix`` holds the whole, ``jsonout``/``terminal``/``xlsx``/``report_docx``
write it out, ``generate`` makes seeded test children with the changes it made recorded.
"""

from planwriter.review.disposition import Cell, ChildReview, ChildStatus, Verdict
from planwriter.review.matrix import ParentRow, Review, TargetRow
from planwriter.review.run import review_one, run_review

__all__ = [
    "Cell", "ChildReview", "ChildStatus", "ParentRow", "Review", "TargetRow", "Verdict",
    "review_one", "run_review",
]
