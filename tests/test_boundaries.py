"""Domain and store code must work without Textual (DESIGN §2).

Run in a fresh interpreter, because this test process may already have
imported Textual for the UI tests.
"""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "slatui.contract",
    "slatui.duration",
    "slatui.clock",
    "slatui.workcal",
    "slatui.lint",
    "slatui.markdown",
    "slatui.contract.diff",
    "store",
    "slatui.cli.main",
]


def test_domain_and_store_do_not_load_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'screens'))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
