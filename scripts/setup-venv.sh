#!/usr/bin/env bash
# Create or refresh the project's virtual environment in .venv (idempotent), then build the translations.
#   scripts/setup-venv.sh         what the app needs (scripts/run-app.sh)
#   scripts/setup-venv.sh test    and the test, PostgreSQL and packaging tools (scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
case "${1:-app}" in
  app) extras="pg" ;;
  test) extras="test,pg,dist" ;;
  *) echo "setup-venv: unknown set '$1' (use app or test)" >&2; exit 2 ;;
esac
# A venv whose creation was interrupted (Ctrl-C during `python3 -m venv`) has a python but no pip, and
# every later run failed at "No module named pip": it is made again (not moved into place from a
# temporary folder: a venv records its own path in its scripts).
if [ -e .venv ] && ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
  echo "== The virtual environment in .venv is incomplete (its creation was interrupted?): making it again"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  echo "== Creating the virtual environment in .venv"
  "$PY" -m venv .venv
fi
# One stamp per set of extras and pyproject.toml: the test set includes the app's.
stamp=.venv/.installed-$(printf '%s' "$extras" | tr ',' '-')-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "== Installing the packages ($extras); the first time takes a minute or two"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install --progress-bar on -e ".[$extras]"
  touch "$stamp"
  if [ "$extras" = "test,pg,dist" ]; then touch ".venv/.installed-pg-$(sha256sum pyproject.toml | cut -c1-16)"; fi
  echo "== Installed. The command line is .venv/bin/transfer-tool (or 'source .venv/bin/activate', then transfer-tool)"
fi
if [ -x scripts/build-translations.sh ]; then scripts/build-translations.sh; fi
