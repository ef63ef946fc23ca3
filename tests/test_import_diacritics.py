"""``import OCR.txt --parent PLAN``: words that lost their diacritics get them back from the
parent where runs of folded words align, never a lone syllable, and every restored line is
listed in the report. Shown on 3260-KH/ĐĐQH15 with every other word stripped, restored from
57-NQ/TW, and on the OCR seeds with the bundled plans as parents."""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import pytest
from cli_run import ROOT, planwriter
from shared import source

from planwriter import planfile
from planwriter.importer import import_file
from planwriter.importer.diacritics import respell, restore_lines
from planwriter.importer.source import Line
from planwriter.model import Plan
from planwriter.text import fold

WORD = re.compile(r"\w+")


def strip(word: str) -> str:
    """A word without its diacritics (đ → d), capitals kept."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


def strip_every_other_word(text: str) -> str:
    count = 0

    def one(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return strip(match.group()) if count % 2 else match.group()

    return WORD.sub(one, text)


def same_word(a: str, b: str) -> bool:
    """Equal but for where the tone mark sits (hoá = hóa) and capitals."""

    def marks(word: str) -> list[str]:
        return sorted(c for c in unicodedata.normalize("NFD", word.lower()) if not c.isalnum())

    return fold(a) == fold(b) and marks(a) == marks(b)


# --- 3260-KH/ĐĐQH15 from 57-NQ/TW ---------------------------------------------------------------


@pytest.fixture(scope="module")
def stripped_3260(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[str]]:
    original = source("3260-KH-DDQH15.txt").read_text("utf-8").splitlines()
    stripped = [strip_every_other_word(line) for line in original]
    path = tmp_path_factory.mktemp("dia") / "3260-stripped.txt"
    path.write_text("\n".join(stripped) + "\n", encoding="utf-8")
    return path, original, stripped


def test_3260_gets_back_the_diacritics_of_the_sentences_it_shares_with_57(
    stripped_3260: tuple[Path, list[str], list[str]],
) -> None:
    path, original, stripped = stripped_3260
    parent = source("57-NQ-TW.txt").read_text("utf-8").splitlines()
    lines = [Line(n, text) for n, text in enumerate(stripped, start=1)]
    restore_lines(lines, parent)
    parent_words = [fold(w) for text in parent for w in WORD.findall(text)]
    shared_runs = {tuple(parent_words[i : i + 8]) for i in range(len(parent_words) - 7)}
    lost = restored = covered = covered_right = 0
    for before, after, truth in zip(stripped, lines, original, strict=True):
        read, now, words = WORD.findall(before), WORD.findall(after.text), WORD.findall(truth)
        assert len(now) == len(words)
        for was, new, right in zip(read, now, words, strict=True):
            if new != was:  # every word the import changed is the original word
                assert same_word(new, right), f"{truth!r}: {was} → {new}, not {right}"
            if was != right:
                lost += 1
                restored += same_word(new, right)
        keys = [fold(w) for w in words]
        inside = {
            at
            for start in range(len(keys) - 7)
            if tuple(keys[start : start + 8]) in shared_runs
            for at in range(start, start + 8)
        }
        covered += len(inside)
        covered_right += sum(same_word(now[at], words[at]) for at in inside)
    share = covered_right / covered
    print(
        f"3260 ← 57: {restored}/{lost} stripped words restored ({restored / lost:.1%}); on the "
        f"lines sharing an 8-word run, {covered_right}/{covered} words as written ({share:.1%})"
    )
    assert covered > 1000  # the two documents do share many sentences
    assert share >= 0.97, f"{covered_right}/{covered}"
    assert restored / lost >= 0.4  # the rest are sentences 57-NQ/TW does not have


def test_the_report_lists_every_restored_line_before_and_after(
    stripped_3260: tuple[Path, list[str], list[str]], tmp_path: Path
) -> None:
    path, _, stripped = stripped_3260
    out = tmp_path / "3260.toml"
    done = planwriter("import", str(path), "--parent", str(source("57-NQ-TW.txt")), "-o", str(out))
    assert done.returncode == 0, done.stderr
    listed = [line for line in done.stderr.splitlines() if ": khôi phục dấu: " in line]
    summary = re.search(r"Khôi phục dấu theo .*: (\d+) dòng, (\d+) từ", done.stdout)
    assert summary is not None, done.stdout
    assert len(listed) == int(summary.group(1)) > 50
    for entry in listed:
        where = re.search(r": dòng (\d+): khôi phục dấu: (.*) → (.*)$", entry)
        assert where is not None, entry
        number, before, after = int(where.group(1)), where.group(2), where.group(3)
        assert stripped[number - 1] == before  # the line number points at the input's line
        assert fold(before) == fold(after) and before != after
    restored_phrase = "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"
    assert restored_phrase in out.read_text("utf-8")


# --- the OCR seeds, with the bundled plans as parents --------------------------------------------


@pytest.mark.parametrize(
    ("seed", "parent"),
    [
        ("seed-363-KH-HU.ocr.txt", str(ROOT / "examples" / "363-KH-HU.toml")),
        ("seed-11-KH-TU.ocr.txt", "lai-chau/11-KH-TU"),
    ],
)
def test_a_seed_restored_from_its_bundled_plan_reads_closer_to_it(
    seed: str, parent: str, tmp_path: Path
) -> None:
    from planwriter.importer.diacritics import plan_text
    from planwriter.library import template_path

    parent_plan = planfile.load(template_path(parent), check_origins=False).plan
    plain = import_file(source(seed))
    restored = import_file(source(seed), parent=plan_text(parent_plan))
    same_before, same_after = (closeness(r.plan, parent_plan) for r in (plain, restored))
    lines = len(source(seed).read_text("utf-8").splitlines())
    words = sum(entry.words for entry in restored.restored)
    print(
        f"{seed} ← {parent}: {len(restored.restored)} of {lines} lines restored ({words} words); "
        f"words spelled as the plan (difflib ratio): {same_before:.3f} → {same_after:.3f}"
    )
    assert len(restored.restored) >= lines // 4
    assert same_after > same_before + 0.1
    for entry in restored.restored:
        assert fold(entry.before) == fold(entry.after)
    # and through the command line, with the plan file or the template key
    done = planwriter(
        "import", str(source(seed)), "--parent", parent, "-o", str(tmp_path / "p.toml")
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.count(": khôi phục dấu: ") == len(restored.restored)


def closeness(plan: Plan, parent: Plan) -> float:
    """How alike the words of two plans are, spelled as written (difflib ratio)."""

    def spelled(one: Plan) -> list[str]:
        return [w.lower() for item, _, _ in one.walk() for w in WORD.findall(item.content())]

    matcher = difflib.SequenceMatcher(None, spelled(plan), spelled(parent), autojunk=False)
    return matcher.ratio()


# --- the rules -------------------------------------------------------------------------------


def test_respell_keeps_capitals_and_a_tone_mark_placed_the_other_way() -> None:
    assert respell("NGHI", "nghị") == "NGHỊ"
    assert respell("Quyet", "quyết") == "Quyết"
    assert respell("hoà", "hòa") == "hoà"  # both right
    assert respell("nhiém", "nhiệm") == "nhiệm"  # a mark the OCR got wrong


def test_a_lone_word_or_two_are_never_changed() -> None:
    parent = ["Ban Thường vụ Tỉnh ủy ban hành kế hoạch"]
    lines = [
        Line(1, "ban"),
        Line(2, ""),
        Line(3, "Thuong vu"),
        Line(4, ""),
        Line(5, "hanh ke hoach"),
    ]
    restored = restore_lines(lines, parent)
    assert [line.text for line in lines] == ["ban", "", "Thuong vu", "", "hành kế hoạch"]
    assert [(r.where, r.before, r.after) for r in restored] == [
        ("dòng 5", "hanh ke hoach", "hành kế hoạch")
    ]


def test_a_word_the_parent_spells_two_ways_in_the_same_context_is_left() -> None:
    parent = ["công bố khoa học và công nghệ", "Bộ khoa học và công nghệ"]
    lines = [Line(1, "va bo khoa hoc va cong nghe")]
    restore_lines(lines, parent)
    assert lines[0].text == "va bo khoa học và công nghệ"


def test_a_parent_that_cannot_be_read_is_one_line(tmp_path: Path) -> None:
    child = tmp_path / "ocr.txt"
    child.write_text("Ke hoach\n", encoding="utf-8")
    done = planwriter(
        "import", str(child), "--parent", "no/such-plan", "-o", str(tmp_path / "x.toml")
    )
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "no/such-plan" in done.stderr
    assert not (tmp_path / "x.toml").exists()
