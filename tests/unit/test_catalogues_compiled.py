"""The message catalogue's compiled .mo files are committed (issue 21): the tool reads them with the
standard library's gettext instead of parsing each .po with Babel in every process, and `pip install .`
(Hatch alone, no compile step) ships what the checkout holds. Each must hold exactly what its .po says."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from transfer_tool.i18n import catalogue

ROOT = Path(__file__).resolve().parents[2]
PO_FILES = sorted(catalogue.locale_dir().glob("*/LC_MESSAGES/*.po"))
FIX = "run scripts/build-translations.sh and commit data/locale/*/LC_MESSAGES/*.mo"


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_each_committed_mo_is_its_po_compiled(po: Path) -> None:
    domain, lang = po.stem, po.parent.parent.name
    mo = catalogue.mo_file(domain, lang)
    assert mo.is_file(), f"{mo.name} of {lang} is missing: {FIX}"
    # Compared entry by entry, not byte by byte: the header holds the time of compiling.
    fresh = catalogue.compile_po(domain, lang)
    assert catalogue.same_entries(mo.read_bytes(), fresh), (
        f"{lang}/{mo.name} is not {po.name} compiled: {FIX}"
    )
    assert len(catalogue.Compiled(io.BytesIO(mo.read_bytes())).messages()) > 0


def test_the_tool_reads_the_compiled_file_not_the_po(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the speed-up rests on: where a .mo exists it is what the lookups read (here it deliberately
    differs from its .po); a .po without one is compiled in memory, so a fresh translation still shows."""
    folder = tmp_path / "ja" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Draft"\nmsgstr "{}"\n'
    (folder / "report.po").write_text(po.format("下書き（.po）"), encoding="utf-8")
    (folder / "calendar.po").write_text(po.format("下書き（.po）"), encoding="utf-8")
    monkeypatch.setattr(catalogue, "locale_dir", lambda: tmp_path)
    for cached in (catalogue.po_catalog, catalogue.compiled, catalogue._translations):
        cached.cache_clear()
    (folder / "report.mo").write_bytes(
        catalogue.compile_po("report", "ja").replace("（.po）".encode(), "（.mo）".encode())
    )
    try:
        assert catalogue.gettext("report", "Draft", "ja") == "下書き（.mo）"
        assert catalogue.gettext("calendar", "Draft", "ja") == "下書き（.po）"
        assert catalogue.messages("report", "ja") == {"Draft": "下書き（.mo）"}
        assert catalogue.messages("engine", "ja") == {}
    finally:
        for cached in (catalogue.po_catalog, catalogue.compiled, catalogue._translations):
            cached.cache_clear()


def test_the_mo_files_are_tracked_by_git() -> None:
    if shutil.which("git") is None:  # .ci/run installs no git: a machine given the files another way
        pytest.skip("git is not installed")
    tracked = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "data/locale"], capture_output=True, text=True
    )
    if tracked.returncode != 0:
        pytest.skip("not a git checkout (e.g. an unpacked sdist)")
    names = set(tracked.stdout.split())
    for po in PO_FILES:
        mo = po.with_suffix(".mo").relative_to(ROOT).as_posix()
        assert mo in names, f"{mo} is not committed: {FIX}"


def test_a_changed_translation_makes_the_compiled_file_stale() -> None:
    compiled = catalogue.compile_po("report", "ja")
    assert catalogue.same_entries(compiled, catalogue.compile_po("report", "ja"))
    texts = catalogue.Compiled(io.BytesIO(compiled)).messages().values()
    some = next(t for t in texts if len(t[-1].encode()) == 3)  # swapped for a character of the same length
    changed = compiled.replace(some.encode(), (some[:-1] + "＊").encode(), 1)
    assert not catalogue.same_entries(compiled, changed)


def test_a_changed_plural_form_makes_the_compiled_file_stale() -> None:
    compiled = catalogue.compile_po("report", "ja")
    plurals = [
        text
        for key, text in catalogue.Compiled(io.BytesIO(compiled)).entries().items()
        if isinstance(key, tuple)
    ]
    assert plurals, "report.po has a plural entry to test with"
    some = next(t for t in plurals if len(t[-1].encode()) == 3)
    changed = compiled.replace(some.encode(), (some[:-1] + "＊").encode(), 1)
    assert not catalogue.same_entries(compiled, changed)


def test_every_compiled_file_has_its_po() -> None:
    """A .mo whose .po was removed would still be read: remove both."""
    for mo in catalogue.locale_dir().glob("*/LC_MESSAGES/*.mo"):
        assert mo.with_suffix(".po").is_file(), f"{mo} has no .po: remove it too"
