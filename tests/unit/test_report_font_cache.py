"""The report fonts' parsed tables are kept on disk (issue 21): a process's first render no longer parses
IPAexGothic and DejaVu Sans in pure Python. What comes from the cache must be exactly what ReportLab
parses, a damaged or foreign entry is parsed again, and a cache folder that cannot be written only costs
the time."""

from __future__ import annotations

import hashlib
import io
import json
import marshal
import mmap
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFile

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
    assert [p.name for p in cache.iterdir()] == [font_cache.cache_file(Path(FONT), b"").name]
    assert isinstance(first.face._ttf_data, mmap.mmap)  # the file mapped, not read into memory
    parses = _parse_counter(monkeypatch)
    second = ttfont_with_table_cache("second", FONT, ascii_readable=False)
    assert parses == []  # the character tables came from the disk
    assert isinstance(second.face, CachedFontFace)
    for name in CHAR_INFO:
        cached, fresh = getattr(second.face, name), getattr(parsed, name)
        if name in ("hmetrics", "glyphPos"):  # arrays in the cache, lists in ReportLab's parse
            cached, fresh = [cached[i] for i in range(len(cached))], list(fresh)
        assert cached == fresh, name
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
    stored = marshal.loads(good)
    shorter = {**stored, "glyphPos": stored["glyphPos"][:-4]}  # tables of different lengths
    for bad in (
        b"",
        good[: len(good) // 2],
        b"\x00not marshal",
        marshal.dumps({"x": 1}),
        marshal.dumps(shorter),
    ):
        entry.write_bytes(bad)
        face = ttfont_with_table_cache("again", FONT, ascii_readable=False).face
        assert face.charToGlyph and face.charWidths  # parsed from the font file
        assert entry.read_bytes() == good  # and the entry rewritten
    assert len(parses) == 5


def test_a_cache_folder_that_cannot_be_written_costs_only_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    monkeypatch.setenv(ENV_CACHE_DIR, str(blocked))
    face = ttfont_with_table_cache("blocked", FONT, ascii_readable=False).face
    assert face.charToGlyph


def test_a_report_rendered_with_cached_fonts_draws_the_same_text(tmp_path: Path) -> None:
    """Fresh processes render the Japanese sample: one with ReportLab's own font faces, one that parses
    the fonts and fills the cache, one that reads them from it. All three PDFs carry the same text and
    the same embedded glyph subsets."""
    script = (
        "import sys\n"
        "from reportlab import rl_config\n"
        "rl_config.invariant = 1\n"
        "from transfer_tool.domain import AssessmentStatus\n"
        "from transfer_tool.report import fonts, render_report\n"
        "from transfer_tool.report.sample import sample_report_data\n"
        "from transfer_tool.report.reportlab_adapter import CachedFontFace\n"
        "from reportlab.pdfbase.pdfmetrics import getFont\n"
        "from reportlab.pdfbase.ttfonts import TTFont\n"
        "plain = sys.argv[2] == 'plain'\n"
        "if plain:  # ReportLab's own faces: the whole file read and parsed\n"
        "    fonts.ttfont_with_table_cache = lambda name, filename, ascii_readable: TTFont(\n"
        "        name, filename, asciiReadable=ascii_readable)\n"
        "pdf = render_report(sample_report_data(AssessmentStatus.APPROVED), 'ja')\n"
        "open(sys.argv[1], 'wb').write(pdf)\n"
        "assert isinstance(getFont('IPAexG').face, CachedFontFace) != plain\n"
    )
    env = {"PYTHONPATH": str(ROOT), ENV_CACHE_DIR: str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    pdfs = []
    for run in ("plain", "parsed", "cached"):
        out = tmp_path / f"{run}.pdf"
        subprocess.run([sys.executable, "-c", script, str(out), run], env=env, check=True, timeout=120)
        pdfs.append(out.read_bytes())
        assert len(list((tmp_path / "cache").glob("fonts/*"))) == (0 if run == "plain" else 2)
    plain, parsed, cached = (PdfReader(io.BytesIO(pdf)) for pdf in pdfs)
    assert [p.extract_text() for p in parsed.pages] == [p.extract_text() for p in cached.pages]
    assert [p.extract_text() for p in plain.pages] == [p.extract_text() for p in cached.pages]
    # invariant mode: the very same bytes, subsets included, whether ReportLab read the whole file or
    # the cache and the mapped file gave the tables and glyphs
    assert pdfs[0] == pdfs[1] == pdfs[2]


def test_the_shipped_digests_are_the_shipped_fonts() -> None:
    """The cache is keyed by each shipped font's SHA-256 from SHA256SUMS.json, without hashing 6 MB at
    every start: the list must name every font the tool ships, with its real digest and size."""
    folder = resource_file("fonts")
    digests = json.loads((folder / font_cache.DIGESTS).read_text(encoding="utf-8"))
    assert set(digests) == {f.name for f in folder.glob("*.ttf")}
    for font in folder.glob("*.ttf"):
        data = font.read_bytes()
        assert digests[font.name] == {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
        assert font_cache.shipped_digest(font) == digests[font.name]["sha256"]


def test_a_font_that_is_not_the_shipped_one_is_keyed_by_its_own_bytes(tmp_path: Path) -> None:
    """A font file other than the one shipped (another size under the same name, or no list beside it)
    is hashed: its tables never come from the shipped font's entry."""
    shipped = Path(FONT)
    changed = tmp_path / shipped.name
    changed.write_bytes(shipped.read_bytes() + b"\0\0\0\0")
    (tmp_path / font_cache.DIGESTS).write_bytes((shipped.parent / font_cache.DIGESTS).read_bytes())
    assert font_cache.shipped_digest(changed) is None
    own = hashlib.sha256(changed.read_bytes()).hexdigest()
    assert own[:32] in font_cache.cache_file(changed, changed.read_bytes()).name
    assert font_cache.cache_file(changed, b"").name != font_cache.cache_file(shipped, b"").name


def test_the_glyph_table_of_a_mapped_font_reads_what_the_file_holds() -> None:
    from transfer_tool.report.reportlab_adapter import GlyphTable

    data = Path(FONT).read_bytes()
    with open(FONT, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        table = GlyphTable(mapped, 1000, 5000)
        whole = data[1000:6000]
        assert len(table) == 5000
        for part in (slice(0, 12), slice(4990, 5100), slice(300, 200), slice(10, 40, 3), slice(None)):
            assert table[part] == whole[part], part


def test_an_empty_font_file_is_refused_as_reportlab_refuses_it(tmp_path: Path, cache: Path) -> None:
    """A damaged install (a font file of no bytes) fails as with ReportLab's own reading, with its
    TTFError, not with the memory map's ValueError ("cannot mmap an empty file")."""
    empty = tmp_path / "empty.ttf"
    empty.write_bytes(b"")
    with pytest.raises(TTFError) as plain:
        TTFont("plain", str(empty))
    with pytest.raises(TTFError) as cached:
        ttfont_with_table_cache("cached", str(empty), ascii_readable=False)
    assert str(cached.value) == str(plain.value)


_OVERWRITE = """
import io, shutil, sys
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from transfer_tool.report.reportlab_adapter import ttfont_with_table_cache
font, other, how = sys.argv[1:4]
plain = how == "plain"
face = TTFont("F", font, asciiReadable=0) if plain else ttfont_with_table_cache("F", font, ascii_readable=False)
pdfmetrics.registerFont(face)
shutil.copyfile(other, font)  # what `cp new/ipaexg.ttf install/` does: the same file truncated, rewritten
out = io.BytesIO()
c = canvas.Canvas(out, invariant=1)
c.setFont("F", 12)
c.drawString(72, 720, "越境移転の評価 ABC")
c.save()
sys.stdout.buffer.write(out.getvalue())
"""


@pytest.mark.parametrize(
    "other",
    [
        "ipaexg.ttf",  # the same bytes written again: the report is the one ReportLab writes
        "DejaVuSans.ttf",  # a smaller file: reading the map past its end would kill the process (SIGBUS)
        "HanaMinB-ExtB.ttf",  # a larger one: the map would give that file's glyphs
    ],
)
def test_a_font_file_overwritten_under_a_running_process_never_gives_other_glyphs(
    tmp_path: Path, other: str
) -> None:
    """The mapped font file is read when the document takes its glyphs (review s9): rewritten in place
    since registration, the render either embeds exactly what ReportLab's own reading (the whole file
    read at registration) embeds, or stops with a message that says what to do; it never dies of SIGBUS
    and never writes another font's glyphs into a report that may then be signed."""
    env = {"PYTHONPATH": str(ROOT), ENV_CACHE_DIR: str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    done = {}
    for how in ("plain", "cached"):
        font = tmp_path / how / "font.ttf"
        font.parent.mkdir()
        font.write_bytes(resource_file("fonts", "ipaexg.ttf").read_bytes())
        run = [sys.executable, "-c", _OVERWRITE, str(font), str(resource_file("fonts", other)), how]
        done[how] = subprocess.run(run, env=env, capture_output=True, timeout=120)
    assert done["plain"].returncode == 0
    cached = done["cached"]
    if other == "ipaexg.ttf":
        assert cached.returncode == 0, cached.stderr.decode()
        assert cached.stdout == done["plain"].stdout
    else:
        assert cached.returncode == 1, f"exit {cached.returncode}"  # a Python error, not a signal
        assert b"was changed on disk while the tool was running" in cached.stderr
        assert not cached.stdout  # no PDF at all


def test_a_font_file_replaced_or_removed_under_a_running_process_changes_nothing(tmp_path: Path) -> None:
    """An update that writes a new file and renames it over the old one (pip, the Linux installer), or
    removes the old one, leaves the mapped file as it was: the report is ReportLab's own."""
    env = {"PYTHONPATH": str(ROOT), ENV_CACHE_DIR: str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    replace = _OVERWRITE.replace(
        "shutil.copyfile(other, font)",
        "shutil.copyfile(other, font + '.new'); os.replace(font + '.new', font)",
    ).replace("import io, shutil, sys", "import io, os, shutil, sys")
    remove = _OVERWRITE.replace("shutil.copyfile(other, font)", "os.remove(font)").replace(
        "import io, shutil, sys", "import io, os, shutil, sys"
    )
    outputs = []
    for name, script in (("replaced", replace), ("removed", remove)):
        for how in ("plain", "cached"):
            font = tmp_path / f"{name}-{how}" / "font.ttf"
            font.parent.mkdir()
            font.write_bytes(resource_file("fonts", "ipaexg.ttf").read_bytes())
            other = str(resource_file("fonts", "DejaVuSans.ttf"))
            ran = subprocess.run(
                [sys.executable, "-c", script, str(font), other, how],
                env=env,
                capture_output=True,
                timeout=120,
            )
            assert ran.returncode == 0, ran.stderr.decode()
            outputs.append(ran.stdout)
    assert outputs[0] == outputs[1] and outputs[2] == outputs[3]
