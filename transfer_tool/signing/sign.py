"""Signing the report: PAdES B-B (B-T with a timestamp) into the sign-off field, with a visible stamp."""

from __future__ import annotations

import datetime as dt
import io
import logging
import os

from pyhanko import stamp
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError

from transfer_tool.errors import ValidationError
from transfer_tool.i18n.catalogue import gettext
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.paths import resource_file
from transfer_tool.signing.fields import DEFAULT_SIGNATURE_FIELD, SignatureFieldLayout
from transfer_tool.signing.identity import SigningIdentity, open_identity

# VL Gothic has unitsPerEm 1000; pyHanko 0.38 mis-spaces 2048-upem fonts such as IPAexGothic in stamps.
STAMP_FONT_FILE = "VL-Gothic-Regular.ttf"
_STAMP_FONT_SIZE = 9

# The stamp's labels: msgids of the catalogue's `signing` domain, in the report's language.
_STAMP_LABELS = ("Digitally signed by", "Date", "Reason")


def _stamp_style(lang: str) -> stamp.TextStampStyle:
    # Imported here: it needs pyHanko's [opentype] extra (fonttools, uharfbuzz); verification does not.
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

    # fontTools warns "FFTM NOT subset" for every stamp; it is harmless and would clutter the CLI.
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    signed_by, date, reason = (gettext("signing", label, lang) for label in _STAMP_LABELS)
    font = GlyphAccumulatorFactory(str(resource_file("fonts", STAMP_FONT_FILE)), font_size=_STAMP_FONT_SIZE)
    return stamp.TextStampStyle(
        stamp_text=f"{signed_by}: %(display_name)s\n{date}: %(stamped_at)s\n{reason}: %(reason)s",
        text_box_style=TextBoxStyle(font=font, font_size=_STAMP_FONT_SIZE),
        border_width=1,
    )


def sign_pdf(
    pdf: bytes,
    identity: SigningIdentity | str | os.PathLike[str],
    passphrase: str,
    *,
    reason: str,
    location: str,
    signer_display_name: str,
    field_name: str = DEFAULT_SIGNATURE_FIELD,
    field_layout: SignatureFieldLayout | None = None,
    timestamp_url: str | None = None,
    timestamper: TimeStamper | None = None,
    lang: str = "en",
    stamped_at: dt.datetime | None = None,
) -> bytes:
    """`pdf` signed (PAdES, SHA-256) into `field_name`.

    The field normally exists already (`report.render_report` adds it in the sign-off box); otherwise
    `field_layout` says where to create it, and without that the signature is invisible. A timestamp
    (RFC 3161) is added from `timestamp_url` or the `timestamper` object. The visible stamp's date is
    `stamped_at` (an approval's moment, which the report's history states too), else now, in UTC as the
    report writes times: pyHanko's own reading of the clock, in the computer's time zone, said another
    minute than the history at a minute's edge and another day and zone away from UTC.
    """
    opened = open_identity(identity, passphrase)
    signer = signers.SimpleSigner.load_pkcs12_data(
        opened.pkcs12_bytes, other_certs=[], passphrase=passphrase.encode("utf-8")
    )
    if signer is None:  # pyHanko logs and returns None instead of raising
        raise ValidationError("The signing identity could not be loaded. Check the file and the passphrase.")
    if timestamper is None and timestamp_url:
        timestamper = timestamps.HTTPTimeStamper(timestamp_url)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError, OSError) as exc:
        raise ValidationError(error_text("The document to sign is not a readable PDF ({0}).", exc)) from exc
    existing = {name for name, _value, _ref in fields.enumerate_sig_fields(writer)}
    if field_name not in existing and field_layout is not None:
        fields.append_signature_field(
            writer, SignatureFieldLayout(field_name, field_layout.page_index, field_layout.box).spec()
        )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
        name=signer_display_name,
    )
    pdf_signer = signers.PdfSigner(
        meta, signer=signer, stamp_style=_stamp_style(lang), timestamper=timestamper
    )
    when = (stamped_at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    out = io.BytesIO()
    try:
        pdf_signer.sign_pdf(
            writer,
            output=out,
            appearance_text_params={
                "display_name": signer_display_name,
                "reason": reason,
                "stamped_at": f"{when:%Y-%m-%d %H:%M} UTC",
            },
        )
    except TimestampRequestError as exc:
        raise ValidationError(
            error_text(
                "The timestamp server did not answer ({0}). Check the timestamp URL and the "
                "network, or sign without a timestamp.",
                exc,
            )
        ) from exc
    return out.getvalue()
