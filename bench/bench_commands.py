"""What users wait for, whole process from start to exit: each command of the `transfer-tool` command line
paired with its yardstick in the same run, and the first report of a process against the second.

Every round runs each case once, one after the other (interleaved), so a busy spell on the shared machine
falls on all of them alike; the figures are medians over the rounds, with each process's peak memory
(its maximum resident set size, from wait4). Both sides run with bytecode caches, as an installed tool
does, and with the report fonts' disk cache filled (a first-ever run parses the fonts once). Prints
figures and ratios; asserts nothing.

    PYTHONPATH=. python bench/bench_commands.py [--runs 7] [--no-libreoffice]

Cases (the targets of issue 21):
- report: `transfer-tool report TR-000001 -o x.pdf` on the demo database, against LibreOffice headless
  converting the same TIA (its Word export, saved once as ODT) to PDF (target <= 0.4x) and against a bare
  ReportLab process writing the same number of pages of plain paragraphs (about <= 2.5x); peak memory
  (target <= 80 MiB).
- verify: `transfer-tool verify demo-tia-en.pdf` (target <= 0.5 s); `--help` (<= 0.15 s), read-only
  commands `countries show US`, `transfers list`, `transfers show` (<= 0.3 s); `python -c pass` is the floor.
- the stack alone: a process that only imports SQLAlchemy's ORM and the tool's models (what every database
  command loads before any work), and that plus ReportLab (what a report loads), with the cycle collector
  paused while it imports, as the commands load (since session 9).
- first render: in one fresh process, the first render after the app's background warm-up, and the first
  with none, each against the second render of the same process (target: first <= 1.5x second).
App start-up against a bare PySide6 window is bench/bench_startup.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE_REPORTLAB = """
import sys
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
pages = int(sys.argv[2])
style = getSampleStyleSheet()["BodyText"]
text = " ".join(["Transfer impact assessment of personal data sent abroad."] * 40)
story = []
for n in range(pages):
    story += [Paragraph(f"Page {n + 1}", style), *[Paragraph(text, style) for _ in range(3)], PageBreak()]
SimpleDocTemplate(sys.argv[1]).build(story)
"""

FIRST_RENDERS = """
import json, sys, time
from ui.launcher import main  # nothing: the entry point's own imports, as the app has them
warm = sys.argv[1] == "warm"
from transfer_tool.report.sample import sample_report_data
from transfer_tool.domain import AssessmentStatus
data = sample_report_data(AssessmentStatus.APPROVED)
if warm:
    from transfer_tool.report.renderer import warm_up
    warm_up()  # what the app does in the background once its main window is up
times = []
for _ in range(2):
    start = time.perf_counter()
    from transfer_tool.report import render_report  # the app's "Generate PDF" imports it on use
    render_report(data, "ja")
    times.append(time.perf_counter() - start)
