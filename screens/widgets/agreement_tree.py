"""The agreement as a tree: overview, calendar, SAL, tiers with each side's
commitments, escalations, reviews, pilot and sign-off.

Commitments sit under their tier and their party, which is how the two leads
read an SLA in a workshop ("what does sales owe on Tier 1?"). Rebuilt from the
contract on every change; the selection is kept by clause id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from slatui.editing.nodes import NodeRef

if TYPE_CHECKING:
    from slatui.contract.model import Commitment, Contract

GROUPS: tuple[tuple[str | None, str], ...] = (
    ("marketing", "Marketing commits"),
    ("sales", "Sales commits"),
    ("joint", "Success figures"),
    (None, "Owner not named"),
)


class AgreementTree(Tree[NodeRef]):
    """A tree whose leaves carry the NodeRef of their clause."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("Agreement", **kwargs)  # type: ignore[arg-type]
        self.show_root = False
        self.guide_depth = 2

    def rebuild(self, contract: Contract, warned: set[NodeRef], select: NodeRef | None) -> None:
        """Redraw from `contract`; mark clauses with lint warnings; keep `select`."""
        from slatui.editing.summary import escalation_summary

        self.clear()
        root = self.root
        self._leaf(root, "Overview", NodeRef("agreement"), warned, contract.agreement.title)
        self._leaf(root, "Calendar", NodeRef("calendar"), warned)
        self._leaf(root, "SAL definition", NodeRef("sal"), warned)
        for tier in contract.tiers:
            ref = NodeRef("tier", tier.id)
            branch = root.add(self._label(f"{tier.name}", tier.id, ref in warned), ref, expand=True)
            self._commitments(
                branch, [c for c in contract.commitments if c.tier == tier.id], warned
            )
        untiered = [c for c in contract.commitments if c.tier is None]
        if untiered:
            branch = root.add("All tiers", None, expand=True)
            self._commitments(branch, untiered, warned)
        ladder = root.add(f"Escalations ({len(contract.escalations)})", None, expand=True)
        for escalation in contract.escalations:
            ref = NodeRef("escalation", escalation.id)
            ladder.add_leaf(
                self._label(escalation.id, escalation_summary(escalation), ref in warned), ref
            )
        self._leaf(root, "Reviews", NodeRef("reviews"), warned)
        self._leaf(root, "Pilot", NodeRef("pilot"), warned)
        self._leaf(root, "Sign-off", NodeRef("signoffs"), warned)
        self.select_ref(select or NodeRef("agreement"))

    def select_ref(self, ref: NodeRef) -> None:
        """Move the cursor to the clause `ref` (or leave it when it is gone).

        A node added since the last render has no line yet (`line` is -1, which
        `move_cursor` would clamp to the first line, highlighting the Overview),
        so its branch is opened and the lines are laid out before moving.
        """
        for node in self._walk(self.root):
            if node.data == ref:
                parent = node.parent
                while parent is not None:
                    parent.expand()
                    parent = parent.parent
                if self.last_line >= 0 and node.line >= 0:
                    self.move_cursor(node)
                return

    def _walk(self, node: TreeNode[NodeRef]) -> Iterable[TreeNode[NodeRef]]:
        for child in node.children:
            yield child
            yield from self._walk(child)

    def _commitments(
        self, branch: TreeNode[NodeRef], clauses: list[Commitment], warned: set[NodeRef]
    ) -> None:
        from slatui.editing.summary import commitment_summary

        for party, title in GROUPS:
            mine = [c for c in clauses if c.party == party]
            if not mine and party is None:
                continue
            group = branch.add(f"{title} ({len(mine)})", None, expand=True)
            for c in mine:
                ref = NodeRef("commitment", c.id)
                label = self._label(c.id, commitment_summary(c), ref in warned)
                group.add_leaf(label, ref)

    def _leaf(
        self,
        parent: TreeNode[NodeRef],
        title: str,
        ref: NodeRef,
        warned: set[NodeRef],
        detail: str = "",
    ) -> None:
        parent.add_leaf(self._label(title, detail, ref in warned), ref)

    @staticmethod
    def _label(title: str, detail: str, warned: bool) -> Text:
        text = Text()
        if warned:
            text.append("▲ ", style="bold yellow")
        text.append(title)
        if detail:
            text.append(f"  {detail}", style="dim")
        return text
