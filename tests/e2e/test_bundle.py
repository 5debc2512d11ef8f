"""The desktop bundle (PyInstaller, packaging/transfer-tool.spec) built from this checkout works on its own.

`make dist` builds it into a temporary folder; the folder is then copied elsewhere and every command runs
with an empty environment (no Python, no venv, no PYTHONPATH; HOME and XDG folders in a temporary
directory) and, where the machine allows a private mount namespace (root), with this checkout hidden
under an empty tmpfs, so nothing can be read from the source tree.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from transfer_tool import __version__
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 480
RUN_TIMEOUT_S = 120
SIZE_LIMIT_MB = 400  # about 290 MB today; WebEngine or the whole of Qt's Addons would break this
PASSWORD = "correct horse battery staple"
FUTURE_REVISION = "9999_from_a_newer_version"

pytestmark = [pytest.mark.bundle, pytest.mark.slow, pytest.mark.timeout(BUILD_TIMEOUT_S + 300)]


def _why_no_build() -> str:
    if importlib.util.find_spec("PyInstaller") is None:
        return "PyInstaller is not installed: pip install -e '.[dist]' (the dist extra)"
    for tool, package in (("make", "make"), ("objcopy", "binutils"), ("ldd", "libc-bin")):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install {package}); PyInstaller needs it on Linux"
    if not sys.platform.startswith("linux"):
        return "the bundle test runs on Linux (see packaging/README.md for Windows and macOS)"
    return ""


def _hiding_works() -> bool:
    """Whether commands can run with the checkout hidden (a private mount namespace needs root)."""
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", f"mount -t tmpfs none '{ROOT}'"],
        capture_output=True,
    )
    return probe.returncode == 0


@dataclass(frozen=True)
class Bundle:
    folder: Path  # the copy that is run (not where it was built)
    home: Path
    hide_checkout: bool

    @property
    def cli(self) -> str:
        return str(self.folder / "transfer-tool")

    @property
    def gui(self) -> str:
        return str(self.folder / "transfer-tool-gui")

    @property
    def data_dir(self) -> Path:
        return self.home / "share" / "transfer-tool"

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            "HOME": str(self.home),
            "XDG_DATA_HOME": str(self.home / "share"),
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "XDG_CACHE_HOME": str(self.home / "cache"),
            "QT_QPA_PLATFORM": "offscreen",
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
        }
        env.update(extra)
        return env

    def run(self, args: Sequence[str], *, exe: str = "", **extra: str) -> subprocess.CompletedProcess[str]:
        cmd = [exe or self.cli, *args]
        if self.hide_checkout:
            hide = f"mount -t tmpfs none '{ROOT}' && exec \"$@\""
            cmd = ["unshare", "--mount", "--propagation", "private", "sh", "-c", hide, "sh", *cmd]
        return subprocess.run(
            cmd,
            env=self.env(**extra),
            cwd=self.home,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_S,
        )


def _ok(proc: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert proc.returncode == 0, f"{proc.args} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def _du(path: Path) -> int:
    if path.is_symlink():  # PyInstaller links Qt's libraries into the top folder; count them once
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    reason = _why_no_build()
    if reason:
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("bundle-build")
    python = Path(sys.executable)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QT_QPA_PLATFORM")}
    proc = subprocess.run(
        ["make", "dist", f"PYTHON={python}", f"DISTDIR={work / 'dist'}", f"BUILDDIR={work / 'build'}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    assert proc.returncode == 0, f"make dist failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    folder = elsewhere / "transfer-tool"
    shutil.copytree(work / "dist" / "transfer-tool", folder, symlinks=True)
    shutil.rmtree(work)  # only the copy exists from here on
    home = tmp_path_factory.mktemp("home")
    return Bundle(folder, home, _hiding_works())


def test_size_and_contents(bundle: Bundle, capsys: pytest.CaptureFixture[str]) -> None:
    internal = bundle.folder / "_internal"
    total = _du(bundle.folder)
    parts = sorted(((_du(p), p.name) for p in internal.iterdir()), reverse=True)[:12]
    qt = internal / "PySide6" / "Qt"
    with capsys.disabled():
        print(f"\nbundle: {total / 1e6:.0f} MB in {bundle.folder}")
        print("largest parts: " + ", ".join(f"{name} {size / 1e6:.1f} MB" for size, name in parts))
        print("checkout hidden while running: " + ("yes" if bundle.hide_checkout else "no (needs root)"))
    assert total < SIZE_LIMIT_MB * 1e6
    # Two executables sharing one folder, the Linux launcher beside them.
    for name in ("transfer-tool", "transfer-tool-gui", "install.sh", "share/transfer-tool.desktop"):
        assert (bundle.folder / name).is_file(), name
    # What the app reads at run time is inside.
    for inside in (
        "data/countries.json",
        "resources/fonts/ipaexg.ttf",
        "resources/translations/transfer_tool_ja.qm",
        "resources/icons/transfer-tool-64.png",
        "docs/user-guide.md",  # Help → User guide
        "docs/screenshots/main-window.png",
        "transfer_tool/storage/migrations/env.py",
        "pycountry/locales/ja/LC_MESSAGES/iso3166-1.mo",
    ):
        assert (internal / inside).is_file(), inside
    assert list((internal / "transfer_tool/storage/migrations/versions").glob("0001_*.py"))
    plugins = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so"} <= plugins
    assert (qt / "lib" / "libQt6Pdf.so.6").is_file()
    # ... and what it does not need is not.
    names = {p.name for p in internal.rglob("*")}
    assert not [n for n in names if "WebEngine" in n or "Qt6Quick" in n or "Qt63D" in n or n == "tkinter"]
    assert not {"pytest", "_pytest", "mypy", "ruff"} & {p.name for p in internal.iterdir()}
    assert {p.name for p in (internal / "pycountry" / "locales").iterdir()} == {"ja"}
    assert all(q.name.endswith(("_ja.qm", "_en.qm")) for q in (qt / "translations").glob("*.qm"))


def test_version(bundle: Bundle) -> None:
    assert _ok(bundle.run(["--version"])).stdout.strip() == f"transfer-tool {__version__}"


def test_first_start_creates_the_database_and_the_gui_check_mode_shows_the_register(bundle: Bundle) -> None:
    creds = {"TRANSFER_TOOL_USER": "admin", "TRANSFER_TOOL_PASSWORD": PASSWORD}
    _ok(bundle.run(["init", "--admin", "admin"], **creds))
    database = bundle.data_dir / "transfer-tool.sqlite3"
    assert database.is_file() and (database.stat().st_mode & 0o777) == 0o600
    # The shipped country data, with Japanese names from pycountry's catalogue inside the bundle.
    found = _ok(bundle.run(["countries", "search", "ベトナム"])).stdout
    assert "VN" in found
    for exe in (bundle.cli, bundle.gui):
        shot = bundle.home / f"{Path(exe).name}.png"
        args = ["gui", "--screenshot", str(shot)] if exe == bundle.cli else ["--screenshot", str(shot)]
        _ok(bundle.run(args, exe=exe, **creds))
        assert _png_size(shot) == (1280, 800)


def test_demo_writes_signed_reports_that_verify(bundle: Bundle) -> None:
    demo = bundle.home / "demo"
    _ok(bundle.run(["demo", "-o", str(demo)]))
    en, ja = demo / "demo-tia-en.pdf", demo / "demo-tia-ja.pdf"
    assert en.read_bytes().startswith(b"%PDF") and ja.read_bytes().startswith(b"%PDF")
    # The demo database trusts the demo signer and holds the signed copies.
    demo_db = f"sqlite:///{demo / 'demo.sqlite3'}"
    checked = _ok(bundle.run(["--database", demo_db, "verify", str(en)])).stdout
    assert "VALID" in checked and "matches database: yes" in checked
    _ok(bundle.run(["--database", demo_db, "verify", str(ja)]))
    # Anyone else's database does not trust it, unless they are given the certificate for the check.
    untrusted = bundle.run(["verify", str(en)])
    assert untrusted.returncode == 1 and "UNTRUSTED" in untrusted.stderr
    cert = demo / "demo-signer-certificate.pem"
    _ok(bundle.run(["verify", "--cert", str(cert), str(en)]))
    # One changed byte inside the signed range is caught.
    tampered = bundle.home / "tampered.pdf"
    data = bytearray(en.read_bytes())
    at = data.index(b"TR-000001")
    data[at : at + 9] = b"TR-000002"
    tampered.write_bytes(bytes(data))
    assert bundle.run(["--database", demo_db, "verify", str(tampered)]).returncode == 1


def test_report_all_runs_worker_processes_from_the_bundle(bundle: Bundle) -> None:
    demo = bundle.home / "demo-for-reports"
    _ok(bundle.run(["demo", "-o", str(demo)]))
    out = bundle.home / "reports"
    args = [
        "--database",
        f"sqlite:///{demo / 'demo.sqlite3'}",
        "report",
        "--all",
        "--jobs",
        "2",
        "-o",
        str(out),
    ]
    _ok(bundle.run(args))
    pdfs = sorted(out.glob("*.pdf"))
    assert pdfs and all(p.read_bytes().startswith(b"%PDF") for p in pdfs)


def _sql(path: Path, statement: str, *params: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        with conn:
            return conn.execute(statement, params).fetchall()
    finally:
        conn.close()


def _dump(path: Path) -> list[str]:
    """The database's content as SQL (the file's bytes move when SQLite checkpoints its WAL)."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _made_database(bundle: Bundle, name: str) -> Path:
    path = bundle.home / name
    _ok(bundle.run(["--database", f"sqlite:///{path}", "transfers", "list"]))
    return path


