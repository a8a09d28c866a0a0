"""Adopting a pilot baseline: the number goes into the commitment with its evidence.

The guide says to run a pilot and set the numbers from it. Adopting writes the
chosen target into one commitment, makes it binding (`directional` cleared)
and records where the number came from, so the signed contract shows the
evidence next to the promise. It goes through the editor's own validation
(`edits.validate`), so an adopted number can never be one that
`slatui contract check` or the Draft screen would refuse.
"""

from __future__ import annotations

import difflib
from typing import Any

from slatui.contract.canonical import to_data
from slatui.contract.model import Baseline, Commitment, Contract
from slatui.editing.edits import validate
from slatui.editing.values import EditError, display
from slatui.markdown.words import join

TARGET_KEYS: dict[str, tuple[str, ...]] = {
    "count": ("min", "max", "share"),
    "response": ("within", "on_time", "warn_before"),
    "cadence": ("min",),
    "rate": ("min", "within"),
    "coverage": ("min",),
    "track": (),
}
"""The keys a baseline may set, per measure: the figures a pilot can calibrate."""


def adopt(
    contract: Contract, ident: str, values: dict[str, object], baseline: Baseline
) -> Contract:
    """The contract with commitment `ident` set to `values`, binding, and its baseline recorded.

    A value of None removes that key. Keys outside the measure's targets are
    refused, and so is a value the model refuses; when the refusal is about a
    key that was not adopted (a `max` left below a new `min`), the message
    says to give that key too, because adopting never changes what it was
    not told to. Raises EditError (a ValueError) naming the key.
    """
    index = _index(contract, ident)
    _check_keys(contract.commitments[index], values)
    data = to_data(contract)
    clause: dict[str, Any] = data["commitments"][index]
    for key, value in values.items():
        if value is None:
            clause.pop(key, None)
        else:
            clause[key] = value
    clause.pop("directional", None)
    clause["baseline"] = baseline.model_dump(mode="python")
    path = f"commitments[{index}]"
    try:
        return validate(data, path)
    except EditError as exc:
        raise _refusal(contract.commitments[index], values, path, exc) from None


def _index(contract: Contract, ident: str) -> int:
    """Position of the commitment, or an error that suggests the closest id."""
    ids = [c.id for c in contract.commitments]
    if ident in ids:
        return ids.index(ident)
    close = difflib.get_close_matches(ident, ids, n=1)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    raise EditError(f'there is no commitment "{ident}"{hint}')


def _check_keys(commitment: Commitment, values: dict[str, object]) -> None:
    """Only the measure's targets: a baseline calibrates a number, not the clause's terms."""
    allowed = TARGET_KEYS[commitment.measure]
    if not allowed:
        raise EditError(
            f'commitment "{commitment.id}" is a {commitment.measure}: it has no target '
            "to set from a baseline"
        )
    if not values:
        raise EditError(f"no value to adopt; give at least one of {join(allowed, 'or')}")
    wrong = [key for key in values if key not in allowed]
    if wrong:
        raise EditError(
            f"{join(wrong)} cannot be set from a baseline of a {commitment.measure} "
            f"commitment; its targets are {join(allowed)}"
        )


def _refusal(
    commitment: Commitment, values: dict[str, object], path: str, exc: EditError
) -> EditError:
    """The model's refusal, saying what was adopted and which other key stood in the way."""
    adopted = ", ".join(f"{key} = {display(value)}" for key, value in values.items())
    message = f'cannot adopt {adopted} into commitment "{commitment.id}": {exc}'
    key = exc.path.removeprefix(f"{path}.").split(".", 1)[0]
    if exc.path.startswith(f"{path}.") and key not in values:
        current = display(getattr(commitment, key, None)) or "unset"
        message += (
            f"; {key} is not among the adopted values, so it stays {current}: "
            f"give {key} too to change it"
        )
    return EditError(message, exc.path)
