"""What CRM picklist values mean for the pilot: deal stages, lead statuses, task types.

These are the only places a preset reads meaning from free text, so each
list is explicit and small, in the languages the real exports use (English,
Spanish, French; Portuguese and German for the standard Salesforce
translations). Values are compared *folded*: accents stripped, case folded,
punctuation as spaces (`Fermée gagnée` = `fermee gagnee`, `Closed - Won` =
`closed won`), and HubSpot's internal `closedwon` reads like `Closed Won`.

A value in none of the lists is never guessed into one: an unknown deal
stage is an open stage (no close event; when the export has `IsWon` /
`IsClosed` those decide instead), an unknown lead status is not a hand-off,
an unknown task type is not a sales touch.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")


def fold(text: str) -> str:
    """Accents stripped, case folded, runs of punctuation and space as one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _NOT_WORD.sub(" ", plain).strip()


# ---------------------------------------------------------------- deal stages

Outcome = Literal["won", "lost"]

_WON = frozenset(
    {
        "closed won",
        "won",
        "cerrada ganada",
        "cerrado ganado",
        "ganada",
        "ganado",
        "fermee gagnee",
        "ferme gagne",
        "gagnee",
        "gagne",
        "fechado ganho",
        "fechada ganha",
        "ganho",
        "geschlossen und gewonnen",
        "gewonnen",
    }
)
_LOST = frozenset(
    {
        "closed lost",
        "lost",
        "cerrada perdida",
        "cerrado perdido",
        "perdida",
        "perdido",
        "fermee perdue",
        "ferme perdu",
        "perdue",
        "perdu",
        "fechado perdido",
        "fechada perdida",
        "geschlossen und verloren",
        "verloren",
    }
)
_WON_JOINED = frozenset(w.replace(" ", "") for w in _WON)
_LOST_JOINED = frozenset(w.replace(" ", "") for w in _LOST)


def stage_outcome(stage: str) -> Outcome | None:
    """`won` / `lost` for a closing stage name, None for any other (open) stage.

    A trailing parenthesis is a HubSpot pipeline name: `Closed Won (Sales
    Pipeline)` is `Closed Won`.
    """
    words = fold(_PARENTHESIS.sub("", stage))
    joined = words.replace(" ", "")
    if words in _WON or joined in _WON_JOINED:
        return "won"
    if words in _LOST or joined in _LOST_JOINED:
        return "lost"
    return None


# ---------------------------------------------------------------- lead statuses

LeadState = Literal["handed_off", "rejected", "not_handed_off"]


def _any(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


_REJECTED = _any(
    "not converted",
    "unqualified",
    "disqualified",
    "rejected",
    "recycled",
    "junk",
    "bad timing",
    "no convertido",
    "no calificado",
    "descalificado",
    "rechazado",
    "non converti",
    "disqualifie",
    "rejete",
)
_NOT_YET = _any(
    "new", "open", "not contacted", "nurturing", "nurture", "raw", "inquiry", "nuevo", "abierto"
)
_HANDED_OFF = _any(
    "working",
    "contacted",
    "attempting",
    "attempted",
    "qualified",
    "converted",
    "accepted",
    "mql",
    "sal",
    "sql",
    "trabajando",
    "contactado",
    "calificado",
    "cualificado",
    "convertido",
    "aceptado",
    "en cours",
    "qualifie",
    "converti",
    "accepte",
)


def lead_state(status: str) -> LeadState:
    """Where a lead status puts the lead in the hand-off.

    Checked in this order, because the phrases nest: rejected (`Closed - Not
    Converted`, `Unqualified`, `Disqualified`, `Rejected`, `Recycled`, `Bad
    Timing`), then not yet handed off (`New`, `Open - Not Contacted`,
    `Nurturing`), then handed off (`Working - Contacted`, `Qualified`,
    `Closed - Converted`, `MQL`, `SAL`, `Accepted`). Anything else is not a
    hand-off: a status slatui does not know is never read as one.
    """
    words = fold(status)
    if _REJECTED.search(words):
        return "rejected"
    if _NOT_YET.search(words):
        return "not_handed_off"
    if _HANDED_OFF.search(words):
        return "handed_off"
    return "not_handed_off"


# ---------------------------------------------------------------- activities

TouchKind = Literal["call", "sales_email", "meeting", "outbound_outreach", "none", "unknown"]

_TOUCHES: dict[str, TouchKind] = {
    "call": "call",
    "phone call": "call",
    "llamada": "call",
    "appel": "call",
    "anruf": "call",
    "ligacao": "call",
    "chamada": "call",
    "email": "sales_email",
    "e mail": "sales_email",
    "correo": "sales_email",
    "correo electronico": "sales_email",
    "meeting": "meeting",
    "reunion": "meeting",
    "reuniao": "meeting",
    "besprechung": "meeting",
    "rendez vous": "meeting",
    "linkedin": "outbound_outreach",
}
_NOT_TOUCHES = frozenset(
    {
        "task",
        "other",
        "to do",
        "todo",
        "prep",
        "send letter",
        "send quote",
        "send letter quote",
        "listemail",
        "list email",
        "otro",
        "otra",
        "autre",
        "tarea",
        "tache",
    }
)


def touch_kind(value: str) -> TouchKind:
    """What an activity type or subtype says the activity was.

    `Call` / `Llamada` / `Appel` is a call, `Email` a sales e-mail, `Meeting` /
    `Reunión` a meeting, `LinkedIn` outbound outreach; `Task`, `Other`, `To
    Do` and a list e-mail (a bulk send, not a follow-up) are not sales
    touches; `Cadence` and any other value say nothing (`unknown`).
    """
    words = fold(value)
    if words in _TOUCHES:
        return _TOUCHES[words]
    if words in _NOT_TOUCHES:
        return "none"
    return "unknown"
