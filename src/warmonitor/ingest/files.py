"""File-level checks shared by every reader: size, emptiness, binary content, encoding, format.

Each check raises :class:`~warmonitor.errors.InputError` naming the file and the reason; the public
API turns it into a :class:`~warmonitor.ingest.ReadFailure`.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path
from typing import Literal

from warmonitor.errors import InputError

__all__ = [
    "EXTENSIONS",
    "SNIFF_BYTES",
    "Format",
    "check_binary",
    "check_file",
    "declared_charset",
    "decode",
    "detect_format",
    "format_size",
    "normalise_newlines",
    "read_bytes",
    "replace_invalid",
    "replace_invalid_references",
]

Format = Literal["text", "html", "feed", "jsonl"]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

SNIFF_BYTES = 4096
# Signatures of common binary formats someone may drop into an input folder.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive, e.g. .docx, .xlsx or .epub"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
)
# Byte-order marks of encodings other than UTF-8, longest first (UTF-32 LE starts like UTF-16 LE).
_OTHER_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return, plus DEL.
_CONTROL_BYTES = frozenset([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_SHARE = 0.10

_NEWLINES = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n"})
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([\w.:-]+)[\"']", re.I)
# What no stored text may hold: NUL (PostgreSQL refuses it) and lone surrogates (not UTF-8).
_INVALID = re.compile("[\x00\ud800-\udfff]")
_CHAR_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def format_size(n: int) -> str:
    """``n`` bytes for people: "512 bytes", "3.2 KB", "25.3 MB" (1 KB = 1024 bytes)."""
    if n < 1024:
        return f"{n} bytes"
    for unit, scale in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        if n < scale * 1024 or unit == "GB":
            value = n / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    raise AssertionError("unreachable")  # pragma: no cover


def check_file(path: Path) -> os.stat_result:
    """The ``stat`` of ``path`` after checking that it is a regular file that is not empty."""
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(source, "no such file or directory") from None
    except OSError as exc:
        raise InputError(source, f"unreadable file ({_os_reason(exc)})") from None
    if stat.S_ISDIR(info.st_mode):
        if not os.access(path, os.R_OK | os.X_OK):
            raise InputError(source, "unreadable directory (permission denied)")
        raise InputError(source, "is a directory (read_paths reads the files in it)")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(source, "not a regular file")
    if info.st_size == 0:
        raise InputError(source, "empty file")
    return info


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The content of ``path``, after checking that it is a regular, readable file that is not
    empty and not over ``max_bytes`` (checked with ``stat`` before reading)."""
    source = str(path)
    info = check_file(path)
    if info.st_size > max_bytes:
        raise InputError(source, _too_big(info.st_size, max_bytes))
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        raise InputError(source, f"unreadable file ({_os_reason(exc)})") from None
    if len(data) > max_bytes:
        raise InputError(source, _too_big(len(data), max_bytes))
    if not data:
        raise InputError(source, "empty file")
    return data


def _too_big(size: int, limit: int) -> str:
    shown, shown_limit = format_size(size), format_size(limit)
    if shown == shown_limit:
        shown, shown_limit = f"{size} bytes", f"{limit} bytes"
    return f"file is {shown}, over the {shown_limit} limit (WARMONITOR_MAX_BYTES)"


def _os_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or type(exc).__name__


