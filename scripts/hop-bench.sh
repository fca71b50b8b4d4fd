#!/usr/bin/env bash
# CPU per operation of each hop, for a before/after comparison of two builds (docs/performance.md):
#
#   scripts/hop-bench.sh [--store redis|postgres] [--jars DIR] [--label TEXT] [--ops "read send"]
#                        [--requests N] [--warmup N] [--threads N] [--out FILE]
#
# A fresh system on private ports and a private run directory (./chat up with the load test's tuning, the
# services' jars from --jars, default the build's), seeded with 1,000 users x 5 dialogs x 50 messages, then per
# operation HopBenchMain: warm-up requests, then measured ones, and the CPU (user + system, /proc) of every
# process divided by the measured requests; for `send` the window closes when the writer has caught up. One JSON
# line per operation into --out (default /tmp/hop-bench.jsonl). Run it with nothing else on the machine
# (`uptime` load < 1): the figure is CPU per operation, which survives some noise, but not a busy machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STORE=redis JARS= LABEL= OPS="read send" REQUESTS=30000 WARMUP=20000 THREADS=16 OUT=/tmp/hop-bench.jsonl
while (($#)); do
  case $1 in
    --store) STORE=$2; shift 2 ;; --jars) JARS=$2; shift 2 ;; --label) LABEL=$2; shift 2 ;;
    --ops) OPS=$2; shift 2 ;; --requests) REQUESTS=$2; shift 2 ;; --warmup) WARMUP=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;; --out) OUT=$2; shift 2 ;;
    *) echo "hop-bench: unknown option $1" >&2; exit 2 ;;
  esac
done
export CHAT_RUN_DIR="${CHAT_RUN_DIR:-/tmp/hop-bench-run}"
export CHAT_KAFKA_PORT=21092 CHAT_KAFKA_CONTROLLER_PORT=21093 CHAT_REDIS_PORT=21379 CHAT_PG_PORT=21432 \
       CHAT_GATEWAY_PORT=21080 CHAT_READER_PORT=21081 CHAT_WRITER_PORT=21082
export CHAT_SERVICE_JAVA_OPTS="${CHAT_SERVICE_JAVA_OPTS--XX:+UseParallelGC}"
unset REDIS_URL DATABASE_URL
[[ -n $JARS ]] && export CHAT_JAR_DIR=$JARS
CHAT="$ROOT/chat"
trap '"$CHAT" down >/dev/null 2>&1 || true' EXIT

"$CHAT" down >/dev/null 2>&1 || true
rm -rf "$CHAT_RUN_DIR/data"
SPRING_CONFIG_ADDITIONAL_LOCATION="optional:file:$ROOT/loadtest/tuning/" "$CHAT" up --store "$STORE" | grep -E '^  [a-z]+ +up' || true
eval "$("$CHAT" env)"
"$CHAT" seed --users 1000 --dialogs-per-user 5 --messages-per-dialog 50 --out "$CHAT_RUN_DIR/seed/users.csv" >/dev/null
pid() { cat "$CHAT_RUN_DIR/pids/$1.pid"; }
CP="$ROOT/loadtest/target/loadtest-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/loadtest/target/runtime.classpath")"
for op in $OPS; do
  args=(--op "$op" --users "$CHAT_RUN_DIR/seed/users.csv" --gateway "$GATEWAY_URL" --reader "$READER_URL"
        --threads "$THREADS" --warmup "$WARMUP" --requests "$REQUESTS" --label "$LABEL $STORE" --out "$OUT"
        --pid "reader=$(pid reader)" --pid "gateway=$(pid gateway)" --pid "writer=$(pid writer)" --pid "kafka=$(pid kafka)")
  if [[ $STORE == redis ]]; then args+=(--pid "redis=$(pid redis)"); else args+=(--pid "postgres=$(pid postgres)"); fi
  [[ $op == send ]] && args+=(--kafka "$KAFKA_BOOTSTRAP_SERVERS")
  echo "hop-bench: $LABEL $STORE $op (load $(cut -d' ' -f1-3 /proc/loadavg))"
  java -cp "$CP" dev.chat.loadtest.collect.HopBenchMain "${args[@]}"
done
