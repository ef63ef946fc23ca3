"""The plan's outline: a tree of items with derived labels and disposition marks."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from planwriter.model import Disposition, Item, Plan
from planwriter.numbering import labels

MARKS = {Disposition.ADOPTED: "=", Disposition.LOCALIZED: "≈", Disposition.ADAPTED: "~",
         Disposition.DROPPED: "×", Disposition.ADDED: "+", None: " "}


def item_label(item: Item, label: str, flagged: bool = False) -> Text:
    """ "= I. NỘI DUNG" with the disposition mark first; dropped items struck through."""
    mark = "!" if flagged else MARKS[item.disposition]
    body = " ".join(item.content().split())
    text = Text(f"{mark} ")
    text.append(f"{label} " if label else "", style="bold")
    text.append(body[:120])
    if item.dropped:
        text.stylize("strike dim", 2)
    return text


class Outline(Tree[str]):
    """Each node's data is an item id. ``show(plan)`` rebuilds, ``relabel(plan)`` repaints."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.show_root = False
        self.guide_depth = 2
        self.nodes_by_id: dict[str, TreeNode[str]] = {}
        self.flagged: set[str] = set()

    def show(self, plan: Plan, select: str | None = None) -> None:
        """Rebuild the tree for ``plan`` and put the cursor on item ``select``."""
        numbers = labels(plan)
        self.clear()
        self.nodes_by_id = {}

        def add(parent: TreeNode[str], items: list[Item]) -> None:
            for item in items:
                text = item_label(item, numbers.get(item.id, ""), item.id in self.flagged)
                if item.children:
                    node = parent.add(text, data=item.id, expand=True)
                    add(node, item.children)
                else:
                    node = parent.add_leaf(text, data=item.id)
                self.nodes_by_id[item.id] = node

        add(self.root, plan.items)
        if select is not None:
            # The tree lays out its lines on the next refresh; the cursor can move only then.
            self.call_after_refresh(self.select_item, select)

    def relabel(self, plan: Plan) -> None:
        """Repaint every label (numbering and marks change when an item is dropped)."""
        numbers = labels(plan)
        for item, _, _ in plan.walk():
            node = self.nodes_by_id.get(item.id)
            if node is not None:
                node.set_label(item_label(item, numbers.get(item.id, ""), item.id in self.flagged))

    def relabel_one(self, plan: Plan, item_id: str) -> None:
        """Repaint one label (its text or marks changed, not the numbering)."""
        item, node = plan.find(item_id), self.nodes_by_id.get(item_id)
        if item is not None and node is not None:
            label = labels(plan).get(item_id, "")
            node.set_label(item_label(item, label, item_id in self.flagged))

    def select_item(self, item_id: str) -> None:
        node = self.nodes_by_id.get(item_id)
        if node is None:
            return
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.move_cursor(node)

    @property
    def current_id(self) -> str | None:
        node = self.cursor_node
        return node.data if node is not None else None
