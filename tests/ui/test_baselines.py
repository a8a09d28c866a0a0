"""The Baselines screen, driven by keys, on the hand-built pilot of tests/test_baselines.py.

Every figure below is worked out by hand in that module's comments (weeks W45–W48
of a pilot from Mon 2 Nov 2026, New York); the store's clock is frozen on
Thu 3 Dec 2026 11:00 EST, when all four weeks are over.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from screens.adopt_modal import AdoptModal
from screens.draft_screen import DraftScreen
from screens.messages import WorkspaceChanged
from store import Store
from tests.ui.baselines_support import (
    Notes,
    agree,
    baselines_open,
    baselines_screen,
    build_pilot,
    copy_pilot,
    frozen,
    highlight,
    row_of,
    text,
)
from tests.ui.draft_support import wait_until
from tests.ui.snapshot_support import settle


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_pilot(tmp_path_factory.mktemp("baselines-ui"))


@pytest.fixture
def path(built: Path, tmp_path: Path) -> Path:
    return copy_pilot(built, tmp_path)


def commitment(store: Store, ident: str) -> object:
    return next(c for c in store.current().contract.commitments if c.id == ident)


async def test_b_shows_every_commitment_by_week_with_its_suggestions(path: Path) -> None:
    async with baselines_open(path) as (_store, app, _pilot):
        screen = baselines_screen(app)
        assert app.screen is screen
        head = text(screen, "#baselines-head")
        assert "Baselines of v1 (draft) · pilot 2 Nov → 29 Nov 2026" in head
        assert "as of 3 Dec 11:00 EST" in head
        # Tier t2 first (marketing, then sales), then the commitment for all tiers.
        assert [r.ident for r in screen.rows] == [
            "sal-volume",
            "first-contact",
            "t2-owner",
            "inquiry-answered",
            "weekly-report",
        ]
        volume = row_of(screen, "sal-volume")
        # SALs per week: W45 3, W46 2, W47 0, W48 5; 10 over the pilot. The bars run
        # from 0 to the top week (5): 3/5*7 = 4.2 -> ▅, 2/5*7 = 2.8 -> ▄, 0 -> ▁, 5 -> █.
        weeks = [volume[f"week-{i}"] for i in range(4)]
        assert weeks == ["3", "2", "0", "5"]
        assert (volume["trend"], volume["pilot"], volume["now"]) == ("▅▄▁█", "10", "2–3")
        # Most weeks reached 2 a week: 8.7 a month, rounded down; half reached 3: 13.
        assert (volume["achievable"], volume["stretch"]) == ("≥ 8 a month", "≥ 13 a month")
        contact = row_of(screen, "first-contact")
        # On time within 8bh: 3 of 3, 2 of 2, W47 no item, 3 of 5; 8 of 10 overall.
        weeks = [contact[f"week-{i}"] for i in range(4)]
        assert weeks == ["100%", "100%", "·", "60%"]
        assert (contact["trend"], contact["pilot"]) == ("██·▅", "80%")
        assert (contact["achievable"], contact["stretch"]) == ("within 6bh", "—")
        # Coverage is measured now only: no weeks; 11 of 12 accounts have an owner.
        owner = row_of(screen, "t2-owner")
        assert (owner["week-0"], owner["trend"], owner["pilot"]) == ("", "now", "91.7%")
        # Two inquiries are too few for a number: a warning, and it stays directional.
        inquiry = row_of(screen, "inquiry-answered")
        assert inquiry["warning"] == "⚠"
        assert inquiry["now"] == "4bh · 100% ~dir"


async def test_the_detail_follows_the_cursor(path: Path) -> None:
    async with baselines_open(path) as (_store, app, pilot):
        screen = baselines_screen(app)
        detail = text(screen, "#baselines-detail")
        assert detail.startswith("sal-volume · count per month")
        assert "The pilot reached 2 a week in 3 of 4 weeks" in detail
        assert "note: 10 in the 28-day pilot: 10.9 a month" in detail
        await pilot.press("down")
        await settle(pilot)
        detail = text(screen, "#baselines-detail")
        # 9 answered, sorted 0.5 1 2 2 3 4 5 6 12: median 3bh, p80 6bh, p90 12bh; 90% of
        # the 10 items within 12bh; 95% needs 10 answered: none.
        assert "elapsed (9 answered, 1 not): median 3bh · p80 6bh · p90 12bh" in detail
        assert "90% within 12bh · 95% within -" in detail
        assert "In 2 of 3 weeks 90% of the items were answered within 6bh" in detail
        assert "What if · first-contact" in str(screen.query_one("#whatif-box").border_title)
        await pilot.press("down", "down")
        await settle(pilot)
        detail = text(screen, "#baselines-detail")
        assert "⚠ only 2 items in the pilot (a number needs at least 10)" in detail


async def test_whatif_shows_the_items_that_turn_late(path: Path) -> None:
    async with baselines_open(path) as (store, app, pilot):
        screen = baselines_screen(app)
        await highlight(pilot, "first-contact")
        await pilot.press("w", *"within=4bh")  # no enter: the answer comes once typing pauses
        field = screen.query_one("#whatif-input", Input)
        assert app.focused is field
        await wait_until(pilot, lambda: "S7" in text(screen, "#whatif-result"), 10)
        result = text(screen, "#whatif-result")
        # Within 4bh: S3 (6bh) and S7 (5bh) turn late; 8 - 2 = 6 of 10 on time.
        assert "first-contact (set within)" in result
        assert "draft   missed    80% (target 90%)" in result
        assert "what if missed    60% (target 90%)" in result
        assert "S3: on time → late" in result
        assert "S7: on time → late" in result
        assert store.current().revision == 1  # nothing was written
        await pilot.press("escape")
        assert app.focused is screen.query_one("#baselines-table", DataTable)


async def test_a_bad_value_is_explained_in_place(path: Path) -> None:
    async with baselines_open(path) as (_store, app, pilot):
        screen = baselines_screen(app)
        await highlight(pilot, "first-contact")
        await pilot.press("w", *"within=24", "enter")
        await settle(pilot)
        assert "first-contact.within=24:" in text(screen, "#whatif-result")
        assert screen.query_one("#whatif-input", Input).has_class("-bad")
        await pilot.press(*"bh", "enter")  # within=24bh: judged, the field is fine again
        await settle(pilot)
        assert not screen.query_one("#whatif-input", Input).has_class("-bad")
        assert "first-contact (set within)" in text(screen, "#whatif-result")


async def test_t_tries_the_achievable_suggestion(path: Path) -> None:
    async with baselines_open(path) as (_store, app, pilot):
        screen = baselines_screen(app)
        await pilot.press("t")  # sal-volume: min=8 max=8
        await settle(pilot)
        assert screen.query_one("#whatif-input", Input).value == "min=8 max=8"
        result = text(screen, "#whatif-result").replace("\xa0", " ")
        # min=8 alone would put min above the draft's max of 3, so max goes first. Over
        # the pilot a monthly minimum is prorated by elapsed time: November is 721 hours
        # in New York (1 Nov gains an hour), the pilot's 28 days 672 of them, so the
        # draft's 2 * 672 / 721 = 1.86 and the what-if's 8 * 672 / 721 = 7.46; 10 meets both.
        assert "sal-volume (set max, min)" in result
        assert "draft   met       10 (target 1.86)" in result
        assert "what if met       10 (target 7.46)" in result


async def test_a_adopts_the_achievable_target_into_the_draft(path: Path) -> None:
    async with baselines_open(path) as (store, app, pilot):
        screen = baselines_screen(app)
        draft = app.get_screen_stack("draft")[0]
        assert isinstance(draft, DraftScreen)
        await pilot.press("a")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, AdoptModal)
        assert text(modal, "#adopt-target") == "sal-volume: at least 8 a month"
        assert text(modal, "#adopt-change") == "min 2 → 8, max 3 → 8"
        assert "rounded down" in text(modal, "#adopt-reasoning")
        assert "draft v1" in text(modal, "#adopt-consequence")
        name = modal.query_one("#adopt-name", Input)
        assert app.focused is name and name.value  # the login name, ready to confirm
        name.value = "Dana Ortiz"
        await pilot.press("enter")
        await settle(pilot)
        volume = commitment(store, "sal-volume")
        assert (volume.min, volume.max) == (8, 8)  # type: ignore[attr-defined]
        assert volume.baseline.adopted_by == "Dana Ortiz"  # type: ignore[attr-defined]
        assert app.version is not None and app.version.revision == store.current().revision
        assert app.title == "Baseline pilot · v1 · draft"
        assert row_of(screen, "sal-volume")["now"] == "8–8"
        assert draft.contract == store.current().contract  # the Draft screen shows it
        await pilot.press("d")
        await settle(pilot)
        assert app.screen is draft


async def test_adopting_on_an_agreed_version_starts_a_new_draft(path: Path) -> None:
    agree(path)
    async with baselines_open(path) as (store, app, pilot):
        notes = Notes(app)
        head = text(baselines_screen(app), "#baselines-head")
        assert head.startswith("Baselines of v1 (agreed: adopting starts v2) · pilot")
        await highlight(pilot, "first-contact")
        await pilot.press("a")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, AdoptModal)
        assert "v1 is agreed and read-only: adopting starts a new draft version" in text(
            modal, "#adopt-consequence"
        )
        await pilot.press("enter")
        await settle(pilot)
        current = store.current()
        assert (current.number, current.status) == (2, "draft")
        assert str(commitment(store, "first-contact").within) == "6bh"  # type: ignore[attr-defined]
        assert store.version(1).status == "agreed"  # the agreed one is untouched
        assert app.title == "Baseline pilot · v2 · draft"
        draft = app.get_screen_stack("draft")[0]
        assert isinstance(draft, DraftScreen)
        assert draft.version is not None and draft.version.number == 2
        assert not draft.read_only  # the Draft screen edits v2 at once
        assert any("in v2 (a new draft version)" in m for m in notes.messages)
        assert "Baselines of v2 (draft)" in text(baselines_screen(app), "#baselines-head")


async def test_a_signed_draft_is_told_its_signature_goes_stale(path: Path) -> None:
    with Store.open(path, create=False, now=frozen) as store:
        store.sign("marketing", "Dana Ortiz")
    async with baselines_open(path) as (_store, app, pilot):
        await pilot.press("A")  # sal-volume's stretch: at least 13 a month
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, AdoptModal)
        assert text(modal, "#adopt-change") == "min 2 → 13, max 3 → 13"
        assert "marketing signed v1" in text(modal, "#adopt-consequence")
        assert "stale" in text(modal, "#adopt-consequence")


async def test_escape_cancels_and_nothing_is_written(path: Path) -> None:
    async with baselines_open(path) as (store, app, pilot):
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AdoptModal)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is baselines_screen(app)
        assert store.current().revision == 1


async def test_no_suggestion_no_modal(path: Path) -> None:
    async with baselines_open(path) as (store, app, pilot):
        notes = Notes(app)
        await highlight(pilot, "first-contact")
        await pilot.press("A")  # the pilot supports no stretch for first-contact
        await settle(pilot)
        assert app.screen is baselines_screen(app)
        assert notes.messages == ["first-contact has no stretch target: the pilot supports none"]
        await highlight(pilot, "inquiry-answered")
        await pilot.press("a")
        await settle(pilot)
        assert "only 2 items in the pilot" in notes.messages[-1]
        assert store.current().revision == 1


async def test_another_terminals_adoption_appears(path: Path) -> None:
    async with baselines_open(path) as (_store, app, pilot):
        screen = baselines_screen(app)
        with Store.open(path, create=False, now=frozen) as other:
            from store.baseline_run import adopt

            adopt(other, "sal-volume", "stretch", "Sam Lee", frozen())
        screen.post_message(WorkspaceChanged())  # what the App's poll posts
        await settle(pilot)
        assert row_of(screen, "sal-volume")["now"] == "13–13"


async def test_narrow_drops_the_week_columns_but_keeps_the_targets(path: Path) -> None:
    async with baselines_open(path) as (_store, app, pilot):
        screen = baselines_screen(app)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        volume = row_of(screen, "sal-volume")
        assert "week-0" not in volume
        assert (volume["trend"], volume["achievable"]) == ("▅▄▁█", "≥ 8 a month")
        assert screen.has_class("-narrow")


def test_sparkline_runs_from_zero_to_the_top_week() -> None:
    from screens.baselines_views import sparkline

    # Top week 4: 0 -> ▁, 1/4*7 = 1.75 -> ▃ (index 2), 4 -> █; a week with no value is ·.
    assert sparkline([0.0, 1.0, None, 4.0]) == "▁▃·█"
    assert sparkline([0.0, 0.0]) == "▁▁"  # nothing reached: all at the floor
    assert sparkline([None, None]) == "··"


def test_a_whatif_change_is_for_the_highlighted_commitment_unless_named() -> None:
    from screens.baselines_jobs import changes_of
    from slatui.baselines.whatif import BadChange, Change

    assert changes_of("sal-volume", "min=8, max=8") == [
        Change("sal-volume", "min", "8"),
        Change("sal-volume", "max", "8"),
    ]
    assert changes_of("sal-volume", "first-contact.within=4bh") == [
        Change("first-contact", "within", "4bh")
    ]
    with pytest.raises(BadChange, match=r"write ID\.key=VALUE"):
        changes_of("sal-volume", "8")
