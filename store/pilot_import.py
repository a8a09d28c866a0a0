"""Write an import plan into a workspace: the one place a file's records meet the store.

The pipeline (`slatui.importing.pipeline`) reads and converts; the store
writes. This joins them for the CLI and the Pilot screen alike: the SHA-256
check before anything is read, one transaction for the whole file, the
report stored with the batch, and the rejects file kept only if the batch
was committed.
"""

from __future__ import annotations

from slatui.importing.pipeline import Plan
from store.errors import AlreadyImported
from store.pilot_records import BatchMeta, BatchResult, SourceTally
from store.store import Store

MAX_KNOWN_ACCOUNTS = 1_000_000  # every account: matching needs them all


def check_not_imported(store: Store, plan: Plan) -> None:
    """AlreadyImported when the file (by SHA-256) is already a batch."""
    held = store.batch_for_file(plan.sha256)
    if held is not None:
        raise AlreadyImported(held.id, plan.file_name, held.imported_at.date().isoformat())


def resolve_against_workspace(store: Store, plan: Plan) -> None:
    """Have the plan attach its accounts to the workspace's (id, domain, name)."""
    from slatui.importing.resolve import KnownAccount

    known = [
        KnownAccount(a.key, a.external_id, a.domain, a.name)
        for a in store.accounts(limit=MAX_KNOWN_ACCOUNTS)
    ]
    plan.resolve_accounts(known)


def run_plan(store: Store, plan: Plan) -> BatchResult:
    """Import the plan's file as one batch, all or nothing.

    Raises AlreadyImported (nothing read), `RowsRejected` (rows were rejected
    without --skip-bad-rows: nothing written), or whatever stopped the import;
    in every failure the workspace is as it was and no rejects file is left.
    """
    check_not_imported(store, plan)
    resolve_against_workspace(store, plan)
    meta = BatchMeta(
        file_name=plan.file_name,
        sha256=plan.sha256,
        kind=plan.kind,
        preset=plan.layout.preset,
        tz=plan.context.zone_name,
    )

    def tally() -> SourceTally:
        report = plan.finish()  # raises RowsRejected: the transaction rolls back
        return SourceTally(
            rows_read=report.rows_read,
            rejected=report.rejected,
            skipped=report.skipped,
            report=report.as_json(),
        )

    streams = plan.streams()
    try:
        result = store.import_batch(
            meta, streams.accounts, streams.contacts, streams.events, tally=tally
        )
    except BaseException:
        plan.discard_rejects()
        raise
    plan.keep_rejects()
    return result
