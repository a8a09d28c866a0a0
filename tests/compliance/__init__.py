"""Tests of compliance measurement (`slatui.compliance`): periods, statuses, escalations."""
