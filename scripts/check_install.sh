#!/usr/bin/env bash
# Install check: the built wheel, installed into a fresh virtual environment with the run-time
# lock as constraints (its versions; pip refuses hashes in constraints), runs `warmonitor demo`
# with no other step (the English spaCy model is a declared dependency).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/pip wheel . --no-deps --quiet --wheel-dir "$work/wheel"
grep -E '^[A-Za-z0-9_.-]+==' requirements.lock | sed 's/ *\\$//' > "$work/constraints.txt"
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$work"/wheel/*.whl --constraint "$work/constraints.txt"
(cd "$work" && "$work/venv/bin/warmonitor" demo > "$work/demo.txt")
grep -q "incidents. Store:" "$work/demo.txt"
echo "install check: the wheel in a fresh virtual environment runs warmonitor demo"
