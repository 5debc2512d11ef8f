"""The `transfer-tool` command line: the same services as the app, headless.

Each command family lives in its own module with a `register(subparsers)` function; handlers take
`(args, ctx)` and return an exit code. A user error prints one clear line and exits non-zero.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence

from transfer_tool import __version__
from transfer_tool.cli.context import CliContext
from transfer_tool.errors import ToolError, ValidationError
from transfer_tool.library_noise import quiet_libraries

COMMAND_MODULES = (
    "transfer_tool.cli.core",
    "transfer_tool.cli.countries",
    "transfer_tool.cli.reports",
    "transfer_tool.cli.maintenance",
    "transfer_tool.cli.notice",
    "transfer_tool.cli.assess",
)

# The command words each module registers: a command builds only its own module's parsers (about 10 ms
# of every command less; tests/unit/test_cli_imports.py checks this against what each one registers).
COMMANDS = {
    **dict.fromkeys(("init", "transfers", "due", "audit", "users"), "transfer_tool.cli.core"),
    "countries": "transfer_tool.cli.countries",
    **dict.fromkeys(("report", "sign", "approve", "verify", "demo", "trust"), "transfer_tool.cli.reports"),
    **dict.fromkeys(("backup", "restore", "check"), "transfer_tool.cli.maintenance"),
    **dict.fromkeys(("notice", "notice-name"), "transfer_tool.cli.notice"),
    "assess": "transfer_tool.cli.assess",
}


Register = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]
DefaultRun = Callable[[argparse.Namespace], int]


def build_parser(
    extra: Sequence[Register] = (), *, core_commands: bool = True, only: str | None = None
) -> argparse.ArgumentParser:
    """The parser of every command (the core's unless `core_commands` is false, then `extra`'s), or with
    `only` the parsers of that one module's commands beside `extra`'s."""
    p = argparse.ArgumentParser(
        prog="transfer-tool",
        description="Cross-border transfer assessment tool. With no command, starts the desktop app.",
    )
    p.add_argument("--version", action="version", version=f"transfer-tool {__version__}")
    p.add_argument(
        "--database",
        metavar="URL",
        help="database URL (default: TRANSFER_TOOL_DATABASE_URL, else SQLite in the user data folder)",
    )
    p.add_argument(
        "--user",
        metavar="NAME",
        default=os.environ.get("TRANSFER_TOOL_USER"),
        help="act as this user (password from TRANSFER_TOOL_PASSWORD or a prompt)",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    modules = (only,) if only else COMMAND_MODULES if core_commands else ()
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    for register in extra:
        register(sub)
    return p


def _read_globals(argv: Sequence[str]) -> tuple[str | None, bool]:
    """The command word of `argv` (None when there is none), and whether the global options before it are
    written out in full. Anything else (help, --version, an abbreviation such as --hel, a cluster such as
    -vh) needs the full parser, which knows them all; what follows the command word is its own parser's."""
    plain = {"--database", "--user", "-v", "--verbose"}
    tokens = iter(argv)
    all_plain = True
    for token in tokens:
        if token in ("--database", "--user"):
            next(tokens, None)
        elif not token.startswith("-"):
            return token, all_plain
        elif token not in plain and not token.startswith(("--database=", "--user=")):
            all_plain = False
            if (
                len(token) > 2
                and "=" not in token
                and any(o.startswith(token) for o in ("--database", "--user"))
            ):
                next(tokens, None)  # argparse takes `--data URL` for `--database URL`: URL is no command
    return None, all_plain


def command_in(argv: Sequence[str]) -> str | None:
    """The command word of `argv`, skipping the global options and their values."""
    return _read_globals(argv)[0]


def main(
    argv: Sequence[str] | None = None,
    *,
    extra: Sequence[Register] = (),
    default: DefaultRun | None = None,
    light: frozenset[str] = frozenset(),
) -> int:
    """Run a command. The desktop launcher (ui/launcher.py) adds the `gui` command and the default run;
    the core itself never imports the front end. For the commands in `light` (and the default run) the
    parser skips the core commands' modules: starting the app does not pay for importing the CSV, report
    and maintenance code; a core command builds only its own module's parsers (help and --version still
    list everything)."""
    words = list(sys.argv[1:] if argv is None else argv)
    command, plain = _read_globals(words)
    quick = default is not None and (command is None or command in light) and plain
    # Help, --version and an unknown word need every parser; a known command only its own.
    only = COMMANDS.get(command) if plain and command is not None else None
    parser = build_parser(extra, core_commands=not quick, only=only)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if args.command is None:
        if default is None:
            parser.print_help()
            return 0
        return default(args)
    restore_library_noise = quiet_libraries()  # a library's warnings and tracebacks: debug log only
    ctx: CliContext | None = None
    try:
        ctx = CliContext(args)  # inside: a database URL it cannot use is a user error, said in one line
        code: int = args.handler(args, ctx)
        return code
    except ValidationError as exc:
        print(f"error: {exc.details()}", file=sys.stderr)
        return 2
    except ToolError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        # the reader went away (`transfer-tool transfers list | head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:
        if _after_ctrl_c(exc):
            return _interrupted()
        # The file system refused where no command said it in its own words (a read-only folder, a full
        # disk): the file and the reason, not a traceback.
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}. Check the path and its permissions.", file=sys.stderr)
        return 2
    except Exception as exc:
        if _after_ctrl_c(exc):
            return _interrupted()
        raise
    finally:
        if ctx is not None:
            ctx.close()
        restore_library_noise()


def _interrupted() -> int:
    print("interrupted; nothing more was done", file=sys.stderr)
    return 130


def _after_ctrl_c(exc: BaseException) -> bool:
    """Whether `exc` was raised while a Ctrl-C was being handled: a KeyboardInterrupt landing inside a
    library's own bookkeeping comes out as that library's error (SQLAlchemy: "This transaction is closed",
    seen on a Ctrl-C during `transfers import`). Nothing was committed: the interrupt, said as one."""
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        if isinstance(link, KeyboardInterrupt):
            return True
        seen.add(id(link))
        link = link.__cause__ or link.__context__
    return False
