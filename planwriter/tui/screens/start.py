"""The start screen: plans in the working folder, and a new plan from a template and a profile."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from planwriter import library
from planwriter.errors import PlanwriterError
from planwriter.model import Family, Meta


@dataclass
class PlanEntry:
    """A plan file found in the working folder."""

    path: Path
    summary: str


def recent_plans(folder: Path) -> list[PlanEntry]:
    """Plan files in ``folder``, most recently changed first (tomllib: nothing is written)."""
    found: list[tuple[float, str, PlanEntry]] = []
    for path in folder.glob("*.toml"):
        try:
            data = tomllib.loads(_head(path))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        plan = data.get("plan")
        if data.get("schema") != 1 or not isinstance(plan, dict):
            continue
        found.append((-path.stat().st_mtime, path.name, PlanEntry(path, _summary(plan))))
    return [entry for _, _, entry in sorted(found, key=lambda t: (t[0], t[1]))]


def _summary(plan: dict[str, object]) -> str:
    """ "363-KH/HU HUYỆN ỦY TAM ĐƯỜNG", "16/KH-MTTQ-BTT ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH BAN
    THƯỜNG TRỰC": the number as the document writes it and who issues it, from a header
    that was not validated (a value of the wrong type shows as nothing, never a crash)."""

    def text(key: str) -> str:
        value = plan.get(key, "")
        if isinstance(value, list):  # a header value of several lines
            return " ".join(v for v in value if isinstance(v, str))
        return value if isinstance(value, str) else ""

    family = text("family")
    meta = Meta(
        number=text("number"), doc_type=text("type"), issuer_symbol=text("issuer_symbol"),
        family=Family(family) if family in {f.value for f in Family} else Family.PARTY,
    )
    symbol = meta.symbol() if meta.number else ""
    return " ".join(x for x in (symbol, text("issuing_body")) if x)


def _head(path: Path) -> str:
    """The part of a plan file before its first item: all a listing needs (a 2,000-item plan
    is not parsed whole to show its number)."""
    lines = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.lstrip().startswith("[[item"):
                break
            lines.append(line)
    return "".join(lines)


@dataclass
class TemplateInfo:
    key: str
    number: str
    title: str
    issuer: str
    date: str
    item_count: int
    preview: str
    reconstructed: bool = False


def template_info(key: str, path: Path) -> TemplateInfo:
    from planwriter.planfile import load
    from planwriter.render import body_lines
    from planwriter.tui.wording import reconstructed

    plan = load(path, check_origins=False).plan
    m = plan.meta
    return TemplateInfo(
        key=key, number=m.symbol() if m.number else key,
        title=" ".join(x for x in (m.type_name, m.summary) if x),
        issuer=m.issuing_body, date=m.date.strftime("%d/%m/%Y") if m.date else "",
        item_count=sum(1 for _ in plan.walk()), preview="\n".join(body_lines(plan, "  ")),
        reconstructed=reconstructed(plan))


def plan_file_name(folder: Path, profile_key: str, template_key: str) -> Path:
    """tam-duong-63-CTr-TU.toml, or …-2.toml if that exists."""
    stem = f"{profile_key.rsplit('/', 1)[-1]}-{template_key.rsplit('/', 1)[-1]}"
    candidate, n = folder / f"{stem}.toml", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}.toml"
    return candidate


def _highlighted(listing: OptionList) -> str | None:
    index = listing.highlighted
    return listing.get_option_at_index(index).id if index is not None else None


class StartScreen(Screen[None]):
    """Open a plan of the working folder, or draft a new one."""

    BINDINGS = [
        Binding("n", "create", "Tạo kế hoạch mới…", id="create"),
        Binding("tab", "app.focus_next", "Chuyển ô", id="focus-next", show=False),
        Binding("r", "review", "Rà soát kế hoạch các đơn vị", id="review", show=False),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.templates: dict[str, TemplateInfo] = {}
        self.profile_names: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield Static(f"planwriter — soạn kế hoạch · thư mục {self.folder.name}", id="start-title")
        with Horizontal(id="start-body"):
            with Vertical(id="start-left"):
                yield Label("Kế hoạch trong thư mục", classes="caption")
                yield OptionList(id="recent")
                yield Label("Văn bản cấp trên (mẫu)", classes="caption")
                yield OptionList(id="templates")
            with Vertical(id="start-right"):
                with VerticalScroll(id="preview-box"):
                    yield Static("Chọn một văn bản cấp trên để xem trước.", id="preview")
                yield Label("Đơn vị ban hành (Enter: tạo mới…)", classes="caption")
                yield OptionList(id="profiles")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        entries = self.refresh_recent()
        self.call_after_refresh(self._load_library)  # the screen first, the library after
        (self.query_one("#recent") if entries else self.query_one("#templates")).focus()

    def refresh_recent(self) -> list[PlanEntry]:
        """List the folder's plans again (after coming back from the editor)."""
        recent = self.query_one("#recent", OptionList)
        recent.clear_options()
        entries = recent_plans(self.folder)
        recent.add_options([Option(f"{e.path.name}  {e.summary}", id=str(e.path))
                            for e in entries] or [Option("(chưa có kế hoạch nào)", disabled=True)])
        return entries

    @work(thread=True, group="library")
    def _load_library(self) -> None:
        infos: list[TemplateInfo] = []
        for key, path in library.templates().items():
            try:
                infos.append(template_info(key, path))
            except PlanwriterError as exc:
                self.app.call_from_thread(self.notify, str(exc), severity="error")
        profiles: list[tuple[str, str]] = []
        for key, path in library.profiles().items():
            try:
                from planwriter.profile import load_profile

                profiles.append((load_profile(path, key).name, key))
            except PlanwriterError as exc:
                self.app.call_from_thread(self.notify, str(exc), severity="error")
        self.app.call_from_thread(self._show_library, infos, profiles)

    def _show_library(self, infos: list[TemplateInfo], profiles: list[tuple[str, str]]) -> None:
        self.templates = {i.key: i for i in infos}
        self.profile_names = profiles
        listing = self.query_one("#templates", OptionList)
        listing.add_options([Option(f"{i.number}{' (TÁI DỰNG)' if i.reconstructed else ''}  "
                                    f"{i.title}", id=i.key) for i in infos]
                            or [Option("(thư viện chưa có mẫu nào)", disabled=True)])
        listing_profiles = self.query_one("#profiles", OptionList)
        listing_profiles.add_options([Option(name, id=key) for name, key in profiles]
                                     or [Option("(chưa có hồ sơ đơn vị nào)", disabled=True)])
        if profiles:
            listing_profiles.highlighted = 0
        if infos:
            listing.highlighted = 0

    @on(OptionList.OptionHighlighted, "#templates")
    def _template_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        info = self.templates.get(event.option.id or "")
        if info is None:
            return
        head = (f"[b]{info.number}[/b] · {info.issuer} · {info.date}\n{info.title}\n"
                f"{info.item_count} mục\n\n")
        if info.reconstructed:
            head = ("[b reverse] BẢN TÁI DỰNG [/] không phải văn bản chính thức; thay bằng bản "
                    "chính thức khi có (planwriter import).\n" + head)
        from rich.text import Text

        preview = Text.from_markup(head)
        preview.append(info.preview)
        self.query_one("#preview", Static).update(preview)

    @on(OptionList.OptionSelected, "#recent")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_plan(Path(event.option.id))  # type: ignore[attr-defined]

    def action_review(self) -> None:
        from planwriter.tui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.folder))

    @on(OptionList.OptionSelected, "#templates")
    def _template_chosen(self) -> None:
        self.query_one("#profiles", OptionList).focus()

    @on(OptionList.OptionSelected, "#profiles")
    def action_create(self) -> None:
        template = _highlighted(self.query_one("#templates", OptionList))
        profile = _highlighted(self.query_one("#profiles", OptionList))
        if template is None:
            self.notify("Chọn văn bản cấp trên trước.", severity="warning")
            return
        if profile is None:
            self.notify("Chọn đơn vị ban hành trước.", severity="warning")
            self.query_one("#profiles", OptionList).focus()
            return
        from planwriter.tui.screens.create import CreateDialog

        info = self.templates.get(template)
        unit = next((name for name, key in self.profile_names if key == profile), profile)
        suggested = plan_file_name(self.folder, profile, template)

        def chosen(request: object) -> None:
            if request is not None:
                self._create(template, profile, request)

        self.app.push_screen(CreateDialog(f"{info.number} {info.title}" if info else template,
                                          unit, suggested, self.folder), chosen)

    @work(thread=True, group="create")
    def _create(self, template: str, profile: str, request: object) -> None:
        try:
            from planwriter.drafting import new_plan
        except ImportError:
            self.app.call_from_thread(self.notify, "Chức năng soạn kế hoạch mới chưa có.",
                                      severity="warning")
            return
        from planwriter.fsutil import guard_output
        from planwriter.planfile import new_file

        target = request.target  # type: ignore[attr-defined]
        notes: list[str] = []
        try:
            plan = new_plan(template, profile, notes=notes)
            if request.number:  # type: ignore[attr-defined]
                plan.meta.number = request.number  # type: ignore[attr-defined]
            if request.date:  # type: ignore[attr-defined]
                plan.meta.date = request.date  # type: ignore[attr-defined]
            guard_output(target, [], (".toml",))
            if target.exists():
                raise PlanwriterError("đã có tệp này, không ghi đè", target)
            new_file(plan, target).save()
        except (PlanwriterError, OSError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        for note in notes:  # the vocabulary not applied: the drafter localizes by hand
            self.app.call_from_thread(self.notify, note, severity="warning", timeout=15)
        self.app.call_from_thread(self.app.open_plan, target)  # type: ignore[attr-defined]
