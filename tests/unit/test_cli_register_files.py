"""The register and calendar commands: `transfers import FILE.xlsx|FILE.csv`, `transfers export --format`,
`due --ics` (in-process, against a real SQLite file)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar

from tests.conftest import PASSWORD
from tests.unit.register_files import HEADER, excel_workbook, row
from tests.unit.test_cli_core import Cli


@pytest.fixture
def initialised(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    monkeypatch.delenv("TRANSFER_TOOL_USER", raising=False)
    cli = Cli(tmp_path / "register.sqlite3", capsys)
    code, _, err = cli("init", "--admin", "admin", "--name", "Ada Admin")
    assert code == 0, err
    return cli


def test_import_a_workbook_then_export_it_as_xlsx_and_csv(initialised: Cli, tmp_path: Path) -> None:
    book = tmp_path / "register.xlsx"
    book.write_bytes(excel_workbook([("Transfers", [HEADER, *(row(i) for i in range(30))])]))
    code, out, err = initialised("transfers", "import", str(book), user="admin")
    assert (code, out) == (0, f"imported 30 transfer(s) from {book}\n"), err
    xlsx = tmp_path / "out.xlsx"
    code, out, err = initialised("transfers", "export", "--format", "xlsx", str(xlsx))
    assert code == 0, err
    ws = openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes()))["Transfers"]
    assert ws.max_row == 31 and ws["A2"].value == "XL-00000"
    code, out, err = initialised("transfers", "export", "--format", "csv", "-")
    assert code == 0 and out.count("\n") == 31 and out.startswith("reference,title,")
    code, _, err = initialised("transfers", "import", str(xlsx), user="admin")  # the same references again
    assert code == 2 and "sheet Transfers, row 2, column A (reference): 'XL-00000' is already used" in err


def test_a_csv_file_carries_the_byte_order_mark_excel_reads_as_utf8(initialised: Cli, tmp_path: Path) -> None:
    """The app's CSV export starts with the UTF-8 byte-order mark, the command's file did not: Excel read it
    in the computer's code page, so Japanese names came out garbled (and were saved back so)."""
    book = tmp_path / "register.xlsx"
    book.write_bytes(excel_workbook([("Transfers", [HEADER, row(1, title="給与計算（本社）")])]))
    assert initialised("transfers", "import", str(book), user="admin")[0] == 0
    target = tmp_path / "register.csv"
    assert initialised("transfers", "export", "--format", "csv", str(target))[0] == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfreference,") and "給与計算（本社）" in raw.decode("utf-8-sig")
    code, out, err = initialised("transfers", "export", "--format", "csv", "-")
    assert code == 0 and out.startswith("reference,")  # a pipe gets the text alone
    target.write_bytes(raw.replace(b"XL-00001", b""))  # and the file imports as it is
    code, out, err = initialised("transfers", "import", str(target), user="admin")
    assert code == 0, err


def test_check_lists_problems_by_sheet_row_and_column_and_imports_nothing(
    initialised: Cli, tmp_path: Path
) -> None:
    book = tmp_path / "bad.xlsx"
    book.write_bytes(excel_workbook([("Transfers", [HEADER, row(1), row(2, destination="ZZ")])]))
    code, _, err = initialised("transfers", "import", "--check", str(book))
    assert code == 2 and "sheet Transfers, row 3, column G (destination): 'ZZ'" in err
    assert "Traceback" not in err
    code, _, err = initialised("transfers", "import", str(book), user="admin")
    assert code == 2 and "Nothing was imported" in err
    assert initialised("transfers", "list")[1].splitlines()[-1] == "0 transfer(s)"


def test_refusals_are_one_clear_line(initialised: Cli, tmp_path: Path) -> None:
    macro = tmp_path / "register.xlsm"
    macro.write_bytes(excel_workbook([("Transfers", [HEADER, row(1)])], macros=True))
    code, _, err = initialised("transfers", "import", str(macro), user="admin")
    assert code == 2 and "macro-enabled" in err and "Traceback" not in err
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (21 * 1024 * 1024))
    code, _, err = initialised("transfers", "import", str(big), user="admin")
    assert code == 2 and "21 MB; the limit is 20 MB" in err
    code, _, err = initialised("transfers", "export", "--format", "xlsx", "-")
    assert code == 2 and "standard output" in err


def test_due_writes_a_calendar_file(initialised: Cli, tmp_path: Path) -> None:
    ics = tmp_path / "due.ics"
    code, out, err = initialised("due", "--ics", str(ics))
    assert (code, out) == (0, f"written: {ics} (0 event(s))\n"), err
    assert Calendar.from_ical(ics.read_bytes()).walk("VEVENT") == []
    code, out, _ = initialised("due")
    assert code == 0 and out.endswith("0 due date(s)\n")
