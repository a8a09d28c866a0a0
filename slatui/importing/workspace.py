"""What a workspace's agreement tells an import: the zone, the tiers, the title rules.

The CLI (`slatui import`, `slatui log`) and the Pilot screen's modals read
rows with the same `Context`, built here from the agreement alone, so a file
imported from the terminal and from the workbench becomes the same events.
The store is not touched: the caller passes the contract it already holds.
"""

from __future__ import annotations

from slatui.contract.model import Contract
from slatui.importing.dates import DateOrder
from slatui.importing.pipeline import UNZONED, Context, zone_named


def context_for(
    contract: Contract | None,
    *,
    tz: str | None = None,
    date_format: str | None = None,
    order: DateOrder | None = None,
) -> Context:
    """The Context rows are read with: `tz` or the agreement's zone, its tiers and title rules.

    Without an agreement and without `tz`, naive times cannot be placed
    (`UNZONED` refuses them when a row needs it); tiers are then unchecked.
    Raises ImportRefused when `tz` is not a zone name (with the closest one).
    """
    zone_name = tz or (contract.agreement.timezone if contract else None)
    zone = zone_named(zone_name) if zone_name else UNZONED
    rules: dict[str, list[str]] = {}
    tiers: tuple[str, ...] = ()
    if contract is not None:
        tiers = tuple(t.id for t in contract.tiers)
        if contract.sal is not None:
            rules = {str(level): list(patterns) for level, patterns in contract.sal.titles.items()}
    return Context(
        zone=zone,
        zone_name=zone_name,
        tiers=tiers,
        title_rules=rules,
        date_format=date_format,
        order=order,
    )
