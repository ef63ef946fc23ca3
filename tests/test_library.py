"""The library: where templates and profiles are looked up, where new ones go, a shared
library folder kept in git with plan files diffed item by item, and the installed wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import planwriter
from shared import ROOT

from planwriter import library

TEMPLATE = ROOT / "planwriter" / "bundled" / "templates" / "lai-chau" / "11-KH-TU.toml"


def _template(folder: Path, key: str, summary: str) -> Path:
    path = folder / "templates" / f"{key}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = TEMPLATE.read_text(encoding="utf-8")
    path.write_text(text.replace('summary = "', f'summary = "{summary} ', 1), encoding="utf-8")
    return path


def test_search_order_puts_the_office_before_the_user_before_the_bundled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared_lib, configured = tmp_path / "shared", tmp_path / "configured"
    user = Path(os.environ["XDG_DATA_HOME"]) / "planwriter"
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "planwriter" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f'library = ["{configured}"]\n', encoding="utf-8")
    monkeypatch.setenv(library.ENV, str(shared_lib))
    try:
        for folder in (shared_lib, configured, user):
            _template(folder, "lai-chau/11-KH-TU", folder.name)
        _template(configured, "only/configured", "x")
        _template(user, "only/user", "y")
        origins = [root.origin for root in library.search_path()]
        assert origins == ["PLANWRITER_LIBRARY", "config", "user", "bundled"]
        found = library.entries("templates")
        assert found["lai-chau/11-KH-TU"].path == shared_lib / "templates/lai-chau/11-KH-TU.toml"
        assert found["only/configured"].root.origin == "config"
        assert found["only/user"].root.origin == "user"
        assert found["lai-chau/63-CTr-TU"].root.origin == "bundled"
        listing = planwriter("templates")
        assert listing.returncode == 0, listing.stderr
        assert "Tìm theo thứ tự trong:" in listing.stdout
        assert "kèm theo" in listing.stdout and "chung" in listing.stdout
    finally:
        shutil.rmtree(user, ignore_errors=True)
        config.unlink()


def test_a_missing_folder_is_named_where_the_listing_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(library.ENV, str(tmp_path / "nowhere"))
    result = planwriter("profiles")
    assert result.returncode == 0, result.stderr
    folded = " ".join(result.stdout.split())
    assert (
        f"{tmp_path / 'nowhere' / 'profiles'} — thư viện chung (PLANWRITER_LIBRARY) (chưa có"
        in folded
    )
    assert "lai-chau/tam-duong" in folded.replace(" ", "") or "tam-duo" in folded


def test_import_as_template_goes_to_the_user_library(tmp_path: Path) -> None:
    user = Path(os.environ["XDG_DATA_HOME"]) / "planwriter"
    source = tmp_path / "ct.txt"
    source.write_text(
        "KẾ HOẠCH\nthực hiện một việc\nI. MỤC ĐÍCH\n1. Làm một việc cụ thể cho tốt.\n",
        encoding="utf-8",
    )
    try:
        result = planwriter("import", str(source), "--as-template", "thu/mot", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert (user / "templates" / "thu" / "mot.toml").is_file()
        assert not (tmp_path / "templates").exists()
        assert "thu/mot" in library.templates()
    finally:
        shutil.rmtree(user, ignore_errors=True)


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("../escape", "is not a library key"),
        ("/etc/planwriter", "is not a library key"),
        ("a/./b", "is not a library key"),
        ("lai-chau/63-CTr-TU", "the library already has a template 'lai-chau/63-CTr-TU'"),
    ],
)
def test_as_template_stays_inside_the_library_and_shadows_nothing(
    tmp_path: Path, key: str, message: str
) -> None:
    source = tmp_path / "ct.txt"
    source.write_text("KẾ HOẠCH\nthực hiện\nI. MỤC ĐÍCH\n1. Một việc.\n", encoding="utf-8")
    before = sorted(p for p in tmp_path.rglob("*"))
    result = planwriter("import", str(source), "--as-template", key, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert sorted(p for p in tmp_path.rglob("*")) == before


def test_profile_new_from_another_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(library.ENV, str(tmp_path / "lib"))
    result = planwriter(
        "profile",
        "new",
        "lai-chau/xa-moi",
        "--from",
        "lai-chau/binh-lu",
        "--name",
        "Đảng ủy xã Mới",
        "--issuing-body",
        "ĐẢNG ỦY XÃ MỚI",
        "--place",
        "Mới",
    )
    assert result.returncode == 0, result.stderr
    path = tmp_path / "lib" / "profiles" / "lai-chau" / "xa-moi.toml"
    from planwriter.profile import load_profile

    profile = load_profile(path)
    assert (profile.name, profile.issuing_body, profile.place) == (
        "Đảng ủy xã Mới",
        "ĐẢNG ỦY XÃ MỚI",
        "Mới",
    )
    assert profile.vocabulary and profile.signature.name == ""
    assert "xem lại" in profile.source
    again = planwriter("profile", "new", "lai-chau/xa-moi", "--from", "lai-chau/binh-lu")
    assert again.returncode == 2 and "already has a profile" in again.stderr
    bare = planwriter("profile", "new", "x/y", "--name", "Một đơn vị")
    assert bare.returncode == 2 and "--level" in bare.stderr
    assert not (tmp_path / "lib" / "profiles" / "x").exists()


def _git(repo: Path, *args: str) -> str:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@t",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@t",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(repo.parent),
    )
    done = subprocess.run(
        ["git", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=120,
    )
    return done.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_diff_on_a_plan_shows_its_items(tmp_path: Path) -> None:
    repo = tmp_path / "thu-vien"
    init = planwriter("library", "init", str(repo))
    assert init.returncode == 0, init.stderr
    assert {p.name for p in repo.iterdir()} >= {
        "README.md",
        "templates",
        "profiles",
        ".gitattributes",
    }
    _git(repo, "init", "-q")
    _git(repo, "config", "diff.planwriter.command", f"{sys.executable} -m planwriter gitdiff")
    plan = repo / "templates" / "ke-hoach.toml"
    shutil.copy(TEMPLATE, plan)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "first")
    text = plan.read_text(encoding="utf-8")
    old = "Có ≥ 50% người dân có tài khoản định danh điện tử (VNeID)."
    assert old in text
    new = "Có ≥ 60% người trưởng thành có tài khoản định danh điện tử (VNeID)."
    plan.write_text(text.replace(old, new), "utf-8")
    out = _git(repo, "diff")
    assert out.startswith("planwriter gitdiff templates/ke-hoach.toml")
    assert "trưởng thành" in out
    assert "[[item]]" not in out and 'text = "' not in out


def test_the_wheel_carries_the_library(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheel = next(dist.glob("planwriter-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    # The wheel's own files, with the dependencies this test run already has.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (Path(site) / "test-deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", library.ENV)}
    planwriter_bin = venv / "bin" / "planwriter"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(planwriter_bin), *args],
            cwd=empty,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
        )

    where = subprocess.run(
        [str(python), "-c", "import planwriter; print(planwriter.__file__)"],
        cwd=empty,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(site), where.stdout
    listed = run("templates")
    assert listed.returncode == 0, listed.stderr
    assert (
        "lai-chau/11-KH-TU" in listed.stdout.replace("\n", "").replace("│", "").replace(" ", "")
        or "11-KH/TU" in listed.stdout
    )
    drafted = run(
        "new",
        "--template",
        "lai-chau/11-KH-TU",
        "--profile",
        "lai-chau/binh-lu",
        "-o",
        "ke-hoach.toml",
    )
    assert drafted.returncode == 0, drafted.stderr
    shown = run("show", "ke-hoach.toml")
    assert shown.returncode == 0 and "BÌNH LƯ" in shown.stdout.upper()
