"""An opportunity's (deal's) lifecycle as events, shared by Salesforce and HubSpot.

The deal is the item: its events carry the opportunity (deal) id as `lead`,
so a deal-cycle figure can pair `opportunity_created` with the close of the
same deal, and its account as `account`. Nothing that changes while a deal is
open (its stage, amount, name) goes into an event, so next week's export of
the same deals adds no event twice (the store's fingerprint is the event's
time, type, account, contact, lead, quantity and detail).

* `opportunity_created` at the creation date (none when the row has none:
  Maven's prospecting deals were never engaged).
* The outcome: the export's own flags when it has them (`IsWon` true: won;
  `IsClosed` true and not won: lost; `IsClosed` false: open), otherwise the
  stage name (`words.stage_outcome`: `Closed Won`, `Cerrada ganada`, `Fermée
  gagnée`, ...; any other stage is open, since open stages are whatever a
  team calls them: `Negociación`, `Firmas`). `closed_won` / `closed_lost` at
  the close date; a loss's detail is its reason when the export gives one,
  else the stage.
* A closed deal without a close date is rejected: Salesforce requires the
  date, so the export contradicts itself, and any other date would be a guess.
"""

from __future__ import annotations

from slatui.importing.pipeline import RowReject
from slatui.importing.presets.base import Cells
from slatui.importing.presets.words import Outcome, stage_outcome
from slatui.pilot.records import EventRecord


def outcome(cells: Cells) -> Outcome | None:
    """Won, lost or (None) open: the `is_won` / `is_closed` flags first, else the stage."""
    won = cells.flag("is_won")
    closed = cells.flag("is_closed")
    if won:
        return "won"
    if closed is False:
        return None
    stage = cells.text("stage")
    said = stage_outcome(stage) if stage is not None else None
    if closed:
        return "won" if said == "won" and won is None else "lost"
    if won is False:
        return "lost" if said == "lost" else None
    return said


def deal_events(cells: Cells, *, key: str, account: str | None) -> list[EventRecord]:
    """`opportunity_created` and the close of one deal (see the module docstring)."""
    owner = cells.text("owner")
    stage = cells.text("stage")
    events: list[EventRecord] = []
    created = cells.when("created_at")
    if created is not None:
        events.append(
            EventRecord(
                occurred_at=created,
                type="opportunity_created",
                account=account,
                lead=key,
                actor=owner,
                line=cells.line,
            )
        )
    result = outcome(cells)
    if result is None:
        return events
    closed = cells.when("close_date")
    if closed is None:
        raise RowReject(
            f"the deal is closed {result} (stage {stage!r}) but close_date is empty; "
            "a closed deal needs its close date"
        )
    reason = cells.first("loss_reason", "loss_reason_2") if result == "lost" else None
    events.append(
        EventRecord(
            occurred_at=closed,
            type=f"closed_{result}",
            account=account,
            lead=key,
            actor=owner,
            detail=reason or stage,
            line=cells.line,
        )
    )
    return events
