"""`slatui contract import | sign | new-version | log | diff | show`: versions at the terminal.

Each handler opens the workspace through `open_workspace`, the one place that
turns store and contract errors into a one-line `CliError` (exit 2), so no
command can leak a traceback or forget a case.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from slatui.cli.common import (
    CliError,
    HelpFormatter,
    add_db_argument,
    load_contract,
    open_workspace,
    version_number,
)
from slatui.contract.diff import diff
from store import ImportResult, LogEntry, Store, Version
from store.versions import describe_status


def when(moment: dt.datetime | None) -> str:
    """UTC, with its zone named, to the second."""
    if moment is None:
        return "-"
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def status_line(version: Version) -> str:
    """The status with what it waits for, e.g. awaiting signature (sales has not signed)."""
    return describe_status(version.status, version.unsigned_parties)


def print_import(result: ImportResult, file: str) -> None:
    """What an import made, and every imported signature that does not count."""
    version = result.version
    print(f"imported {file} as {version.label} ({version.status})")
    for sig in version.signatures:
        if sig.valid:
            print(f"  signature of {sig.party} ({sig.name}, {when(sig.signed_at)}): valid")
    for sig in result.invalid_signatures:
        print(
            f"  signature of {sig.party} ({sig.name}, {when(sig.signed_at)}): not valid, "
            "the content changed after signing; it is kept but does not count"
        )
    print(f"status: {status_line(version)}")


def register(sub: Any) -> None:
    """Add the version sub-commands to the `contract` group."""
    for add in (_add_import, _add_sign, _add_new_version, _add_log, _add_diff, _add_show):
        add(sub)


def _parser(sub: Any, name: str, help_text: str, example: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=help_text,
        description=help_text[0].upper() + help_text[1:] + ".",
        epilog="example:\n  " + example,
        formatter_class=HelpFormatter,
    )
    add_db_argument(parser)
    return parser


# ------------------------------------------------------------------ import


def _add_import(sub: Any) -> None:
    parser = _parser(
        sub,
        "import",
        "add a contract file as the workspace's next version (nothing is overwritten)",
        "slatui contract import agreed-v2.toml --db team.db",
    )
    parser.add_argument("file", metavar="FILE.toml", help="the contract file to import")
    parser.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    contract = load_contract(args.file)
    with open_workspace(args) as store:
        result = store.import_contract(contract, source=Path(args.file).name)
    print_import(result, args.file)
    return 0


# ------------------------------------------------------------------ sign


def _add_sign(sub: Any) -> None:
    parser = _parser(
        sub,
        "sign",
        "sign the latest version for one party (binds the signature to its digest)",
        'slatui contract sign --party sales --name "Dana Ruiz, VP Sales"',
    )
    parser.add_argument("--party", required=True, choices=["marketing", "sales"])
    parser.add_argument("--name", required=True, help="who signs (a person, with a role)")
    parser.set_defaults(handler=_sign)


def _sign(args: argparse.Namespace) -> int:
    with open_workspace(args) as store:
        version = store.sign(args.party, args.name)
    print(f"{args.party} ({args.name.strip()}) signed {version.label}")
    print(f"digest: {version.digest}")
    if version.status == "agreed":
        print(f"status: agreed; {version.label} is in force from {when(version.agreed_at)}")
    else:
        print(f"status: {status_line(version)}")
    return 0


# ------------------------------------------------------------------ new-version


def _add_new_version(sub: Any) -> None:
    parser = _parser(
        sub,
        "new-version",
        "start a draft of the next version from the agreed one",
        "slatui contract new-version --db team.db",
    )
    parser.set_defaults(handler=_new_version)


def _new_version(args: argparse.Namespace) -> int:
    with open_workspace(args) as store:
        draft = store.new_version()
    before = f"v{draft.number - 1}"
    print(f"started {draft.label} (draft) from {before}, without signatures")
    print(f"{before} stays agreed and in force until {draft.label} is signed by both parties")
    return 0


# ------------------------------------------------------------------ log


def _add_log(sub: Any) -> None:
    parser = _parser(
        sub,
        "log",
        "list every import, edit, signature and new version",
        "slatui contract log --json",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list instead")
    parser.set_defaults(handler=_log)


def _log(args: argparse.Namespace) -> int:
    with open_workspace(args) as store:
        entries = store.log()
    if args.json:
        print(json.dumps([_log_json(e) for e in entries], indent=2))
        return 0
    if not entries:
        print("nothing recorded yet")
    for entry in entries:
        print(_log_line(entry))
    return 0


def _log_line(entry: LogEntry) -> str:
    who = f"{entry.party} ({entry.name})  " if entry.party else ""
    return f"{when(entry.at)}  v{entry.version:<3} {entry.action:<12} {who}{entry.detail}"


def _log_json(entry: LogEntry) -> dict[str, Any]:
    return {**asdict(entry), "at": entry.at.isoformat()}


# ------------------------------------------------------------------ diff


def _add_diff(sub: Any) -> None:
    parser = _parser(
        sub,
        "diff",
        "compare two versions clause by clause (default: the latest with the one before)",
        "slatui contract diff            # v(N-1) -> vN\n"
        "  slatui contract diff 1          # v1 -> latest\n"
        "  slatui contract diff v1 v3 --json",
    )
    parser.add_argument("a", nargs="?", type=version_number, metavar="A", help="older version")
    parser.add_argument("b", nargs="?", type=version_number, metavar="B", help="newer version")
    parser.add_argument("--json", action="store_true", help="print the changes as JSON")
    parser.set_defaults(handler=_diff)


def _diff(args: argparse.Namespace) -> int:
    with open_workspace(args) as store:
        old, new = _diff_pair(store, args.a, args.b)
    changes = diff(old.contract, new.contract)
    if args.json:
        payload = {"from": old.number, "to": new.number, "changes": [asdict(c) for c in changes]}
        print(json.dumps(payload, indent=2))
        return 0
    head = f"{old.label} ({old.status}) → {new.label} ({new.status})"
    if not changes:
        print(f"{head}: no differences")
        return 0
    print(f"{head}: {len(changes)} change{'s' if len(changes) != 1 else ''}")
    for change in changes:
        print(f"  {change.render()}")
    return 0


def _diff_pair(store: Store, a: int | None, b: int | None) -> tuple[Version, Version]:
    """Defaults: B = latest, A = the version before B."""
    latest = store.current()
    newer = store.version(b) if b is not None else latest
    if a is None:
        if newer.number == 1:
            raise CliError("the workspace has only v1; there is nothing to compare it with")
        return store.version(newer.number - 1), newer
    return store.version(a), newer


# ------------------------------------------------------------------ show


def _add_show(sub: Any) -> None:
    parser = _parser(
        sub,
        "show",
        "show a version's status, digest and signatures",
        "slatui contract show --version 2",
    )
    parser.add_argument("--version", type=version_number, metavar="N", help="default: latest")
    parser.add_argument("--json", action="store_true", help="print JSON instead")
    parser.set_defaults(handler=_show)


def _show(args: argparse.Namespace) -> int:
    with open_workspace(args) as store:
        version = store.version(args.version) if args.version else store.current()
        in_force = store.in_force()
    if args.json:
        print(json.dumps(_version_json(version, in_force), indent=2))
        return 0
    for line in _show_lines(version, in_force):
        print(line)
    return 0


def _show_lines(version: Version, in_force: Version | None) -> list[str]:
    lines = [
        f"{version.label}: {status_line(version)} (revision {version.revision})",
        f"title:   {version.contract.agreement.title}",
        f"source:  {version.source}",
        f"created: {when(version.created_at)}",
        f"digest:  {version.digest}",
    ]
    for party in ("marketing", "sales"):
        sig = version.signature(party)
        if sig is None:
            lines.append(f"{party + ':':<10} not signed")
        else:
            state = "valid" if sig.valid else "stale: the content changed after signing"
            lines.append(f"{party + ':':<10} {sig.name}, {when(sig.signed_at)} ({state})")
    force = f"{in_force.label} (agreed {when(in_force.agreed_at)})" if in_force else "none yet"
    lines.append(f"in force: {force}")
    return lines


def _version_json(version: Version, in_force: Version | None) -> dict[str, Any]:
    return {
        "version": version.number,
        "status": version.status,
        "revision": version.revision,
        "title": version.contract.agreement.title,
        "source": version.source,
        "created_at": version.created_at.isoformat(),
        "digest": version.digest,
        "agreed_at": version.agreed_at.isoformat() if version.agreed_at else None,
        "signatures": [
            {**asdict(s), "signed_at": s.signed_at.isoformat()} for s in version.signatures
        ],
        "in_force": in_force.number if in_force else None,
    }
