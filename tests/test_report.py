"""`slatui report`: the review pack's Markdown on the demo pilot, as of 2026-12-01."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from slatui.cli.main import run
from store import Store

AS_OF = ("--as-of", "2026-12-01", "--period", "2026-11")
ZONE = ZoneInfo("America/New_York")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert run(["demo", "--no-open", "--db", str(path)]) == 0
    return path


def report(capsys: pytest.CaptureFixture[str], demo: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(["report", *args, "--db", str(demo)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def pack(demo: Path) -> str:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert run(["report", *AS_OF, "--db", str(demo)]) == 0
    return buffer.getvalue()


def section(text: str, heading: str) -> str:
    """The body of one `## heading` section."""
    start = text.index(f"\n## {heading}\n")
    rest = text[start + len(heading) + 5 :]
    end = rest.find("\n## ")
    return rest if end < 0 else rest[:end]


def test_the_title_names_agreement_version_period_and_as_of_with_zones(pack: str) -> None:
    first, _, rest = pack.partition("\n")
    assert first == "# Review: ABM Sales & Marketing SLA, v1, 2026-11"
    assert "2026-11-01 00:00 EDT to 2026-12-01 00:00 EST" in rest
    assert "As of 2026-12-01 00:00 EST." in rest


def test_every_heading_is_present(pack: str) -> None:
    headings = re.findall(r"^#{2,3} .*$", pack, flags=re.M)
    assert headings == [
        "## Met and missed",
        "### Marketing",
        "### Sales",
        "### Joint",
        "## At risk",
        "## Escalations",
        "## SAL quality",
        "### Rejection reasons",
        "## Funnel",
        "## Wins on target accounts",
        "## Trend",
    ]


def test_met_and_missed_per_party(pack: str) -> None:
    body = section(pack, "Met and missed")
    marketing = body[body.index("### Marketing") : body.index("### Sales")]
    assert "| t2-mkt-sal-volume | Segment accounts | 2026-11 | **missed** | 1 | 2 |" in marketing
    joint = body[body.index("### Joint") :]
    assert "| t1-sal-answered |" in joint and "t2-mkt-sal-volume" not in joint
    assert "**at risk**" in joint
    assert "- t1-sal-conversion (joint): behind pace" in section(pack, "At risk")


def test_the_missed_escalation_goes_to_the_cmo_and_resolved_ones_are_marked(pack: str) -> None:
    body = section(pack, "Escalations")
    row = next(line for line in body.splitlines() if "| t2-mkt-sal-volume |" in line)
    assert row.startswith("| **open** | missed |")
    assert "| CMO | sales |" in row
    resolved = next(line for line in body.splitlines() if "| SAL-0018 |" in line)
    assert resolved.startswith("| resolved 2026-11-09 ")


def test_sal_quality_counts_and_rejection_reasons(pack: str) -> None:
    body = section(pack, "SAL quality")
    assert "| 10 | 10 | 0 | 0 | 11 | 6 | 60% |" in body
    assert "- 2 not a decision maker" in body
    assert "- 2 wrong territory" in body


def test_the_funnel_matches_the_store(pack: str, demo: Path) -> None:
    start = dt.datetime(2026, 11, 1, tzinfo=ZONE)
    end = dt.datetime(2026, 12, 1, tzinfo=ZONE)
    types = ("sal_notified", "opportunity_created", "closed_won", "closed_lost")
    with Store.open(demo) as store:
        counts = [int(store.event_total([t], start, end)) for t in types]
    assert counts[0] > 0 and counts[2] > 0
    body = section(pack, "Funnel")
    assert "| " + " | ".join(types) + " |" in body
    assert "| " + " | ".join(str(c) for c in counts) + " |" in body


def test_a_win_on_a_tier_1_account_is_named(pack: str, demo: Path) -> None:
    with Store.open(demo) as store:
        tier1 = set(store.tier_accounts("t1"))
        names = {a.key: a.name for a in store.accounts("t1")}
        won = [
            account
            for _, at, _, account, _ in store.clock_events(
                ["closed_won"], until=dt.datetime(2026, 12, 1, tzinfo=ZONE)
            )
            if account in tier1 and at >= dt.datetime(2026, 11, 1, tzinfo=ZONE)
        ]
    assert won
    body = section(pack, "Wins on target accounts")
    assert f"- {names[won[0]]} ({won[0]}), Strategic accounts, won 2026-11-" in body


def test_the_trend_shows_four_weeks_per_commitment(pack: str) -> None:
    lines = section(pack, "Trend").strip().splitlines()
    assert lines[0] == "| commitment | 2026-W46 | 2026-W47 | 2026-W48 | 2026-W49 |"
    rows = lines[2:]
    assert len(rows) == 35
    words = {"met", "missed", "on track", "at risk", "no data", "tracked"}
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) == 5 and set(cells[1:]) <= words


def test_output_file_holds_the_same_text_as_stdout(
    capsys: pytest.CaptureFixture[str], demo: Path, pack: str, tmp_path: Path
) -> None:
    target = tmp_path / "review.md"
    code, out, _ = report(capsys, demo, *AS_OF, "-o", str(target))
    assert code == 0
    assert out.startswith(f"wrote {target} (")
    assert target.read_text(encoding="utf-8") == pack
    assert list(tmp_path.iterdir()) == [target]


def test_a_bad_period_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    code, out, err = report(capsys, demo, "--as-of", "2026-12-01", "--period", "2026-13")
    assert code == 2
    assert out == ""
    assert err.startswith("slatui: --period 2026-13: ")
    assert err.count("\n") == 1


def test_an_unwritable_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    code, _, err = report(capsys, demo, *AS_OF, "-o", str(tmp_path / "missing" / "r.md"))
    assert code == 2
    assert err.startswith("slatui: cannot write ") and err.count("\n") == 1
