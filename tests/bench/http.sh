#!/usr/bin/env bash
# Requests per second for the public pages: 2 gunicorn sync workers, SQLite, debug off, wrk on 127.0.0.1.
#
#   make bench                       # or: tests/bench/http.sh [path ...]
#
# Builds /tmp/bench.sqlite3 (2,000 articles) on first use, prints the queries each page type costs,
# then measures every path twice: with the page cache off (NEWSARCHIVE_PAGE_CACHE=off, every request
# renders the page) and on, BENCH_RUNS times each (the median is the figure to quote: a small shared
# machine is noisy). wrk runs one thread, leaving the two cores of a small machine to the workers.
# BENCH_DB, BENCH_PORT, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_RUNS override the defaults.
set -euo pipefail
cd "$(dirname "$0")/../.."

DB=${BENCH_DB:-/tmp/bench.sqlite3}
PORT=${BENCH_PORT:-8799}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-4}
RUNS=${BENCH_RUNS:-3}
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
    --worker-class sync --worker-tmp-dir /dev/shm --log-level warning &
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
    rates=()
    for _ in $(seq "$RUNS"); do
      out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
      rates+=("$(awk '/Requests\/sec/ {print $2}' <<<"$out")")
      p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
      errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
      [ -z "$errors" ] || echo "$errors" >&2
    done
    median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-4s page cache  %-28s median %8s req/s  (runs: %s; last p99 %s)\n' "$cache" "$path" "$median" "${rates[*]}" "$p99"
  done
  stop
done
