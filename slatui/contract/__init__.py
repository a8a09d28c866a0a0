"""The contract: model, loading with precise errors, canonical TOML and digest."""

from slatui.contract.canonical import digest, to_toml
from slatui.contract.errors import ContractInvalid, Problem
from slatui.contract.load import load_file, loads
from slatui.contract.model import Contract

__all__ = ["Contract", "ContractInvalid", "Problem", "digest", "load_file", "loads", "to_toml"]
