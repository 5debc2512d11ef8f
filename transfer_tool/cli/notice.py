"""Commands: notice (the privacy notice's transfer section, its generations, the APPI on-request answer)
and notice-name (how the notice shows an entity).

The handlers import the notice service when they run (python-docx only for --format docx).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from transfer_tool import clock
from transfer_tool.cli.context import CliContext
from transfer_tool.errors import ToolError

FORMATS = ("md", "html", "docx")
_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}


def register(sub: Any) -> None:
    n = sub.add_parser(
        "notice",
        help="write the privacy notice's transfer section for a regime from the approved register",
        description="Writes the transfer section of the privacy notice (GDPR Art. 13(1)(f)/14(1)(f), "
        "APPI Art. 28(2) and PPC Rules Art. 17) from the approved assessments, with the country data. "
        "Transfers not yet approved are listed apart as planned; unverified country data is marked. "
        "Prints what changed since the last published notice of the regime. --publish stores the "
        "generation and makes it the published notice (admin).",
    )
    n.add_argument("--regime", required=True, help="EU, UK, CH, JP, BR (or another regime of the data)")
    n.add_argument("--lang", choices=("en", "ja"), default="en")
    n.add_argument("--format", choices=FORMATS, help="md, html or docx (default: from -o's suffix, else md)")
    n.add_argument("-o", "--output", type=Path, help="output file (default: Markdown or HTML to stdout)")
    n.add_argument(
        "--group-by",
        choices=("recipient_type", "purpose"),
        default="recipient_type",
        help="group destinations by recipient category (policy §9) or by purpose (policy §7)",
    )
    n.add_argument("--store", action="store_true", help="store this generation with its register version")
    n.add_argument(
        "--publish", action="store_true", help="store and publish this generation (admin; needs --user)"
    )
    n.add_argument(
        "--accept-unverified",
        action="store_true",
        help="publish although the notice rests on unverified or missing country data or on transfers to "
        "re-assess (recorded)",
    )
    n.add_argument(
        "--answer",
        metavar="REF",
        help="instead: the APPI Art. 28(3) / PPC Rules Art. 18(3) answer for transfer REF",
    )
    n.add_argument("--on", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="the date (default today)")
    n.set_defaults(handler=cmd_notice)

    m = sub.add_parser(
        "notice-name",
        help="how the privacy notice shows an entity: by name, by recipient category, or not at all",
    )
    m.add_argument("entity", type=int, help="the entity's number (transfer-tool entities list)")
    m.add_argument("mode", choices=("name", "category", "omitted"))
    m.set_defaults(handler=cmd_notice_name)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output is not None:
        return _SUFFIXES.get(args.output.suffix.lower(), "md")
    return "md"


def _write(args: argparse.Namespace, doc: Any) -> str:
    from transfer_tool.notice import document

    fmt = _format(args)
    if fmt == "docx":
        if args.output is None:
            raise ToolError("A Word file needs a name: add -o notice.docx.")
        from transfer_tool.notice.docx_writer import to_docx

        data = to_docx(doc)
    else:
        text = document.to_markdown(doc) if fmt == "md" else document.to_html(doc)
        if args.output is None:
            sys.stdout.write(text)
            return fmt
        data = text.encode("utf-8")
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(data)
    except OSError as exc:
        raise ToolError(f"Cannot write {args.output}: {exc.strerror or exc}. Choose another file.") from exc
    return fmt


def cmd_notice(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.notice import service

    today = args.on or clock.today()
    if args.answer:
        if args.regime != "JP":
            raise ToolError("The on-request answer is an APPI duty: use --regime JP with --answer.")
        doc = service.answer(ctx.db, args.answer, args.lang)
        fmt = _write(args, doc)
        if args.output is not None:
            print(f"written: {args.output} (APPI Art. 28(3) answer for {args.answer}, {args.lang}, {fmt})")
        return 0
    if args.store or args.publish:
        actor = ctx.actor()
        preview, generation = service.generate(
            ctx.db, actor, args.regime, args.lang, group_by=args.group_by, today=today
        )
    else:
        preview = service.preview(ctx.db, args.regime, args.lang, group_by=args.group_by, today=today)
        generation = None
    if args.publish and generation is not None:
        # Without --on the service reads the moment once (the day this command started, joined with the
        # time of day it published, was a day early when midnight fell between).
        published = service.publish(
            ctx.db, actor, generation.id, accept_unverified=args.accept_unverified, today=args.on
        )
        on = published.published_at.date() if published.published_at else today
        # The file holds the text as published: the accepted items are recorded, no longer marked.
        preview = service.preview(
            ctx.db, args.regime, args.lang, group_by=args.group_by, today=on, mark_unverified=False
        )
    fmt = _write(args, preview.document)
    report = sys.stderr if args.output is None else sys.stdout
    print(preview.diff_text, file=report)
    for item in preview.checks:
        print(f"check before publishing: {item}", file=report)
    if args.output is not None:
        print(
            f"written: {args.output} ({args.regime}, {args.lang}, {fmt}; {len(preview.entries)} approved, "
            f"{len(preview.planned)} planned; register version {preview.register_version})"
        )
    if generation is not None:
        print(f"stored as generation {generation.id}", file=report)
    if args.publish and generation is not None:
        print(f"published: generation {published.id} ({args.regime}, {args.lang})", file=report)
    return 0


def cmd_notice_name(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.notice import service

    e = service.set_notice_name(ctx.db, ctx.actor(), args.entity, args.mode)
    print(f"entity {e.id} ({e.country}): the notice shows it by {e.notice_name.value}")
    return 0
