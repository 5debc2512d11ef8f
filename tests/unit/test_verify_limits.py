"""Bounded resources on any input (issue 17, point 6): `verify` refuses a file over the documented size
and a signature value over the documented length before parsing, refuses what is not a regular file, and
its peak memory stays under 300 MiB for any input (measured in a child process)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import signed_pdfs
from transfer_tool.cli import main
from transfer_tool.errors import ValidationError
from transfer_tool.signing import verify_pdf
from transfer_tool.signing.limits import (
    MAX_SIGNATURE_BYTES,
    MAX_SIGNED_PDF_BYTES,
    oversize_problem,
    read_pdf_file,
)

PEAK_MEMORY_LIMIT = 300 * 1024 * 1024


def huge_signature_pdf(signature_bytes: int) -> bytes:
    """A validly signed PDF whose signature value is `signature_bytes` long (the CMS blob padded with
    zeros, as a signer reserving that much space writes it): what made `verify` use 5.6 GB for 60 MB."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load_pkcs12_data(
        signed_pdfs.identity().read_bytes(), other_certs=[], passphrase=signed_pdfs.PASSPHRASE.encode()
    )
    assert signer is not None
    unsigned = signed_pdfs.unsigned_stand_in()
    out = signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(unsigned)),
        signers.PdfSignatureMetadata(field_name="Signature"),
        signer=signer,
        bytes_reserved=2 * signature_bytes,  # pyHanko counts the hex digits
    )
    assert isinstance(out, io.BytesIO)  # sign_pdf's own output buffer (no `output` given)
    return out.getvalue()


def test_the_limits_are_the_documented_ones() -> None:
    security = (Path(__file__).parents[2] / "SECURITY.md").read_text(encoding="utf-8")
    assert f"{MAX_SIGNED_PDF_BYTES // (1024 * 1024)} MiB" in security
    assert f"{MAX_SIGNATURE_BYTES // 1024} KiB" in security


def test_an_ordinary_signed_report_is_within_the_limits() -> None:
    pdf = signed_pdfs.signed_stand_in()
    assert oversize_problem(pdf) == ""
    assert verify_pdf(pdf, []).intact


def test_an_oversized_signature_value_is_refused_before_parsing() -> None:
    pdf = huge_signature_pdf(MAX_SIGNATURE_BYTES + 1024)
    assert "signature value" in oversize_problem(pdf)
    result = verify_pdf(pdf, [])
    assert not result.signed and result.verdict.startswith("REFUSED: A signature value")
    # Just under the limit is parsed (and found broken, not refused).
    assert oversize_problem(huge_signature_pdf(MAX_SIGNATURE_BYTES - 1024)) == ""


def test_a_byte_range_leaving_a_huge_gap_is_refused() -> None:
    gap = 2 * MAX_SIGNATURE_BYTES + 100
    pdf = b"%PDF-1.7\n" + f"/ByteRange [0 100 {100 + gap} 10]".encode() + b"\n%%EOF"
    assert "signature value" in oversize_problem(pdf)


def test_many_unterminated_contents_strings_are_scanned_in_linear_time() -> None:
    pdf = b"%PDF-1.7\n" + b"/Contents <" * 500_000  # 5.5 MB with no closing '>'
    assert "signature value" in oversize_problem(pdf)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(MAX_SIGNED_PDF_BYTES + 1)
    with pytest.raises(ValidationError, match="larger than any signed report"):
        read_pdf_file(big)
    assert "larger than any signed report" in oversize_problem(b"%PDF-" + bytes(MAX_SIGNED_PDF_BYTES))


@pytest.mark.parametrize("special", ["/dev/zero", "fifo", "folder"])
def test_what_is_not_a_regular_file_is_refused_without_reading(special: str, tmp_path: Path) -> None:
    if special == "fifo":
        path = tmp_path / "pipe.pdf"
        os.mkfifo(path)  # opening it for reading would block forever
    elif special == "folder":
        path = tmp_path
    else:
        path = Path(special)
    with pytest.raises(ValidationError, match=r"regular file|folder"):
        read_pdf_file(path)


def test_cli_verify_of_dev_zero_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--database", f"sqlite:///{tmp_path / 'tia.sqlite3'}", "verify", "/dev/zero"])
    err = capsys.readouterr().err
    assert code == 2 and "not a regular file" in err and "Traceback" not in err


def reference_bomb(n: int) -> bytes:
    """A small, valid PDF whose form lists the same field `n` times: a parser builds `n` objects."""
    head = b"%PDF-1.7\n"
    objects = [
        b"1 0 obj\n<</Type /Catalog /AcroForm 2 0 R>>\nendobj\n",
        b"2 0 obj\n<</Fields [" + b"3 0 R " * n + b"]>>\nendobj\n",
        b"3 0 obj\n<</FT /Sig /T (a)>>\nendobj\n",
    ]
    offsets, pos = [], len(head)
    for o in objects:
        offsets.append(pos)
        pos += len(o)
    xref = b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"trailer\n<</Size 4 /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % pos
    return head + b"".join(objects) + xref + trailer


