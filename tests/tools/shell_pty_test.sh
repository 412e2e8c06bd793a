#!/usr/bin/env bash
# Builds the demo graph from demo/ with the real `ecg ingest` and drives
# `ecg shell` on it through a pseudo-terminal (shell_pty.py).
# Usage: shell_pty_test.sh ECG WORKDIR
set -euo pipefail
ecg=$1
work=$2
cd "$(dirname "$0")/../.."
rm -rf "$work"
mkdir -p "$work/home"
"$ecg" --db "$work/demo.db" ingest demo/lists/screening-list.json demo/lists/cn_lists.json \
  ingest/data/aliases.csv demo/regs/*.md demo/regs/*.json demo/regs/*.xml \
  ingest/data/technologies.csv demo/lists/ownership.csv demo/articles/* > /dev/null
python3 tests/tools/shell_pty.py "$ecg" "$work/demo.db" "$work/home"
rm -rf "$work"