print(json.dumps(times))
"""


@dataclass
class Case:
    name: str
    argv: list[str]
    wall: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)

    def run(self, env: dict[str, str], cwd: Path) -> None:
        start = time.perf_counter()
        proc = subprocess.Popen(
            self.argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
        self.wall.append(time.perf_counter() - start)
        self.peak_kib.append(usage.ru_maxrss)
        stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):  # verify exits 1 for "not valid": still a finished command
            raise SystemExit(f"{self.name} failed ({code}): {stderr[-2000:]}")

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def peak_mib(self) -> float:
        return statistics.median(self.peak_kib) / 1024


def interleave(cases: list[Case], runs: int, env: dict[str, str], cwd: Path) -> None:
    for case in cases:  # one untimed run each: bytecode caches, the fonts' cache, LibreOffice's profile
        case.run(env, cwd)
        case.wall.clear()
        case.peak_kib.clear()
    for _ in range(runs):
        for case in cases:
            case.run(env, cwd)


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-libreoffice", action="store_true", help="leave out the LibreOffice yardstick")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-commands-"))
    # As installed: pip and the bundle ship bytecode, so the children may cache theirs (in the temporary
    # folder, not the checkout) even where the machine sets PYTHONDONTWRITEBYTECODE; the untimed first
    # runs write it. Without caches a command compiles every module edited since its cache was written.
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "PYTHONPYCACHEPREFIX": str(work / "pycache"),
        "PYTHONPATH": str(ROOT),
        "TRANSFER_TOOL_DATA_DIR": str(work / "home"),
        "TRANSFER_TOOL_CACHE_DIR": str(work / "cache"),
    }
    env.pop("TRANSFER_TOOL_DEBUG", None)
    try:
        # In a child process: this one stays small, so the peak memory each timed child reports (which
        # starts from its parent's at the fork) is its own.
        print("building the demo database (not timed) ...", flush=True)
        py = sys.executable
        build = "import sys; from transfer_tool.demo import build_demo; build_demo(sys.argv[1])"
        subprocess.run([py, "-c", build, str(work / "demo")], env=env, check=True, capture_output=True)
        database_url = f"sqlite:///{work / 'demo' / 'demo.sqlite3'}"
        pdf_en = work / "demo" / "demo-tia-en.pdf"
        tool = [py, "-m", "ui.launcher", "--database", database_url]
        out = work / "out"
        out.mkdir()
        report = Case(
            "transfer-tool report TR-000001 -o x.pdf", [*tool, "report", "TR-000001", "-o", "x.pdf"]
        )
        report.run(env, out)
        pages = pdf_pages(out / "x.pdf")
        bare = Case(
            f"bare ReportLab process, {pages} pages", [py, "-c", BARE_REPORTLAB, "bare.pdf", str(pages)]
        )
        python_pass = Case("python -c pass", [py, "-c", "pass"])
        # What the fixed stack costs before any work: a process that only imports SQLAlchemy with its ORM
        # and the tool's models (every database command needs them), and that plus ReportLab (a report),
        # importing and ending as the commands do (the cycle collector paused while loading,
        # runtime/collector.py; objects frozen at exit, ui.launcher).
        stack = Case(
            "stack only: SQLAlchemy ORM + the models",
            [py, "-c", "import gc; gc.disable(); import transfer_tool.storage.models; gc.freeze()"],
        )
        stack_report = Case(
            "stack only: ... + ReportLab",
            [
                py,
                "-c",
                "import gc; gc.disable(); import transfer_tool.storage.models, reportlab.platypus; gc.freeze()",
            ],
        )
        cases = [report, bare, python_pass, stack, stack_report]
        office: Case | None = None
        soffice = shutil.which("soffice")
        if soffice and not args.no_libreoffice:
            subprocess.run(
                [*tool, "report", "TR-000001", "--format", "docx", "-o", "tia.docx"],
                cwd=out,
                env=env,
                check=True,
            )
            profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"
            convert = [soffice, profile, "--headless", "--convert-to"]
            subprocess.run([*convert, "odt", "tia.docx"], cwd=out, env=env, check=True, capture_output=True)
            subprocess.run([*convert, "pdf", "tia.odt"], cwd=out, env=env, check=True, capture_output=True)
            office = Case(
                f"LibreOffice ODT -> PDF ({pdf_pages(out / 'tia.pdf')} pages)", [*convert, "pdf", "tia.odt"]
            )
            cases.insert(1, office)
        verify = Case("transfer-tool verify demo-tia-en.pdf", [*tool, "verify", str(pdf_en)])
        help_ = Case("transfer-tool --help", [py, "-m", "ui.launcher", "--help"])
        show = Case("transfer-tool countries show US", [*tool, "countries", "show", "US"])
        listing = Case("transfer-tool transfers list", [*tool, "transfers", "list"])
        transfer = Case("transfer-tool transfers show TR-000001", [*tool, "transfers", "show", "TR-000001"])
        cases += [verify, help_, show, listing, transfer]
        print(f"{args.runs} interleaved rounds of {len(cases)} processes ...", flush=True)
        interleave(cases, args.runs, env, out)

        width = max(len(c.name) for c in cases) + 2
        print(f"\n{'whole process':<{width}}{'median':>9}{'peak':>11}")
        for c in cases:
            print(f"{c.name:<{width}}{c.median:>8.3f}s{c.peak_mib:>8.0f} MiB")
        print("\nratios (same run)")
        if office is not None:
            print(
                f"  report / LibreOffice ODT->PDF   {report.median / office.median:5.2f}x   (target <= 0.4x)"
            )
        print(f"  report / bare ReportLab         {report.median / bare.median:5.2f}x   (about <= 2.5x)")
        office_note = (
            f" (the imports alone take {stack_report.median / office.median:.2f}x LibreOffice)"
            if office
            else ""
        )
        print(f"  report / its stack alone        {report.median / stack_report.median:5.2f}x  {office_note}")
        print(f"  report peak memory              {report.peak_mib:5.0f} MiB (target <= 80 MiB)")
        floor = python_pass.median
        for c, target in ((verify, 0.5), (help_, 0.15), (show, 0.3), (listing, 0.3), (transfer, 0.3)):
            print(
                f"  {c.name:<38}{c.median:6.3f}s  {c.median / floor:5.1f}x python -c pass   (target <= {target} s)"
            )
        print(
            f"  importing the stack alone              {stack.median:6.3f}s  (SQLAlchemy's ORM and the models)"
        )
        for c in (show, listing, transfer):
            print(f"  {c.name:<38}{c.median / stack.median:5.2f}x the stack alone")

        print("\nfirst report of a process against its second (Japanese sample, in-process)")
        for mode in ("warm", "cold"):
            firsts, ratios = [], []
            for _ in range(args.runs):
                done = subprocess.run(
                    [py, "-c", FIRST_RENDERS, mode],
                    env=env,
                    cwd=out,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                first, second = (float(x) for x in done.stdout.strip()[1:-1].split(","))
                firsts.append(first)
                ratios.append(first / second)
            what = "after the app's warm-up" if mode == "warm" else "no warm-up (cold)"
            print(
                f"  {what:<26} first {statistics.median(firsts) * 1000:6.0f} ms, "
                f"first/second {statistics.median(ratios):5.2f}x"
                + ("   (target <= 1.5x)" if mode == "warm" else "")
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
