"""Completing a file path as it is typed: the rest of the first matching name in its folder.

An export lands in Downloads with a name nobody types twice
(`report1730811234567.csv`), so the file field completes names like a
shell does: → takes the suggestion, folders end in `/` so completion can go
on into them. The folder is listed in a thread, so a slow disk never stalls
typing; hidden entries are offered only once a `.` is typed.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from textual.suggester import Suggester


def complete_path(value: str, base: Path | None = None) -> str | None:
    """`value` completed to the first entry of its folder that starts with its last part.

    Relative paths start in `base` (default: the current directory); `~` is
    the home folder. None when nothing matches or the folder cannot be read.
    """
    folder_text, slash, prefix = value.rpartition("/")
    folder = Path(folder_text + slash or ".").expanduser()
    if not folder.is_absolute():
        folder = (base or Path.cwd()) / folder
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: (e.name.casefold(), e.name))
    except OSError:
        return None
    for entry in entries:
        if entry.name.startswith(".") and not prefix.startswith("."):
            continue
        if not entry.name.startswith(prefix):
            continue
        name = entry.name + ("/" if entry.is_dir() else "")
        if name != prefix:
            return f"{folder_text}{slash}{name}"
    return None


class PathSuggester(Suggester):
    """A Suggester over the file system; uncached, since folders change while the modal is open."""

    def __init__(self, base: Path | None = None) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.base = base

    async def get_suggestion(self, value: str) -> str | None:
        """The completed path, listed off the event loop."""
        return await asyncio.to_thread(complete_path, value, self.base)
