"""Reading real CRM and ad-platform exports: encodings, delimiters, report framing, values.

This package is the file-reading layer of the pilot-data importer. It knows
nothing of presets, the workspace or screens: it turns a file into named,
line-numbered text cells (`source`), and text into timestamps (`dates`) and
typed values (`values`), refusing to guess where a guess could be wrong.
Importing it registers the ``cp1252-latin1`` codec (`cp1252_latin1`).

The function ``sniff`` is not re-exported here: it would hide the module of
the same name (``from slatui.importing import sniff`` is the module).
"""

from slatui.importing import cp1252_latin1 as cp1252_latin1
from slatui.importing.sniff import Sniffed, SniffError
from slatui.importing.source import CsvSource, Row, RowProblem, SourceError, SourceReport

__all__ = [
    "CsvSource",
    "Row",
    "RowProblem",
    "SniffError",
    "Sniffed",
    "SourceError",
    "SourceReport",
    "cp1252_latin1",
]
