"""Reading a file through one preset without the pipeline's plan or the store.

`convert_file` does what an import does up to the records, with the pieces
the presets are built on: `CsvSource` streams the rows, the pipeline's
`resolve_columns` maps the header (with --map overrides), each date field's
day/month order is settled over its column (`resolve_order`), and the
preset's `convert` turns each mapped row into records or a reject. So these
tests depend on the file-reading layer and on the preset, never on how
batches are written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from slatui.importing.dates import resolve_order
from slatui.importing.pipeline import Context, resolve_columns
from slatui.importing.presets import Preset
from slatui.importing.source import CsvSource, Row, SourceReport
from slatui.pilot.records import AccountRecord, ContactRecord, EventRecord

FIXTURES = Path(__file__).resolve().parent / "fixtures"
"""Small files written for these tests: no personal data."""

REALDATA = Path(__file__).resolve().parents[2].parent / "shared" / "realdata"
"""Real exports (../shared/realdata from the repository); tests skip when it is absent."""

NEW_YORK = ZoneInfo("America/New_York")

CONTEXT = Context(
    zone=NEW_YORK,
    zone_name="America/New_York",
    tiers=("t1", "t2", "t3"),
    title_rules={"vp": ["Head of *", "Gerente General"]},
)
"""What sample.toml gives an import: its zone, tiers and [sal.titles] rules."""


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> dt.datetime:
    """An aware UTC datetime, for expected values."""
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)


@dataclass
class Converted:
    """What a file became: records in file order, rejects, and the source's report."""

    mapping: dict[str, str]
    records: list[AccountRecord | ContactRecord | EventRecord]
    rejects: list[tuple[int, str]]
    source: SourceReport

    @property
    def events(self) -> list[EventRecord]:
        return [r for r in self.records if isinstance(r, EventRecord)]

    @property
    def accounts(self) -> list[AccountRecord]:
        return [r for r in self.records if isinstance(r, AccountRecord)]

    @property
    def contacts(self) -> list[ContactRecord]:
        return [r for r in self.records if isinstance(r, ContactRecord)]

    @property
    def types(self) -> dict[str, int]:
        """Events per type."""
        return dict(Counter(e.type for e in self.events))

    def of(self, kind: str) -> list[EventRecord]:
        """The events of one type, in file order."""
        return [e for e in self.events if e.type == kind]


def convert_file(
    path: Path,
    preset: Preset,
    *,
    overrides: Mapping[str, str] | None = None,
    context: Context = CONTEXT,
) -> Converted:
    """Every row of ``path`` through ``preset`` (see the module docstring)."""
    source = CsvSource.open(path)
    mapping = resolve_columns(path, source.header, preset, overrides or {})
    column = {f: c for c, f in mapping.items()}
    orders = {
        name: resolve_order(
            column[name], (r.values[column[name]] for r in source.rows()), context.order
        )
        for name in preset.date_fields
        if name in column and context.date_format is None
    }
    settled = dataclasses.replace(context, orders=orders)
    records: list[AccountRecord | ContactRecord | EventRecord] = []
    rejects: list[tuple[int, str]] = []
    for row in source.rows():
        mapped = Row(row.line, {f: row.values[c] for c, f in mapping.items()})
        try:
            records.extend(preset.convert(mapped, settled))
        except ValueError as exc:
            rejects.append((row.line, str(exc)))
    rejects += [(p.line, p.reason) for p in source.report.problems]
    return Converted(mapping, records, sorted(rejects), source.report)
