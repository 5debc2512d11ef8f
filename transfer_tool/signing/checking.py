"""Parsing a PDF that someone hands the tool to verify, in a checking process of its own.

Everything that parses the file (the signature check, the metadata that names the report) runs in a
child process whose heap is capped (`signing.limits.cap_memory`): a file built to make the parser allocate
without end fails there, with a verdict, and the caller's memory stays bounded (SECURITY.md).

This module is light on purpose: the child imports it (and pyHanko) and nothing of the database layer, so
it is ready sooner; and a caller can start the child first (`Checker().start()`) so that the child loads
pyHanko while the caller opens its database, on the other core.
"""

from __future__ import annotations

import atexit
import io
import os
import re
import sys
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from transfer_tool.runtime.worker_lifetime import deaf_to_ctrl_c, die_with_parent
from transfer_tool.signing.limits import CHECK_DIED, TOO_COMPLEX, cap_memory, oversize_problem

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import ProcessPoolExecutor

    from transfer_tool.signing.result import VerificationResult

_TITLE_REF = re.compile(r"\(([^()]+) v(\d+)\)\s*$")


@dataclass(frozen=True)
class ClaimedReport:
    """What a report PDF says it is, read from its metadata."""

    reference: str
    version_no: int
    lang: str  # "en" | "ja" | "" (not recognised)


Inspected = tuple["VerificationResult", "ClaimedReport | None"]  # what checking a file finds


def reference_from_metadata(pdf: bytes) -> ClaimedReport | None:
    """The reference, version and language the report renderer writes into the PDF's title, or None.

    The title reads "<report title>: <title> (<reference> v<version>)" and the keywords start with the
    reference; both must agree. This is what the file claims, not proof: the signature says whether it
    is intact."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    from transfer_tool.report.terms import LANGUAGES, Terminology

    try:
        meta = PdfFileReader(io.BytesIO(pdf), strict=False).document_meta_view
        title, keywords = str(meta.title or ""), list(meta.keywords or [])
    except Exception:  # damaged input can fail anywhere in the parser; it just names nothing
        return None
    m = _TITLE_REF.search(title)
    if m is None:
        return None
    reference, version = m.group(1).strip(), int(m.group(2))
    first_keyword = str(keywords[0]).split(",")[0].strip() if keywords else ""
    if first_keyword and first_keyword != reference:
        return None
    terms = Terminology.load()
    lang = next((x for x in LANGUAGES if title.startswith(f"{terms.get('doc.title', x)}:")), "")
    return ClaimedReport(reference, version, lang)


def inspect_pdf(pdf: bytes, trusted: list[bytes]) -> tuple[VerificationResult, ClaimedReport | None]:
    """Everything that parses the file: the signature check and what the metadata claims."""
    from transfer_tool.signing.verify import verify_pdf  # pyHanko only where a file is checked

    signature = verify_pdf(pdf, trusted)
    if not signature.signed and signature.verdict.startswith("REFUSED"):
        return signature, None  # over the limits: not parsed at all
    try:
        claimed = reference_from_metadata(pdf) if b"%PDF-" in pdf[:1024] else None
    except MemoryError:
        claimed = None
    return signature, claimed


def _checking_process() -> None:
    """Set up the checking process: ends with its parent; memory capped; pyHanko's logged tracebacks
    silenced (the verdict and its reasons say what failed)."""
    import gc
    import logging

    from transfer_tool.library_noise import debug_requested, quiet_libraries

    die_with_parent(os.getppid())
    gc.enable()  # a forked child inherits its parent's setting: the launcher starts with the collector off
    cap_memory()
    if debug_requested():  # TRANSFER_TOOL_DEBUG: the libraries' records on stderr, as in the command
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    quiet_libraries()  # as in the command that started it: a library's warning is a debug record
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    # Once its parent lets it go, the process has nothing to write or flush (results travel on a pipe as
    # each check ends): a spawned one skips the interpreter's tear-down of pyHanko's ~600 modules, about
    # 0.1 s that the parent's `close()` (and so every `verify`) waited for. (A forked one always ends so.)
    atexit.register(os._exit, 0)


def _load_checker() -> None:
    """The first task of a started checker: load the validation stack before the file arrives."""
    import pyhanko.sign.validation  # noqa: F401

    import transfer_tool.signing.verify  # noqa: F401


# A forked child's heap cap (`cap_memory`) counts what it inherits: only a small caller may fork.
FORK_DATA_LIMIT_KIB = 64 * 1024


def _may_fork() -> bool:
    """Whether this process may fork its checking process. A forked child starts with what its parent has
    already loaded and loads pyHanko at once; a spawned one first starts an interpreter and re-imports its
    parent's entry point (about 80 ms more of a `verify`). Only a process with a single thread may fork (a
    lock another thread holds at the fork stays held in the child forever; Linux counts every thread, Qt's
    native ones too) and only a small one (the child's memory cap counts the parent's heap it inherits).
    Elsewhere than Linux, or if unsure: no."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    threads = fields.get("Threads", "").strip()
    data_kib = fields.get("VmData", "").split()
    return (
        threads == "1" and bool(data_kib) and data_kib[0].isdigit() and int(data_kib[0]) < FORK_DATA_LIMIT_KIB
    )


