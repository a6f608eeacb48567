#!/usr/bin/env bash
# Prints every figure of the table in docs/performance.md, in one run, next to its baselines:
#  - start: restart to first response, and RSS then, of Errata as the README starts it
#    (target/quarkus-app/errata) and of the same Quarkus stack with no application code
#    (../shared/bench/same-stack, built here in target/same-stack), and that again on the Java the
#    launcher runs Errata on when it is not the default java;
#  - the seed's article page under wrk (2 threads, 32 connections) against nginx serving its very
#    bytes, and its latency percentiles at 64 connections;
#  - the same stack started the way the launcher starts Errata (its Java and JVM options, read from
#    Errata's process; aot-jar layout; a class archive from a training run): the floor of start
#    and memory there;
#  - a signed-in editor's dashboard (not cacheable) against the same-stack one-query page: as it
#    runs (what it worked out kept until the desk changes) and worked out afresh every time; and a
#    signed-in request that renders nothing (the sign-in page's redirect) beside it;
#  - an editors'-API call with an API token (median of single requests);
#  - with --scale: readers' pages at 100,000 published corrections (org.errata.it.ReadersAtScale),
#    then article lookups and permalinks rendered afresh on a running server (wrk, one connection,
#    src/test/perf/cold.lua).
# Figures, not assertions. Run from anywhere:
#
#   ./mvnw package -DskipTests && bash src/test/perf/measure.sh [runs] [--scale [data dir]]
#
# Needs: curl, wrk and nginx (Debian: apt-get install -y wrk nginx-light).
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
RUNS=5
SCALE=
SCALE_DIR=
while [ $# -gt 0 ]; do
  case $1 in
    --scale) SCALE=1; if [ $# -gt 1 ] && [ -d "${2:-}" ]; then SCALE_DIR=$2; shift; fi ;;
    *) RUNS=$1 ;;
  esac
  shift
done
APP=target/quarkus-app
PORT=18080
NGINX_PORT=18081
SAME_PORT=18090
WORK=$(mktemp -d)
PAGE="/articles?url=https%3A%2F%2Fwww.oneusefulthing.org%2Fp%2Fclaude-dispatch-and-the-power-of"
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a/b}'; }
wait_up() { # $1 url, $2 pid, $3 log
  until curl -fs -o /dev/null "$1"; do
    kill -0 "$2" 2>/dev/null || { echo "did not start:" >&2; cat "$3" >&2; exit 1; }
    sleep 0.01
  done
}

# ---- the same stack with no application code, built once into target/same-stack
SAME=$ROOT/target/same-stack
if [ ! -f "$SAME/target/quarkus-app/quarkus-run.jar" ]; then
  echo "== building ../shared/bench/same-stack into target/same-stack"
  rm -rf "$SAME" && cp -r ../shared/bench/same-stack "$SAME" && chmod -R u+w "$SAME"
  (cd "$SAME" && ./mvnw -B -q -DskipTests package)
fi

# Each sets PID to the started Java process (a child of this shell, so that `stop` can wait).
errata_start() { # $1 data dir, then extra options; runs as the README says
  local data=$1; shift
  "$APP/errata" -Derrata.demo=true -Derrata.data-dir="$data" -Dquarkus.http.port=$PORT "$@" \
    > "$WORK/app.log" 2>&1 &
  PID=$!
}
same_start() { # SAME_JAVA, SAME_OPTS and SAME_JAR choose another Java, options or layout
  (cd "$SAME" && exec "${SAME_JAVA:-java}" ${SAME_OPTS:-} -Dquarkus.http.port=$SAME_PORT \
    -jar "${SAME_JAR:-target/quarkus-app/quarkus-run.jar}") \
    > "$WORK/same.log" 2>&1 &
  PID=$!
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }
timed() { # $1 "errata"|"same", $2 file: starts, waits for the first 200, appends "ms rss_kib", stops
  local t0 t1 url rss
  t0=$(date +%s%N)
  if [ "$1" = errata ]; then errata_start "$WORK/data"; url="http://localhost:$PORT/"
  else same_start; url="http://localhost:$SAME_PORT/"; fi
  wait_up "$url" "$PID" "$WORK/app.log"
  t1=$(date +%s%N)
  rss=$(ps -o rss= -p "$PID" | tr -d ' ')
  # The Java and the options the launcher chose (it execs Java, so this is the JVM's own line).
  if [ "$1" = errata ]; then tr '\0' '\n' < "/proc/$PID/cmdline" > "$WORK/errata.cmdline"; fi
  echo "$(( (t1 - t0) / 1000000 )) $rss" >> "$2"
  stop "$PID"
}

