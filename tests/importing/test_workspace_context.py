"""`context_for`: what an import reads rows with, from the agreement alone (CLI and modal)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from slatui.contract import load_file
from slatui.contract.model import Contract
from slatui.importing.pipeline import UNZONED, ImportRefused, NoZone
from slatui.importing.workspace import context_for

SAMPLE = Path(__file__).resolve().parents[2] / "sample.toml"


@pytest.fixture(scope="module")
def contract() -> Contract:
    return load_file(SAMPLE)


def test_the_agreement_gives_zone_tiers_and_title_rules(contract: Contract) -> None:
    context = context_for(contract)
    assert context.zone == ZoneInfo("America/New_York")
    assert context.zone_name == "America/New_York"
    assert context.tiers == ("t1", "t2", "t3")
    # sample.toml's [sal.titles], level by level.
    assert context.title_rules == {
        "vp": ["Head of *", "Gerente General", "Country Manager"],
        "c_level": ["Director General"],
    }
    assert context.order is None and context.date_format is None


def test_tz_overrides_the_agreement_zone_and_the_date_options_pass_through(
    contract: Contract,
) -> None:
    context = context_for(contract, tz="Europe/Madrid", order="dayfirst")
    assert context.zone_name == "Europe/Madrid"
    assert (context.order, context.date_format) == ("dayfirst", None)
    # 2026-11-02 10:00 in Madrid is CET (UTC+1): 09:00 UTC.
    assert context.instant("2026-11-02T10:00") == dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
    # 03/11/2026 day first is 3 November; 10:00 CET is 09:00 UTC.
    assert context.instant("03/11/2026 10:00") == dt.datetime(2026, 11, 3, 9, tzinfo=dt.UTC)
    assert context_for(contract, date_format="%d/%m/%Y").date_format == "%d/%m/%Y"
    assert context.tiers == ("t1", "t2", "t3")  # the zone changes, the agreement does not


def test_without_an_agreement_naive_times_cannot_be_placed() -> None:
    context = context_for(None)
    assert context.zone is UNZONED and context.zone_name is None
    assert context.tiers == () and dict(context.title_rules) == {}
    with pytest.raises(NoZone, match="--tz"):
        context.instant("2026-11-02T10:00")
    # With an offset the time needs no zone.
    assert context.instant("2026-11-02T10:00Z") == dt.datetime(2026, 11, 2, 10, tzinfo=dt.UTC)


def test_without_an_agreement_tz_gives_the_zone() -> None:
    assert context_for(None, tz="America/Chicago").zone == ZoneInfo("America/Chicago")


def test_a_bad_zone_is_refused_with_the_closest_name(contract: Contract) -> None:
    with pytest.raises(ImportRefused, match=r"did you mean America/New_York\?"):
        context_for(contract, tz="America/New_Yrok")
