"""Placeholder wiring, replaced by the module's owner."""

from typing import Any


def register(sub: Any) -> None:
    """Nothing yet."""