echo "== start: restart to first response and RSS then, $RUNS runs each, alternating"
rm -rf "$SAME/data"
timed errata /dev/null   # first start: schema and demo data
timed same /dev/null
: > "$WORK/errata.start"; : > "$WORK/same.start"
for i in $(seq "$RUNS"); do
  timed errata "$WORK/errata.start"
  timed same "$WORK/same.start"
done
starts() { # $1 file of "ms rss_kib" lines: prints the median ms and the median RSS in MiB
  echo "$(cut -d' ' -f1 "$1" | median) $(( $(cut -d' ' -f2 "$1" | median | cut -d. -f1) / 1024 ))"
}
read -r ems erss <<< "$(starts "$WORK/errata.start")"
read -r sms srss <<< "$(starts "$WORK/same.start")"
echo "errata ($APP/errata): median $ems ms, RSS $erss MiB  (all: $(cut -d' ' -f1 "$WORK/errata.start" | tr '\n' ' ')ms)"
echo "same-stack (java -jar): median $sms ms, RSS $srss MiB  (all: $(cut -d' ' -f1 "$WORK/same.start" | tr '\n' ' ')ms)"
echo "RESULT restart/same-stack $(ratio "$ems" "$sms")   RSS after first response ${erss} MiB"
# The launcher runs on the Java its class archive was made for (target/quarkus-app/aot/errata-java);
# when that is not the default java, the same stack on that Java too, for comparison.
EJAVA=$(cat "$APP/aot/errata-java" 2>/dev/null || true)
if [ -n "$EJAVA" ] && [ "$(readlink -f "$EJAVA")" != "$(readlink -f "$(command -v java)")" ]; then
  : > "$WORK/same-e.start"
  for i in $(seq "$RUNS"); do SAME_JAVA=$EJAVA timed same "$WORK/same-e.start"; done
  read -r sems sers <<< "$(starts "$WORK/same-e.start")"
  echo "errata runs on $EJAVA; the same stack on it (java -jar, no archive): median $sems ms, RSS $sers MiB; errata/that $(ratio "$ems" "$sems")"
fi
# The same stack started the way the launcher started Errata: the same Java and JVM options (read
# from Errata's process, so they cannot drift from the launcher's), in Quarkus' aot-jar layout,
# with a class archive of its own of the kind Errata ran with, made by a training run. What start
# and memory cost in that configuration with no application code at all.
FJAVA=$(head -1 "$WORK/errata.cmdline")
opts=$(grep -E '^-X|^--enable-native-access' "$WORK/errata.cmdline" \
  | grep -vE '^-XX:(AOTCache|SharedArchiveFile)=|^-Xlog:|^-Xshare:' | tr '\n' ' ')
if grep -q '^-XX:AOTCache=' "$WORK/errata.cmdline"; then
  train="-XX:AOTCacheOutput=$WORK/same.aot $opts"; archive="-XX:AOTCache=$WORK/same.aot $opts"
elif grep -q '^-XX:SharedArchiveFile=' "$WORK/errata.cmdline"; then
  train="-XX:ArchiveClassesAtExit=$WORK/same.jsa $opts"; archive="-XX:SharedArchiveFile=$WORK/same.jsa $opts"
else
  train=$opts; archive=$opts
fi
if [ ! -f "$SAME/target/quarkus-aot/quarkus-run.jar" ]; then
  (cd "$SAME" && ./mvnw -B -q -DskipTests package -Dquarkus.package.jar.type=aot-jar \
    -Dquarkus.package.output-directory=quarkus-aot)
