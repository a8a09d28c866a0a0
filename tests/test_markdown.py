"""The Markdown contract: what a signer reads must state every number and unit,
survive hostile text, and show each signature's state honestly."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from slatui.contract.canonical import digest
from slatui.contract.load import from_data, load_file
from slatui.contract.model import Contract, Signoff
from slatui.markdown import to_markdown
from slatui.markdown.escape import cell, code, inline

SAMPLE = Path(__file__).resolve().parents[1] / "sample.toml"
HOSTILE = "| # <script> *x* [a](b)"
HOSTILE_INLINE = r"| \# &lt;script&gt; \*x\* \[a\](b)"
HOSTILE_CELL = r"\| \# &lt;script&gt; \*x\* \[a\](b)"
NY_CALENDAR = "Mon–Fri 09:00–17:00 America/New_York, US public holidays excluded"


@pytest.fixture(scope="module")
def sample() -> Contract:
    return load_file(SAMPLE)


@pytest.fixture(scope="module")
def sample_md(sample: Contract) -> str:
    return to_markdown(sample, version=1, status="draft")


def sample_data() -> dict[str, Any]:
    return tomllib.loads(SAMPLE.read_text(encoding="utf-8"))


def section(markdown: str, heading: str) -> str:
    """The text under an H2 heading, up to the next H2."""
    start = markdown.index(f"## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


def line_of(markdown: str, commitment_id: str) -> str:
    return next(line for line in markdown.splitlines() if f"(`{commitment_id}`)" in line)


# -- escaping ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HOSTILE, HOSTILE_INLINE),
        ("# Heading", r"\# Heading"),
        ("Ends with #", r"Ends with \#"),
        ("C#", "C#"),
        ("> quote", "&gt; quote"),
        ("- item", r"\- item"),
        ("+ item", r"\+ item"),
        ("1. first", r"1\. first"),
        ("12) twelfth", r"12\) twelfth"),
        ("=====", r"\====="),
        ("S&P 500 <b>", "S&P 500 &lt;b&gt;"),
        ("&amp; &#38; &x", "&amp;amp; &amp;#38; &x"),
        ("&amp;", "&amp;amp;"),
        ("`code` and ~~strike~~", r"\`code\` and \~\~strike\~\~"),
        (r"back\slash", r"back\\slash"),
        ("America/New_York", "America/New_York"),
        ("_under_ snake_case", r"\_under\_ snake_case"),
        ("two\nlines\n\n  here", "two lines here"),
    ],
)
def test_inline_escapes_markup(text: str, expected: str) -> None:
    assert inline(text) == expected


def test_cell_escapes_pipes_and_newlines() -> None:
    assert cell(HOSTILE) == HOSTILE_CELL
    assert cell("a\nb|c") == r"a b\|c"


def test_code_span_fence_outgrows_backticks() -> None:
    assert code("Head of *") == "`Head of *`"
    assert code("a `b` c") == "``a `b` c``"
    assert code("`x`") == "`` `x` ``"


# -- the sample ------------------------------------------------------------------


def test_sample_states_the_key_terms(sample_md: str) -> None:
    tier2 = section(sample_md, "Segment accounts (tier `t2`)")
    volume = line_of(tier2, "t2-mkt-sal-volume")
    assert "Marketing delivers 2 to 3 SALs or qualified opportunities per month" in volume
    assert "Measured: 2 to 3 SAL notified events per month" in volume
    answered = line_of(sample_md, "t1-sal-answered")
    assert f"within 1 business day ({NY_CALENDAR}), for at least 95% of them" in answered
    follow_up = line_of(tier2, "t2-sales-first-contact")
    assert "for every one (100%)" in follow_up
    assert "at risk 2 business hours before the deadline" in follow_up
    assert f"Business time is counted on {NY_CALENDAR}." in sample_md
    assert "Friday 27 November 2026, Thursday 24 December 2026 and Friday 24 December 2027" in (
        sample_md
    )


def test_sample_numbers_and_units(sample_md: str) -> None:
    assert "at least 4 ad impression events per account per month, on every account (100%)" in (
        line_of(sample_md, "t1-mkt-impressions").lower()
    )
    assert "At least 20% of each quarter's SAL notified events" in sample_md
    assert "within 30 calendar days (wall-clock, weekends included)" in (
        line_of(sample_md, "t1-mkt-research")
    )
    assert "no outbound outreach events in any month (at most 0)" in (
        line_of(sample_md, "t3-sales-no-outreach")
    )
    assert "Measured: at least 1 SAL notified or opportunity conversation event per account " in (
        line_of(sample_md, "t1-mkt-buyer-conversation")
    )


def test_every_commitment_is_listed_with_its_id(sample: Contract, sample_md: str) -> None:
    for commitment in sample.commitments:
        assert sample_md.count(f"(`{commitment.id}`)") == 1, commitment.id


def test_directional_commitments_say_so(sample_md: str) -> None:
    engagement = line_of(sample_md, "t2-mkt-engagement")
    assert "Directional: tracked, no number agreed yet." in engagement
    assert "no number set" not in engagement
    assert "Directional: tracked, not binding yet" in line_of(sample_md, "t3-mkt-intent-monitoring")


def test_untiered_commitments_go_under_all_tiers(sample_md: str) -> None:
    all_tiers = section(sample_md, "All tiers")
    inquiry = line_of(all_tiers, "mkt-inquiry-response")
    assert f"within 2 business hours ({NY_CALENDAR})" in inquiry
    assert "(`mkt-content-request`)" in all_tiers


def test_tier_sections_group_by_party(sample_md: str) -> None:
    tier1 = section(sample_md, "Strategic accounts (tier `t1`)")
    marketing = tier1.index("### Marketing commits to")
    sales = tier1.index("### Sales commits to")
    joint = tier1.index("### Success figures (both sides)")
    assert marketing < tier1.index("t1-mkt-campaign") < sales < tier1.index("t1-sales-owner")
    assert sales < joint < tier1.index("t1-sal-conversion")


def test_escalations_table_and_sentences(sample: Contract, sample_md: str) -> None:
    ladder = section(sample_md, "Escalations")
    rows = [line for line in ladder.splitlines() if line.startswith("| `")]
    assert len(rows) == len(sample.escalations)
    for escalation in sample.escalations:
        assert f"| {escalation.to} |" in ladder
        assert f"**{escalation.to}**." in ladder
    assert "48 hours (wall-clock, weekends included) after its clock started" in ladder
    assert "When `t2-mkt-sal-volume` is missed in 2 closed months in a row, sales escalates" in (
        ladder
    )
    assert "sales rejects at least 50% of a month's SALs" in ladder


def test_reviews_pilot_and_term(sample_md: str) -> None:
    reviews = section(sample_md, "Reviews")
    assert "- **Weekly:** Metrics: volume, response time, engagement" in reviews
    assert "- **Monthly:** Performance against targets" in reviews
    assert "- **Quarterly:** SLA refresh and goal adjustment" in reviews
    # 2026-11-02 is a Monday; 4 weeks later is Monday 30 November, so the last
    # pilot day is Sunday 29 November.
    assert "A 4-week pilot runs from Monday 2 November 2026 to Sunday 29 November 2026" in (
        sample_md
    )
    assert "from Monday 4 January 2027 until replaced by a new version" in sample_md


def test_worked_example_uses_the_clock(sample_md: str) -> None:
    # The first Friday on or after the effective date (Mon 4 Jan 2027) is 8 Jan.
    # From Fri 16:30: 2bh = 30 min Friday + 1.5 h Monday -> Mon 10:30; 1bd -> the
    # same time on the next working day, Mon 16:30; 5bd -> Fri 15 Jan 16:30;
    # 48h -> Sun 10 Jan 16:30 (no DST change in January).
    times = section(sample_md, "How to read the times")
    assert "starts on Friday 8 January 2027 at 16:30 (America/New_York)" in times
    assert "- after 2 business hours: Monday 11 January 2027 at 10:30" in times
    assert "- after 1 business day: Monday 11 January 2027 at 16:30" in times
    assert "- after 5 business days: Friday 15 January 2027 at 16:30" in times
    assert "- after 48 hours: Sunday 10 January 2027 at 16:30" in times


def test_sal_definition(sample_md: str) -> None:
    sal = section(sample_md, "What counts as a sales-accepted lead (SAL)")
    assert "**Seniority:** VP or above" in sal
    assert "Strategic accounts (`t1`) or Segment accounts (`t2`)" in sal
    assert "at least 200 employees; any industry; based in US or CA" in sal
    assert "at least 2 touchpoints within 30 calendar days (wall-clock, weekends included)" in sal
    assert "`Head of *`, `Gerente General` or `Country Manager` count as VP" in sal


def test_version_and_status_line(sample: Contract) -> None:
    assert "\n\nVersion 3 · Status: agreed\n\n" in to_markdown(sample, version=3, status="agreed")
    assert "Version" not in to_markdown(sample).split("## The agreement")[0]


def test_output_is_deterministic(sample: Contract) -> None:
    assert to_markdown(sample, version=2) == to_markdown(sample, version=2)


# -- owners not named ------------------------------------------------------------


def test_commitment_without_party() -> None:
    data = sample_data()
    del data["commitments"][0]["party"]
    markdown = to_markdown(from_data(data))
    tier1 = section(markdown, "Strategic accounts (tier `t1`)")
    assert "### Owner not named" in tier1
    assert "Owner: not named." in line_of(tier1, "t1-mkt-campaign")
    assert tier1.index("### Owner not named") < tier1.index("(`t1-mkt-campaign`)")


# -- hostile text -----------------------------------------------------------------


def hostile_contract() -> Contract:
    data = sample_data()
    data["agreement"]["title"] = HOSTILE
    data["agreement"]["marketing"]["owner"] = HOSTILE
    data["tiers"][1]["name"] = HOSTILE
    data["commitments"][0]["text"] = HOSTILE
    data["commitments"][1]["text"] = "line one\n# not a heading\n- not an item\n\n1. nor this"
    data["escalations"][0]["to"] = HOSTILE + "\nsecond line"
    data["reviews"]["weekly"] = HOSTILE
    return from_data(data)


def test_hostile_text_is_escaped() -> None:
    markdown = to_markdown(hostile_contract(), status=HOSTILE)
    assert "<script>" not in markdown
    assert markdown.startswith(f"# {HOSTILE_INLINE}\n")
    assert f"Status: {HOSTILE_INLINE}" in markdown
    assert f"- **Marketing:** {HOSTILE_INLINE}\n" in markdown
    assert f"## {HOSTILE_INLINE} (tier `t2`)" in markdown
    assert f"- {HOSTILE_INLINE}. Measured:" in markdown
    assert r"line one \# not a heading - not an item 1. nor this." in markdown
    assert f"- **Weekly:** {HOSTILE_INLINE}\n" in markdown
    assert f"**{HOSTILE_INLINE} second line**" in markdown
    assert f"| {HOSTILE_CELL} second line |" in markdown


def test_hostile_table_row_keeps_its_cells() -> None:
    markdown = to_markdown(hostile_contract())
    row = next(line for line in markdown.splitlines() if line.startswith("| `no-contact-48h`"))
    cells = re.split(r"(?<!\\)\|", row)[1:-1]
    assert len(cells) == 5
    assert cells[3].strip() == f"{HOSTILE_CELL} second line"


def test_hostile_text_parses_as_text() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(to_markdown(hostile_contract()))
    kinds = {token.type for token in tokens}
    children = {child.type for token in tokens for child in token.children or []}
    assert not {"html_block", "html_inline", "link_open", "em_open"} & (kinds | children)
    assert [t.tag for t in tokens if t.type == "heading_open"].count("h1") == 1
    _assert_rows_have_cells(tokens, 5)


def _assert_rows_have_cells(tokens: list[Any], expected: int) -> None:
    cells = 0
    for token in tokens:
        if token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            assert cells == expected


# -- signatures ------------------------------------------------------------------


def signed(contract: Contract, *signoffs: Signoff) -> Contract:
    return contract.model_copy(update={"signoffs": list(signoffs)})


def signoff(party: str, name: str, digest_value: str) -> Signoff:
    moment = dt.datetime(2027, 1, 5, 15, 4, tzinfo=dt.UTC)
    return Signoff.model_validate(
        {"party": party, "name": name, "signed_at": moment, "digest": digest_value}
    )


def test_awaiting_signatures(sample: Contract, sample_md: str) -> None:
    block = section(sample_md, "Signatures")
    assert f"Content digest: `{digest(sample)}`" in block
    assert "- **Marketing** (Head of Demand Generation): awaiting signature." in block
    assert "- **Sales** (VP Sales): awaiting signature." in block
    assert "Not agreed yet: awaiting a valid signature from marketing and sales." in block


def test_valid_signature(sample: Contract) -> None:
    current = digest(sample)
    block = section(
        to_markdown(signed(sample, signoff("marketing", "Dana Ruiz", current))), "Signatures"
    )
    # 15:04 UTC on 5 January is 10:04 EST (UTC-5) in New York.
    expected = (
        "- **Marketing** (Head of Demand Generation): signed by Dana Ruiz on Tuesday "
        f"5 January 2027 at 10:04 America/New_York (digest `{current[:19]}…`, valid)."
    )
    assert expected in block
    assert "- **Sales** (VP Sales): awaiting signature." in block
    assert "awaiting a valid signature from sales." in block


def test_stale_signature(sample: Contract) -> None:
    current, old = digest(sample), "sha256:" + "0" * 64
    both = signed(
        sample, signoff("marketing", "Dana Ruiz", current), signoff("sales", "Sam Lee", old)
    )
    block = section(to_markdown(both), "Signatures")
    expected = (
        "- **Sales** (VP Sales): signature by Sam Lee is stale: the content changed after "
        f"signing (signed digest `sha256:000000000000…`, current `{current[:19]}…`)."
    )
    assert expected in block
    assert "valid)." in block
    assert "awaiting a valid signature from sales." in block


def test_both_signed_then_content_changes(sample: Contract) -> None:
    current = digest(sample)
    both = signed(
        sample, signoff("marketing", "Dana Ruiz", current), signoff("sales", "Sam Lee", current)
    )
    assert "Agreed: both parties signed this exact content." in to_markdown(both)
    data = sample_data()
    data["agreement"]["title"] = "ABM SLA, amended"
    data["signoffs"] = [s.model_dump() for s in both.signoffs]
    changed = to_markdown(from_data(data))
    assert changed.count("is stale: the content changed after signing") == 2
    assert "Agreed:" not in changed


def test_signer_name_is_escaped(sample: Contract) -> None:
    hostile = signed(sample, signoff("sales", HOSTILE, digest(sample)))
    assert f"signed by {HOSTILE_INLINE} on" in to_markdown(hostile)


def test_clause_with_unknown_tier_is_not_hidden() -> None:
    data = sample_data()
    data["commitments"][0]["tier"] = "t9"
    contract = Contract.model_validate(data)  # skips the loader's reference check
    markdown = to_markdown(contract)
    assert "(`t1-mkt-campaign`)" in section(markdown, "Tier `t9` (not in the tier list)")
