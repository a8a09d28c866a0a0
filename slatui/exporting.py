"""Writing a contract out: the text in a format, and a file written atomically.

Shared by `slatui contract export` and the workbench's export modal, so both
write exactly the same bytes and neither can leave a half-written file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from slatui.contract.canonical import to_toml
from slatui.contract.model import Contract

FORMATS = ("toml", "md")


class ExportFailed(OSError):
    """The file could not be written; the message names the path and the reason."""


def export_text(contract: Contract, fmt: str, *, number: int | None, status: str | None) -> str:
    """The contract as canonical TOML or as the Markdown contract."""
    if fmt == "toml":
        return to_toml(contract)
    if fmt == "md":
        from slatui.markdown import to_markdown

        return to_markdown(contract, version=number, status=status)
    raise ValueError(f'unknown format "{fmt}"; use one of {", ".join(FORMATS)}')


def write_atomically(path: Path, text: str) -> int:
    """Write via a temporary file in the same directory and rename; the byte count.

    A symlink is followed (its target is replaced, the link kept), an existing
    file keeps its permissions, and anything that is not a regular file (a
    device, a folder) is refused rather than replaced by the rename.
    """
    data = text.encode("utf-8")
    if not str(path).strip() or str(path) == "-":
        raise ExportFailed(f"cannot write {str(path)!r}: name a file")
    path = path.resolve() if path.is_symlink() else path
    mode = None
    if path.exists():
        if not path.is_file():
            raise ExportFailed(f"cannot write {path}: it is not a regular file")
        mode = path.stat().st_mode & 0o7777
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ExportFailed(f"cannot write {path}: {exc.strerror}") from None
    return len(data)
