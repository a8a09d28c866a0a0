"""The contract as Markdown that people read and sign.

Every number, unit, calendar and zone is spelled out, user text is escaped so
it cannot change the document's structure, and the output depends only on
the contract (and the version and status passed in), never on the clock.
"""

from slatui.markdown.document import to_markdown

__all__ = ["to_markdown"]