fi
SAME_JAVA=$FJAVA SAME_JAR=target/quarkus-aot/quarkus-run.jar SAME_OPTS=$train same_start
wait_up "http://localhost:$SAME_PORT/" "$PID" "$WORK/same.log"
for i in $(seq 20); do curl -fs -o /dev/null "http://localhost:$SAME_PORT/"; done
stop "$PID"
: > "$WORK/floor.start"
for i in $(seq "$RUNS"); do
  SAME_JAVA=$FJAVA SAME_JAR=target/quarkus-aot/quarkus-run.jar \
    SAME_OPTS=$archive timed same "$WORK/floor.start"
done
read -r fms frss <<< "$(starts "$WORK/floor.start")"
echo "the same stack as the launcher starts Errata ($FJAVA $archive, aot-jar layout): median $fms ms, RSS $frss MiB  (all RSS: $(cut -d' ' -f2 "$WORK/floor.start" | awk '{printf "%d ", $1 / 1024}')MiB)"
echo "RESULT the stack's own floor in the launcher's configuration: RSS $frss MiB, start $fms ms; errata $erss MiB, $ems ms"

echo "== the seed's article page against nginx serving the same bytes"
errata_start "$WORK/data"
pid=$PID
wait_up "http://localhost:$PORT/" "$pid" "$WORK/app.log"
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
wrk -t2 -c16 -d10s "http://localhost:$PORT$PAGE" > /dev/null   # JIT warm-up
: > "$WORK/ratios"
for round in 1 2 3; do
  e=$(wrk -t2 -c32 -d10s "http://localhost:$PORT$PAGE" | awk '/Requests\/sec/ {print $2}')
  n=$(wrk -t2 -c32 -d10s "http://127.0.0.1:$NGINX_PORT/article.html" | awk '/Requests\/sec/ {print $2}')
  echo "round $round: errata $e req/s, nginx $n req/s, ratio $(ratio "$e" "$n")"
  ratio "$e" "$n" >> "$WORK/ratios"; echo >> "$WORK/ratios"
done
echo "RESULT article page/nginx median ratio $(grep . "$WORK/ratios" | median)"
: > "$WORK/p99"
for round in 1 2 3; do
  wrk -t2 -c64 -d10s --latency "http://localhost:$PORT$PAGE" > "$WORK/lat"
  p50=$(awk '$1=="50%" {print $2}' "$WORK/lat"); p99=$(awk '$1=="99%" {print $2}' "$WORK/lat")
  echo "round $round at 64 connections: p50 $p50, p99 $p99, $(awk '/Requests\/sec/ {print $2}' "$WORK/lat") req/s"
  echo "$p99" | sed 's/ms$//; s/us$/ \/ 1000/; s/s$/ * 1000/' | bc -l 2>/dev/null >> "$WORK/p99" || true
done
[ -s "$WORK/p99" ] && echo "RESULT p99 at 64 connections, median of 3: $(median < "$WORK/p99") ms"

