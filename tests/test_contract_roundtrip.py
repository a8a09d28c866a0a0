"""Export -> import -> export is lossless and byte-stable, and the digest with it.

A signature binds to the digest of the canonical TOML, so two spellings of the
same agreement must export to the same bytes, and an exported file must read
back as exactly the agreement that was exported.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import Phase, given, settings
from strategies import contracts

from slatui.contract import digest, load_file, loads, to_toml
from slatui.contract.model import ESCALATION_KINDS, MEASURES, Contract

SAMPLE = Path(__file__).resolve().parent.parent / "sample.toml"

ROUND_TRIP = settings(max_examples=200, deadline=None)


@ROUND_TRIP
@given(contracts())
def test_export_reads_back_as_the_same_contract(contract: Contract) -> None:
    text = to_toml(contract)
    again = loads(text)
    assert again == contract
    assert to_toml(again) == text
    assert digest(again) == digest(contract)


@settings(max_examples=50, deadline=None)
@given(contracts())
def test_dict_key_order_does_not_change_the_export(contract: Contract) -> None:
    calendar = contract.calendar
    reordered = contract.model_copy(
        update={
            "calendar": calendar.model_copy(
                update={"hours_by_day": dict(reversed(calendar.hours_by_day.items()))}
            ),
            "sal": contract.sal
            and contract.sal.model_copy(
                update={"titles": dict(reversed(contract.sal.titles.items()))}
            ),
        }
    )
    assert reordered == contract
    assert to_toml(reordered) == to_toml(contract)
    assert digest(reordered) == digest(contract)


def test_the_strategy_reaches_every_measure_and_escalation_kind() -> None:
    measures: set[str] = set()
    kinds: set[str] = set()

    @settings(max_examples=30, deadline=None, database=None, phases=[Phase.generate])
    @given(contracts())
    def collect(contract: Contract) -> None:
        measures.update(c.measure for c in contract.commitments)
        kinds.update(e.when for e in contract.escalations)

    collect()
    assert measures == set(MEASURES)
    assert kinds == set(ESCALATION_KINDS)


def test_sample_round_trips_byte_for_byte() -> None:
    sample = load_file(SAMPLE)
    exported = to_toml(sample)
    again = loads(exported)
    assert again == sample
    assert to_toml(again) == exported
    assert digest(again) == digest(sample)


def _variant(text: str, old: str, new: str) -> Contract:
    assert text.count(old) == 1, old
    return loads(text.replace(old, new))


BASE = """\
format = 1

[agreement]
title = "SLA"
effective = 2027-01-04
timezone = "America/New_York"

[agreement.marketing]
owner = "Marketing"

[agreement.sales]
owner = "Sales"

[calendar]
days = ["mon", "tue", "wed", "thu", "fri"]
hours = ["09:00-17:00"]

[calendar.hours_by_day]
mon = ["09:00-12:00"]
fri = ["09:00-13:00"]

[[tiers]]
id = "t1"
name = "Tier 1"

[sal.titles]
vp = ["Head of *"]
manager = ["Lead *"]

[[commitments]]
id = "volume"
measure = "count"
event = "sal_notified"
min = 2
max = 3

[[commitments]]
id = "answer"
measure = "response"
start = "sal_notified"
stop = ["call"]
within = "1.5h"
on_time = 0.95

[[signoffs]]
party = "marketing"
name = "Dana"
signed_at = 2027-01-05T15:04:00Z
digest = "sha256:0000000000000000000000000000000000000000000000000000000000000000"
"""


def test_one_agreement_has_one_canonical_form() -> None:
    """Spellings that mean the same export the same bytes (and so the same digest)."""
    canonical = to_toml(loads(BASE))
    variants = [
        # dict keys in another order
        _variant(
            BASE,
            'mon = ["09:00-12:00"]\nfri = ["09:00-13:00"]',
            'fri = ["09:00-13:00"]\nmon = ["09:00-12:00"]',
        ),
        _variant(
            BASE,
            'vp = ["Head of *"]\nmanager = ["Lead *"]',
            'manager = ["Lead *"]\nvp = ["Head of *"]',
        ),
        # a whole number written as a float
        _variant(BASE, "min = 2\n", "min = 2.0\n"),
        # the same duration with a trailing zero
        _variant(BASE, 'within = "1.5h"', 'within = "1.50h"'),
        # the same instant at another offset
        _variant(BASE, "2027-01-05T15:04:00Z", "2027-01-05T16:04:00+01:00"),
    ]
    for variant in variants:
        assert to_toml(variant) == canonical


def test_negative_zero_is_written_as_zero() -> None:
    text = BASE.replace("min = 2\n", "min = -0.0\n").replace("on_time = 0.95", "on_time = -0.0")
    exported = to_toml(loads(text))
    assert "= -0" not in exported
    assert "min = 0\n" in exported
    assert "on_time = 0.0\n" in exported


def test_signoff_times_are_written_in_utc() -> None:
    contract = loads(BASE.replace("2027-01-05T15:04:00Z", "2027-01-05T16:04:00.250000+01:00"))
    signed = contract.signoffs[0].signed_at
    assert signed.utcoffset() == dt.timedelta(0)
    assert "signed_at = 2027-01-05T15:04:00.250000Z\n" in to_toml(contract)
