#!/usr/bin/env bash
# Compile the translation sources: the interface's (resources/translations/*.ts) to the .qm files the
# app loads at start-up, and the message catalogue's (data/locale/*/LC_MESSAGES/*.po) to .mo files
# (scripts/compile-catalogues.py); with --update, first collect the strings of ui/ into the .ts files (pyside6-lupdate), then
# translate the new entries (marked unfinished) with pyside6-linguist or an editor and commit the .ts
# and the .qm. The .qm are committed so that `pip install .` (whose build runs no Qt tool) ships them;
# tests/unit/test_translations_compiled.py fails when a committed .qm is not the .ts compiled.
#   scripts/build-translations.sh            compile only (setup-venv.sh runs this; sources untouched)
#   scripts/build-translations.sh --update   update the .ts from the code, then compile
# The .mo are committed for the same reason (tests/unit/test_catalogues_compiled.py).
# The Qt tools come with PySide6: taken from the Python in $PYTHON, else .venv, else the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

tool() {
  local name=$1 dir
  for py in "${PYTHON:-}" .venv/bin/python; do
    [ -n "$py" ] || continue
    dir=$(dirname "$py")
    if [ -x "$dir/$name" ]; then echo "$dir/$name"; return; fi
  done
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  echo "build-translations: $name not found; install PySide6 (scripts/setup-venv.sh) or set PYTHON" >&2
  exit 1
}

TS_DIR=resources/translations
LANGS=(ja en)
if [ "${1:-}" = "--update" ]; then
  lupdate=$(tool pyside6-lupdate)
  mapfile -t sources < <(find ui -name '*.py' -not -path '*/__pycache__/*' | sort)
  for lang in "${LANGS[@]}"; do
    # -no-obsolete: strings removed from the code leave the catalogue too
    "$lupdate" -silent -no-obsolete -locations none "${sources[@]}" -ts "$TS_DIR/transfer_tool_${lang}.ts"
  done
fi
lrelease=$(tool pyside6-lrelease)
for lang in "${LANGS[@]}"; do
  "$lrelease" -silent "$TS_DIR/transfer_tool_${lang}.ts" -qm "$TS_DIR/transfer_tool_${lang}.qm"
done
python=$(command -v "${PYTHON:-.venv/bin/python}" || command -v python3)
"$python" scripts/compile-catalogues.py >/dev/null