def check_binary(source: str, data: bytes, *, whole: bool = True) -> None:
    """Raise when ``data`` is not text: a known binary signature, a UTF-16/32 byte-order mark,
    NUL bytes, or a high share of control characters. With ``whole=False`` (``data`` is only
    the head of a file that is streamed) only the signatures and byte-order marks count."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"binary file ({kind})")
    for bom, name in _OTHER_BOMS:
        if data.startswith(bom):
            raise InputError(source, f"not UTF-8 text ({name} byte-order mark; save it as UTF-8)")
    if not whole:
        return
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes)")
    head = data[:SNIFF_BYTES]
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    if controls > _CONTROL_SHARE * len(head):
        raise InputError(source, "binary file (many control characters)")


def detect_format(path: Path, data: bytes) -> Format:
    """The format of a file: by extension when it has a known one, else by sniffing the content.

    ``<?xml``, ``<rss``, ``<feed`` → feed (unless the XML is XHTML); ``<html``/``<!doctype html``
    → HTML; a first line starting with ``{`` → JSON Lines; anything else → plain text.
    """
    known = EXTENSIONS.get(path.suffix.lower())
    if known is not None:
        return known
    head = data[:SNIFF_BYTES].removeprefix(codecs.BOM_UTF8).lstrip().lower()
    if head.startswith(b"<"):
        feed_at = _first(head, (b"<rss", b"<feed", b"<rdf:rdf"))
        html_at = _first(head, (b"<html", b"<!doctype html"))
        if feed_at is not None and (html_at is None or feed_at < html_at):
            return "feed"
        if html_at is not None:
            return "html"
        if head.startswith(b"<?xml"):
            return "feed"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _first(haystack: bytes, needles: tuple[bytes, ...]) -> int | None:
    found = [at for at in (haystack.find(needle) for needle in needles) if at >= 0]
    return min(found) if found else None


def declared_charset(data: bytes, fmt: Format) -> str | None:
    """The character encoding an HTML page (``<meta charset>``) or XML feed (``<?xml
    encoding=…?>``) declares, if any."""
    head = data[:SNIFF_BYTES]
    if fmt == "html":
        match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    elif fmt == "feed":
        match = _XML_ENCODING.search(head)
    else:
        return None
    return match.group(1).decode("ascii") if match else None


def decode(source: str, data: bytes, declared: str | None = None) -> str:
    """``data`` as text: UTF-8 (with or without a byte-order mark) or, when UTF-8 fails, the
    encoding the file declares (``declared``). Never guesses: anything else raises, naming the
    offset and line of the first byte that is not UTF-8."""
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        error = exc
    offset = bom + error.start
    line = data.count(b"\n", 0, offset) + 1
    reason = f"not UTF-8 text (invalid byte 0x{data[offset]:02x} at offset {offset}, line {line})"
    if declared and not bom:  # a byte-order mark says UTF-8 whatever the markup declares
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            unknown = f"{reason}; the declared charset {declared!r} is unknown"
            raise InputError(source, unknown) from None
        if not codec.startswith("utf"):
            text = _decode_as(data, codec)
            if text is not None:
                return text
            reason += f"; not valid {declared} either, as the file declares"
    raise InputError(source, reason)


def _decode_as(data: bytes, codec: str) -> str | None:
    # As browsers do (WHATWG Encoding), read Latin-1 and ASCII labels as Windows-1252.
    candidates = ["cp1252", codec] if codec in ("iso8859-1", "ascii") else [codec]
    for candidate in candidates:
        try:
            return data.decode(candidate)
        except UnicodeDecodeError:
            continue
    return None


def normalise_newlines(text: str) -> str:
    """CRLF, CR and the Unicode line/paragraph separators as ``\\n``."""
    return text.replace("\r\n", "\n").translate(_NEWLINES)


def replace_invalid(text: str) -> str:
    """``text`` with NUL and lone surrogates (which an escape such as JSON's ``\\u0000`` or
    ``\\ud800`` can give) as U+FFFD, the replacement character."""
    return _INVALID.sub("\ufffd", text)


def replace_invalid_references(markup: str) -> str:
    """``markup`` with each numeric character reference to no character (``&#0;``, a
    surrogate, above U+10FFFF) as ``&#xFFFD;``, as HTML reads them (feedparser's lenient
    parser raises on them)."""

    def fix(match: re.Match[str]) -> str:
        hex_digits, digits = match.groups()
        value = int(hex_digits, 16) if hex_digits else int(digits)
        valid = 0 < value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF
        return match.group(0) if valid else "&#xFFFD;"

    return _CHAR_REFERENCE.sub(fix, markup)
