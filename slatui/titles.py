"""Seniority and function from a contact's job title, for the SAL definition.

The SAL definition (DESIGN §3) says who counts: `min_seniority = "vp"` and
`functions = ["marketing", "sales", ...]`. Contacts arrive from CRM exports
with free-text titles ("VP, Marketing", "SVP", "Gerente General", "P/S/T"),
so the tool has to place each title on the ladder
ic < manager < director < vp < c_level and name its function. Getting this
wrong silently turns a pilot's SAL counts into fiction, so the rules are:

1. The contract's `[sal.titles]` rules come first. They are the parties' own
   words (`vp = ["Head of *", "Gerente General"]`): case-insensitive globs
   where `*` matches any text, matched against the whole normalised title.
   When several match, the most specific pattern (most literal characters)
   wins, and on a tie the *lower* level, so that an overlap never promotes
   anyone.
2. Then a built-in classifier of keywords, listed below with the decisions
   behind the doubtful cases.
3. A title neither can place is `seniority=None` with rule `"unclassified"`:
   it is listed for the parties to settle with a contract rule, never guessed.

Normalising (both titles and contract patterns): accents stripped (NFKD),
case folded, dotted abbreviations joined (`V.P.` -> `vp`), apostrophes dropped,
other punctuation turned into spaces (`VP, Marketing` -> `vp marketing`,
`Co-Founder` -> `co founder`), `&` read as `and`, whitespace collapsed. A `/`
(also `|`, `;`, `\\`) separates roles held together (`PRES/SEC/TREAS`,
`CEO/Founder`): each role is classified and the highest wins; single letters
between slashes are the US corporate-officer shorthand (`P/S/T` = president,
secretary, treasurer; `D` = director).

Decisions on doubtful titles (the lowest level the words plausibly mean is
taken, because over-counting SALs is the worse error; a contract rule can
raise any of them):

- **Head of ...** -> director. "Head" runs from team lead to VP across
  companies; director is the middle of that range and the usual band for a
  function head below a VP. `vp = ["Head of *"]` raises it (sample.toml does).
- **Country Manager** -> director (function executive): runs a country office
  of a larger company, usually reporting to a regional VP.
- **General Manager / Gerente General / Gerente Geral** -> vp (function
  executive): heads a business unit, a country, or in Latin America the whole
  company; VP is the lowest of those readings.
- **Managing Director / Director Gerente** -> vp: the chief executive in the UK
  and much of Europe, but a rank in banks and consultancies (above VP, below
  partner). `c_level = ["Managing Director"]` raises it.
- **Director General / Directora General / Diretor Geral / Directeur General**
  -> c_level: in Spanish, Portuguese and French this is the chief executive,
  not a kind of director.
- **President** (never Vice President), **Chairman / Chair of the Board /
  Vice Chairman**, **Founder / Co-founder**, **Owner** (as the title's head:
  "Owner", "Co-owner", "Owner/Operator"; not "Product Owner", not "Business
  Owner", which in IT names the owner of a system) -> c_level.
- **AVP / Assistant, Associate, Deputy, Sub- X** -> one level below X
  (AVP -> director, Associate Director -> manager, Subdirector -> manager,
  Deputy CEO -> vp), except that an assistant manager still manages people
  and stays at manager. Spanish `adjunto` after the rank is the same.
- **Executive**: EVP is vp, Executive Director is director, Chief Executive
  is c_level; a word before it names a job, not a rank ("Account Executive",
  "Marketing Executive" -> ic); "Executive Assistant" is ic; a bare
  "Executive" is unclassified.
- **Account Manager / Key Account Manager / Gerente de Cuenta(s)** -> ic
  (function sales): the manager of a customer account, a quota-carrying rep
  role, not a manager of people. "Account Director" keeps its director rank.
- **Lead** at the end of a title ("Marketing Lead", "Magna Lead") and
  **Leader / Líder** anywhere ("Planner Leader") -> manager; "Lead" before a
  job ("Lead Engineer") does not change the job's rank, and "Lead Generation"
  is a marketing function, not a rank.
- **Treasurer** -> director (finance), an officer at the head of treasury.
  **Secretary** and **Officer** on their own are unclassified: the corporate
  secretary is a company officer, a secretary is an assistant, and "officer"
  ranges from loan officer to chief officer; nothing in the word says which.
- **Dean** -> vp (heads a school of a university). **General Counsel** -> vp
  (legal).
- **Director of First Impressions** -> ic: the well-known euphemism for a
  receptionist, the one joke title common enough to be worth a rule.
- **Chief of Staff** -> director: a senior adviser to an executive, not an
  officer. Any other **Chief ... ** is c_level.
- Gerente and Jefe (Spanish) are both manager; Coordinador, Analista,
  Asistente, Especialista, Ejecutivo de cuenta are ic.

Function is taken from the role that set the seniority, in this order: a
function the rank word implies (CFO -> finance, CMO -> marketing, CEO ->
executive, Account Executive -> sales), else the first function word in the
role ("Director of Marketing and Sales" -> marketing; multi-word phrases such
as "product marketing" and "accounts payable" win over their first word),
else `executive` for general management (President, Founder, General Manager,
Director General, Country Manager), else the first function word anywhere in
the title ("VP/Treasurer" -> finance), else "administration" (a weak word:
"SVP, Administration and Finance" is finance) -> operations, else `None`.
Words used in several functions ("digital", "planning", "trading", "data",
"channel", "strategy") name no function. `other` is a recognised function
outside the list (pharmacy, research, education, medical).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, cast, get_args

from slatui.contract.types import SENIORITIES, Seniority

__all__ = [
    "FUNCTIONS",
    "SENIORITIES",
    "Function",
    "Seniority",
    "TitleClass",
    "classify",
    "normalise_title",
    "seniority_at_least",
]

Function = Literal[
    "marketing",
    "sales",
    "it",
    "finance",
    "operations",
    "hr",
    "legal",
    "product",
    "engineering",
    "executive",
    "customer_success",
    "procurement",
    "other",
]
FUNCTIONS: tuple[str, ...] = get_args(Function)

UNCLASSIFIED = "unclassified"

_RANK = {level: index for index, level in enumerate(SENIORITIES)}


@dataclass(frozen=True)
class TitleClass:
    """Where a title sits, and why: `rule` is shown to the people who check it."""

    seniority: Seniority | None
    function: Function | None
    rule: str

    @property
    def classified(self) -> bool:
        """True when a seniority was found; unclassified titles are listed, not guessed."""
        return self.seniority is not None


def seniority_at_least(level: Seniority | None, minimum: Seniority) -> bool:
    """True when `level` is `minimum` or above; an unclassified contact never is.

    Raises ValueError on a level that is not on the ladder, because a typo
    here would silently make every contact qualify or none.
    """
    if minimum not in _RANK:
        raise ValueError(f"unknown seniority {minimum!r}; expected one of {', '.join(SENIORITIES)}")
    if level is None:
        return False
    if level not in _RANK:
        raise ValueError(f"unknown seniority {level!r}; expected one of {', '.join(SENIORITIES)}")
    return _RANK[level] >= _RANK[minimum]


# ---------------------------------------------------------------- normalising

_DOTTED = re.compile(r"\b[a-z](?:\.[a-z])+\.?(?![a-z])")
_APOSTROPHE = re.compile(r"['’`´]")
_ROLE_BREAK = re.compile(r"[|;\\]")
_SEPARATOR = re.compile(r"\s*/[\s/]*")
_OTHER = re.compile(r"[^a-z0-9/*\s]+")
_SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalise_title(title: str, *, keep_stars: bool = False) -> str:
    """The form titles and contract patterns are compared in.

    Roles held together stay separated by " / " so that a contract pattern
    can still name the whole combination. With `keep_stars`, `*` survives
    (for contract patterns); otherwise it is punctuation like any other.
    """
    text = _fold(title)
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    text = _APOSTROPHE.sub("", text)
    text = text.replace("&", " and ")
    text = _ROLE_BREAK.sub("/", text)
    if not keep_stars:
        text = text.replace("*", " ")
    text = _OTHER.sub(" ", text)
    text = _SEPARATOR.sub(" / ", text)
    return _SPACES.sub(" ", text).strip(" /")


# ---------------------------------------------------------------- contract rules


@functools.lru_cache(maxsize=4096)
def _glob(pattern: str) -> tuple[re.Pattern[str], int] | None:
    """A contract pattern as a regex over normalised titles, with its specificity."""
    normal = normalise_title(pattern, keep_stars=True)
    normal = re.sub(r"\*+", "*", normal)
    if not normal.replace("*", "").strip():
        return None  # "" or "*" alone would place every title: ignored
    regex = ".*".join(re.escape(piece) for piece in normal.split("*"))
    return re.compile(regex), len(normal.replace("*", ""))


def _contract_rule(normal: str, rules: Mapping[str, Sequence[str]]) -> tuple[Seniority, str] | None:
    best: tuple[int, int, Seniority, str] | None = None
    for level, patterns in rules.items():
        if level not in _RANK:
            raise ValueError(
                f"[sal.titles] key {level!r} is not a seniority; "
                f"expected one of {', '.join(SENIORITIES)}"
            )
        if isinstance(patterns, str):
            raise TypeError(f"[sal.titles].{level} must be a list of patterns, not a string")
        for pattern in patterns:
            compiled = _glob(pattern)
            if compiled is None or compiled[0].fullmatch(normal) is None:
                continue
            # Most literal characters first; on a tie the lower level.
            candidate = (compiled[1], -_RANK[level], cast(Seniority, level), pattern)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return None if best is None else (best[2], best[3])


# ---------------------------------------------------------------- built-in rules


@dataclass(frozen=True)
class _Rule:
    seniority: Seniority
    pattern: re.Pattern[str]
    implies: Function | None = None  # a function the rank word itself names
    general: bool = False  # general management: function executive by default
    note: str = ""  # why, when the word alone would mislead


def _rule(
    seniority: Seniority,
    regex: str,
    implies: Function | None = None,
    *,
    general: bool = False,
    note: str = "",
) -> _Rule:
    return _Rule(seniority, re.compile(regex), implies, general, note)


_SUB = r"(?:(?:assistant|asst|associate|assoc|deputy) |sub ?)"
_DIRECTOR = r"(?:directors?|directoras?|directores|diretor|diretora|directeur|directrice|dir)"
_MANAGER = (
    r"(?:managers?|mgr|mngr|gerente|gerenta|jefe|jefa|supervisor|supervisora|superviseur"
    r"|responsable|encargad[oa])"
)
_VP = r"(?:[se]?vp|vice ?president[ea]?)"
_GM = r"(?:general manager|gerente general|gerente geral|gm)"
_DG = (
    r"(?:director[a]? general|diretor[a]? geral|directeur general|directrice generale"
    r"|general director)"
)

# Checked in this order, and the first rule that matches a role decides it:
# false friends, then lowered ranks (so "Deputy CEO" is not read as "CEO"),
# then the ladder from the top down (so "SVP, Director of Sales" is vp).
_RULES: tuple[_Rule, ...] = (
    # False friends: the words say a rank, the job is another.
    _rule("ic", r"\bdirector of first impressions\b", note="a receptionist"),
    _rule("ic", r"\bexecutive assistant\b|\basistente ejecutiv[oa]\b", note="an assistant"),
    _rule(
        "ic",
        r"\b(?:account|sales) executive\b|\bejecutiv[oa]s? (?:de )?(?:cuentas?|ventas|comercial)\b",
        "sales",
        note="a sales role, not an executive",
    ),
    _rule(
        "ic",
        r"\b(?:key )?account manager\b|\bkam\b|\bgerente de cuentas?\b",
        "sales",
        note="manages a customer account, not people",
    ),
    _rule("ic", r"\bproduct owner\b", "product", note="a product role, not an owner"),
    # Lowered ranks: one level below the rank they qualify.
    _rule(
        "vp",
        rf"\b{_SUB}(?:ceo|chief executive|president[ea]?|{_DG})\b"
        rf"|\b(?:ceo|president[ea]?|{_DG}) adjunt[oa]\b",
        general=True,
        note="one level below c_level",
    ),
    _rule(
        "director",
        rf"\bavp\b|\b{_SUB}{_VP}\b|\b{_VP} adjunt[oa]\b",
        note="one level below vp",
    ),
    _rule(
        "director",
        rf"\b{_SUB}(?:{_GM}|managing director)\b|\b{_GM} adjunt[oa]\b",
        general=True,
        note="one level below vp",
    ),
    _rule(
        "manager",
        rf"\b{_SUB}(?:{_DIRECTOR}|head|treasurer|treas|tesorer[oa])\b"
        r"|\b(?:director[a]?|diretor[a]?) adjunt[oa]\b",
        note="one level below director",
    ),
    _rule(
        "manager",
        rf"\b{_SUB}{_MANAGER}\b|\b(?:gerente|jefe|jefa) adjunt[oa]\b",
        note="an assistant manager still manages people",
    ),
    # c_level
    _rule("c_level", r"\bceo\b|\bchief executive\b|\bpdg\b", "executive"),
    _rule("c_level", r"\bcfo\b", "finance"),
    _rule("c_level", r"\bcoo\b", "operations"),
    _rule("c_level", r"\bcmo\b|\bcgo\b", "marketing"),
    _rule("c_level", r"\bcto\b|\bcio\b|\bciso\b", "it"),
    _rule("c_level", r"\bcro\b", "sales"),
    _rule("c_level", r"\bchro\b", "hr"),
    _rule("c_level", r"\bclo\b", "legal"),
    _rule("c_level", r"\b(?:cpo|cso|cdo|cco|cao|cxo)\b"),
    _rule("c_level", r"\bchief\b(?! of staff\b)"),
    _rule("c_level", rf"\b{_DG}\b", general=True),
    _rule("c_level", r"\b(?<!vice )president[ea]?\b|\bpres\b", general=True),
    _rule(
        "c_level",
        r"\bchair(?:man|woman|person|men)\b|^(?:vice |co )?chair$|\bchair of the board\b"
        r"|\bboard chair\b|\bcob\b",
        general=True,
    ),
    _rule(
        "c_level",
        r"\b(?:co ?)?founder\b|\b(?:co ?)?fundador[a]?\b|\bfondat(?:eur|rice)\b",
        general=True,
    ),
    _rule("c_level", r"^(?:co ?)?owner\b|\bpropietari[oa]\b|\bduen[oa]\b", general=True),
    _rule(
        "c_level",
        r"\b(?:managing|founding) partner\b|\bsocio (?:director|fundador|gerente)\b",
        general=True,
    ),
    # vp
    _rule("vp", rf"\b{_VP}\b"),
    _rule("vp", rf"\b{_GM}\b", general=True),
    _rule("vp", r"\bmanaging director\b|\bdirector[a]? gerente\b", general=True),
    _rule("vp", r"\bgeneral counsel\b", "legal"),
    _rule("vp", r"\bdean\b"),
    # director
    _rule("director", r"\bchief of staff\b", note="an adviser to an executive, not an officer"),
    _rule(
        "director",
        r"\bcountry (?:manager|mgr|head|lead|director|gerente)\b|\bgerente (?:de )?pais\b",
        general=True,
    ),
    _rule("director", rf"\b{_DIRECTOR}\b"),
    _rule("director", r"\bhead(?: of)?\b"),
    _rule("director", r"\b(?:treasurer|treas|tesorer[oa])\b", "finance"),
    # manager
    _rule("manager", rf"\b{_MANAGER}\b"),
    _rule("manager", r"\b(?:lead|leader|lider)$|\bleader\b|\blider\b|\bteam lead\b"),
    # ic
    _rule(
        "ic",
        r"\b(?:specialists?|especialistas?|analysts?|analistas?|coordinators?|coordinador[a]?"
        r"|coordenador[a]?|representatives?|reps?|representantes?|associates?|engineers?"
        r"|ingenier[oa]s?|engenheir[oa]s?|developers?|desarrollador[a]?|programmers?"
        r"|programador[a]?|consultants?|consultor[a]?|assistants?|asst|asistentes?|assistentes?"
        r"|auxiliar|accountants?|contador[a]?|buyers?|comprador[a]?|planners?|planificador[a]?"
        r"|designers?|disenador[a]?|strategists?|estrategas?|advisors?|advisers?|asesor[a]?"
        r"|agents?|agentes?|clerks?|interns?|practicantes?|pasantes?|becari[oa]s?|trainees?"
        r"|technicians?|tecnic[oa]s?|scientists?|architects?|arquitect[oa]s?|administrators?"
        r"|sdr|bdr|recruiters?|writers?|copywriters?|redactor[a]?|producers?|productor[a]?"
        r"|vendedor[a]?|salesperson|salesman|saleswoman|marketers?|testers?|operators?"
        r"|operador[a]?|receptionists?|recepcionista)\b",
    ),
    _rule("ic", r"\b[a-z]+ executive\b|\bejecutiv[oa]s? [a-z]+", note="a job, not a rank"),
)

# Words that say a role but not its level: the role stays unclassified even if
# a weaker word ("assistant") is present.
_AMBIGUOUS = re.compile(
    r"^(?:(?:assistant|asst|asistente) )?"
    r"(?:secretary|secretaria|secretario|sec|secr|secre|officer|ofc|oficial)$"
)

# "Assistant to the CEO" is an assistant; "Director, Office of the President" a director.
_TO_SOMEONE = re.compile(
    r"\b(assistant|asst|asistente|assistente|secretary|secretari[oa]|auxiliar|aide|advisor"
    r"|adviser|asesor[a]?) (?:to|of|for|de|del|da|do|al|a)\b.*$"
)
_OFFICE_OF = re.compile(r"\b(?:office of|oficina de|reporting to|reports to)\b.*$")

_OFFICER_LETTERS = {"p": "president", "s": "secretary", "t": "treasurer", "d": "director"}

# ---------------------------------------------------------------- functions


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


_FUNCTION_WORDS: tuple[tuple[Function, re.Pattern[str]], ...] = (
    (
        "marketing",
        _words(
            r"marketing",
            r"mkt",
            r"mktg",
            r"mkting",
            r"mercadeo",
            r"mercadotecnia",
            r"demand gen(?:eration)?",
            r"lead gen(?:eration)?",
            r"growth",
            r"brands?",
            r"branding",
            r"marcas?",
            r"communications?",
            r"comms",
            r"comunicacion(?:es)?",
            r"comunicacao",
            r"public relations",
            r"pr",
            r"relaciones publicas",
            r"media",
            r"medio[sa]",
            r"midia",
            r"advertising",
            r"publicidad",
            r"content",
            r"contenidos?",
            r"seo",
            r"sem",
            r"social media",
            r"redes sociales",
            r"campaigns?",
            r"abm",
            r"account based marketing",
            r"events?",
            r"eventos?",
            r"trade",
            r"creative",
            r"creativ[oa]",
            r"insights",
            r"product marketing",
        ),
    ),
    (
        "sales",
        _words(
            r"sales",
            r"selling",
            r"ventas?",
            r"vendas",
            r"comercial(?:es)?",
            r"commercial",
            r"accounts?",
            r"cuentas?",
            r"key accounts?",
            r"business development",
            r"biz ?dev",
            r"desarrollo de negocios",
            r"new business",
            r"nuevos negocios",
            r"revenue",
            r"e ?commerce",
            r"inside sales",
            r"sdr",
            r"bdr",
            r"partnerships?",
            r"alliances?",
            r"alianzas?",
        ),
    ),
    (
        "it",
        _words(
            r"it",
            r"ti",
            r"information(?: technology| systems| security)?",
            r"technology",
            r"tecnologias?",
            r"systems",
            r"sistemas",
            r"infrastructure",
            r"infraestructura",
            r"networks?",
            r"cyber ?security",
            r"help ?desk",
            r"service desk",
        ),
    ),
    (
        "finance",
        _words(
            r"finance",
            r"financial",
            r"finanzas",
            r"financier[oa]",
            r"financeir[oa]",
            r"accounting",
            r"accountants?",
            r"accounts payable",
            r"accounts receivable",
            r"contabilidad",
            r"contador[a]?",
            r"controller",
            r"comptroller",
            r"controlling",
            r"treasury",
            r"treasurer",
            r"treas",
            r"tesorer[oa]",
            r"tesoreria",
            r"tax",
            r"impuestos",
            r"audit(?:or|ing)?",
            r"auditori[a]",
            r"fp and a",
            r"billing",
            r"facturacion",
            r"payroll",
            r"credit",
            r"credito",
            r"cobranzas?",
            r"investor relations",
        ),
    ),
    (
        "operations",
        _words(
            r"operations?",
            r"operating",
            r"ops",
            r"operaciones",
            r"operacoes",
            r"logistics",
            r"logistica",
            r"supply chain",
            r"cadena de suministro",
            r"warehouse",
            r"almacen",
            r"facilities",
            r"production",
            r"produccion",
            r"producao",
            r"manufacturing",
            r"manufactura",
            r"plant",
            r"planta",
            r"fulfill?ment",
            r"distribution",
            r"distribucion",
            r"quality",
            r"calidad",
            r"maintenance",
            r"mantenimiento",
        ),
    ),
    (
        "hr",
        _words(
            r"hr",
            r"human resources",
            r"recursos humanos",
            r"rrhh",
            r"rh",
            r"people(?: operations| and culture| partner| officer| team)",
            r"talent",
            r"talento",
            r"recruit(?:ing|ment|er)",
            r"reclutamiento",
            r"learning and development",
            r"training",
            r"capacitacion",
            r"compensation",
            r"benefits",
            r"personnel",
        ),
    ),
    (
        "legal",
        _words(
            r"legal",
            r"counsel",
            r"attorney",
            r"lawyer",
            r"abogad[oa]",
            r"juridic[oa]",
            r"paralegal",
            r"compliance",
            r"cumplimiento",
            r"contracts",
            r"regulatory",
            r"privacy",
        ),
    ),
    ("product", _words(r"products?", r"productos?", r"produtos?", r"product management")),
    (
        "engineering",
        _words(
            r"engineering",
            r"engineers?",
            r"ingenieria",
            r"ingenier[oa]",
            r"engenharia",
            r"engenheir[oa]",
            r"software",
            r"developers?",
            r"desarrollador[a]?",
            r"devops",
            r"programmers?",
            r"programador[a]?",
        ),
    ),
    (
        "customer_success",
        _words(
            r"customer (?:success|service|services|support|care|experience)",
            r"client (?:services|success)",
            r"atencion al cliente",
            r"servicio al cliente",
            r"experiencia (?:del )?cliente",
            r"support",
            r"soporte",
            r"onboarding",
            r"implementation",
        ),
    ),
    (
        "procurement",
        _words(
            r"procurement",
            r"purchasing",
            r"purchases?",
            r"buyers?",
            r"buying",
            r"compras",
            r"comprador[a]?",
            r"sourcing",
            r"abastecimiento",
            r"adquisiciones",
            r"vendors?",
            r"suppliers?",
            r"proveedores",
        ),
    ),
    ("executive", _words(r"general management", r"direccion general", r"gerencia general")),
    (
        "other",
        _words(
            r"pharmacy",
            r"pharmacies",
            r"farmacias?",
            r"medical",
            r"medic[oa]",
            r"clinical",
            r"research",
            r"investigacion",
            r"education",
            r"educacion",
            r"academic",
            r"teachers?",
            r"professor",
            r"profesor[a]?",
            r"nurs(?:e|es|ing)",
            r"scientists?",
            r"science",
            r"r and d",
            r"laboratory",
            r"laboratorio",
        ),
    ),
)

# Used only when no other function word is present.
_WEAK_FUNCTION_WORDS: tuple[tuple[Function, re.Pattern[str]], ...] = (
    ("operations", _words(r"administration", r"administrative", r"admin", r"administracion")),
)


def _first_function(
    text: str, table: tuple[tuple[Function, re.Pattern[str]], ...]
) -> Function | None:
    """The function whose word starts first; at the same place the longer phrase wins."""
    best: tuple[int, int, Function] | None = None
    for function, pattern in table:
        match = pattern.search(text)
        if match is None:
            continue
        candidate = (match.start(), match.start() - match.end(), function)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return None if best is None else best[2]


def _function_words(text: str) -> Function | None:
    return _first_function(text, _FUNCTION_WORDS) or _first_function(text, _WEAK_FUNCTION_WORDS)


# ---------------------------------------------------------------- classifying


@dataclass(frozen=True)
class _Hit:
    rule: _Rule
    role: str
    matched: str


def _roles(normal: str) -> list[str]:
    roles = [role for role in normal.split(" / ") if role]
    if len(roles) > 1:
        roles = [_OFFICER_LETTERS.get(role, role) for role in roles]
    return roles


def _rank_role(role: str) -> _Hit | None:
    if _AMBIGUOUS.match(role):
        return None
    stripped = _OFFICE_OF.sub("", _TO_SOMEONE.sub(r"\1", role)).strip()
    for rule in _RULES:
        match = rule.pattern.search(stripped)
        if match:
            return _Hit(rule, role, match.group())
    return None


def _describe(hit: _Hit) -> str:
    text = f'keyword "{hit.matched}"'
    return f"{text} ({hit.rule.note})" if hit.rule.note else text


@functools.lru_cache(maxsize=65536)
def _builtin(normal: str) -> TitleClass:
    roles = _roles(normal)
    best: _Hit | None = None
    for role in roles:
        hit = _rank_role(role)
        if hit is not None and (
            best is None or _RANK[hit.rule.seniority] > _RANK[best.rule.seniority]
        ):
            best = hit
    everything = " / ".join(roles)
    if best is None:
        return TitleClass(None, _function_words(everything), UNCLASSIFIED)
    function = (
        best.rule.implies
        or _first_function(best.role, _FUNCTION_WORDS)
        or ("executive" if best.rule.general else None)
        or _function_words(everything)
    )
    return TitleClass(best.rule.seniority, function, _describe(best))


def classify(title: str, rules: Mapping[str, Sequence[str]] | None = None) -> TitleClass:
    """Seniority and function of one job title; `rules` is the contract's `[sal.titles]`.

    The contract's rules decide the seniority when one matches; the function
    still comes from the title's words, since the rules only speak of level.
    """
    normal = normalise_title(title)
    if not normal:
        return TitleClass(None, None, UNCLASSIFIED)
    builtin = _builtin(normal)
    if rules:
        ruled = _contract_rule(normal, rules)
        if ruled is not None:
            level, pattern = ruled
            return TitleClass(level, builtin.function, f'contract rule {level}: "{pattern}"')
    return builtin
