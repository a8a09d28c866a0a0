"""Help: the keys of the workbench and what the duration units mean."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# slatui help

## Modes

| key | mode |
|---|---|
| `d` | **Draft**: write, check and sign the agreement |
| `p` | **Pilot**: import the pilot's data, log events, browse what came in |
| `c` | **Compliance**: has each side kept its word, as of now; clocks, escalations, audit |
| `b` | **Baselines**: what the pilot measured, the targets it supports, what-if, adopt |

## Draft

| key | does |
|---|---|
| `↑` `↓` `enter` | walk the agreement tree; the editor shows the selected clause |
| `tab` | move between the tree, the editor fields and the side panel |
| `escape` | leave a field and go back to the tree (letters type into a field) |
| `enter` in a field | accept the value: saved at once; an invalid one is refused, never saved |
| `a` / `A` | add a commitment / an escalation (from a template of its kind) |
| `y` | duplicate the selected commitment or escalation |
| `delete` | delete it (asks first) |
| `[` / `]` | move it up / down |
| `ctrl+z` | undo your last edit of this session |
| `l` | jump to the lint panel; `enter` on a warning jumps to its clause |
| `l` below 120 columns | show lint and preview in place of the editor; `escape` goes back |
| `m` | preview the whole contract as Markdown (the contract as exported) |
| `s` | sign as marketing or sales (shows the digest you sign) |
| `n` | start a new draft version from the agreed one |
| `v` | versions, and the clause-by-clause diff between any two |
| `x` | export TOML or Markdown to a file |
| `ctrl+p` | every action in the command palette |
| `?` | this help; `ctrl+q` quits (nothing accepted is ever lost) |

## Pilot

| key | does |
|---|---|
| `i` | import a file: a CSV export (its preset is detected) or slatui's canonical CSV |
| `l` | log one event by hand (a hand-off as it happens) |
| `u` | undo the batch highlighted in the side panel (asks first) |
| `]` / `[` / `g` | next / previous / first page of events |
| `/` | filter events by type, account, lead and days (`enter` or `escape` back) |
| `tab` | move between the tiers, the batches, the tabs and the table |

## Compliance

| key | does |
|---|---|
| `↑` `↓` `enter` / `i` | walk the commitments; drill into one: its items, or its figure's basis |
| `]` / `[` / `a` in the drill-down | next / previous page of items; all items or the period's |
| `n` | next period: each commitment's own → week → month → quarter → pilot |
| `/` | type a period: `2026-11`, `2026-W45`, `2026-Q4` (empty: the own periods) |
| `o` / `e` / `a` | the open clocks (soonest deadline first) / the escalations / the SAL audit |
| `r` | judge again now (it also does when another terminal writes, and every minute) |

Statuses: **met** and **missed** for a closed period; **on track** and
**at risk** for the current one (never missed before it ends); **no data**
when nothing of the measured kind was ever imported; **tracked** for figures
without a target. The sparkline shows the last 8 ISO weeks, oldest first.

## Baselines

| key | does |
|---|---|
| `↑` `↓` | walk the commitments; the detail shows the reasoning, warning and spread |
| `a` / `A` | adopt the achievable / stretch target into the draft (asks first) |
| `w` | what if: type `key=value` (`within=24bh`, `min=3`); the pilot is judged again |
| `t` / `T` | try the achievable / stretch target in the what-if |
| `escape` | back from the what-if to the table |
| `r` | measure again now (it also does when another terminal writes) |

A week's value is what the Compliance screen would have said of it (`·`: no
value, `*`: the week so far). Achievable: what the pilot reached in most of its
complete weeks; stretch: in half of them. Adopting into an agreed version
starts a new draft; signatures on a draft go stale.

## Durations

Every duration has a unit; a bare number is refused.

| unit | means |
|---|---|
| `m`, `h` | wall-clock minutes and hours: real elapsed time, nights and weekends included |
| `d` | calendar days: the same local time N days later |
| `bm`, `bh` | business minutes and hours: only time inside the calendar's working hours counts |
| `bd` | business days: the same local time on the N-th following working day |

A clock that starts outside working hours starts at the next working moment.
On Mon–Fri 09:00–17:00, a SAL notified **Friday 16:30** is due
**Saturday 16:30** with `24h`, **Monday 16:30** with `1bd`, and
**Wednesday 16:30** with `24bh`.

Press `escape` to close.
"""


class HelpScreen(ModalScreen[None]):
    """A scrollable page of keys and units; escape closes it."""

    CSS_PATH = "help_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="close-help"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(HELP)
