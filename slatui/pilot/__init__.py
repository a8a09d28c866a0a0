"""Pilot data as plain records: what importers produce and the workspace stores."""

from slatui.pilot.records import AccountRecord, ContactRecord, EventRecord

__all__ = ["AccountRecord", "ContactRecord", "EventRecord"]