sign_in() { # prints the session cookie's value of ada, signed in through the form
  local jar=$WORK/cookies token session
  rm -f "$jar"
  curl -fs -c "$jar" -b "$jar" "http://localhost:$PORT/login" > "$WORK/login.html"
  token=$(sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' "$WORK/login.html" | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf-token=$token" \
    -d username=ada -d password=errata-demo "http://localhost:$PORT/login"
  session=$(awk '$6 == "errata-session" {print $7}' "$jar")
  [ -n "$session" ] || { echo "could not sign in" >&2; exit 1; }
  curl -fs -H "Cookie: errata-session=$session" "http://localhost:$PORT/editor" | grep -q "To do" \
    || { echo "the dashboard did not answer" >&2; exit 1; }
  echo "$session"
}
dashboard_rounds() { # $1 label, $2 session: a minute's warm-up for each (code takes that long to
  # be compiled on two cores; with 20 s the same-stack page still doubled over the rounds); then 3
  # alternating rounds
  wrk -t2 -c16 -d60s -H "Cookie: errata-session=$2" "http://localhost:$PORT/editor" > /dev/null
  wrk -t2 -c16 -d60s "http://localhost:$SAME_PORT/" > /dev/null
  : > "$WORK/dash"
  for round in 1 2 3; do
    d=$(wrk -t2 -c32 -d10s -H "Cookie: errata-session=$2" "http://localhost:$PORT/editor" | awk '/Requests\/sec/ {print $2}')
    s=$(wrk -t2 -c32 -d10s "http://localhost:$SAME_PORT/" | awk '/Requests\/sec/ {print $2}')
    # What a signed-in request costs before any page is rendered: the sign-in page answers a
    # signed-in editor with a redirect to the desk.
    r=$(wrk -t2 -c32 -d10s -H "Cookie: errata-session=$2" "http://localhost:$PORT/login" | awk '/Requests\/sec/ {print $2}')
    echo "round $round: dashboard $d req/s, same-stack page $s req/s, ratio $(ratio "$d" "$s"); signed-in redirect (GET /login) $r req/s, $(ratio "$r" "$s") of the same-stack page"
    ratio "$d" "$s" >> "$WORK/dash"; echo >> "$WORK/dash"
  done
  echo "RESULT dashboard ($1)/same-stack median ratio $(grep . "$WORK/dash" | median)"
}

echo "== a signed-in editor's dashboard against the same-stack one-query page"
same_start
spid=$PID
wait_up "http://localhost:$SAME_PORT/" "$spid" "$WORK/same.log"
dashboard_rounds "as it runs: kept until the desk changes" "$(sign_in)"

echo "== an editors'-API call with an API token"
bearer=$(curl -fs -u ada:errata-demo -H 'Content-Type: application/json' \
  -d '{"name":"measure.sh","readOnly":true}' "http://localhost:$PORT/api/tokens" \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$bearer" ] || { echo "could not make a token" >&2; exit 1; }
: > "$WORK/api"
for i in $(seq 120); do
  curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $bearer" \
    "http://localhost:$PORT/api/corrections/1" >> "$WORK/api"
done
echo "RESULT token API call median $(tail -100 "$WORK/api" | median | awk '{printf "%.1f", $1 * 1000}') ms (last 100 of 120, curl, one at a time)"
stop "$pid"

echo "== the same dashboard worked out afresh on every request (errata.desk.remember-for=0s)"
errata_start "$WORK/data" -Derrata.desk.remember-for=0s
pid=$PID
wait_up "http://localhost:$PORT/" "$pid" "$WORK/app.log"
dashboard_rounds "worked out afresh every time" "$(sign_in)"
stop "$pid"
stop "$spid"

if [ -n "$SCALE" ]; then
  echo "== readers' pages at 100,000 published corrections"
  [ -f target/classpath.txt ] && [ -d target/test-classes/org/errata/it ] \
    || ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
  cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
  java -cp "$cp" org.errata.it.ReadersAtScale 100000 $SCALE_DIR | tee "$WORK/scale.log"
  [ -n "$SCALE_DIR" ] || SCALE_DIR=$(sed -n 's/^filled .* in \(.*\)$/\1/p' "$WORK/scale.log")
  echo "== lookups and permalinks at 100,000 corrections, rendered afresh, on a running server"
  # As README starts it, on the same data; a minute of readers first (the JIT compiles the code
  # of a running site in its first minutes), then one connection at a time, every address new.
  errata_start "$SCALE_DIR"
  pid=$PID
  wait_up "http://localhost:$PORT/" "$pid" "$WORK/app.log"
  wrk -t2 -c2 -d45s -s src/test/perf/cold.lua "http://localhost:$PORT" -- lookup > /dev/null
  wrk -t2 -c2 -d15s -s src/test/perf/cold.lua "http://localhost:$PORT" -- permalink > /dev/null
  for kind in lookup permalink; do
    for round in 1 2 3; do
      echo "$kind round $round: $(wrk -t1 -c1 -d15s -s src/test/perf/cold.lua \
        "http://localhost:$PORT" -- "$kind" | sed -n 's/^RESULT-LINE //p')"
    done
  done | tee "$WORK/cold"
  for kind in lookup permalink; do
    echo "RESULT $kind at 100,000, rendered afresh: median p95 of 3 rounds" \
      "$(grep "^$kind" "$WORK/cold" | sed 's/.*p95 \([0-9.]*\) ms.*/\1/' | median) ms"
  done
  stop "$pid"
fi
