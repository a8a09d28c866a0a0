"""`slatui demo`: a workspace with sample.toml and a generated pilot, then the workbench.

What a newcomer needs to see the tool do its job: the seed agreement as v1,
three months of history and the four pilot weeks of CRM and ad data (made
by `slatui.demo`, the same files for the same seed), imported through the
ordinary import path, and the escalations planted in them listed.

An existing workspace file is never replaced silently: that takes --force.
The new workspace is built beside the old one and only moved into place
once it is complete, so a failure half-way leaves the old one as it was.
$SLATUI_DB is ignored on purpose: it names the user's real workspace.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from slatui.cli.common import CliError, HelpFormatter, load_contract
from slatui.cli.import_cmd import figure, plural

if TYPE_CHECKING:
    from slatui.contract.model import Contract
    from slatui.demo import DemoPilot, PilotFiles
    from store import Store, Summary

DEFAULT_DB = Path("slatui-demo.db")
SIDE_FILES = ("-wal", "-shm")

_EPILOG = """\
The demo writes its pilot data as canonical CSV into a folder beside the
workspace (slatui-demo.db -> slatui-demo-pilot/) and imports it, so
`slatui imports` lists three batches you can undo like any other.

examples:
  slatui demo                       build slatui-demo.db here and open it
  slatui demo --db /tmp/abm.db --no-open
  slatui demo --seed 7 --force      another pilot, replacing the workspace"""

Say = Callable[[str], None]


def register(sub: Any) -> None:
    """Add `slatui demo`."""
    parser = sub.add_parser(
        "demo",
        help="build a demo workspace (sample.toml and a generated pilot) and open it",
        description=(
            "Create a workspace with sample.toml as v1 and a generated, realistic pilot "
            "(accounts, contacts and events from three months of history and the four "
            "pilot weeks), list the escalations planted in it, then open the workbench "
            "(only in a terminal, and not with --no-open)."
        ),
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "--db", metavar="PATH", help=f"the demo workspace file (default: {DEFAULT_DB} here)"
    )
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="another seed, another pilot (default: a fixed one); the same seed, the same files",
    )
    parser.add_argument(
        "--no-open", action="store_true", help="build the workspace and stop; do not open it"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace the workspace file if it exists"
    )
    parser.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    """Build the demo workspace, print what it holds, open it when there is a terminal."""
    from slatui.demo import DEFAULT_SEED

    seed = DEFAULT_SEED if args.seed is None else args.seed
    path = Path(args.db) if args.db else DEFAULT_DB
    _check_room(path, force=args.force)
    try:
        with _building(path):
            return _demo(args, path, seed)
    except OSError as exc:
        where = exc.filename or path
        raise CliError(f"{where}: {exc.strerror or exc}") from None


def _demo(args: argparse.Namespace, path: Path, seed: int) -> int:
    """The demo proper, with the workspace's building lock held."""
    from slatui.demo import DemoError, build_pilot, write_pilot
    from slatui.samples import sample_path

    try:
        sample = sample_path()
    except FileNotFoundError as exc:
        raise CliError(str(exc)) from None
    contract = load_contract(str(sample))
    say = _progress()
    say(f"generating the pilot (seed {seed})")
    try:
        pilot = build_pilot(contract, seed)
    except DemoError as exc:
        raise CliError(f"{sample}: {exc}") from None
    folder = path.parent / f"{path.stem}-pilot"
    files = write_pilot(pilot, folder)
    staging = path.with_name(f".{path.name}.building")
    _remove(staging)
    try:
        summary = _build(staging, contract, sample.name, files, say)
    except BaseException:
        _remove(staging)
        raise
    _remove(path)
    for old, new in zip(_files_of(staging), _files_of(path), strict=True):
        if old.exists():
            old.replace(new)
    _report(summary, contract, pilot, path, folder)
    if _can_open(args):
        _open(path)
    else:
        print(f"open it with: slatui --db {path}")
    return 0