def many_objects_pdf(n: int) -> bytes:
    """A well-formed PDF of `n` small objects with a real cross-reference table (~28 MB for 500,000)."""
    parts = [b"%PDF-1.7\n"]
    offsets = []
    pos = len(parts[0])
    for i in range(1, n + 1):
        body = b"%d 0 obj\n<</Type /Catalog /A [1 2 3] /B (x)>>\nendobj\n" % i
        offsets.append(pos)
        parts.append(body)
        pos += len(body)
    xref = [b"xref\n0 %d\n0000000000 65535 f \n" % (n + 1)]
    xref += [b"%010d 00000 n \n" % o for o in offsets]
    parts += xref
    parts.append(b"trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (n + 1, pos))
    return b"".join(parts)


# A lean parent runs `transfer-tool verify` and reports the largest resident size among its waited-for
# descendants (the command and its checking process). Measured from a lean parent because a process
# forked from pytest starts with pytest's own high-water mark.
_MEASURE = """
import resource, subprocess, sys
cmd = [sys.executable, "-c", "import sys; from transfer_tool.cli import main; sys.exit(main(sys.argv[1:]))"]
done = subprocess.run(cmd + sys.argv[1:], capture_output=True, text=True)
print((done.stdout + done.stderr).strip().replace("\\n", " | "))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
"""


def _peak_of_verify(path: Path, database: Path) -> tuple[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, "--database", f"sqlite:///{database}", "verify", str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    verdict, peak = done.stdout.strip().rsplit("\n", 1)
    return verdict, int(peak)


@pytest.mark.slow
@pytest.mark.timeout(600)  # a loaded machine parses five million references slowly
@pytest.mark.parametrize(
    "name",
    [
        "60 MB signature value",
        "30 MB signature value",
        "signature just under the limit",
        "largest file of small objects",
        "one array of five million references",
        "dev zero",
    ],
)
def test_peak_memory_of_verify_stays_under_300_mib(name: str, tmp_path: Path, sqlite_template: Path) -> None:
    target = tmp_path / "hostile.pdf"
    if name == "60 MB signature value":
        target.write_bytes(huge_signature_pdf(30 * 1024 * 1024))  # over the size limit
    elif name == "30 MB signature value":
        target.write_bytes(huge_signature_pdf(15 * 1024 * 1024))  # within the size limit
    elif name == "signature just under the limit":
        target.write_bytes(huge_signature_pdf(MAX_SIGNATURE_BYTES - 1024))
    elif name == "largest file of small objects":
        target.write_bytes(many_objects_pdf(49_000))
    elif name == "one array of five million references":
        target.write_bytes(reference_bomb(5_000_000))  # 30 MB; took 1.1 GB in-process, minutes when capped
    else:
        target = Path("/dev/zero")
    database = tmp_path / "tia.sqlite3"
    shutil.copyfile(sqlite_template, database)
    verdict, peak = _peak_of_verify(target, database)
    print(f"{name}: peak {peak / 2**20:.0f} MiB ({verdict})")
    assert peak < PEAK_MEMORY_LIMIT, f"{name}: {peak / 2**20:.0f} MiB"
    expected = {
        "60 MB signature value": "larger than any signed report",
        "30 MB signature value": "REFUSED: A signature value",
        "signature just under the limit": "UNTRUSTED: intact",
        "largest file of small objects": "not signed",
        "one array of five million references": "references between objects",
        "dev zero": "not a regular file",
    }
    assert expected[name] in verdict and "Traceback" not in verdict


_CAPPED = """
import sys
from tests.unit.test_verify_limits import reference_bomb
from transfer_tool.signing.limits import cap_memory
from transfer_tool.signing.verify import verify_pdf

pdf = reference_bomb(900_000)  # under the reference limit: the parser gets to build it
print("capped" if cap_memory(int(sys.argv[1]) * 2**20) else "not capped")
print(verify_pdf(pdf, []).verdict)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the memory cap is Linux's RLIMIT_DATA")
def test_what_the_memory_cap_stops_becomes_a_verdict_not_a_crash() -> None:
    # The structure counts cannot foresee every shape a parser may build: under the cap (`verify`'s
    # checking process has one), whatever does not fit ends as "too complex", never as a traceback.
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _CAPPED, "160"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    capped, verdict = done.stdout.strip().splitlines()[-2:]
    assert capped == "capped"
    assert "too complex to check within the memory limit" in verdict, verdict
