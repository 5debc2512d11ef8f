"""The documented bounds on a PDF the tool verifies or accepts as a signed report (SECURITY.md).

Both are checked on the raw bytes before any PDF parser sees them, so a hostile file cannot make the
parser or the signature decoder allocate without limit:

- `MAX_SIGNED_PDF_BYTES`: a signed TIA is a few MB at most (a 300-page report is under 5 MB); 32 MiB
  leaves room and keeps `verify`'s peak memory under 300 MiB for any input.
- `MAX_PDF_OBJECTS`: a report has about 80 objects plus a few per page; 50,000 allows thousands of
  pages. Objects, cross-reference entries and every declared /Size, /N, /Count and /Index range are
  counted, because the parser's tables grow with them (1.6 million entries in 32 MB took 480 MiB).
- `MAX_PDF_REFERENCES`: references between objects ("3 0 R"), 20 per object allowed: 30 MB of them in
  one array ran the parser for minutes (and to 1.1 GB without the memory cap).
- `MAX_SIGNATURE_BYTES`: a signature value (the CMS blob in /Contents, certificates and timestamp
  included) is under 20 KB for the tool's own signatures; 256 KiB allows long chains. It is measured as
  the gap a /ByteRange leaves and as every /Contents hex string.

Counting cannot bound everything a parser may build (30 MB of "3 0 R " in one array took 1.1 GB), so
`cap_memory` lowers the process's data-segment limit (Linux `RLIMIT_DATA`) for `transfer-tool verify`:
what does not fit ends in a MemoryError that `verify_pdf` turns into a verdict.

`read_pdf_file` reads a file for verification: only a regular file, never more than the limit (so
`/dev/zero`, a FIFO or a file that grows while read cannot exhaust memory).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from transfer_tool.errors import ValidationError
from transfer_tool.i18n.engine_text import engine_text, error_text

MAX_SIGNED_PDF_BYTES = 32 * 1024 * 1024
MAX_SIGNATURE_BYTES = 256 * 1024
MAX_PDF_OBJECTS = 50_000
MAX_PDF_REFERENCES = 20 * MAX_PDF_OBJECTS  # a report refers a few times per object; 1,000,000 is far beyond
VERIFY_DATA_LIMIT = 224 * 1024 * 1024  # heap for `transfer-tool verify`: with code pages, under 300 MiB
CHECK_DIED = (
    "The PDF could not be checked: the checking process ended unexpectedly (out of memory, killed, or "
    "it could not start). Try again; if it happens again, the file is built to exhaust the checker."
)
TOO_COMPLEX = (
    "The PDF is too complex to check within the memory limit (a structure far larger than any signed "
    "report's): it was not verified."
)
_MAX_HEX_CHARS = 2 * MAX_SIGNATURE_BYTES + 2  # hex digits plus the < > delimiters

_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]")
_CONTENTS = re.compile(rb"/Contents\s*<")
# What a parser sizes its tables by: objects, cross-reference entries, declared sizes and ranges.
_OBJECT = re.compile(rb"(?<!\d)\d{1,10}\s+\d{1,5}\s+obj\b")  # bounded: no backtracking in digit runs
_XREF_ENTRY = re.compile(rb"(?<!\d)\d{10}\s\d{5}\s[nf]")
_DECLARED = re.compile(rb"/(?:Size|N|Count)\s+(\d{5,20})")  # fewer than 5 digits is within the limit
_INDEX = re.compile(rb"/Index\s*\[([\d\s]{0,4000})\]")
_REFERENCE = re.compile(rb"(?<!\d)\d{1,10}\s+\d{1,5}\s+R(?![A-Za-z])")


_MIB = 1024 * 1024


def oversize_problem(pdf: bytes) -> str:
    """Why `pdf` is refused before parsing ("" when within the limits): too large, or a signature value
    longer than `MAX_SIGNATURE_BYTES`. Linear in the size of the input."""
    if len(pdf) > MAX_SIGNED_PDF_BYTES:
        return engine_text(
            "The file is {0} MiB: larger than any signed report ({1} MiB at most), so it was not read as a PDF.",
            len(pdf) // _MIB,
            MAX_SIGNED_PDF_BYTES // _MIB,
        )
    counted = _object_problem(pdf)  # first: its fast counts also bound the scans below
    if counted:
        return counted
    for m in _BYTE_RANGE.finditer(pdf):
        start, first, second, _ = (int(g) for g in m.groups())
        gap = second - (start + first)
        if gap > _MAX_HEX_CHARS:
            return _signature_too_long(gap)
    next_close = -1
    for m in _CONTENTS.finditer(pdf):
        opened = m.end()
        if next_close < opened:  # one forward scan for '>' serves every /Contents before it
            next_close = pdf.find(b">", opened)
            if next_close < 0:
                next_close = len(pdf)
        if next_close - opened + 2 > _MAX_HEX_CHARS:
            return _signature_too_long(next_close - opened + 2)
    return ""


def _object_problem(pdf: bytes) -> str:
    too_many = engine_text(
        "The file declares more than {0} objects: far more than any signed report, so it was not read as a "
        "PDF.",
        f"{MAX_PDF_OBJECTS:,}",
    )
    # Each pattern is scanned only when a fast count of what every match must contain allows too many.
    if pdf.count(b"obj") > MAX_PDF_OBJECTS and _more_than(_OBJECT, pdf, MAX_PDF_OBJECTS):
        return too_many
    if pdf.count(b"n") + pdf.count(b"f") > MAX_PDF_OBJECTS and _more_than(_XREF_ENTRY, pdf, MAX_PDF_OBJECTS):
        return too_many
    if pdf.count(b"/") > 20 * MAX_PDF_OBJECTS:  # names: a report uses a few dozen per object
        return too_many
    if any(int(m.group(1)) > MAX_PDF_OBJECTS for m in _DECLARED.finditer(pdf)):
        return too_many
    for m in _INDEX.finditer(pdf):
        numbers = [int(x) for x in m.group(1).split()]
        if sum(numbers[1::2]) > MAX_PDF_OBJECTS:
            return too_many
    # References: one array of millions made the parser run for minutes before the memory cap stopped it.
    if pdf.count(b"R") > MAX_PDF_REFERENCES and _more_than(_REFERENCE, pdf, MAX_PDF_REFERENCES):
        return engine_text(
            "The file holds more than {0} references between objects: far more than any signed report, so it "
            "was not read as a PDF.",
            f"{MAX_PDF_REFERENCES:,}",
        )
    return ""


def _more_than(pattern: re.Pattern[bytes], pdf: bytes, limit: int) -> bool:
    return any(n >= limit for n, _ in enumerate(pattern.finditer(pdf)))


def _signature_too_long(hex_chars: int) -> str:
    return engine_text(
        "A signature value in the file is {0} KiB long: longer than any real signature ({1} KiB at most), so "
        "it was not decoded.",
        hex_chars // 2 // 1024,
        MAX_SIGNATURE_BYTES // 1024,
    )


def cap_memory(limit: int = VERIFY_DATA_LIMIT) -> bool:
    """Lower this process's data-segment limit to `limit` bytes (never raises it); False where the OS
    offers no such limit. For a process that does nothing else (the `verify` command)."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    new = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > new:
        resource.setrlimit(resource.RLIMIT_DATA, (new, hard))
    return True


