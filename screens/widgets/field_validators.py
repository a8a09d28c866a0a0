"""Validation as you type: the same parsers the contract uses, as Textual validators.

The input turns red with the reason while the text cannot be a value; the
edit itself is still validated against the whole contract when accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.validation import ValidationResult, Validator

from slatui.duration import Duration, DurationError

if TYPE_CHECKING:
    from slatui.editing.fields import FieldSpec


class DurationValidator(Validator):
    """A duration must carry a unit: "24bh", not "24"."""

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            Duration.parse(value)
        except DurationError as exc:
            return self.failure(str(exc))
        return self.success()


class SpecValidator(Validator):
    """Numbers, shares and dates as the editor will read them."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__()
        self.spec = spec

    def validate(self, value: str) -> ValidationResult:
        from slatui.editing.values import EditError, parse

        try:
            parse(self.spec, value)
        except EditError as exc:
            return self.failure(str(exc))
        return self.success()


def validators_for(spec: FieldSpec) -> list[Validator]:
    """What an input of this kind checks while the person types."""
    if spec.kind == "duration":
        return [DurationValidator()]
    if spec.kind in ("number", "share", "date"):
        return [SpecValidator(spec)]
    return []