@contextmanager
def _building(path: Path) -> Iterator[None]:
    """One demo at a time per workspace: two would overwrite each other's files."""
    lock = path.with_name(f".{path.name}.demo-lock")
    path.parent.mkdir(parents=True, exist_ok=True)  # `--db .demo/workspace.db` on a fresh clone
    try:
        lock.open("x").close()
    except FileExistsError:
        raise CliError(
            f"another slatui demo is building {path} (if none is running, one was "
            f"killed: remove {lock})"
        ) from None
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def _check_room(path: Path, *, force: bool) -> None:
    """Refuse an existing workspace file unless --force, and anything else always."""
    if path.is_dir():
        raise CliError(f"{path} is a directory; name a workspace file, e.g. {path}/demo.db")
    if not any(p.exists() for p in _files_of(path)):
        return
    if not force:
        raise CliError(
            f"{path} already exists; slatui demo --force replaces it "
            f"(or give another file with --db)"
        )
    if path.exists() and path.stat().st_size and not _is_workspace(path):
        raise CliError(f"{path} is not a slatui workspace; --force only replaces a workspace")


def _is_workspace(path: Path) -> bool:
    from store import Store, StoreError

    try:
        Store.open(path, create=False).close()
    except StoreError:
        return False
    return True


def _files_of(path: Path) -> list[Path]:
    """The workspace file and SQLite's files beside it."""
    return [path, *(path.with_name(path.name + suffix) for suffix in SIDE_FILES)]


def _remove(path: Path) -> None:
    for file in _files_of(path):
        file.unlink(missing_ok=True)


def _progress() -> Say:
    """Progress lines on stderr when someone is watching it (a terminal)."""
    if not sys.stderr.isatty():
        return lambda _: None

    def say(text: str) -> None:
        print(f"slatui demo: {text} ...", file=sys.stderr, flush=True)

    return say


def _build(path: Path, contract: Contract, source: str, files: PilotFiles, say: Say) -> Summary:
    """The whole workspace at `path`: the agreement, then each file as a batch."""
    from store import Store, StoreError

    try:
        with Store.open(path, create=True) as store:
            store.import_contract(contract, source=source)
            _import(store, files, say)
            return store.summary(contract.pilot, dt.datetime.now(dt.UTC))
    except StoreError as exc:
        raise CliError(str(exc)) from None


def _import(store: Store, files: PilotFiles, say: Say) -> None:
    """Each file through the real import path: the same checks as `slatui import`."""
    from slatui.cli.import_cmd import workspace_context
    from slatui.importing.canonical import LAYOUTS
    from slatui.importing.pipeline import ImportRefused, Options, Plan
    from store.pilot_import import run_plan

    context = workspace_context(store)
    for kind, file in files.in_order():
        say(f"importing {file.name}")
        try:
            plan = Plan(file, LAYOUTS[kind], context, Options())
            run_plan(store, plan)
        except ImportRefused as exc:
            raise CliError(str(exc)) from None
        for name, count, _ in plan.report().unknown_types:
            print(f"slatui demo: warning: unknown event type {name} ({count})", file=sys.stderr)


def _report(
    summary: Summary, contract: Contract, pilot: DemoPilot, path: Path, folder: Path
) -> None:
    """What was built, as the workspace counts it (the figures of `slatui summary`)."""
    dates = pilot.dates
    tiers = ", ".join(f"{tier} {figure(n)}" for tier, n in summary.accounts_by_tier.items())
    print(f"created demo workspace {path} (sample.toml as v1, seed {pilot.seed})")
    print(f"pilot data: {folder}/ (accounts.csv, contacts.csv, events.csv)")
    print(f"accounts: {figure(summary.accounts)} ({tiers})")
    print(f"contacts: {figure(summary.contacts)}")
    print(
        f"events: {figure(summary.events)} from {dates.history_start} to {dates.last_day} "
        f"(pilot {dates.pilot_start} to {dates.last_day})"
    )
    zone = ZoneInfo(contract.agreement.timezone)
    print(f"planted escalations: {plural(len(pilot.cases), 'case')}")
    for case in pilot.cases:
        print(f"  {case.line(zone)}")


def _can_open(args: argparse.Namespace) -> bool:
    """The workbench needs a terminal on both ends; --no-open says not to."""
    return not args.no_open and sys.stdin.isatty() and sys.stdout.isatty()


def _open(path: Path) -> None:
    """The workbench on the finished workspace, as `slatui --db PATH` opens it."""
    from slatui.cli.tui_cmd import run_workbench

    run_workbench(path, create=False)
