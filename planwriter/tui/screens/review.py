"""The review screen: every child plan of the working folder against its parent, one row per
child with its coverage and counts; sort and filter the rows; Enter opens the diff view of
one child (read-only: the diff view's own Enter only closes it here)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from planwriter.model import Plan
from planwriter.review import ChildReview, ChildStatus, Review, Verdict
from planwriter.review.disposition import STATUS_NAMES
from planwriter.tui.screens.diffview import DiffScreen

SORTS = ("tên", "bao phủ tăng dần", "bỏ và thiếu giảm dần")
FILTERS = ("tất cả", "có mục bỏ, thiếu hoặc hạ chỉ tiêu", "chưa rà soát được")
SHOWN_VERDICTS = (Verdict.KEPT, Verdict.LOCALIZED, Verdict.ADAPTED, Verdict.WEAKENED,
                  Verdict.DROPPED, Verdict.MISSING)


def folder_children(folder: Path) -> tuple[str | None, list[Path]]:
    """The parent most plans of ``folder`` cite ([plan.parent] ref) and the plans citing it,
    with the .toml files that cannot be read at all (the review lists them with their error)."""
    import tomllib

    refs: dict[Path, str] = {}
    unreadable: list[Path] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            unreadable.append(path)
            continue
        ref = data.get("plan", {}).get("parent", {}).get("ref", "")
        if isinstance(ref, str) and ref:
            refs[path] = ref
    if not refs:
        return None, []
    ref = Counter(refs.values()).most_common(1)[0][0]
    return ref, sorted([p for p, r in refs.items() if r == ref] + unreadable)


class _ChildDiffScreen(DiffScreen):
    """The diff view of one child, read-only: there is no editor under it to open items in."""

    def open_in_editor(self, item_id: str | None) -> None:
        self.dismiss(None)


class ReviewScreen(Screen[None]):
    """Review every child plan of a folder against the parent they cite."""

    BINDINGS = [
        Binding("escape", "close", "Đóng", id="close-review"),
        Binding("s", "sort", "Sắp xếp", id="sort-review"),
        Binding("f", "filter", "Lọc", id="filter-review"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.review: Review | None = None
        self.parent_plan: Plan | None = None
        self.sort_index = 0
        self.filter_index = 0
        self.shown: list[ChildReview] = []

    def compose(self) -> ComposeResult:
        yield Static(f"Rà soát kế hoạch của các đơn vị · thư mục {self.folder.name}",
                     id="review-title")
        yield Static("Đang đọc và đối chiếu…", id="review-summary")
        yield DataTable(id="review-children", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#review-children", DataTable)
        table.add_columns("Kế hoạch", "B.phủ", "giữ", "đ.phg", "đ.ch", "hạ", "bỏ",
                          "thiếu", "Tình trạng")
        self._run()

    @work(thread=True, exclusive=True)
    def _run(self) -> None:
        from planwriter.errors import PlanwriterError
        from planwriter.review.collect import read_parent
        from planwriter.review.run import run_review

        ref, children = folder_children(self.folder)
        if ref is None:
            self.app.call_from_thread(self._say, "Không có kế hoạch nào nêu văn bản cấp trên.")
            return
        try:
            from planwriter.library import resolve_parent

            found = resolve_parent(ref, children[0])
            parent, note = read_parent(str(found) if found is not None else ref)
        except PlanwriterError as exc:
            self.app.call_from_thread(self._say, f"Không đọc được văn bản cấp trên: {exc}")
            return

        def progress(done: int, total: int, name: str) -> None:
            self.app.call_from_thread(self._say, f"Đang đối chiếu {done}/{total}: {name}")

        # In-process: the app's threads make forking worker processes unsafe.
        review = run_review(parent, ref, children, note=note, jobs=1, progress=progress)
        self.app.call_from_thread(self._show, review, parent)

    def _say(self, text: str) -> None:
        self.query_one("#review-summary", Static).update(text)

    def _show(self, review: Review, parent: Plan) -> None:
        self.review, self.parent_plan = review, parent
        self._fill()
        self.query_one("#review-children", DataTable).focus()

    def _rows(self) -> list[ChildReview]:
        assert self.review is not None
        rows = list(self.review.children)
        if self.filter_index == 1:
            rows = [c for c in rows if c.status is ChildStatus.REVIEWED and any(
                c.count(v) for v in (Verdict.WEAKENED, Verdict.DROPPED, Verdict.MISSING))]
        elif self.filter_index == 2:
            rows = [c for c in rows if c.status is not ChildStatus.REVIEWED]
        if self.sort_index == 1:
            rows.sort(key=lambda c: (c.status is not ChildStatus.REVIEWED, c.coverage))
        elif self.sort_index == 2:
            rows.sort(key=lambda c: -(c.count(Verdict.DROPPED) + c.count(Verdict.MISSING)))
        else:
            rows.sort(key=lambda c: c.name)
        return rows

    def _fill(self) -> None:
        if self.review is None:
            return
        table = self.query_one("#review-children", DataTable)
        table.clear()
        self.shown = self._rows()
        for child in self.shown:
            if child.status is ChildStatus.REVIEWED:
                counts = [str(child.count(v)) for v in SHOWN_VERDICTS]
                table.add_row(child.name, f"{child.coverage * 100:.0f}%", *counts,
                              child.note and "cần xem lại" or STATUS_NAMES[child.status])
            else:
                table.add_row(child.name, "—", *[""] * len(SHOWN_VERDICTS),
                              STATUS_NAMES[child.status])
        self._say(
            f"{len(self.review.children)} kế hoạch thực hiện "
            f"{self.review.parent_symbol or self.review.parent_name}; bao phủ trung bình "
            f"{self.review.mean_coverage() * 100:.0f}% · sắp xếp: {SORTS[self.sort_index]} · "
            f"lọc: {FILTERS[self.filter_index]} ({len(self.shown)} dòng) · Enter: xem so sánh"
        )

    def action_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORTS)
        self._fill()

    def action_filter(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self._fill()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if self.parent_plan is None or not self.shown:
            return
        child = self.shown[event.cursor_row]
        if child.status is not ChildStatus.REVIEWED:
            self.notify(child.message, severity="warning")
            return
        from planwriter.errors import PlanwriterError
        from planwriter.planfile import load
        from planwriter.tui.session import Session

        try:
            session = Session(load(Path(child.path), check_origins=False), parent=self.parent_plan)
        except PlanwriterError as exc:
            self.notify(str(exc), severity="error")
            return
        self.app.push_screen(_ChildDiffScreen(session))
