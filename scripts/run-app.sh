#!/usr/bin/env bash
# Set up (first time) and start the desktop app on the default SQLite database in the user data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-venv.sh app
exec .venv/bin/transfer-tool "$@"
