#!/usr/bin/env bash
# Set up and run the whole test suite: ruff, mypy (strict), pytest on SQLite and PostgreSQL, in parallel.
#   scripts/test.sh [--slow] [pytest arguments]
# --slow adds the slow tiers (the PyInstaller bundle, a fresh install, the killed-process and whole-app
# journeys: tests marked `slow`); .ci/run always passes it. TT_TEST_WORKERS sets the number of pytest
# processes (default: one per core; 0 runs in this process).
# PostgreSQL: uses TEST_DATABASE_URL if set; otherwise starts a throw-away local cluster when the server
# binaries are installed (apt-get install postgresql), and skips the PostgreSQL run when they are not.
# Each pytest process works in its own database on that server.
set -euo pipefail
cd "$(dirname "$0")/.."
slow=0
args=()
for arg in "$@"; do
  if [ "$arg" = --slow ]; then slow=1; else args+=("$arg"); fi
done
scripts/setup-venv.sh test
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check transfer_tool ui tests bench scripts
echo "== mypy"; .venv/bin/mypy
pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then
    run_pg "$bindir/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM  # Ctrl-C: pytest stops on the same signal; the cluster goes with the EXIT trap
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n1 || true)
  if [ -n "$initdb" ]; then
    bindir=$(dirname "$initdb"); pgdir=$(mktemp -d /tmp/tt-pg.XXXXXX); port=${TEST_PG_PORT:-55432}
    run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
    [ "$(id -u)" = 0 ] && chown postgres: "$pgdir"
    # TCP sign-ins check passwords (SCRAM), so team-mode tests see a wrong password refused (issue #19);
    # the socket in $pgdir (owner-only) stays trusted for the setup below.
    pgpass=tt-test-superuser; echo "$pgpass" > "$pgdir/pwfile"; [ "$(id -u)" = 0 ] && chown postgres: "$pgdir/pwfile"
    run_pg "$bindir/initdb" -D "$pgdir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pgdir/pwfile" -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    run_pg "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    run_pg "$bindir/createdb" -h "$pgdir" -p "$port" -U postgres tia
    export TEST_DATABASE_URL="postgresql+psycopg://postgres:$pgpass@127.0.0.1:$port/tia"
    echo "== PostgreSQL: throw-away cluster on 127.0.0.1:$port"
  else
    echo "== PostgreSQL server not installed: the PostgreSQL run is skipped (apt-get install postgresql)"
  fi
fi
selection=(-m "not slow")
if [ "$slow" = 1 ]; then selection=(); echo "== pytest, slow tiers included"; else echo "== pytest (scripts/test.sh --slow adds the slow tiers)"; fi
# A test file's tests stay together in one process (--dist loadfile): module fixtures are made once. A
# crashed process ends the run (--max-worker-restart=0): a crash is a failure to fix, never run around.
# Files go out longest first (tests/conftest.py LONGEST_FILES; --no-loadscope-reorder keeps that order).
.venv/bin/python -m pytest -n "${TT_TEST_WORKERS:-auto}" --dist loadfile --no-loadscope-reorder --max-worker-restart=0 "${selection[@]}" ${args[@]+"${args[@]}"}
