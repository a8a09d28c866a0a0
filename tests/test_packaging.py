"""The wheel must carry all three packages, their .tcss files and the sample.

Build backends silently drop extra top-level packages unless told, so this
builds a real wheel and looks inside it.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _build_wheel(out: Path) -> Path:
    command = [sys.executable, "-m", "build", "--wheel", "--no-isolation"]
    subprocess.run(
        [*command, "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheels = list(out.glob("slatui-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_contains_all_packages_and_styles(tmp_path: Path) -> None:
    names = set(zipfile.ZipFile(_build_wheel(tmp_path)).namelist())
    for package in ("slatui", "screens", "store"):
        assert f"{package}/__init__.py" in names, f"{package}/ missing from the wheel"
    for source in ROOT.glob("*/**/*.tcss"):
        relative = source.relative_to(ROOT).as_posix()
        assert relative in names, f"{relative} missing from the wheel"
    assert "slatui-0.1.0.data/data/share/slatui/sample.toml" in names
    # nothing but packages at the top: a stray slatui/ data folder in an
    # editable install would shadow the package (it did, once)
    assert not [n for n in names if n.startswith("slatui/") and n.endswith(".toml")]
    assert "slatui/cli/main.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert entry_points


def test_console_script_declared(tmp_path: Path) -> None:
    wheel = zipfile.ZipFile(_build_wheel(tmp_path))
    entry = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    assert "slatui = slatui.cli.main:main" in wheel.read(entry).decode()


def test_editable_wheel_does_not_shadow_the_packages(tmp_path: Path) -> None:
    # An editable install that puts any file under site-packages/slatui/ makes
    # that folder a namespace package hiding the real one (`No module named
    # slatui.cli` on a fresh clone). The editable wheel must carry only the
    # redirector (.pth/.py) and metadata.
    import os

    from hatchling.build import build_editable

    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        name = build_editable(str(tmp_path))
    finally:
        os.chdir(cwd)
    names = zipfile.ZipFile(tmp_path / name).namelist()
    shadows = [n for n in names if n.split("/")[0] in ("slatui", "screens", "store")]
    assert shadows == []
