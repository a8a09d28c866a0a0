"""Account references in a file become the workspace's keys: id, then domain, then name."""

from __future__ import annotations

import datetime as dt

from slatui.importing.resolve import AccountResolver, KnownAccount
from slatui.pilot.records import AccountRecord, ContactRecord, EventRecord

AT = dt.datetime(2026, 11, 3, 15, 0, tzinfo=dt.UTC)

WORKSPACE = (
    KnownAccount(
        "0015g00000AbCdEAAV", "0015g00000AbCdEAAV", "coca-cola.com", "The Coca-Cola Company"
    ),
    KnownAccount("acme", None, "acme.example", "Acme Corp"),
    KnownAccount("mdlz-1", None, None, "Mondelez"),
    KnownAccount("mdlz-2", None, None, "Mondelez"),
)


def event(account: str | None) -> EventRecord:
    return EventRecord(AT, "ad_impression", account=account, quantity=5.0)


def resolved(records: list[AccountRecord | ContactRecord | EventRecord]) -> list[str | None]:
    resolver = AccountResolver(WORKSPACE)
    out = []
    for record in resolver.resolve(records):
        out.append(record.key if isinstance(record, AccountRecord) else record.account)
    return out


def test_a_linkedin_company_name_finds_the_salesforce_account() -> None:
    # "COCA COLA" and "The Coca-Cola Company" both normalise to "cocacola".
    assert resolved([event("COCA COLA")]) == ["0015g00000AbCdEAAV"]


def test_the_15_character_id_of_a_report_finds_the_18_character_key() -> None:
    assert resolved([event("0015g00000AbCdE")]) == ["0015g00000AbCdEAAV"]


def test_a_domain_reference_and_a_website_match_by_domain() -> None:
    assert resolved([event("www.acme.example")]) == ["acme"]
    record = AccountRecord("hs-77", name="ACME Corporation Inc", domain="https://acme.example/")
    assert resolved([record]) == ["acme"]


def test_workspace_keys_are_kept_and_unknown_references_are_counted_not_guessed() -> None:
    resolver = AccountResolver(WORKSPACE)
    records = [event("acme"), event("Initech"), event("Initech"), event(None)]
    out = [r.account for r in resolver.resolve(records) if isinstance(r, EventRecord)]
    assert out == ["acme", "Initech", "Initech", None]
    summary = resolver.resolution()
    assert summary.unknown == 1
    assert summary.unknown_examples == [("Initech", 2, None)]
    assert summary.matched == {}


def test_a_name_two_accounts_share_matches_neither() -> None:
    """Mondelez is in the CRM twice: choosing one would be a guess."""
    assert resolved([event("Mondelez")]) == ["Mondelez"]


def test_an_account_new_to_the_workspace_is_learnt_for_the_rest_of_the_file() -> None:
    records: list[AccountRecord | ContactRecord | EventRecord] = [
        AccountRecord("hs-9", name="Initech LLC", domain="initech.example"),
        ContactRecord("c-1", account="Initech"),
        event("initech.example"),
    ]
    # The contact names the company; the normalised name "initech" is now hs-9's.
    assert resolved(records) == ["hs-9", "hs-9", "hs-9"]


def test_matches_are_reported_with_what_matched() -> None:
    resolver = AccountResolver(WORKSPACE)
    list(resolver.resolve([event("COCA COLA"), event("COCA COLA"), event("acme.example")]))
    summary = resolver.resolution()
    # Two distinct references were matched, once each (the second COCA COLA is remembered).
    assert summary.matched == {"name": 1, "domain": 1}
    assert summary.examples == [
        ("COCA COLA", "0015g00000AbCdEAAV", "name"),
        ("acme.example", "acme", "domain"),
    ]
    assert summary.as_json()["matched"] == {"name": 1, "domain": 1}


def test_an_empty_workspace_resolves_nothing() -> None:
    resolver = AccountResolver(())
    assert not resolver.holds_accounts


def test_an_unmatched_name_close_to_a_workspace_account_is_pointed_out_not_matched() -> None:
    # "Corp" is only dropped when trailing, so the two names normalise to
    # "burlingtontextilescorpofamerica" (31 letters) and
    # "burlingtontextilescorporationofamerica" (38): they share 22 + 9 letters,
    # a difflib ratio of 2 * 31 / 69 = 0.90, above CLOSE_NAME (0.8): a hint only.
    known = [KnownAccount("bt", name="Burlington Textiles Corp of America")]
    resolver = AccountResolver(known)
    said = "Burlington Textiles Corporation of America"
    assert [r.account for r in resolver.resolve([event(said)])] == [said]
    assert resolver.resolution().unknown_examples == [
        (said, 1, "Burlington Textiles Corp of America")
    ]