def test_a_newer_database_is_refused_and_left_alone(bundle: Bundle) -> None:
    path = _made_database(bundle, "newer.sqlite3")
    _sql(path, "UPDATE alembic_version SET version_num = ?", FUTURE_REVISION)
    before = _dump(path)
    url = f"sqlite:///{path}"
    cli = bundle.run(["--database", url, "transfers", "list"])
    assert cli.returncode != 0
    assert "written by a newer version of the transfer tool" in cli.stderr
    shot = bundle.home / "newer.png"
    gui = bundle.run(["--database", url, "--screenshot", str(shot)], exe=bundle.gui)
    assert gui.returncode == 2 and "newer version" in gui.stderr
    assert _png_size(shot)[0] > 0  # the error dialog a user would see
    assert _dump(path) == before


def test_an_older_database_is_backed_up_and_upgraded(bundle: Bundle) -> None:
    revisions = migrate.shipped_revisions()
    heads = set(revisions) - {d for d in revisions.values() if d}
    head = heads.pop()
    previous = revisions[head]
    if previous is None:
        pytest.skip("only one shipped migration: no older schema to upgrade from yet")
    path = _made_database(bundle, "older.sqlite3")
    db = Database(f"sqlite:///{path}")
    migrate.downgrade(db, previous)  # the test's own copy of the tool writes the older schema
    db.dispose()
    _ok(bundle.run(["--database", f"sqlite:///{path}", "transfers", "list"]))
    assert _sql(path, "SELECT version_num FROM alembic_version") == [(head,)]
    assert list((bundle.data_dir / "backups").glob(f"older-before-{head}-*.sqlite3"))
