"""Names of the paragraph styles an exported .docx uses, shared by export and import.

Export gives each paragraph the named style of what it is, so a clerk restyles a whole
level at once in Word; import reads the same names back to recover the tree from a file
planwriter wrote (and falls back to reading labels and text for any other .docx).
Sections use Word's own "Heading 1".."Heading 9", so the navigation pane shows the outline.
"""

from __future__ import annotations

from planwriter.model import Kind

TITLE = "Title"  # "KẾ HOẠCH"
SUMMARY = "Subtitle"  # trích yếu
BODY = "Body Text"  # paragraphs
BULLET = "List Bullet"  # "- " items
BULLET_2 = "List Bullet 2"  # "+ " items under a bullet
OBJECTIVE = "Plan Objective"  # objectives carrying indicators, shown as "- "
TASK = "Plan Task"  # tasks in the body, shown as "- "
HEADER = "Plan Header"  # the header table's cells
RECIPIENTS_HEADING = "Plan Recipients Heading"  # "Nơi nhận:"
RECIPIENT = "Plan Recipient"
SIGNATURE = "Plan Signature"
SIGNER = "Plan Signer"
APPENDIX_TITLE = "Plan Appendix Title"  # the generated task appendix's title lines
APPENDIX_HEADING = "Plan Appendix Heading"  # an appendix the plan holds: "PHỤ LỤC I", heading
TABLE_TEXT = "Plan Table Text"


ATTACHED = "Plan Attached"  # an appendix's "(Kèm theo …)" line
ADDRESSEES = "Plan Addressees"  # a letter's "Kính gửi:" lines
LETTER_SUMMARY = "Plan Letter Summary"  # a letter's "V/v …" under its number
SECTION_TEXT_PREFIX = "Plan Section Text "


def heading(depth: int) -> str:
    """The style of a section at ``depth`` among sections (0: "I.", 1: "1.", 2: "1.1.", …)."""
    return f"Heading {min(depth + 1, 9)}"


def section_text(depth: int) -> str:
    """The style of a section that runs on as a sentence at ``depth``: a numbered sentence
    ("2.7. Các chi, đảng bộ …") or a run-in title ("1. Mục đích: …"). It is body text (justified,
    indented, no keep-with-next), its label or title a bold run, so a chain of them paginates
    like the paragraphs they are; only a heading standing alone keeps with what follows."""
    return f"{SECTION_TEXT_PREFIX}{min(depth + 1, 9)}"


def heading_depth(style_name: str) -> int | None:
    """The section depth a heading or section-text style stands for, or None if it is
    neither."""
    for prefix in ("Heading ", SECTION_TEXT_PREFIX):
        if style_name.startswith(prefix):
            rest = style_name.removeprefix(prefix)
            if rest.isdigit():
                return int(rest) - 1
    return None


KIND_STYLES: dict[Kind, str] = {
    Kind.PARAGRAPH: BODY,
    Kind.BULLET: BULLET,
    Kind.OBJECTIVE: OBJECTIVE,
    Kind.TASK: TASK,
}
STYLE_KINDS: dict[str, Kind] = {name: kind for kind, name in KIND_STYLES.items()} | {
    BULLET_2: Kind.BULLET
}
