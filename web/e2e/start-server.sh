#!/usr/bin/env bash
# Starts Trellis for the browser tests on a fresh SQLite database with the demo organisation.
set -euo pipefail
port="$1"
here="$(cd "$(dirname "$0")" && pwd)"
bin="${TRELLIS_BIN:-$here/../../build/trellis}"
dir="$(mktemp -d /tmp/trellis-e2e.XXXXXX)"
trap 'rm -rf "$dir"' EXIT
db="sqlite:$dir/e2e.db"
"$bin" --db "$db" --log-level warn demo-data >/dev/null
"$bin" --db "$db" --log-level warn serve --check-responses --port "$port" --web-root "$here/../dist" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid; rm -rf "$dir"' EXIT INT TERM
wait $pid
