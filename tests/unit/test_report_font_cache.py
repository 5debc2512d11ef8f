"""The report fonts' parsed tables are kept on disk (issue 21): a process's first render no longer parses
IPAexGothic and DejaVu Sans in pure Python. What comes from the cache must be exactly what ReportLab
parses, a damaged or foreign entry is parsed again, and a cache folder that cannot be written only costs
the time."""

from __future__ import annotations

import io
import marshal
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from transfer_tool.paths import resource_file
from transfer_tool.report import font_cache
from transfer_tool.report.font_cache import CHAR_INFO
from transfer_tool.report.reportlab_adapter import CachedFontFace, ttfont_with_table_cache
from transfer_tool.runtime.config import ENV_CACHE_DIR

ROOT = Path(__file__).resolve().parents[2]
# DejaVu Sans is the smaller of the two report fonts (0.7 MB): quick to parse in every test.
FONT = str(resource_file("fonts", "DejaVuSans.ttf"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENV_CACHE_DIR, str(tmp_path / "cache"))
    return tmp_path / "cache" / "fonts"


def _parse_counter(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts ReportLab's full parses (extractInfo with the character tables)."""
    calls: list[int] = []
    parse = TTFontFile.extractInfo

    def counting(self: object, charInfo: int = 1) -> None:
        if charInfo:
            calls.append(1)
        parse(self, charInfo)

    monkeypatch.setattr(TTFontFile, "extractInfo", counting)
    return calls


def test_the_cached_face_is_the_parsed_face(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = TTFont("plain", FONT).face
    first = ttfont_with_table_cache("first", FONT, ascii_readable=False)  # parses, and writes the cache
    assert [p.name for p in cache.iterdir()] == [
        font_cache.cache_file(first.face._ttf_data, "DejaVuSans").name
    ]
    parses = _parse_counter(monkeypatch)
    second = ttfont_with_table_cache("second", FONT, ascii_readable=False)
    assert parses == []  # the character tables came from the disk
    assert isinstance(second.face, CachedFontFace)
    for name in CHAR_INFO:
        assert getattr(second.face, name) == getattr(parsed, name), name
    for name in (
        "name",
        "ascent",
        "descent",
        "capHeight",
        "bbox",
        "flags",
        "italicAngle",
        "stemV",
        "unitsPerEm",
    ):
        assert getattr(second.face, name) == getattr(parsed, name), name


def test_a_damaged_or_foreign_entry_is_parsed_again(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ttfont_with_table_cache("one", FONT, ascii_readable=False)
    (entry,) = cache.iterdir()
    good = entry.read_bytes()
    parses = _parse_counter(monkeypatch)
    for bad in (b"", good[: len(good) // 2], b"\x00not marshal", marshal.dumps({"x": 1})):
        entry.write_bytes(bad)
        face = ttfont_with_table_cache("again", FONT, ascii_readable=False).face
        assert face.charToGlyph and face.charWidths  # parsed from the font file
        assert entry.read_bytes() == good  # and the entry rewritten
    assert len(parses) == 4


def test_a_cache_folder_that_cannot_be_written_costs_only_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    monkeypatch.setenv(ENV_CACHE_DIR, str(blocked))
    face = ttfont_with_table_cache("blocked", FONT, ascii_readable=False).face
    assert face.charToGlyph


def test_a_report_rendered_with_cached_fonts_draws_the_same_text(tmp_path: Path) -> None:
    """Two fresh processes render the Japanese sample: the first parses the fonts and fills the cache,
    the second reads them from it. Both PDFs carry the same text and the same embedded glyph subsets."""
    script = (
        "import sys\n"
        "from reportlab import rl_config\n"
        "rl_config.invariant = 1\n"
        "from transfer_tool.domain import AssessmentStatus\n"
        "from transfer_tool.report import render_report\n"
        "from transfer_tool.report.sample import sample_report_data\n"
        "from transfer_tool.report.reportlab_adapter import CachedFontFace\n"
        "from reportlab.pdfbase.pdfmetrics import getFont\n"
        "pdf = render_report(sample_report_data(AssessmentStatus.APPROVED), 'ja')\n"
        "open(sys.argv[1], 'wb').write(pdf)\n"
        "assert isinstance(getFont('IPAexG').face, CachedFontFace)\n"
    )
    env = {"PYTHONPATH": str(ROOT), ENV_CACHE_DIR: str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    pdfs = []
    for run in ("parsed", "cached"):
        out = tmp_path / f"{run}.pdf"
        subprocess.run([sys.executable, "-c", script, str(out)], env=env, check=True, timeout=120)
        pdfs.append(out.read_bytes())
        assert len(list((tmp_path / "cache" / "fonts").iterdir())) == 2
    parsed, cached = (PdfReader(io.BytesIO(pdf)) for pdf in pdfs)
    assert [p.extract_text() for p in parsed.pages] == [p.extract_text() for p in cached.pages]
    assert pdfs[0] == pdfs[1]  # invariant mode: the very same bytes, subsets included
