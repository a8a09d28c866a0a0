"""Which layout the import modal proposes for a header, and the reason it gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from slatui.importing.canonical import LAYOUTS
from slatui.importing.layouts import all_layouts, choose_file, choose_layout
from slatui.importing.presets import PRESETS

ROOT = Path(__file__).resolve().parents[2]
CANONICAL = ROOT / "tests" / "fixtures" / "canonical"
PRESET_FILES = ROOT / "tests" / "presets" / "fixtures"


def test_every_layout_is_listed_canonical_first() -> None:
    names = list(all_layouts())
    assert names[:3] == ["events", "accounts", "contacts"]
    assert names[3:] == list(PRESETS)
    assert all(all_layouts()[n] is LAYOUTS[n] for n in LAYOUTS)


@pytest.mark.parametrize(
    ("file", "layout"),
    [
        (CANONICAL / "events.csv", "events"),
        (CANONICAL / "accounts_1.csv", "accounts"),
        (CANONICAL / "contacts.csv", "contacts"),
        (PRESET_FILES / "hubspot_contacts.csv", "hubspot-contacts"),
        (PRESET_FILES / "salesforce_leads_api.csv", "salesforce-leads"),
        (PRESET_FILES / "salesforce_opportunities_fr.csv", "salesforce-opportunities"),
    ],
)
def test_a_file_that_fits_gets_its_layout(file: Path, layout: str) -> None:
    choice = choose_file(file)
    assert (choice.layout, choice.fits) == (layout, True)
    assert choice.why.startswith(f"fits {layout}")


def test_the_canonical_csv_wins_over_a_look_alike_preset() -> None:
    # key,account,title,name,email: Salesforce contacts also have title and
    # email, which gives that preset a weak score; the canonical CSV fits exactly.
    choice = choose_layout(["key", "account", "title", "name", "email"])
    assert choice.layout == "contacts"
    assert choice.why == "fits contacts (slatui's CSV): every column is one of its columns"


def test_a_misspelt_canonical_column_still_proposes_the_canonical_layout() -> None:
    choice = choose_file(CANONICAL / "events_typo_column.csv")
    assert (choice.layout, choice.fits) == ("events", False)
    assert "'occured_at'" in choice.why and "no occurred_at column" in choice.why


def test_a_canonical_file_without_its_key_is_near_but_does_not_fit() -> None:
    choice = choose_layout(["name", "domain", "tier"])
    assert (choice.layout, choice.fits) == ("accounts", False)
    assert choice.why == "nothing fits; closest: accounts (slatui's CSV), but no key column"


def test_nothing_known_proposes_events_and_says_so() -> None:
    choice = choose_layout(["foo", "bar"])
    assert (choice.layout, choice.fits) == ("events", False)
    assert choice.why.startswith("nothing fits")
