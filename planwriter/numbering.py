"""Numbering labels (I., 1., 1.1., a), -, +) derived from the tree, never stored."""

from __future__ import annotations

from planwriter.model import DEFAULT_NUMBERING, Item, Kind, Plan

# Nghị định 30/2020 and party practice letter points a), b), c), d), đ), e), g)…: no f, j, w, z.
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    """The n-th point letter (1-based): a … y, then doubled aa, bb … yy, then tripled.

    Past y) a list goes on with the letter doubled, as long Vietnamese lists of points do;
    "a1)", "a2)" are not used because in Vietnamese drafting they mark points inserted after
    a) by an amendment, which a plain continuation is not. No count runs out."""
    if n < 1:
        raise ValueError(f"point number {n} must be at least 1")
    repeat, index = divmod(n - 1, len(LETTERS))
    return LETTERS[index] * (repeat + 1)


def _format(style: str, n: int, parent_label: str) -> str:
    if style == "I.":
        return f"{roman(n)}."
    if style == "I-":
        return f"{roman(n)}-"
    if style == "1.1.":
        # A decimal label extends the enclosing arabic label: 2. → 2.1., 2.1. → 2.1.1.
        stem = parent_label if parent_label and parent_label[0].isdigit() else ""
        return f"{stem}{n}."
    if style == "a)":
        return f"{_letter(n)})"
    return f"{n}."


def labels(plan: Plan) -> dict[str, str]:
    """Map every item id that is shown (not dropped) to its label.

    Sections get a label by their depth among sections, following ``plan.meta.numbering``
    (by default I., 1., 1.1., a) and a) again below that); bullets, objectives and tasks get
    "-" or "+" when they sit under another bullet; paragraphs get "".
    """
    styles = list(plan.meta.numbering) or list(DEFAULT_NUMBERING)
    out: dict[str, str] = {}

    def visit(items: list[Item], section_depth: int, parent_label: str, bullet_depth: int) -> None:
        n = 0
        for item in items:
            if item.dropped:
                continue
            if item.kind is Kind.SECTION:
                n += 1
                style = styles[min(section_depth, len(styles) - 1)]
                label = _format(style, n, parent_label)
                out[item.id] = label
                visit(item.children, section_depth + 1, label, 0)
            elif item.kind is Kind.PARAGRAPH or item.kind is Kind.TABLE:
                out[item.id] = ""
                visit(item.children, section_depth, parent_label, bullet_depth)
            elif item.kind is Kind.APPENDIX:
                # An appendix is labelled by its own title ("PHỤ LỤC I"); inside it the
                # numbering starts again at the top style.
                out[item.id] = ""
                visit(item.children, 0, "", 0)
            else:
                out[item.id] = "-" if bullet_depth == 0 else "+"
                visit(item.children, section_depth, parent_label, bullet_depth + 1)

    visit(plan.items, 0, "", 0)
    return out
