#!/usr/bin/env bash
# The reader's A/B, Tomcat (Spring MVC, the reader as built) against Reactor Netty (Spring WebFlux, the prototype in
# scripts/ab/reader-webflux doing the same work per request), on one running system: reader CPU per OTUS list read
# (docs/performance.md, "Tomcat or Reactor Netty"). Needs `mvn -DskipTests install` first (the prototype uses the
# installed redis-udf). Run it alone on the machine.
#
#   scripts/ab/reader-netty.sh [--rounds 3] [--warmup 100000] [--requests 60000] [--out FILE]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS=3 WARMUP=100000 REQUESTS=60000 OUT=/tmp/reader-ab.jsonl
while (($#)); do
  case $1 in
    --rounds) ROUNDS=$2; shift 2 ;; --warmup) WARMUP=$2; shift 2 ;; --requests) REQUESTS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;; *) echo "reader-netty: unknown option $1" >&2; exit 2 ;;
  esac
done
export CHAT_RUN_DIR="${CHAT_RUN_DIR:-/tmp/hop-bench-run}"
export CHAT_KAFKA_PORT=21092 CHAT_KAFKA_CONTROLLER_PORT=21093 CHAT_REDIS_PORT=21379 CHAT_PG_PORT=21432 \
       CHAT_GATEWAY_PORT=21080 CHAT_READER_PORT=21081 CHAT_WRITER_PORT=21082
export CHAT_SERVICE_JAVA_OPTS="${CHAT_SERVICE_JAVA_OPTS--XX:+UseParallelGC}"
unset REDIS_URL DATABASE_URL
CHAT="$ROOT/chat"
(cd "$ROOT/scripts/ab/reader-webflux" && mvn -B -q package -DskipTests)
"$CHAT" down >/dev/null 2>&1 || true
rm -rf "$CHAT_RUN_DIR/data"
SPRING_CONFIG_ADDITIONAL_LOCATION="optional:file:$ROOT/loadtest/tuning/" "$CHAT" up --store redis | grep -E '^  [a-z]+ +up' || true
eval "$("$CHAT" env)"
"$CHAT" seed --users 1000 --dialogs-per-user 5 --messages-per-dialog 50 --out "$CHAT_RUN_DIR/seed/users.csv" >/dev/null
# the prototype as ./chat runs the reader: same heap, collector and priority
SERVER_PORT=21091 CHAT_REDIS_URL=$REDIS_URL nohup nice -n "${CHAT_SERVE_NICE:-10}" java -Xmx512m -XX:+UseParallelGC \
  -jar "$ROOT/scripts/ab/reader-webflux/target/reader-webflux-1.jar" > "$CHAT_RUN_DIR/logs/reader-webflux.log" 2>&1 &
WEBFLUX=$!
trap 'kill $WEBFLUX 2>/dev/null || true; "$CHAT" down >/dev/null 2>&1 || true' EXIT
until curl -fs http://127.0.0.1:21091/actuator/health >/dev/null; do sleep 1; done
CP="$ROOT/loadtest/target/loadtest-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/loadtest/target/runtime.classpath")"
redis=$(cat "$CHAT_RUN_DIR/pids/redis.pid")
run() { # side, url, pid, warm-up, requests
  java -cp "$CP" dev.chat.loadtest.collect.HopBenchMain --op read --users "$CHAT_RUN_DIR/seed/users.csv" --reader "$2" \
    --threads 16 --warmup "$4" --requests "$5" --label "reader-$1" --out "$OUT" --pid "reader=$3" --pid "redis=$redis"
}
# both warm, then alternating rounds, so drift of the machine hits both sides alike
run tomcat "$READER_URL" "$(cat "$CHAT_RUN_DIR/pids/reader.pid")" "$WARMUP" 1000
run webflux http://127.0.0.1:21091 "$WEBFLUX" "$WARMUP" 1000
for ((i = 1; i <= ROUNDS; i++)); do
  run tomcat "$READER_URL" "$(cat "$CHAT_RUN_DIR/pids/reader.pid")" 0 "$REQUESTS"
  run webflux http://127.0.0.1:21091 "$WEBFLUX" 0 "$REQUESTS"
done
