"""What every preset is made of: a `Layout` plus how to recognise its export.

A preset *is* a pipeline `Layout` (`slatui.importing.pipeline`): the same
column mapping, `--map` overrides, date-order settling and row conversion as
the canonical CSV, so there is one way a file becomes records. `Preset` adds
only what the pipeline does not need and `detect` does: a title for people
and the header *dialects* the export comes in (Salesforce API names, report
labels in English or French, ...), each with the columns that give it away.

`Cells` is the read side every preset's `convert` uses: it turns a mapped
row's text into values under the rules of DESIGN §5, so a preset says what a
column *means* and never re-implements how a cell is read:

* placeholders (`Select`, `N/A`, the empty Salesforce lookup
  `000000000000000AAA`) are empty (`slatui.importing.values.DEFAULT`);
* a bad boolean, number or date rejects the row with the field's name, the
  value and what was expected (the pipeline adds the line number);
* Salesforce ids are compared in their 18-character form, so a report's
  15-character `001bm00001ZL8U9` and the Data Loader's `001bm00001ZL8U9AAL`
  name one account.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from slatui.accounts import normalise_domain, normalise_external_id
from slatui.importing.dates import DateError, parse_timestamp
from slatui.importing.pipeline import Context, Convert, Layout, RecordKind, RowReject
from slatui.importing.source import Row
from slatui.importing.values import DEFAULT, ValueProblem, parse_bool, parse_number
from slatui.pilot.records import ContactRecord, EventRecord
from slatui.titles import classify

__all__ = ["Cells", "Dialect", "Notes", "Preset", "make_preset", "salesforce_kind"]


@dataclass(frozen=True)
class Dialect:
    """One way an export's header is written, and the columns that give it away.

    ``marks`` maps a column name (matched ignoring case and surrounding
    space) to how strongly it points at this export: 3 for a column only this
    export has (`IsConverted`), 2 for a telling one, 1 for a common one, and a
    negative weight for a column this export never has although a look-alike
    does (a User export has `FirstName`, `Title` and `AccountId` like a Contact
    export, and `Username`, which no Contact export has).
    """

    name: str
    marks: Mapping[str, int]


Notes = Callable[[frozenset[str]], list[str]]
"""The fields a header maps to -> what importing it will not give (for `detect`)."""


@dataclass(frozen=True)
class Preset(Layout):
    """A `Layout` for one real export, with what `detect` needs to recognise it.

    ``title`` names the export for people ("Salesforce leads"); ``dialects``
    are its header spellings; ``hints`` say what a missing required field is
    usually called, for the refusal message (``{"key": "Id or Lead ID"}``);
    ``notes`` says, from the fields a header provides, what an import of it
    will lack ("no CreatedDate: no hand-offs"), so `detect` can warn first.
    """

    title: str = ""
    dialects: tuple[Dialect, ...] = ()
    hints: Mapping[str, str] = field(default_factory=dict)
    notes: Notes | None = None


def make_preset(
    name: str,
    title: str,
    *,
    columns: Mapping[str, str],
    convert: Convert,
    produces: Iterable[RecordKind],
    required: tuple[str, ...] = ("key",),
    dates: tuple[str, ...] = (),
    dialects: tuple[Dialect, ...] = (),
    hints: Mapping[str, str] | None = None,
    notes: Notes | None = None,
    extra: tuple[str, ...] = (),
) -> Preset:
    """A preset whose fields are the targets of its columns (in first-seen order).

    Every field can be given with `--map COLUMN=FIELD`; ``extra`` are fields no
    export names by default (a custom hand-off date), reachable only that way.
    ``dates`` are the fields whose day/month order the pipeline settles over
    the whole column.
    """
    fields = tuple(dict.fromkeys((*columns.values(), *extra)))
    unknown = [f for f in (*required, *dates) if f not in fields]
    if unknown:  # pragma: no cover - a mistake in a preset module, caught by any test
        raise ValueError(f"preset {name}: {', '.join(unknown)} is not a field of its columns")
    return Preset(
        name=name,
        kind=name,
        fields=fields,
        required=required,
        convert=convert,
        produces=frozenset(produces),
        columns=dict(columns),
        date_fields=dates,
        preset=name,
        title=title,
        dialects=dialects,
        hints=dict(hints or {}),
        notes=notes,
    )


# ---------------------------------------------------------------- reading cells

_DIGITS = re.compile(r"\d+")

SALESFORCE_PREFIXES: Mapping[str, str] = {
    "001": "account",
    "003": "contact",
    "005": "user",
    "006": "opportunity",
    "00Q": "lead",
    "00T": "task",
    "00U": "event",
    "0XB": "list_email",
}
"""Salesforce key prefixes: the first three characters of an id name its object."""


def salesforce_kind(ident: str | None) -> str | None:
    """What a Salesforce id points at (`lead`, `contact`, ...), from its key prefix."""
    if ident is None or len(ident) not in (15, 18):
        return None
    return SALESFORCE_PREFIXES.get(ident[:3])


class Cells:
    """A mapped row's cells as values; every problem is a `RowReject` naming the field."""

    __slots__ = ("context", "line", "values")

    def __init__(self, row: Row, context: Context) -> None:
        self.values = row.values
        self.line = row.line
        self.context = context

    def has(self, name: str) -> bool:
        """True when a column is mapped to the field (even if this row's cell is empty)."""
        return name in self.values

    def text(self, name: str) -> str | None:
        """The stripped cell; None when unmapped, empty or a placeholder."""
        value = self.values.get(name)
        if value is None:
            return None
        return DEFAULT.clean(value)

    def first(self, *names: str) -> str | None:
        """The first of the fields with a value (a preferred column and its fallbacks)."""
        for name in names:
            value = self.text(name)
            if value is not None:
                return value
        return None

    def ident(self, *names: str) -> str | None:
        """An id (Salesforce ids in their 18-character form); None for empty lookups."""
        return normalise_external_id(self.first(*names))

    def key(self, name: str = "key") -> str:
        """The record's own id, which every row must have."""
        found = self.ident(name)
        if found is None:
            raise RowReject(f"{name} is empty: every row needs its record id")
        return found

    def deleted(self) -> bool:
        """True for a record in the recycle bin (`IsDeleted`): it is not pilot data."""
        return bool(self.flag("is_deleted"))

    def flag(self, name: str) -> bool | None:
        """A boolean (`TRUE/FALSE`, `1/0`, `yes/no`); None when empty."""
        value = self.values.get(name)
        if value is None:
            return None
        try:
            return parse_bool(value)
        except ValueProblem as exc:
            raise RowReject(f"{name} {exc}") from None

    def count(self, name: str) -> int | None:
        """A whole number >= 0 (`1,184` has a thousands separator); None when empty."""
        value = self.values.get(name)
        if value is None:
            return None
        try:
            number = parse_number(value)
        except ValueProblem as exc:
            raise RowReject(f"{name} {exc}") from None
        if number is None:
            return None
        if number < 0 or number != number.to_integral_value():
            raise RowReject(f"{name} {value.strip()!r} is not a whole number of at least 0")
        return int(number)

    def when(self, name: str, *, zone: dt.tzinfo | None = None) -> dt.datetime | None:
        """A timestamp as aware UTC; None when empty.

        Naive values are wall-clock times in the agreement's zone (or --tz), or
        in ``zone`` when the export says which (LinkedIn's "Start Date (in UTC)").
        The day/month order is the one the pipeline settled over the column.
        """
        text = self.text(name)
        if text is None:
            return None
        context = self.context
        try:
            if zone is None:
                return context.instant(text, name)
            return parse_timestamp(
                text,
                tz=zone,
                order=context.orders.get(name, context.order),
                date_format=context.date_format,
            )
        except DateError as exc:
            raise RowReject(f"{name} {exc}") from None

    def domain(self, *names: str) -> str | None:
        """The web domain a website or e-mail names (`https://www.Acme.com/` -> `acme.com`).

        A value that names none (`N/A`, `expressl&t.net`) is left empty rather
        than rejecting the account: a CRM's website field is free text.
        """
        for name in names:
            found = normalise_domain(self.text(name))
            if found is not None:
                return found
        return None

    def title(self, name: str = "title") -> tuple[str | None, str | None, str | None]:
        """``(title, seniority, function)``, the contract's `[sal.titles]` rules first."""
        title = self.text(name)
        if title is None:
            return None, None, None
        placed = classify(title, self.context.title_rules)
        return title, placed.seniority, placed.function

    def contact(self, account: str | None) -> ContactRecord:
        """The row as a contact: key, title classified, name and e-mail, at `account`.

        Every contact-producing export (leads, contacts) builds it the same way.
        """
        title, seniority, function = self.title()
        return ContactRecord(
            key=self.key(),
            account=account,
            title=title,
            seniority=seniority,
            function=function,
            name=self.person(),
            email=self.text("email"),
            line=self.line,
        )

    def lead_event(
        self, kind: str, at: dt.datetime, account: str | None, detail: str | None = None
    ) -> EventRecord:
        """An event of the row's lead (leads and contacts that are handed off as SALs): the
        row's key is both contact and lead, its owner the actor."""
        key = self.key()
        return EventRecord(
            occurred_at=at,
            type=kind,
            account=account,
            contact=key,
            lead=key,
            actor=self.text("owner"),
            detail=detail,
            line=self.line,
        )

    def person(self) -> str | None:
        """A person's name: the `name` column, or first and last name joined."""
        whole = self.text("name")
        if whole is not None:
            return whole
        parts = [p for p in (self.text("first_name"), self.text("last_name")) if p]
        return " ".join(parts) or None

    def tier(self, name: str = "tier") -> str | None:
        """A tier id of the agreement: `t1` as is; `Tier 1`, `T1`, `1` when one id has that number.

        Exports write tiers as people say them; the agreement names them with
        ids. A number is matched only when exactly one tier id carries it, and
        anything else is the pipeline's refusal (with the closest tier id).
        """
        text = self.text(name)
        if text is None:
            return None
        tiers = self.context.tiers
        if not tiers or any(t.casefold() == text.casefold() for t in tiers):
            return self.context.tier(text)
        numbers = _DIGITS.findall(text)
        if len(numbers) == 1:
            same = [t for t in tiers if _DIGITS.findall(t) == numbers]
            if len(same) == 1:
                return same[0]
        return self.context.tier(text)
