"""Where the seed agreement lives: inside the wheel, or at the repo root in a checkout."""

from __future__ import annotations

from pathlib import Path


def sample_path() -> Path:
    """Path of sample.toml (packaged copy first, then the source checkout's)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "sample.toml", here.parent / "sample.toml"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("sample.toml is missing from this installation")
