#!/usr/bin/env bash
# Measures what docs/performance.md reports: time from `java -jar` to the first successful
# response, RSS after it, and requests per second for the seed's article page under wrk, next to
# nginx serving the same bytes as a static file, in one run. Figures, not assertions.
#
#   ./mvnw package -DskipTests && bash src/test/perf/measure.sh [runs]
#
# Needs: curl, wrk and nginx (Debian: apt-get install -y wrk nginx-light).
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS=${1:-5}
JAR=target/quarkus-app/quarkus-run.jar
PORT=18080
NGINX_PORT=18081
WORK=$(mktemp -d)
PAGE="/articles?url=https%3A%2F%2Fwww.oneusefulthing.org%2Fp%2Fclaude-dispatch-and-the-power-of"
trap 'kill $(jobs -p) 2>/dev/null || true; nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$WORK"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

start_once() { # $1 data dir; prints "ms rss_kib"
  local data=$1 t0 t1 pid
  t0=$(date +%s%N)
  java -Derrata.demo=true -Derrata.data-dir="$data" -Dquarkus.http.port=$PORT -jar "$JAR" \
    > "$WORK/app.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$PORT/"; do
    kill -0 $pid 2>/dev/null || { echo "Errata did not start:" >&2; cat "$WORK/app.log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  local rss
  rss=$(ps -o rss= -p $pid | tr -d ' ')
  echo "$(( (t1 - t0) / 1000000 )) $rss"
  kill $pid; wait $pid 2>/dev/null || true
}

echo "== start to first response, $RUNS runs each"
: > "$WORK/fresh" ; : > "$WORK/restart"
for i in $(seq "$RUNS"); do
  rm -rf "$WORK/data"
  start_once "$WORK/data" >> "$WORK/fresh"      # empty data directory: migrations + demo data
  start_once "$WORK/data" >> "$WORK/restart"    # the same directory again: a normal restart
done
echo "fresh data dir:  median $(cut -d' ' -f1 "$WORK/fresh" | median) ms, RSS median $(( $(cut -d' ' -f2 "$WORK/fresh" | median | cut -d. -f1) / 1024 )) MiB  (all: $(cut -d' ' -f1 "$WORK/fresh" | tr '\n' ' ')ms)"
echo "restart:         median $(cut -d' ' -f1 "$WORK/restart" | median) ms, RSS median $(( $(cut -d' ' -f2 "$WORK/restart" | median | cut -d. -f1) / 1024 )) MiB  (all: $(cut -d' ' -f1 "$WORK/restart" | tr '\n' ' ')ms)"

echo "== throughput of the seed's article page vs nginx serving the same bytes"
java -Derrata.demo=true -Derrata.data-dir="$WORK/data" -Dquarkus.http.port=$PORT -jar "$JAR" > "$WORK/app.log" 2>&1 &
until curl -fs -o /dev/null "http://localhost:$PORT/"; do sleep 0.05; done
mkdir -p "$WORK/www"
curl -fs "http://localhost:$PORT$PAGE" > "$WORK/www/article.html"
echo "page size: $(wc -c < "$WORK/www/article.html") bytes"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; location / { default_type text/html; } }
}
CONF
nginx -c "$WORK/nginx.conf"
# Warm up the JVM before measuring.
wrk -t2 -c16 -d10s "http://localhost:$PORT$PAGE" > /dev/null
for round in 1 2 3; do
  e=$(wrk -t2 -c32 -d10s "http://localhost:$PORT$PAGE" | awk '/Requests\/sec/ {print $2}')
  n=$(wrk -t2 -c32 -d10s "http://127.0.0.1:$NGINX_PORT/article.html" | awk '/Requests\/sec/ {print $2}')
  echo "round $round: errata $e req/s, nginx $n req/s, ratio $(awk -v e="$e" -v n="$n" 'BEGIN {printf "%.3f", e/n}')"
done
