#!/usr/bin/env bash
# Update the translation sources (resources/translations/*.ts) from the strings in ui/ and compile them
# to .qm files, which the app loads at start-up. The .qm files are build output (git-ignored).
#   scripts/build-translations.sh            update .ts from the code, then compile
#   scripts/build-translations.sh --release  compile only (what setup-venv.sh needs)
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
if [ "${1:-}" != "--release" ]; then
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
