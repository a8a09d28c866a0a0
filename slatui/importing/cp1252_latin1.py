"""A text codec: Windows-1252, with Latin-1 for the five bytes 1252 leaves undefined.

Why a codec of our own: exports that are not UTF-8 are, in practice, written
by Windows tools in Windows-1252 (a superset of ISO-8859-1 for every printable
character). But 1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined, and
Python's ``cp1252`` raises on them (or, with ``errors="replace"``, turns them
into U+FFFD, which destroys the byte for good). Decoding the whole file as
``latin-1`` instead would lose the euro sign and the curly quotes of 0x80-0x9F.
This codec maps every byte: 1252 where 1252 is defined, Latin-1 (the C1 control
characters U+0081 etc.) for the five holes, so no byte is ever lost and the text
can be encoded back to exactly the same bytes.

Importing this module registers the codec under ``cp1252-latin1`` (looked up
as ``cp1252_latin1``, also ``cp1252-latin-1``), so ``open(path, encoding=...)``,
``bytes.decode`` and ``io.TextIOWrapper`` all accept the name.
"""

from __future__ import annotations

import codecs
import encodings.cp1252
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

NAME = "cp1252-latin1"
"""The name `sniff` reports for a non-UTF-8 file that contains one of the five bytes."""

UNDEFINED_IN_CP1252: bytes = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
"""The bytes Windows-1252 does not define; here they decode as their Latin-1 code point."""

_DECODING_TABLE: str = "".join(
    chr(byte) if char == "\ufffe" else char
    for byte, char in enumerate(encodings.cp1252.decoding_table)
)
_ENCODING_TABLE = codecs.charmap_build(_DECODING_TABLE)
_LOOKUP_NAMES = frozenset({"cp1252_latin1", "cp1252_latin_1", "windows_1252_latin1"})


class Codec(codecs.Codec):
    """Stateless encode/decode through the two charmap tables."""

    def encode(self, input: str, errors: str = "strict") -> tuple[bytes, int]:
        return codecs.charmap_encode(input, errors, _ENCODING_TABLE)

    def decode(self, input: ReadableBuffer, errors: str = "strict") -> tuple[str, int]:
        return codecs.charmap_decode(input, errors, _DECODING_TABLE)


class IncrementalEncoder(codecs.IncrementalEncoder):
    """Single-byte codec: no state to carry between chunks."""

    def encode(self, input: str, final: bool = False) -> bytes:
        return codecs.charmap_encode(input, self.errors, _ENCODING_TABLE)[0]


class IncrementalDecoder(codecs.IncrementalDecoder):
    """Single-byte codec: no state to carry between chunks."""

    def decode(self, input: ReadableBuffer, final: bool = False) -> str:
        return codecs.charmap_decode(input, self.errors, _DECODING_TABLE)[0]


class StreamWriter(Codec, codecs.StreamWriter):
    """Required by the codec registry; nothing beyond the charmap."""


class StreamReader(Codec, codecs.StreamReader):
    """Required by the codec registry; nothing beyond the charmap."""


def _search(name: str) -> codecs.CodecInfo | None:
    """The codec registry's search function: answers only to our own names."""
    if name.replace("-", "_") not in _LOOKUP_NAMES:
        return None
    return codecs.CodecInfo(
        name=NAME,
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )


def register() -> None:
    """Register the codec once; later calls do nothing (the registry has no "unregister")."""
    try:
        codecs.lookup(NAME)
    except LookupError:
        codecs.register(_search)


register()
