"""Tests of the file-reading layer of the pilot-data importer (`slatui.importing`)."""
