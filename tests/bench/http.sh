#!/usr/bin/env bash
# Requests per second for the public pages: 2 gunicorn sync workers, SQLite, debug off, wrk on 127.0.0.1.
#
#   make bench                       # or: tests/bench/http.sh [path ...]
#
# Builds /tmp/bench.sqlite3 (2,000 articles) on first use, prints the queries each page type costs,
# then measures every path twice: with the page cache off (NEWSARCHIVE_PAGE_CACHE=off, every request
# renders the page) and on. BENCH_DB, BENCH_PORT, BENCH_DURATION, BENCH_CONNECTIONS override the defaults.
set -euo pipefail
cd "$(dirname "$0")/../.."

DB=${BENCH_DB:-/tmp/bench.sqlite3}
PORT=${BENCH_PORT:-8799}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-4}
PATHS=("$@")
[ ${#PATHS[@]} -gt 0 ] || PATHS=(/articles/)

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

export DATABASE_URL="sqlite:///$DB" DJANGO_SECRET_KEY=bench-only-secret-key DJANGO_DEBUG=false
export DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_LOG_LEVEL=ERROR
.venv/bin/python tests/bench/public_data.py --articles 2000
.venv/bin/python manage.py collectstatic --noinput --verbosity 0
echo "== Queries per page (page cache off)"
.venv/bin/python tests/bench/public_data.py --queries

serve() {
  NEWSARCHIVE_PAGE_CACHE=$1 .venv/bin/gunicorn newsarchive.wsgi --bind "127.0.0.1:$PORT" --workers 2 \
    --worker-class sync --log-level warning &
  SERVER=$!
  for _ in $(seq 50); do curl -fso /dev/null "http://127.0.0.1:$PORT/" && return; sleep 0.2; done
  echo "gunicorn did not start" >&2; exit 1
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }
trap 'kill "${SERVER:-}" 2>/dev/null || true' EXIT

for cache in off on; do
  serve "$cache"
  for path in "${PATHS[@]}"; do
    url="http://127.0.0.1:$PORT$path"
    curl -fso /dev/null "$url"  # warm: templates compiled, connections open
    wrk -t1 -c1 -d2s "$url" >/dev/null
    rate=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$url" | tee /tmp/bench-wrk.txt | awk '/Requests\/sec/ {print $2}')
    p99=$(awk '$1 == "99%" {print $2}' /tmp/bench-wrk.txt)
    errors=$(grep -E "Non-2xx|Socket errors" /tmp/bench-wrk.txt || true)
    printf '%-4s page cache  %-40s %9s req/s  p99 %s %s\n' "$cache" "$path" "$rate" "$p99" "$errors"
  done
  stop
done
