"""Paths shared by the importing tests."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
"""Small files written for these tests: no personal data."""

REALDATA = Path(__file__).resolve().parents[2].parent / "shared" / "realdata"
"""Real exports (../shared/realdata from the repository); tests skip when it is absent."""
