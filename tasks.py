#!/usr/bin/env python3
"""The two quick-start commands: `python3 tasks.py demo` and `python3 tasks.py test`.

Each one sets everything up first (a .venv beside this file with the pinned
dependencies), so a fresh machine with only Python 3.11+ needs nothing else.
Only the standard library is used here, on purpose.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".slatui-installed"
DEMO_DB = ROOT / ".demo" / "workspace.db"


def main(argv: list[str]) -> int:
    """Dispatch `demo` or `test`; anything after `test` goes to pytest."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs before the venv exists
        print("slatui needs Python 3.11 or newer", file=sys.stderr)
        return 2
    if not argv or argv[0] not in ("demo", "test", "setup"):
        print(__doc__)
        return 2
    setup()
    if argv[0] == "demo":
        return demo(argv[1:])
    if argv[0] == "test":
        return test(argv[1:])
    return 0


def setup() -> None:
    """Create .venv and install slatui with its dev extras, once per pyproject change."""
    if not PYTHON.exists():
        print("setting up .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]"])
    STAMP.write_text(wanted)


def demo(extra: list[str]) -> int:
    """A fresh demo workspace (sample.toml and a generated pilot), then the workbench on it.

    `slatui demo --force` replaces the previous demo workspace and opens the
    workbench only when there is a terminal; without one (a pipe, CI) it
    prints what it built and stops. Extra arguments go to `slatui demo`
    (`--seed 7`, `--no-open`).
    """
    return call([str(BIN / "slatui"), "demo", "--db", str(DEMO_DB), "--force", *extra])


def test(extra: list[str]) -> int:
    """Lint, type-check and run the whole test suite; the first failure fails it."""
    steps = [
        [str(PYTHON), "-m", "ruff", "check", "."],
        [str(PYTHON), "-m", "ruff", "format", "--check", "."],
        [str(PYTHON), "-m", "mypy"],
        [str(PYTHON), "-m", "pytest", *extra],
    ]
    for step in steps:
        print(
            "$",
            " ".join(Path(step[0]).name if i == 0 else s for i, s in enumerate(step)),
            flush=True,
        )
        code = call(step)
        if code:
            print(f"FAILED: {' '.join(step[2:])} exited {code}", file=sys.stderr)
            return code
    return 0


def run(cmd: list[str]) -> None:
    """Run a setup step; stop with its exit code if it fails."""
    code = call(cmd)
    if code:
        sys.exit(code)


def call(cmd: list[str]) -> int:
    """Run a command in the repo root with the venv first on PATH."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    env.pop("TEXTUAL_THEME", None)
    return subprocess.call(cmd, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
