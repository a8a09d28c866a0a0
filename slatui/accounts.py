"""Which workspace account an imported record belongs to, and which look doubled.

Exports name the same company in many ways: `HERSHEY MEXICO S.A. DE C.V.`,
`Nestlé Perú`, `Corporacion GPF` / `Corporación GPF`, `COCA COLA` /
`Coca-Cola Company`, and a CRM may hold the same account twice (`Mondelez`).
Attaching an event to the wrong account corrupts coverage and per-account
commitments, so matching is deliberately strict and ordered by how much each
signal can be trusted:

1. **External id** (the CRM's own key) is unique by definition. Salesforce
   writes ids in 15-character (case-sensitive, in reports) and 18-character
   (Data Loader, API) forms; both are reduced to the 18-character form, so the
   two spellings of one record match. The empty-lookup placeholder
   `000000000000000AAA` is no id at all.
2. **Domain**, from a website, an e-mail address or a bare domain. Free-mail
   domains (gmail.com, hotmail.com, ...) say nothing about the employer and are
   never used. Subdomains are kept (`delphi.chemicals.com` is not
   `chemicals.com`): without the public-suffix list a cut would merge unrelated
   companies (`nestle.com.ec` would become `com.ec`).
3. **Normalised name**, exact only.

A domain or name that two different accounts share is ambiguous and matches
nothing: choosing one would be a guess. Near-duplicates are never matched;
`duplicate_candidates` reports them for a person to decide ("reported, never
merged").

Name normalising (`normalise_name`): accents stripped (NFKD), case folded,
`&` read as `and`, dotted abbreviations joined (`S.A.B. de C.V.` -> `sab de
cv`), punctuation and spaces removed, a leading English "The" and trailing
legal forms removed (Inc, LLC, Ltd, Corp, Corporation, Co, Company, PLC,
GmbH, AG, KG, S.A., S.A.S., S.A. de C.V., S.A.B. de C.V., S. de R.L. de C.V.,
C.A., S.A.C., Ltda, Cía, S.L., S.R.L., S.p.A., B.V., N.V., Pty Ltd, ...),
repeatedly ("Co., Ltd.", "GmbH & Co. KG"), as long as two characters remain
(`Y-corporation` stays `ycorporation`, not `y`). **Group / Grupo / Holding(s) are
kept**: a holding ("AJE Group") and an operating company of the same name are
different accounts in a CRM, and since an exact normalised name is a match,
dropping the word would merge them silently. Place words
("Ecuador", "Mexico") are kept for the same reason: `Nestlé Perú` and `Nestle
Ecuador SA` are two accounts.

Duplicate candidates: accounts with the same normalised name, then pairs of
normalised names (both at least 4 characters) with a difflib ratio of at
least 0.9, looked for among names one edit apart and among sorted neighbours
rather than across all pairs, so that 10,000 accounts take about a second
and a half instead of minutes (see `_near_pairs`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

__all__ = [
    "FREE_MAIL_DOMAINS",
    "AccountMatch",
    "AccountMatcher",
    "DuplicateGroup",
    "duplicate_candidates",
    "normalise_domain",
    "normalise_external_id",
    "normalise_name",
]

K = TypeVar("K", bound=Hashable)

# ---------------------------------------------------------------- names

_DOTTED = re.compile(r"\b[a-z](?:\.[a-z])+\.?(?![a-z])")
_APOSTROPHE = re.compile(r"['’`´]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")

# Trailing legal forms, as token sequences after dotted letters are joined
# and single letters are run together ("S. A." -> "sa").
_LEGAL_FORMS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(form.split())
            for form in (
                "inc",
                "incorporated",
                "llc",
                "llp",
                "lp",
                "ltd",
                "limited",
                "corp",
                "corporation",
                "co",
                "cos",
                "company",
                "plc",
                "gmbh",
                "ag",
                "kg",
                "se",
                "sa",
                "sas",
                "sa de cv",
                "sab de cv",
                "sapi de cv",
                "s de rl de cv",
                "s de rl",
                "de cv",
                "ca",
                "sac",
                "saa",
                "sl",
                "srl",
                "spa",
                "sarl",
                "ltda",
                "cia",
                "eirl",
                "eireli",
                "bv",
                "nv",
                "ab",
                "oy",
                "oyj",
                "asa",
                "as",
                "kk",
                "pty",
                "pte",
                "pvt",
                "private limited",
                "sdn bhd",
                "bhd",
            )
        ),
        key=len,
        reverse=True,
    )
)
# Left dangling once a form is removed: "Gekko & Co" -> "gekko and".
_CONNECTIVES = frozenset({"and", "y", "e", "et", "und"})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _join_letters(tokens: list[str]) -> list[str]:
    """Run single letters together, so "S. A. de C. V." reads like "S.A. de C.V."."""
    out: list[str] = []
    run = ""
    for token in tokens:
        if len(token) == 1 and token.isalpha():
            run += token
            continue
        if run:
            out.append(run)
            run = ""
        out.append(token)
    if run:
        out.append(run)
    return out


def normalise_name(name: str) -> str:
    """The key two spellings of one company share: `Coca-Cola Company` -> `cocacola`.

    Returns "" for a name with no letters or digits; such a name matches
    nothing.
    """
    text = _fold(name)
    text = _APOSTROPHE.sub("", text)
    text = text.replace("&", " and ")
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    tokens = _join_letters(_NOT_WORD.sub(" ", text).split())
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    stripped = True
    while stripped and len(tokens) > 1:
        stripped = False
        for form in _LEGAL_FORMS:
            rest = tokens[: -len(form)]
            if tuple(tokens[-len(form) :]) == form and len("".join(rest)) >= 2:
                tokens = rest
                stripped = True
                break
        while len(tokens) > 1 and tokens[-1] in _CONNECTIVES:
            tokens = tokens[:-1]
            stripped = True
    return "".join(tokens)


# ---------------------------------------------------------------- domains

_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_TLD = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_WWW = re.compile(r"^www\d*\.")

FREE_MAIL_DOMAINS: frozenset[str] = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.es",
        "yahoo.com.mx",
        "yahoo.com.ar",
        "yahoo.com.br",
        "yahoo.co.uk",
        "ymail.com",
        "hotmail.com",
        "hotmail.es",
        "hotmail.co.uk",
        "hotmail.fr",
        "outlook.com",
        "outlook.es",
        "live.com",
        "live.com.mx",
        "msn.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "protonmail.com",
        "proton.me",
        "gmx.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "mail.com",
        "yandex.ru",
        "zoho.com",
        "qq.com",
        "163.com",
        "uol.com.br",
        "bol.com.br",
        "terra.com.br",
    }
)
"""Mailbox providers: an address there says nothing about the employer."""


def normalise_domain(value: str | None) -> str | None:
    """The host a website, e-mail address or bare domain names, or None if it names none.

    `https://www.Nestle.com.ec/es` -> `nestle.com.ec`; `jdoe@ACME.com` ->
    `acme.com`; `acme.com:8080` -> `acme.com`. Internationalised names are
    given in their ASCII (punycode) form so both spellings compare equal.
    Not a domain (None): blanks, placeholders (`N/A`, `-`), single labels
    (`localhost`), IP addresses, text with spaces, characters a host name
    cannot hold (`expressl&t.net`, a real export's e-mail domain).
    """
    if value is None:
        return None
    text = value.strip().lower()
    if not text or any(c.isspace() for c in text):
        return None
    if text.startswith("mailto:"):
        text = text[len("mailto:") :]
    if "://" in text:
        text = text.split("://", 1)[1]
    elif text.startswith("//"):
        text = text[2:]
    text = re.split(r"[/?#]", text, maxsplit=1)[0]
    if "@" in text:
        text = text.rsplit("@", 1)[1]
    if ":" in text:
        host, _, port = text.partition(":")
        if ":" in port or (port and not port.isdigit()):
            return None  # an IPv6 literal or junk
        text = host
    text = text.rstrip(".")
    try:
        text = text.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = text.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    if not _TLD.match(labels[-1]):
        return None  # digits: an IP address, or a typo
    if _WWW.match(text) and len(labels) > 2:
        text = _WWW.sub("", text)
    return text


# ---------------------------------------------------------------- external ids

_SF_ID15 = re.compile(r"^[A-Za-z0-9]{15}$")
_SF_ID18 = re.compile(r"^[A-Za-z0-9]{15}[A-Z0-5]{3}$")
_SF_CHECK = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
_EMPTY_LOOKUP = re.compile(r"^0{15}(?:AAA)?$")


def _salesforce_suffix(id15: str) -> str:
    """The three characters Salesforce appends to make an id case-insensitive-safe."""
    suffix = ""
    for start in (0, 5, 10):
        bits = sum(1 << i for i, c in enumerate(id15[start : start + 5]) if c.isupper())
        suffix += _SF_CHECK[bits]
    return suffix


def normalise_external_id(value: str | None) -> str | None:
    """The form external ids are compared in; None for blanks and empty lookups.

    A 15-character Salesforce-shaped id (letters and digits, at least one of
    each) becomes its 18-character form. Other ids are kept as written,
    trimmed: ids are case-sensitive.
    """
    if value is None:
        return None
    text = value.strip()
    if not text or _EMPTY_LOOKUP.match(text):
        return None
    if _SF_ID15.match(text) and any(c.isdigit() for c in text) and any(c.isalpha() for c in text):
        return text + _salesforce_suffix(text)
    return text


# ---------------------------------------------------------------- matching

MatchedBy = Literal["external_id", "domain", "name"]


@dataclass(frozen=True)
class AccountMatch(Generic[K]):
    """Which account, and on what: the import report says why a row was attached."""

    key: K
    by: MatchedBy
    value: str


class AccountMatcher(Generic[K]):
    """Finds the known account an incoming record belongs to: id, then domain, then name.

    Keys are whatever the caller uses for accounts (the store's key). Add every
    known account with `add`, then `match` each incoming record.
    """

    def __init__(self) -> None:
        self._ids: dict[str, K] = {}
        self._domains: dict[str, list[K]] = defaultdict(list)
        self._names: dict[str, list[K]] = defaultdict(list)

    def add(
        self,
        key: K,
        external_id: str | None = None,
        domain: str | None = None,
        name: str | None = None,
    ) -> None:
        """Make an account findable. Raises ValueError if its external id is another's."""
        ident = normalise_external_id(external_id)
        if ident is not None:
            known = self._ids.setdefault(ident, key)
            if known != key:
                raise ValueError(
                    f"external id {external_id!r} already belongs to account {known!r}, not {key!r}"
                )
        host = self._domain(domain)
        if host is not None and key not in self._domains[host]:
            self._domains[host].append(key)
        normal = normalise_name(name) if name else ""
        if normal and key not in self._names[normal]:
            self._names[normal].append(key)

    def match(
        self,
        external_id: str | None = None,
        domain: str | None = None,
        name: str | None = None,
    ) -> K | None:
        """The account these identifiers name, or None when none (or several) do."""
        found = self.explain(external_id, domain, name)
        return None if found is None else found.key

    def explain(
        self,
        external_id: str | None = None,
        domain: str | None = None,
        name: str | None = None,
    ) -> AccountMatch[K] | None:
        """Like `match`, with what matched, for reports."""
        ident = normalise_external_id(external_id)
        if ident is not None and ident in self._ids:
            return AccountMatch(self._ids[ident], "external_id", ident)
        host = self._domain(domain)
        if host is not None:
            keys = self._domains.get(host, [])
            if len(keys) == 1:
                return AccountMatch(keys[0], "domain", host)
        normal = normalise_name(name) if name else ""
        if normal:
            keys = self._names.get(normal, [])
            if len(keys) == 1:
                return AccountMatch(keys[0], "name", normal)
        return None

    def ambiguous(self) -> dict[str, tuple[K, ...]]:
        """Domains and normalised names that several accounts share (they match nothing)."""
        shared = {f"domain {d}": tuple(k) for d, k in self._domains.items() if len(k) > 1}
        shared |= {f"name {n}": tuple(k) for n, k in self._names.items() if len(k) > 1}
        return shared

    @staticmethod
    def _domain(value: str | None) -> str | None:
        host = normalise_domain(value)
        return None if host is None or host in FREE_MAIL_DOMAINS else host


# ---------------------------------------------------------------- duplicates

SIMILARITY = 0.9
"""difflib ratio at or above which two normalised names are near-duplicates."""
MIN_SIMILAR_LENGTH = 4
"""Shorter normalised names are compared for equality only: "sica" ~ "sina" is noise."""
WINDOW = 20
"""How many sorted neighbours each name is compared with, each way."""
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class DuplicateGroup(Generic[K]):
    """Accounts that may be one company: shown to a person, never merged."""

    keys: tuple[K, ...]
    names: tuple[str, ...]
    reason: str


def _near_pairs(normals: list[str]) -> list[tuple[str, str, float]]:
    """Pairs of distinct normalised names with a difflib ratio of at least SIMILARITY.

    Comparing everything with everything is quadratic: 48 million pairs for
    10,000 accounts, minutes of difflib. Instead two kinds of candidates are
    compared, each with cheap bounds before the real ratio:

    - names one edit apart (a letter changed, added, dropped or two swapped),
      found exactly through their one-deletion variants (what remains when
      one character is removed): the typo case, wherever the typo is;
    - names next to each other when all names are sorted, and when all
      names are sorted by their reverse (the WINDOW nearest each way): names
      that differ by several characters but share a long beginning or a long
      end ("telefonicamoviles" / "telefonicamovil").

    Pairs differing in several places with only generic words in common
    ("distribuidorajepogroup" / "distribuidoratelogroup": ratio 0.91, two
    companies) can be missed, and are better missed.
    Names with different numbers (`Store 101` / `Store 102`,
    `CO-BOG-10587000` / `CO-BOG-10587477`) are different entities, not typos.
    """
    names = [normal for normal in normals if len(normal) >= MIN_SIMILAR_LENGTH]
    seen: set[tuple[str, str]] = set()
    found: list[tuple[str, str, float]] = []

    def consider(a: str, b: str, matcher: difflib.SequenceMatcher[str] | None = None) -> None:
        pair = (a, b) if a < b else (b, a)
        if pair in seen:
            return
        seen.add(pair)
        short, long = sorted((len(a), len(b)))
        if 2 * short < SIMILARITY * (short + long):
            return  # even if every character of the shorter matched
        if matcher is None:
            matcher = difflib.SequenceMatcher(None, b, a, autojunk=False)
        else:
            matcher.set_seq1(b)
        if matcher.quick_ratio() < SIMILARITY:
            return  # an upper bound from the letters alone
        if _DIGITS.findall(a) != _DIGITS.findall(b):
            return
        # SequenceMatcher is not quite symmetric: always measure in one order.
        score = difflib.SequenceMatcher(None, pair[0], pair[1], autojunk=False).ratio()
        if score >= SIMILARITY:
            found.append((pair[0], pair[1], score))

    variants: dict[str, list[str]] = defaultdict(list)
    for name in names:
        variants[name].append(name)
        for i in range(len(name)):
            variants[name[:i] + name[i + 1 :]].append(name)
    for members in variants.values():
        distinct = list(dict.fromkeys(members))
        for i, a in enumerate(distinct):
            for b in distinct[i + 1 :]:
                consider(a, b)

    for ordered in (sorted(names), sorted(names, key=lambda name: name[::-1])):
        for i, a in enumerate(ordered):
            matcher = difflib.SequenceMatcher(None, autojunk=False)
            matcher.set_seq2(a)
            for b in ordered[i + 1 : i + 1 + WINDOW]:
                consider(a, b, matcher)
    return found


def duplicate_candidates(names: Iterable[tuple[K, str]]) -> list[DuplicateGroup[K]]:
    """Groups of accounts whose names say they may be the same company.

    Same normalised name ("Mondelez" twice, "COCA COLA" / "Coca-Cola Company" /
    "CocaCola") or near-duplicate normalised names (difflib ratio >= 0.9, both
    at least 4 characters). Near pairs chain: a ~ b and b ~ c make one group.
    Groups come in the order of their first account in `names`; within a
    group, accounts keep that order. A key listed twice counts once.
    """
    by_normal: dict[str, list[tuple[int, K, str]]] = {}
    for position, (key, name) in enumerate(names):
        normal = normalise_name(name)
        if not normal:
            continue
        entries = by_normal.setdefault(normal, [])
        if all(known != key for _, known, _ in entries):
            entries.append((position, key, name))

    order = {normal: index for index, normal in enumerate(by_normal)}
    parent = {normal: normal for normal in by_normal}

    def root(normal: str) -> str:
        while parent[normal] != normal:
            parent[normal] = parent[parent[normal]]
            normal = parent[normal]
        return normal

    pairs = _near_pairs(list(by_normal))
    for a, b, _ in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=order.__getitem__)
            parent[second] = first

    components: dict[str, list[str]] = defaultdict(list)
    for normal in by_normal:
        components[root(normal)].append(normal)
    links: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for a, b, score in pairs:
        links[root(a)].append((a, b, score))

    found: list[tuple[int, DuplicateGroup[K]]] = []
    for head, members in components.items():
        entries = sorted(entry for normal in members for entry in by_normal[normal])
        keys = tuple(dict.fromkeys(key for _, key, _ in entries))
        if len(keys) < 2:
            continue
        if len(members) == 1:
            reason = f'same normalised name "{head}"'
        else:
            # Each pair, and the pairs, in the order the names first appeared.
            ordered = [
                (a, b, score) if order[a] < order[b] else (b, a, score)
                for a, b, score in links[head]
            ]
            ordered.sort(key=lambda link: (order[link[0]], order[link[1]]))
            reason = "similar names: " + ", ".join(
                f'"{a}" ~ "{b}" ({score:.2f})' for a, b, score in ordered
            )
            shared = [normal for normal in members if len(by_normal[normal]) > 1]
            if shared:
                reason += "; same normalised name " + ", ".join(f'"{n}"' for n in shared)
        group = DuplicateGroup(
            keys=tuple(key for _, key, _ in entries),
            names=tuple(name for _, _, name in entries),
            reason=reason,
        )
        found.append((entries[0][0], group))
    found.sort(key=lambda item: item[0])
    return [group for _, group in found]
