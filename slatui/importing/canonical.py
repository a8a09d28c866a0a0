"""slatui's own CSV format: one layout per kind, columns named as in DESIGN §5.

    events:   occurred_at,type,account,contact,lead,quantity,actor,channel,detail
    accounts: key,name,domain,tier,owner,industry,employees,country,external_id
    contacts: key,account,title,name,email

Rules (each one keeps a number the pilot reports honest):

* Column names match ignoring case; an unknown column is an error naming the
  closest known one (a misspelt `ocurred_at` would otherwise drop every time),
  and a missing required column (`occurred_at` and `type`; `key`) is an error.
  Optional columns may be absent. `--map col=field` renames, `--map col=`
  ignores.
* Cells are stripped; an empty cell is "this file does not say" (None), so an
  accounts file without owners never erases the owners another file gave.
* `occurred_at` is ISO 8601 with an offset or `Z`; a time without one is a
  wall-clock time in the agreement's zone (or --tz). Other forms only when the
  user names them (--date-format, --dayfirst, --monthfirst).
* `type` is an event type name (`lower_case_with_underscores`), as in the
  contract; `quantity` is a number >= 0 (1 when empty; `1,184` has a
  thousands separator).
* `tier` must be one of the agreement's tier ids (matched ignoring case);
  `employees` a whole number >= 0; `domain` is normalised
  (`https://www.Acme.com/` -> `acme.com`) and a value that names no domain is
  a reject, not silently dropped.
* A contact's seniority and function come from its title through
  `slatui.titles.classify` with the agreement's `[sal.titles]` rules first;
  a title it cannot place stays unclassified and is listed in the report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from slatui.accounts import normalise_domain
from slatui.importing.pipeline import Context, Convert, Layout, RecordKind, RowReject
from slatui.importing.source import Row
from slatui.importing.values import Placeholders, ValueProblem, parse_number
from slatui.pilot.records import AccountRecord, ContactRecord, EventRecord
from slatui.titles import classify

EVENT_FIELDS = (
    "occurred_at",
    "type",
    "account",
    "contact",
    "lead",
    "quantity",
    "actor",
    "channel",
    "detail",
)
ACCOUNT_FIELDS = (
    "key",
    "name",
    "domain",
    "tier",
    "owner",
    "industry",
    "employees",
    "country",
    "external_id",
)
CONTACT_FIELDS = ("key", "account", "title", "name", "email")

_EVENT_TYPE = re.compile(r"[a-z][a-z0-9_]*")
_EXACT = Placeholders(tokens=frozenset(), salesforce_empty_ids=False)


def _text(values: Mapping[str, str], name: str) -> str | None:
    """The stripped cell, or None when the column is absent or the cell empty."""
    value = values.get(name)
    if not value:
        return None
    value = value.strip()
    return value or None


def _required(values: Mapping[str, str], name: str) -> str:
    value = _text(values, name)
    if value is None:
        raise RowReject(f"{name} is empty")
    return value


MAX_QUANTITY = 1e15
"""Larger is a typo or a corrupt cell: no ad platform serves a quadrillion impressions,
and beyond 2**53 a float no longer holds every whole number exactly."""
MAX_DIGITS = 16  # plain digits shorter than this are below MAX_QUANTITY: the fast path


def number(text: str, name: str) -> float:
    """A number >= 0 as a float (`name` for the reject); plain digits take a fast path."""
    if text.isascii() and text.isdigit() and len(text) < MAX_DIGITS:
        return float(text)
    try:
        parsed = parse_number(text, placeholders=_EXACT)
    except ValueProblem as exc:
        raise RowReject(f"{name} {exc}") from None
    assert parsed is not None
    if parsed < 0:
        raise RowReject(f"{name} {text!r} is negative")
    value = float(parsed)
    if value > MAX_QUANTITY:
        raise RowReject(f"{name} {text!r} is too large (at most {MAX_QUANTITY:,.0f})")
    return value


def event_type(text: str) -> str:
    """An event type name as given, or RowReject saying the spelling to use."""
    if _EVENT_TYPE.fullmatch(text):
        return text
    raise _bad_event_type(text)


def _bad_event_type(text: str) -> RowReject:
    suggestion = re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")
    hint = f" (did you mean {suggestion}?)" if _EVENT_TYPE.fullmatch(suggestion) else ""
    return RowReject(
        f"type {text!r} is not an event type name: use lower_case_with_underscores{hint}"
    )


_OPTIONAL_EVENT_FIELDS = ("account", "contact", "lead", "actor", "channel", "detail")


def event_from_row(row: Row, context: Context) -> tuple[EventRecord]:
    """One canonical events row -> one event (the hot path of a million-row import)."""
    values = row.values
    when = _required(values, "occurred_at")
    kind = _required(values, "type")
    if not _EVENT_TYPE.fullmatch(kind):
        raise _bad_event_type(kind)
    try:
        moment = context.instant(when, "occurred_at", iso_only=True)
    except ValueError as exc:
        raise RowReject(f"occurred_at {exc}") from None
    quantity = values.get("quantity")
    get = values.get
    account, contact, lead, actor, channel, detail = [
        (cell.strip() or None) if cell else None for cell in map(get, _OPTIONAL_EVENT_FIELDS)
    ]
    return (
        EventRecord(
            occurred_at=moment,
            type=kind,
            account=account,
            contact=contact,
            lead=lead,
            quantity=number(quantity.strip(), "quantity") if quantity else 1.0,
            actor=actor,
            channel=channel,
            detail=detail,
            line=row.line,
        ),
    )


def account_from_row(row: Row, context: Context) -> tuple[AccountRecord]:
    """One canonical accounts row -> one account fact."""
    values = row.values
    key = _required(values, "key")
    tier = _text(values, "tier")
    domain = _text(values, "domain")
    normal = normalise_domain(domain)
    if domain is not None and normal is None:
        raise RowReject(f"domain {domain!r} names no web domain (e.g. acme.com)")
    employees = _text(values, "employees")
    count: int | None = None
    if employees is not None:
        value = number(employees, "employees")
        if not value.is_integer():
            raise RowReject(f"employees {employees!r} is not a whole number")
        count = int(value)
    return (
        AccountRecord(
            key=key,
            name=_text(values, "name"),
            domain=normal,
            tier=None if tier is None else context.tier(tier),
            owner=_text(values, "owner"),
            industry=_text(values, "industry"),
            employees=count,
            country=_text(values, "country"),
            external_id=_text(values, "external_id"),
            line=row.line,
        ),
    )


def contact_from_row(row: Row, context: Context) -> tuple[ContactRecord]:
    """One canonical contacts row -> one contact, its title classified."""
    values = row.values
    title = _text(values, "title")
    seniority = function = None
    if title is not None:
        placed = classify(title, context.title_rules)
        seniority, function = placed.seniority, placed.function
    return (
        ContactRecord(
            key=_required(values, "key"),
            account=_text(values, "account"),
            title=title,
            seniority=seniority,
            function=function,
            name=_text(values, "name"),
            email=_text(values, "email"),
            line=row.line,
        ),
    )


def _layout(kind: RecordKind, fields: tuple[str, ...], required: tuple[str, ...]) -> Layout:
    converts: dict[str, Convert] = {
        "events": event_from_row,
        "accounts": account_from_row,
        "contacts": contact_from_row,
    }
    return Layout(
        name=kind,
        kind=kind,
        fields=fields,
        required=required,
        convert=converts[kind],
        produces=frozenset({kind}),
        unknown_columns="error",
    )


EVENTS = _layout("events", EVENT_FIELDS, ("occurred_at", "type"))
ACCOUNTS = _layout("accounts", ACCOUNT_FIELDS, ("key",))
CONTACTS = _layout("contacts", CONTACT_FIELDS, ("key",))

LAYOUTS: dict[str, Layout] = {"events": EVENTS, "accounts": ACCOUNTS, "contacts": CONTACTS}
"""The canonical layout of each kind, by the name `slatui import KIND` uses."""
