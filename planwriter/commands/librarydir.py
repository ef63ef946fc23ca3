"""``planwriter library init DIR`` lays out a library an office keeps in git;
``planwriter profile new KEY …`` writes a unit profile into the writable library."""

from __future__ import annotations

import argparse
from pathlib import Path

from planwriter import library
from planwriter.errors import PlanwriterError
from planwriter.fsutil import atomic_write_text

README = """# Thư viện văn bản mẫu và đơn vị của planwriter

Thư mục này là thư viện chung của cơ quan: `templates/` giữ các chương trình, kế hoạch của cấp
trên đã nhận (mỗi văn bản một tệp .toml), `profiles/` giữ hồ sơ các đơn vị (xã, phường…).
Giữ nó trong git và để mọi đồng nghiệp trỏ tới cùng một bản sao:

    export PLANWRITER_LIBRARY={path}

Thêm một văn bản cấp trên nhận được:

    planwriter import 63-CTr-TU.docx --as-template lai-chau/63-CTr-TU

Thêm một đơn vị:

    planwriter profile new lai-chau/xa-moi --from lai-chau/binh-lu --name "Đảng ủy xã …"

`planwriter templates` và `planwriter profiles` cho biết mỗi mục lấy từ thư mục nào.

Để `git diff` trên một tệp kế hoạch cho thấy các mục đã thay đổi thay vì dòng TOML, tệp
`.gitattributes` ở đây đã gán bộ so sánh `planwriter`; mỗi người chạy một lần:

    git config diff.planwriter.command "planwriter gitdiff"
"""

GITATTRIBUTES = """# Plan, template and profile files are compared item by item by planwriter
# (git config diff.planwriter.command "planwriter gitdiff"; see README.md).
*.toml diff=planwriter
"""

GITIGNORE = """.*.tmp
*.journal
*.lock
"""


def configure(parser: argparse.ArgumentParser, name: str) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    if name == "library":
        init = sub.add_parser("init", help="lay out a library folder to keep in git")
        init.add_argument("folder", type=Path, help="the folder to create (or an empty one)")
        init.set_defaults(run=run_init)
    else:
        new = sub.add_parser("new", help="write a unit profile into the library")
        new.add_argument("key", help="its library key, e.g. lai-chau/xa-moi")
        new.add_argument("--from", dest="base", metavar="KEY", help="start from this profile")
        for option, help_text in _FIELDS.items():
            new.add_argument(f"--{option.replace('_', '-')}", dest=option, help=help_text)
        new.add_argument("--force", action="store_true", help="replace an existing entry")
        new.set_defaults(run=run_profile_new)


def run(args: argparse.Namespace) -> int:  # pragma: no cover - every action sets its own run
    raise PlanwriterError("choose an action (see --help)")


def run_init(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise PlanwriterError("exists and is not an empty folder; choose a new one", folder)
    for kind in library.KINDS:
        (folder / kind).mkdir(parents=True, exist_ok=True)
        (folder / kind / ".gitkeep").touch()
    atomic_write_text(folder / "README.md", README.format(path=folder.resolve()))
    atomic_write_text(folder / ".gitattributes", GITATTRIBUTES)
    atomic_write_text(folder / ".gitignore", GITIGNORE)
    print(f"Đã tạo thư viện {folder}: templates/, profiles/, README.md, .gitattributes.")
    print(f"Để dùng: export {library.ENV}={folder.resolve()}")
    return 0


# profile fields settable from the command line → help
_FIELDS = {
    "name": "the unit's name, e.g. 'Đảng ủy xã Bình Lư'",
    "level": "central | province | district | commune",
    "family": "party | state | mass",
    "superior_body": "the superior body line, e.g. 'ĐẢNG BỘ TỈNH LAI CHÂU'",
    "issuing_body": "the issuing body line, e.g. 'ĐẢNG ỦY XÃ BÌNH LƯ'",
    "issuer_symbol": "the symbol in the number, e.g. ĐU",
    "place": "the place in the date line, e.g. 'Bình Lư'",
    "unit": "how the unit names itself in prose, e.g. 'xã Bình Lư'",
    "committee": "who issues, e.g. 'Ban Thường vụ Đảng ủy xã'",
}
_REQUIRED = ("name", "level", "superior_body", "issuing_body", "issuer_symbol", "place")


def run_profile_new(args: argparse.Namespace) -> int:
    import tomlkit

    from planwriter.profile import load_profile

    target = library.new_entry_path("profiles", args.key, force=args.force)
    if args.base:
        base = library.profile_path(args.base)
        doc = tomlkit.parse(base.read_text(encoding="utf-8"))
        # What the base profile says of its own unit (its sources, its signer) is not true of
        # the new one: keep the structure and the vocabulary, say what to review.
        doc["profile"]["source"] = (
            f"Tạo từ hồ sơ {args.base} bằng planwriter profile new: xem lại người ký, nơi nhận "
            "và từ vựng cho đơn vị này."
        )
        signature = doc["profile"].get("signature")
        if signature is not None and "name" in signature:
            signature["name"] = ""
    else:
        doc = tomlkit.document()
        doc.add(tomlkit.comment(f"Hồ sơ đơn vị {args.name or args.key}, tạo bằng planwriter."))
        doc["schema"] = 1
        doc["profile"] = tomlkit.table()
    table = doc["profile"]
    for option in _FIELDS:
        value = getattr(args, option)
        if value is not None:
            table[option] = value
    missing = [f"--{k.replace('_', '-')}" for k in _REQUIRED if k not in table]
    if missing:
        raise PlanwriterError(f"a new profile needs {', '.join(missing)} (or --from KEY)")
    text = tomlkit.dumps(doc)
    target.parent.mkdir(parents=True, exist_ok=True)
    check = target.with_name(f".{target.name}.check")
    try:
        atomic_write_text(check, text)
        load_profile(check, args.key)  # never write a profile that would not read back
    finally:
        check.unlink(missing_ok=True)
    atomic_write_text(target, text)
    print(f"Đã ghi hồ sơ đơn vị {args.key} → {target}")
    return 0
