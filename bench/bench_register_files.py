"""The register as a file: reading, checking and importing 10,000 transfers from Excel and CSV, and exporting
them, against floors measured in the same run (openpyxl's own read-only pass over the same workbook; the
csv module reading the same CSV). Asserts nothing; run from the repository root:

    PYTHONPATH=. python bench/bench_register_files.py [--rows N]
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from openpyxl import load_workbook

from transfer_tool.accounts import users
from transfer_tool.register import register_import, transfer_csv, transfer_xlsx
from transfer_tool.register.register_columns import NAMES
from transfer_tool.runtime.bootstrap import open_database
from transfer_tool.runtime.config import Config


def _rows(n: int) -> list[list[str]]:
    out = []
    for i in range(n):
        cells = dict.fromkeys(NAMES, "")
        cells.update(
            reference=f"B-{i:06d}",
            title=f"Support line {i}",
            exporter="Net Japan Co., Ltd.",
            exporter_country="JP",
            exporter_role="controller",
            importer=f"Importer {i % 50}",
            importer_country="US",
            importer_role="processor",
            destination=("US", "IN", "SG", "GB")[i % 4],
            data_categories="contact;financial",
            data_subjects="customers",
            purposes="respond_requests",
            frequency="continuous",
            volume=str(1000 + i),
            format_in_transit="encrypted",
            format_at_rest="clear",
            key_holder="not_applicable",
            retention="1 year",
            status="new",
        )
        out.append([cells[c] for c in NAMES])
    return out


def _time(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000)
    n = ap.parse_args().rows
    rows = _rows(n)
    xlsx = transfer_xlsx.workbook_bytes(iter(rows))
    text = io.StringIO()
    w = csv.writer(text, lineterminator="\n")
    w.writerow(NAMES)
    w.writerows(rows)
    raw_csv = text.getvalue().encode()
    print(f"{n:,} transfers: workbook {len(xlsx) / 1e6:.1f} MB, CSV {len(raw_csv) / 1e6:.1f} MB")

    def bare_xlsx() -> None:
        book = load_workbook(io.BytesIO(xlsx), read_only=True)
        for _ in book["Transfers"].iter_rows(values_only=True):
            pass
        book.close()

    floor_x = _time(bare_xlsx)
    floor_c = _time(lambda: list(csv.reader(io.StringIO(raw_csv.decode()))))
    read_x = _time(lambda: transfer_xlsx.read(xlsx))
    read_c = _time(lambda: transfer_csv.read(raw_csv))
    prev_x = _time(lambda: register_import.preview(xlsx, "r.xlsx"))
    prev_c = _time(lambda: register_import.preview(raw_csv, "r.csv"))
    print(f"floor: openpyxl read-only pass {floor_x * 1000:.0f} ms; csv.reader {floor_c * 1000:.0f} ms")
    print(f"read xlsx     {read_x * 1000:7.0f} ms  ({read_x / floor_x:.2f}x the openpyxl pass)")
    print(f"read csv      {read_c * 1000:7.0f} ms  ({read_c / floor_c:.2f}x csv.reader)")
    print(
        f"preview xlsx  {prev_x * 1000:7.0f} ms  ({prev_x / floor_x:.2f}x the openpyxl pass; read + every rule)"
    )
    print(f"preview csv   {prev_c * 1000:7.0f} ms  ({prev_c / floor_c:.2f}x csv.reader)")

    with tempfile.TemporaryDirectory() as tmp:
        for kind, raw in (("xlsx", xlsx), ("csv", raw_csv)):
            db = open_database(Config(database_url=f"sqlite:///{Path(tmp) / f'{kind}.sqlite3'}"))
            admin = users.create_first_admin(db, "admin", "Admin", "correct horse battery").actor()
            start = time.perf_counter()
            created = register_import.import_file(db, admin, raw, f"register.{kind}").created
            took = time.perf_counter() - start
            print(
                f"import {kind:<5} {took * 1000:7.0f} ms  ({created:,} transfers, {created / took:,.0f}/s, one transaction)"
            )
            if kind == "xlsx":
                exp_x = _time(partial(transfer_xlsx.export_xlsx, db, admin), 1)
                exp_c = _time(partial(transfer_csv.export_csv, db, admin), 1)
                print(
                    f"export xlsx   {exp_x * 1000:7.0f} ms  ({exp_x / exp_c:.2f}x the CSV export, {exp_c * 1000:.0f} ms)"
                )
            db.dispose()


if __name__ == "__main__":
    main()
