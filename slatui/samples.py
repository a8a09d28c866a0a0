"""Where the seed agreement lives: the source checkout, or the installed data.

A wheel installs sample.toml as data under `{prefix}/share/slatui/`; a
checkout (and an editable install) has it at the repository root.
"""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path


def sample_path() -> Path:
    """Path of sample.toml (the checkout's first, then the installed copy)."""
    here = Path(__file__).resolve().parent
    candidates = [
        here.parent / "sample.toml",
        Path(sysconfig.get_path("data")) / "share" / "slatui" / "sample.toml",
        Path(sys.prefix) / "share" / "slatui" / "sample.toml",
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("sample.toml is missing from this installation")
