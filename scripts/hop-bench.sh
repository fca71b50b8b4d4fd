#!/usr/bin/env bash
# CPU per operation of each hop, and the before/after of two or more builds (docs/performance.md):
#
#   scripts/hop-bench.sh [--store redis|postgres] [--ops "read send"] [--requests N] [--warmup N] [--threads N]
#                        [--variant LABEL=DIR ...] [--swap reader|gateway|writer] [--rounds N] [--out FILE]
#
# A fresh system on private ports and a private run directory (./chat up with the load test's tuning), seeded with
# 1,000 users x 5 dialogs x 50 messages. Then, per operation and round, per variant: HopBenchMain sends --warmup
# requests, then --requests measured ones, and divides each process's CPU (user + system, /proc) over the measured
# ones by their number; for `send` the window closes when the writer has caught up, so the writer's and Kafka's
# work for every measured message is inside it. One JSON line per measurement into --out (default
# /tmp/hop-bench.jsonl).
#
# Variants: folders with the three services' exec jars (DIR/<service>-0.1.0-SNAPSHOT-exec.jar; default: the build's
# own, label "build"). With several, the first starts the system and only the --swap service is restarted with each
# variant's jar in turn, rounds alternating A B A B..., so machine drift hits all variants alike. The first
# request of a freshly started service is cold: keep --warmup large (the JIT needs tens of thousands of requests).
# HOP_TUNING: another folder of tuning files than loadtest/tuning/ (e.g. the one a build of before was measured with).
# Run it alone on the machine (`uptime` load < 1 before): CPU per operation survives some noise, not a busy machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STORE=redis OPS="read send" REQUESTS=30000 WARMUP=20000 THREADS=16 OUT=/tmp/hop-bench.jsonl SWAP= ROUNDS=1
VARIANTS=()
while (($#)); do
  case $1 in
    --store) STORE=$2; shift 2 ;; --ops) OPS=$2; shift 2 ;; --requests) REQUESTS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;; --threads) THREADS=$2; shift 2 ;; --out) OUT=$2; shift 2 ;;
    --variant) VARIANTS+=("$2"); shift 2 ;; --swap) SWAP=$2; shift 2 ;; --rounds) ROUNDS=$2; shift 2 ;;
    --jars) VARIANTS+=("jars=$2"); shift 2 ;; --label) LABEL=$2; shift 2 ;;   # older spelling: one variant
    *) echo "hop-bench: unknown option $1" >&2; exit 2 ;;
  esac
done
((${#VARIANTS[@]})) || VARIANTS=("build=$ROOT/.hop-bench-build")
if [[ -n ${LABEL:-} && ${#VARIANTS[@]} == 1 ]]; then VARIANTS=("$LABEL=${VARIANTS[0]#*=}"); fi
if ((${#VARIANTS[@]} > 1)) && [[ -z $SWAP ]]; then echo "hop-bench: several variants need --swap <service>" >&2; exit 2; fi
export CHAT_RUN_DIR="${CHAT_RUN_DIR:-/tmp/hop-bench-run}"
export CHAT_KAFKA_PORT=21092 CHAT_KAFKA_CONTROLLER_PORT=21093 CHAT_REDIS_PORT=21379 CHAT_PG_PORT=21432 \
       CHAT_GATEWAY_PORT=21080 CHAT_READER_PORT=21081 CHAT_WRITER_PORT=21082
export CHAT_SERVICE_JAVA_OPTS="${CHAT_SERVICE_JAVA_OPTS--XX:+UseParallelGC}"
unset REDIS_URL DATABASE_URL
CHAT="$ROOT/chat"
jars_of() { local dir=${1#*=}; [[ $dir == "$ROOT/.hop-bench-build" ]] && echo "" || echo "$dir"; }
up() { # variant
  local jars; jars=$(jars_of "$1")
  CHAT_JAR_DIR="$jars" SPRING_CONFIG_ADDITIONAL_LOCATION="optional:file:${HOP_TUNING:-$ROOT/loadtest/tuning/}" \
    "$CHAT" up --store "$STORE" | grep -E '^  [a-z]+ +(up|starting)' | grep -v starting || true
}
trap '"$CHAT" down >/dev/null 2>&1 || true' EXIT

"$CHAT" down >/dev/null 2>&1 || true
rm -rf "$CHAT_RUN_DIR/data"
up "${VARIANTS[0]}"
eval "$("$CHAT" env)"
"$CHAT" seed --users 1000 --dialogs-per-user 5 --messages-per-dialog 50 --out "$CHAT_RUN_DIR/seed/users.csv" >/dev/null
pid() { cat "$CHAT_RUN_DIR/pids/$1.pid"; }
CP="$ROOT/loadtest/target/loadtest-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/loadtest/target/runtime.classpath")"
current=${VARIANTS[0]}
swap_to() { # variant: restart the --swap service with its jar (./chat up starts only what is not running)
  [[ $1 == "$current" ]] && return
  kill "$(pid "$SWAP")"
  while kill -0 "$(pid "$SWAP")" 2>/dev/null; do sleep 0.5; done
  rm -f "$CHAT_RUN_DIR/pids/$SWAP.pid"
  up "$1"
  current=$1
}
for op in $OPS; do
  for ((round = 1; round <= ROUNDS; round++)); do
    for variant in "${VARIANTS[@]}"; do
      swap_to "$variant"
      args=(--op "$op" --users "$CHAT_RUN_DIR/seed/users.csv" --gateway "$GATEWAY_URL" --reader "$READER_URL"
            --threads "$THREADS" --warmup "$WARMUP" --requests "$REQUESTS" --label "${variant%%=*} $STORE" --out "$OUT"
            --pid "reader=$(pid reader)" --pid "gateway=$(pid gateway)" --pid "writer=$(pid writer)" --pid "kafka=$(pid kafka)")
      if [[ $STORE == redis ]]; then args+=(--pid "redis=$(pid redis)"); else args+=(--pid "postgres=$(pid postgres)"); fi
      [[ $op == send* ]] && args+=(--kafka "$KAFKA_BOOTSTRAP_SERVERS")
      echo "hop-bench: ${variant%%=*} $STORE $op round $round (load $(cut -d' ' -f1-3 /proc/loadavg))"
      java -cp "$CP" dev.chat.loadtest.collect.HopBenchMain "${args[@]}"
    done
  done
done