class Checker:
    """The checking process: `start()` starts it and has it load pyHanko at once; `inspect()` hands it a
    file. A context manager; the process ends with the block (and with its parent, whatever happens).
    Spawned, unless `fork_if_safe` and `_may_fork()` (the command line's `verify`: a small process with one
    thread that has not opened its database yet)."""

    def __init__(self, *, fork_if_safe: bool = False) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._loading: Future[None] | None = None
        self._fork_if_safe = fork_if_safe
        self.start_method = ""

    def start(self) -> Checker:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.start_method = "fork" if self._fork_if_safe and _may_fork() else "spawn"
            ctx = multiprocessing.get_context(self.start_method)
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_checking_process)
            with deaf_to_ctrl_c():  # the terminal's Ctrl-C is the command's (or the app's) to handle
                self._loading = self._pool.submit(_load_checker)
        return self

    def inspect(self, pdf: bytes, trusted: list[bytes]) -> tuple[VerificationResult, ClaimedReport | None]:
        """`inspect_pdf` in the checking process; a file over the limits is refused without one."""
        return self.inspect_later(pdf, trusted)()

    def inspect_later(self, pdf: bytes, trusted: list[bytes]) -> Callable[[], Inspected]:
        """Hand the file to the checking process now; the function returned waits for what `inspect`
        returns, so the caller can do its own work meanwhile."""
        if oversize_problem(pdf):  # no need for a process to say no
            from transfer_tool.signing.verify import verify_pdf

            refused: Inspected = (verify_pdf(pdf, trusted), None)
            return lambda: refused
        from concurrent.futures.process import BrokenProcessPool

        pool = self.start()._pool
        assert pool is not None
        try:
            future = pool.submit(inspect_pdf, pdf, trusted)
        except BrokenProcessPool:  # the process died before this file (see `_outcome`)
            self.close()
            return lambda: (unchecked(CHECK_DIED), None)
        return lambda: self._outcome(future)

    def _outcome(self, future: Future[Inspected]) -> Inspected:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except MemoryError:
            return unchecked(TOO_COMPLEX), None
        except BrokenProcessPool:  # killed, out of memory outside the parser, or could not start
            self.close()  # the next file gets a fresh process
            return unchecked(CHECK_DIED), None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Checker:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def inspect_in_child(
    pdf: bytes, trusted: list[bytes], checker: Checker | None = None
) -> tuple[VerificationResult, ClaimedReport | None]:
    """`inspect_pdf` in a checking process: `checker`'s if given (started early by the caller), else one
    for this file alone."""
    if checker is not None:
        return checker.inspect(pdf, trusted)
    with Checker() as own:
        return own.inspect(pdf, trusted)


def unchecked(verdict: str) -> VerificationResult:
    from transfer_tool.signing.result import VerificationResult

    return VerificationResult(False, False, False, False, verdict=verdict, reasons=(verdict,))