def read_pdf_file(path: Path) -> bytes:
    """The bytes of a PDF to verify: refuses what is not a regular file or is over the size limit, and
    never reads more than the limit plus one byte (ValidationError saying what to choose instead)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ValidationError(
            error_text("{0} cannot be read ({1}). Choose another file.", path, exc.strerror or exc)
        ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise ValidationError(error_text("{0} is a folder. Choose the signed PDF file itself.", path))
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError(
            error_text(
                "{0} is not a regular file (a device, pipe or socket). Choose the signed PDF file itself.",
                path,
            )
        )
    if info.st_size > MAX_SIGNED_PDF_BYTES:
        raise ValidationError(_too_large(path, info.st_size))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped since the first look
                raise ValidationError(
                    error_text("{0} is not a regular file. Choose the signed PDF file itself.", path)
                )
            data = fh.read(MAX_SIGNED_PDF_BYTES + 1)
    except OSError as exc:
        raise ValidationError(
            error_text("{0} cannot be read ({1}). Choose another file.", path, exc.strerror or exc)
        ) from exc
    if len(data) > MAX_SIGNED_PDF_BYTES:  # grew while being read
        raise ValidationError(_too_large(path, len(data)))
    return data


def _too_large(path: Path, size: int) -> str:
    return error_text(
        "{0} is {1} MiB: larger than any signed report ({2} MiB at most). Choose the signed PDF of an "
        "assessment.",
        path.name,
        size // _MIB,
        MAX_SIGNED_PDF_BYTES // _MIB,
    )
