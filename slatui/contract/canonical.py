"""The one canonical TOML form of a contract, and the digest signatures bind to.

Export writes only what differs from the defaults, in model order, so the same
agreement always produces the same bytes: that is what makes
export -> import -> export byte-identical and a digest meaningful.
"""

from __future__ import annotations

import hashlib
from typing import Any

import tomli_w

from slatui.contract.model import Contract

HEADER = "# slatui contract, format 1. Signatures are written by slatui; edit them and they no longer match.\n"


def to_data(contract: Contract) -> dict[str, Any]:
    """The contract as plain TOML-ready values, defaults left out."""
    data = contract.model_dump(mode="python", exclude_defaults=True, exclude_none=True)
    data["format"] = contract.format
    return _ordered(data)


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """Put `format` first, the rest in model order."""
    return {"format": data.pop("format"), **data}


def to_toml(contract: Contract) -> str:
    """Canonical TOML text of the whole contract, signatures included."""
    return HEADER + tomli_w.dumps(to_data(contract))


def content_toml(contract: Contract) -> str:
    """Canonical TOML of what is signed: everything but the signatures."""
    return tomli_w.dumps(to_data(contract.model_copy(update={"signoffs": []})))


def digest(contract: Contract) -> str:
    """`sha256:<hex>` of the canonical content; any change makes signatures stale."""
    return "sha256:" + hashlib.sha256(content_toml(contract).encode("utf-8")).hexdigest()


def signature_valid(contract: Contract, party: str) -> bool:
    """True when `party` signed exactly this content."""
    current = digest(contract)
    return any(s.party == party and s.digest == current for s in contract.signoffs)
