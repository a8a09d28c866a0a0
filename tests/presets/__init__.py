"""Tests of the import presets (`slatui.importing.presets`)."""
