"""The contract functions the store needs, imported on first use.

Opening a workspace must not wait for the pydantic models to be built: the
workbench's first frame comes before any version is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slatui.contract.model import Contract


def to_toml(contract: Contract) -> str:
    """Canonical TOML, as stored."""
    from slatui.contract.canonical import to_toml as canonical

    return canonical(contract)


def digest(contract: Contract) -> str:
    """The content digest signatures bind to."""
    from slatui.contract.canonical import digest as content_digest

    return content_digest(contract)


def loads(text: str) -> Contract:
    """Stored text back into a contract."""
    from slatui.contract.load import loads as load_text

    return load_text(text)
