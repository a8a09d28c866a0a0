"""Account names, domains, matching and duplicate candidates (issue 4, item 5).

Name variants below are real: each comment names the export it comes from
(under ../shared/realdata/). Expected values are worked out by hand from the
rules in `slatui/accounts.py`'s docstring.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from slatui.accounts import (
    AccountMatch,
    AccountMatcher,
    DuplicateGroup,
    duplicate_candidates,
    normalise_domain,
    normalise_external_id,
    normalise_name,
)

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
LATIN1_ACCOUNTS = REALDATA / "salesforce_weekly_export_latin1" / "Account_sample.csv"
LATIN1_LEADS = REALDATA / "salesforce_weekly_export_latin1" / "Lead_sample.csv"
MAVEN_ACCOUNTS = REALDATA / "maven_crm_sales_opportunities" / "accounts.csv"
POWERBI_ACCOUNTS = REALDATA / "salesforce_sample_org_powerbi" / "Account.csv"


def read(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        # salesforce_weekly_export_latin1/Account_sample.csv
        ("HERSHEY MEXICO S.A. DE C.V.", "hersheymexico"),
        ("MARS CHOCOLATE, S.A. DE C.V", "marschocolate"),  # no final dot
        ("LALA GRUPO LALA, S.A.B. DE C.V.", "lalagrupolala"),  # "grupo" kept
        ("Grupo Elektra S.A.B de C.V", "grupoelektra"),  # dots on some letters only
        ("Nestlé Perú", "nestleperu"),  # accents
        ("Nestle Ecuador SA", "nestleecuador"),  # the country stays: another account
        ("Banco Pichincha CA", "bancopichincha"),  # C.A., compañía anónima
        ("Alimentos Ecuatorianos SA", "alimentosecuatorianos"),
        ("La Costeña", "lacostena"),  # "La" is part of the name
        ("Jabonería Wilson", "jaboneriawilson"),
        ("GOBIERNO DEL ESTADO DE MÉXICO", "gobiernodelestadodemexico"),
        ("CO-BOG-10587000", "cobog10587000"),
        # salesforce_weekly_export_latin1/Lead_sample.csv
        ("Corporación GPF", "corporaciongpf"),
        ("Corporacion GPF", "corporaciongpf"),
        ("Stargroup S.A de C.V", "stargroup"),
        ("AJE Group", "ajegroup"),  # Group is kept
        # salesforce_sample_org_powerbi/Account.csv
        ("Pyramid Construction Inc.", "pyramidconstruction"),
        ("Dickenson plc", "dickenson"),
        ("Grand Hotels & Resorts Ltd", "grandhotelsandresorts"),  # & reads as "and"
        ("United Oil & Gas Corp.", "unitedoilandgas"),
        ("United Oil & Gas, UK", "unitedoilandgasuk"),
        ("Burlington Textiles Corp of America", "burlingtontextilescorpofamerica"),  # not trailing
        ("Farmers Coop. of Florida", "farmerscoopofflorida"),
        # maven_crm_sales_opportunities/accounts.csv
        ("Acme Corporation", "acme"),
        ("Gekko & Co", "gekko"),  # the form, then the dangling "and"
        ("Genco Pura Olive Oil Company", "gencopuraoliveoil"),
        ("The New York Inquirer", "newyorkinquirer"),
        ("Y-corporation", "ycorporation"),  # stripping would leave one letter
        ("Zencorporation", "zencorporation"),  # one word: not a legal form
        # the examples
        ("COCA COLA", "cocacola"),
        ("CocaCola", "cocacola"),
        ("Coca-Cola Company", "cocacola"),
        ("Coca-Cola Co.", "cocacola"),
        # forms run together, spaced letters, edge cases
        ("Acme Co., Ltd.", "acme"),
        ("Foo GmbH & Co. KG", "foo"),
        ("Bar S. A. de C. V.", "bar"),
        ("McDonald's", "mcdonalds"),
        ("AT&T Inc.", "atandt"),
        ("Company", "company"),  # nothing would remain
        ("The", "the"),
        ("-", ""),
        ("", ""),
    ],
)
def test_normalise_name(name: str, normal: str) -> None:
    assert normalise_name(name) == normal


def test_real_latin1_names_normalise_as_expected() -> None:
    # The file is ISO-8859-1; read that way, accents are intact before folding.
    rows = read(LATIN1_ACCOUNTS, encoding="latin-1")
    names = {row["Name"] for row in rows}
    assert {"Nestlé Perú", "La Costeña", "GOBIERNO DEL ESTADO DE MÉXICO"} <= names
    normals = {normalise_name(name) for name in names}
    assert {"nestleperu", "lacostena", "gobiernodelestadodemexico", "hersheymexico"} <= normals


# ---------------------------------------------------------------- domains


@pytest.mark.parametrize(
    ("value", "domain"),
    [
        # Website values of salesforce_weekly_export_latin1/Account_sample.csv
        ("https://www.nestle.com.ec/es", "nestle.com.ec"),
        ("www.telmex.com", "telmex.com"),
        ("http://www.ingeniosancarlos.com.co", "ingeniosancarlos.com.co"),
        ("https://www.pichincha.com/", "pichincha.com"),
        # e-mail addresses of salesforce_sample_org_powerbi/Lead.csv and Contact.csv
        ("jupton@fcof.net", "fcof.net"),
        ("qdunmore@delphi.chemicals.com", "delphi.chemicals.com"),  # subdomain kept
        ("jquarry@expressl&t.net", None),  # "&" cannot be in a host name
        # made up
        ("ACME.COM.", "acme.com"),
        ("http://user:pw@www.Acme.com:8080/x?y#z", "acme.com"),
        ("mailto:jdoe@acme.co", "acme.co"),
        ("//cdn.acme.com/a.js", "cdn.acme.com"),
        ("www2.acme.com", "acme.com"),
        ("www.com", "www.com"),  # nothing would remain
        ("münchen.de", "xn--mnchen-3ya.de"),
        ("xn--mnchen-3ya.de", "xn--mnchen-3ya.de"),
        ("", None),
        ("   ", None),
        (None, None),
        ("N/A", None),
        ("-", None),
        ("localhost", None),
        ("192.168.0.1", None),
        ("[::1]", None),
        ("acme..com", None),
        ("acme.com:abc", None),
        ("coca cola.com", None),
        ("_dmarc.acme.com", None),
        ("-acme.com", None),
    ],
)
def test_normalise_domain(value: str | None, domain: str | None) -> None:
    assert normalise_domain(value) == domain


# ---------------------------------------------------------------- external ids


def test_salesforce_ids_15_and_18_are_one_id() -> None:
    # Account_sample.csv holds 0018a000020sitYAAQ; a report would show 0018a000020sitY.
    assert normalise_external_id("0018a000020sitY") == "0018a000020sitYAAQ"
    assert normalise_external_id("0018a000020sitYAAQ") == "0018a000020sitYAAQ"
    assert normalise_external_id(" 42 ") == "42"
    assert normalise_external_id("000000000000000AAA") is None  # the empty lookup
    assert normalise_external_id("000000000000000") is None
    assert normalise_external_id("") is None
    assert normalise_external_id(None) is None


def test_real_salesforce_ids_check_out() -> None:
    # Every 18-character id in the export is its first 15 characters plus their checksum.
    rows = read(LATIN1_ACCOUNTS, encoding="latin-1")
    assert len(rows) == 38
    for row in rows:
        assert normalise_external_id(row["Id"][:15]) == row["Id"]
        assert normalise_external_id(row["ParentId"]) is None  # all empty lookups


# ---------------------------------------------------------------- matching


def matcher() -> AccountMatcher[str]:
    accounts: AccountMatcher[str] = AccountMatcher()
    accounts.add("acme", "001A", "https://www.acme.com", "Acme Inc.")
    accounts.add("beta", "001B", "beta.com", "Beta LLC")
    return accounts


def test_external_id_beats_domain_and_name() -> None:
    assert matcher().match("001A", "beta.com", "Beta") == "acme"


def test_domain_beats_name() -> None:
    assert matcher().match(None, "https://www.beta.com/contact", "Acme") == "beta"
    # An unknown id falls through to the domain.
    assert matcher().match("999", "jdoe@BETA.com", "Acme") == "beta"


def test_name_last() -> None:
    assert matcher().match("999", "gamma.com", "ACME, Inc") == "acme"
    assert matcher().match(None, None, "Gamma") is None
    assert matcher().match() is None


def test_explain_says_on_what() -> None:
    accounts = matcher()
    assert accounts.explain("001B") == AccountMatch("beta", "external_id", "001B")
    assert accounts.explain(None, "www.acme.com") == AccountMatch("acme", "domain", "acme.com")
    assert accounts.explain(None, None, "Beta") == AccountMatch("beta", "name", "beta")


def test_free_mail_domains_match_nothing() -> None:
    accounts: AccountMatcher[str] = AccountMatcher()
    accounts.add("solo", None, "owner@gmail.com", "Solo Consulting")
    assert accounts.match(None, "someone.else@gmail.com", None) is None
    assert accounts.match(None, "someone.else@gmail.com", "Solo Consulting") == "solo"


def test_shared_names_and_domains_are_ambiguous() -> None:
    # Account_sample.csv holds "Mondelez" twice, under two ids.
    accounts: AccountMatcher[str] = AccountMatcher()
    accounts.add("0018a0000251AMlAAM", "0018a0000251AMlAAM", None, "Mondelez")
    accounts.add("0018a000026k0PWAAY", "0018a000026k0PWAAY", None, "Mondelez")
    assert accounts.match(None, None, "MONDELEZ") is None  # either would be a guess
    assert accounts.match("0018a000026k0PW", None, "Mondelez") == "0018a000026k0PWAAY"
    # Two accounts on one domain (a parent and its subsidiary): the name decides.
    accounts.add("uog", None, "uog.com", "United Oil & Gas Corp.")
    accounts.add("uog-uk", None, "uog.com", "United Oil & Gas, UK")
    assert accounts.match(None, "djarrow@uog.com", "United Oil & Gas, UK") == "uog-uk"
    assert accounts.match(None, "djarrow@uog.com", None) is None
    assert accounts.ambiguous() == {
        "name mondelez": ("0018a0000251AMlAAM", "0018a000026k0PWAAY"),
        "domain uog.com": ("uog", "uog-uk"),
    }


def test_adding_again_is_harmless_but_an_id_has_one_owner() -> None:
    accounts = matcher()
    accounts.add("acme", "001A", "acme.com", "Acme")  # same account, same facts
    assert accounts.match(None, "acme.com") == "acme"
    with pytest.raises(ValueError, match="already belongs to account 'acme'"):
        accounts.add("other", "001A", None, None)


# ---------------------------------------------------------------- duplicate candidates


def test_duplicate_candidates_exact_and_near() -> None:
    groups = duplicate_candidates(
        [
            ("1", "Coca Cola"),
            ("2", "Mondelez"),
            ("3", "CocaCola"),
            ("4", "Cardinal Inc."),
            ("5", "Mondelez"),
            ("6", "Coca-Cola Company"),
            ("7", "Cadinal Inc."),  # the powerbi sample's typo of Cardinal
            ("8", "Store 101"),  # different numbers: different stores
            ("9", "Store 102"),
            ("10", "SICA"),  # "sica" ~ "sina" is 0.75, and short
            ("11", "SINA"),
            ("12", "Telefonica Moviles"),
            ("13", "Telefónica Movil"),
        ]
    )
    assert groups == [
        DuplicateGroup(
            ("1", "3", "6"),
            ("Coca Cola", "CocaCola", "Coca-Cola Company"),
            'same normalised name "cocacola"',
        ),
        DuplicateGroup(("2", "5"), ("Mondelez", "Mondelez"), 'same normalised name "mondelez"'),
        # "cadinal" (7) in "cardinal" (8): 7 matching letters, 2 * 7 / 15 = 0.933.
        DuplicateGroup(
            ("4", "7"),
            ("Cardinal Inc.", "Cadinal Inc."),
            'similar names: "cardinal" ~ "cadinal" (0.93)',
        ),
        # Two letters apart, found as sorted neighbours: 2 * 15 / 32 = 0.9375.
        DuplicateGroup(
            ("12", "13"),
            ("Telefonica Moviles", "Telefónica Movil"),
            'similar names: "telefonicamoviles" ~ "telefonicamovil" (0.94)',
        ),
    ]


def test_near_duplicates_chain_into_one_group() -> None:
    # "unilever" ~ "unilver" (2 * 7 / 15 = 0.93) and "unilever" ~ "unileverr" (16 / 17 =
    # 0.94), though "unilver" ~ "unileverr" is 2 * 7 / 16 = 0.875: one group through a.
    groups = duplicate_candidates(
        [("a", "Unilever"), ("b", "Unilver"), ("c", "Unileverr"), ("d", "Unilever")]
    )
    assert len(groups) == 1
    assert groups[0].keys == ("a", "b", "c", "d")
    assert groups[0].reason.startswith("similar names: ")
    assert '; same normalised name "unilever"' in groups[0].reason


def test_a_key_listed_twice_is_not_a_duplicate() -> None:
    assert duplicate_candidates([("a", "Acme"), ("a", "ACME Inc.")]) == []
    assert duplicate_candidates([]) == []


def test_real_latin1_account_duplicates() -> None:
    rows = read(LATIN1_ACCOUNTS, encoding="latin-1")
    groups = duplicate_candidates((row["Id"], row["Name"]) for row in rows)
    # By hand over the 38 names: only "Mondelez" appears twice. "Nestlé Perú" and
    # "Nestle Ecuador SA" are two country accounts (0.6); the CO-BOG-* names differ
    # in their numbers; "Bimbo Ecuador" / "Haojue Ecuador" share only the country.
    assert groups == [
        DuplicateGroup(
            ("0018a0000251AMlAAM", "0018a000026k0PWAAY"),
            ("Mondelez", "Mondelez"),
            'same normalised name "mondelez"',
        )
    ]


def test_real_latin1_lead_companies() -> None:
    rows = read(LATIN1_LEADS, encoding="latin-1")
    groups = duplicate_candidates((row["Id"], row["Company"]) for row in rows)
    names = [group.names for group in groups]
    # Leads repeat their company; the one spelling variant is the accent.
    assert ("Corporacion GPF", "Corporación GPF") in names
    assert ("DIFARE PHARMACYS",) * 3 in names
    assert len(groups) == 6


def test_real_powerbi_accounts() -> None:
    rows = read(POWERBI_ACCOUNTS)
    groups = duplicate_candidates((row["Id"], row["Name"]) for row in rows)
    # A parent and its UK subsidiary: reported, for a person to tell apart.
    # "unitedoilandgas" in "unitedoilandgasuk": 2 * 15 / 32 = 0.9375.
    assert [(group.names, group.reason) for group in groups] == [
        (
            ("United Oil & Gas Corp.", "United Oil & Gas, UK"),
            'similar names: "unitedoilandgas" ~ "unitedoilandgasuk" (0.94)',
        )
    ]


def test_real_maven_accounts_are_distinct() -> None:
    rows = read(MAVEN_ACCOUNTS)
    assert len(rows) == 85
    assert duplicate_candidates((row["account"], row["account"]) for row in rows) == []
