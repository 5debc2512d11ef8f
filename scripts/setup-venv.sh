#!/usr/bin/env bash
# Create or refresh the project's virtual environment in .venv (idempotent) and build translations.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test,pg,dist]"
  rm -f .venv/.installed-*; touch "$stamp"
fi
if [ -x scripts/build-translations.sh ]; then scripts/build-translations.sh; fi
