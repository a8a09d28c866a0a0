"""What HubSpot exports share: which company a record belongs to.

HubSpot keys companies by their Record ID. A contact or deal export names
its company as "Primary Associated Company ID" (one id), "Associated
Company IDs" (all of them, `;`-separated) or "Associated Company" (names).
The primary id is used; failing that, the one associated id or name when
there is exactly one. With several and no primary, choosing one would be a
guess, so the record has no account.
"""

from __future__ import annotations

import re

from slatui.importing.presets.base import Cells

_LIST = re.compile(r"\s*[;,]\s*")


def company(cells: Cells) -> str | None:
    """The record's company id (or name): primary, else the only associated one."""
    primary = cells.text("account")
    if primary is not None:
        return primary
    for name in ("account_ids", "account_name"):
        value = cells.text(name)
        if value is not None:
            items = [item for item in _LIST.split(value) if item]
            return items[0] if len(items) == 1 else None
    return None
