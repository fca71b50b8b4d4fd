#!/usr/bin/env bash
# Fault runs and the scale-out run (issue 9), results in docs/faults/RESULTS.md (docs/faults/README.md).
#
#   scripts/faults.sh                     every scenario below, in this order
#   scripts/faults.sh writer-kill redis-restart-aof ...   just those
#   scripts/faults.sh --list              the scenarios and what each does
#
# Each scenario starts the system fresh with ./chat up on private ports and a private run dir, drives
# sequential senders in many dialogs over HTTP (dev.chat.loadtest.faults.FaultsMain, in the loadtest module),
# injects the fault mid-stream, reads every dialog back through the reader(s) and counts message by message;
# then ./chat down and the run dir is removed. Exit status 1 when a scenario failed.
# Env: FAULTS_OUT (default docs/faults), FAULTS_SECONDS (traffic per scenario, default 30), FAULTS_DIALOGS (16),
# FAULTS_RATE (messages a second per dialog, 8), FAULTS_JAVA_OPTS (the services' JVM options, default
# "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VERSION=0.1.0-SNAPSHOT
ALL=(writer-kill kafka-restart redis-restart-aof redis-restart-no-persistence postgres-stop scale-out)

describe() {
  case $1 in
    writer-kill) echo "The writer is killed with SIGKILL mid-stream, then started again (\`./chat up\`)." ;;
    kafka-restart) echo "The Kafka broker is stopped (SIGTERM) mid-stream and started again on the same data dir." ;;
    redis-restart-aof) echo "Redis with AOF (\`appendonly yes\`, \`appendfsync everysec\`, as \`./chat up\` runs it) is killed with SIGKILL mid-stream and started again on the same dir." ;;
    redis-restart-no-persistence) echo "Redis without persistence (\`CHAT_REDIS_APPENDONLY=no\`) is killed with SIGKILL mid-stream and started again: everything stored before is gone; the loss is counted, not hidden." ;;
    postgres-stop) echo "PostgreSQL is stopped mid-stream (\`pg_ctl stop -m fast\`) and started again 15 s later; meanwhile login and dialog creation are probed twice a second." ;;
    scale-out) echo "Two gateways, three writers, two readers (\`CHAT_GATEWAYS=2 CHAT_WRITERS=3 CHAT_READERS=2 ./chat up\`); writer2 is stopped (SIGTERM) mid-stream and started again 12 s later, so the writers' consumer group rebalances twice." ;;
    *) return 1 ;;
  esac
}

say() { printf 'faults: %s\n' "$*"; }
die() { printf 'faults: %s\n' "$*" >&2; exit 2; }

# --- fault injection, called by the checker as `scripts/faults.sh inject <action> [part]` (env of the run) ---

pid_of() { cat "$CHAT_RUN_DIR/pids/$1.pid" 2>/dev/null || true; }
gone() { [[ -z $1 || ! -r /proc/$1/stat || $(awk '{print $3}' "/proc/$1/stat") == Z ]]; }
await_gone() { # pid: polls until the process has exited (at most 60 s)
  local deadline=$((SECONDS + 60))
  until gone "$1"; do ((SECONDS < deadline)) || die "process $1 did not exit"; sleep 0.2; done
}
signal() { # signal, part: sends it and waits until the part is gone
  local pid; pid=$(pid_of "$2")
  [[ -n $pid ]] || die "no pid for $2"
  kill "-$1" "$pid"
  await_gone "$pid"
  say "$2 (pid $pid) gone after SIG$1"
}
restart() { "$ROOT/chat" up --store redis | sed 's/^/  /'; }

inject() {
  case $1 in
    kill) signal KILL "$2"; restart ;;
    term) signal TERM "$2"; restart ;;
    stop) signal TERM "$2" ;;
    start) restart ;;
    postgres-stop)
      local as=(); [[ $(id -u) == 0 ]] && as=(runuser -u nobody --)
      "${as[@]}" "$CHAT_RUN_DIR/pg/bin/pg_ctl" -D "$CHAT_RUN_DIR/data/postgres" -m fast -w stop >/dev/null
      say "postgres stopped" ;;
    *) die "unknown action $1" ;;
  esac
}

# --- the runs ---

build() {
  local s missing=0
  for s in gateway writer reader; do [[ -f $s/target/$s-$VERSION-exec.jar ]] || missing=1; done
  [[ -f loadtest/target/loadtest-$VERSION.jar && -f loadtest/target/runtime.classpath ]] || missing=1
  ((missing)) || return 0
  say "building (mvn -DskipTests install of the services and loadtest)..."
  mvn -B -q -DskipTests install -pl gateway,writer,reader,loadtest -am || die "build failed"
}

urls() { # service, count, base port -> comma-separated URLs
  local i out=""
  for ((i = 0; i < $2; i++)); do out+="${out:+,}http://127.0.0.1:$(($3 + 10 * i))"; done
  echo "$out"
}

scenario() { # name -> runs it; returns the checker's status
  local name=$1 gateways=1 writers=1 readers=1 appendonly=yes
  local args=(--fault-at 10) seconds=${FAULTS_SECONDS:-30}
  local me="$ROOT/scripts/faults.sh inject"
  case $name in
    writer-kill) args+=(--fault "$me kill writer") ;;
    kafka-restart) args+=(--fault "$me term kafka") ;;
    redis-restart-aof) args+=(--fault "$me kill redis") ;;
    redis-restart-no-persistence) appendonly=no; args+=(--fault "$me kill redis" --expect-loss --settle 20) ;;
    postgres-stop) args+=(--fault "$me postgres-stop" --recover-at 25 --recover "$me start" --probe-outage) ;;
    scale-out) gateways=2 writers=3 readers=2
      args+=(--fault "$me stop writer2" --recover-at 22 --recover "$me start") ;;
  esac
  export CHAT_RUN_DIR; CHAT_RUN_DIR=$(mktemp -d /tmp/chat-faults.XXXXXX)
  export CHAT_KAFKA_PORT=29092 CHAT_KAFKA_CONTROLLER_PORT=29093 CHAT_REDIS_PORT=26379 CHAT_PG_PORT=25432 \
         CHAT_GATEWAY_PORT=28080 CHAT_READER_PORT=28081 CHAT_WRITER_PORT=28082 \
         CHAT_GATEWAYS=$gateways CHAT_WRITERS=$writers CHAT_READERS=$readers CHAT_REDIS_APPENDONLY=$appendonly
  # correctness, not speed, is measured here: C1 only and the serial collector start the services faster on a busy box
  export CHAT_SERVICE_JAVA_OPTS="${FAULTS_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}" CHAT_START_TIMEOUT=300
  if ((gateways + writers + readers > 3)); then export CHAT_SERVICE_HEAP=256m; else unset CHAT_SERVICE_HEAP; fi
  unset REDIS_URL DATABASE_URL
  # the servers ./chat fetches into a run dir (Kafka class path, redis-server, PostgreSQL): fetched once, then copied
  if [[ -d $SERVERS/pg ]]; then cp -a "$SERVERS/bin" "$SERVERS/pg" "$CHAT_RUN_DIR/"; fi
  say "=== $name: $(describe "$name")"
  local rc=0 started=$SECONDS
  if ./chat up --store redis >"$CHAT_RUN_DIR/up.log" 2>&1; then
    say "system up in $((SECONDS - started)) s"
    if [[ ! -d $SERVERS/pg ]]; then mkdir -p "$SERVERS"; cp -a "$CHAT_RUN_DIR/bin" "$CHAT_RUN_DIR/pg" "$SERVERS/"; fi
    java -cp "loadtest/target/loadtest-$VERSION.jar:$(cat loadtest/target/runtime.classpath)" \
      dev.chat.loadtest.faults.FaultsMain --name "$name" --describe "$(describe "$name")" \
      --gateways "$(urls gateway "$gateways" 28080)" --readers "$(urls reader "$readers" 28081)" \
      --dialogs "${FAULTS_DIALOGS:-16}" --rate "${FAULTS_RATE:-8}" --seconds "$seconds" --out "$OUT/data" \
      "${args[@]}" || rc=$?
  else
    rc=1; say "$name: ./chat up failed:"; tail -n 20 "$CHAT_RUN_DIR/up.log"
  fi
  if ((rc != 0)); then
    mkdir -p "$OUT/data/logs-$name"; cp "$CHAT_RUN_DIR"/logs/*.log "$OUT/data/logs-$name/" 2>/dev/null || true
  fi
  ./chat down >/dev/null 2>&1 || true
  rm -rf "$CHAT_RUN_DIR"
  return $rc
}

report() { # every scenario with results in $OUT/data (the latest run of each) -> RESULTS.md
  local f="$OUT/RESULTS.md" s
  {
    echo "# Fault runs and the scale-out run"
    echo
    echo "Last written by \`$COMMAND\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
    echo "(each scenario's section says when it ran; \`scripts/faults.sh <scenario>\` reruns one and rewrites this file)."
    echo "Machine: $(nproc) CPUs ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)),"
    echo "$(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory, $(java -version 2>&1 | head -1);"
    echo "everything (Kafka, Redis 7.0.15, PostgreSQL 17, the services, the checker) on this one machine, which other"
    echo "builds shared during the runs (each section's time line shows the load average): the rates reached say little"
    echo "about speed; the counts are the point."
    echo "How to read it, and what pass means: [README.md](README.md). Raw data: [data/](data/)."
    echo
    echo "| scenario | verdict | sent | accepted | rejected | stored | lost | duplicated | out of order |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for s in "${ALL[@]}"; do
      [[ -f $OUT/data/$s.json ]] || { echo "| $s | not run yet | | | | | | | |"; continue; }
      python3 - "$OUT/data/$s.json" "$s" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1])); c = d["counts"]
rej = sum(c["rejected"].values())
print(f"| [{sys.argv[2]}](#{sys.argv[2]}) | {d['verdict']} | {c['sent']} | {c['accepted']} | {rej} | {c['stored']} | {c['lost']} | {c['duplicated']} | {c['outOfOrder']} |")
EOF
    done
    echo
    for s in "${ALL[@]}"; do if [[ -f $OUT/data/$s.md ]]; then cat "$OUT/data/$s.md"; fi; done
  } > "$f"
  say "results in $f"
}

main() {
  if [[ ${1:-} == inject ]]; then shift; inject "$@"; return; fi
  if [[ ${1:-} == --list ]]; then for s in "${ALL[@]}"; do printf '%-30s %s\n' "$s" "$(describe "$s")"; done; return; fi
  local scenarios=("$@") s failed=()
  ((${#scenarios[@]})) || scenarios=("${ALL[@]}")
  for s in "${scenarios[@]}"; do describe "$s" >/dev/null || die "unknown scenario $s (scripts/faults.sh --list)"; done
  OUT="${FAULTS_OUT:-$ROOT/docs/faults}"; mkdir -p "$OUT/data"
  SERVERS=$(mktemp -d /tmp/chat-faults-servers.XXXXXX)
  trap 'rm -rf "$SERVERS"' EXIT
  COMMAND="scripts/faults.sh${*:+ $*}"
  build
  for s in "${scenarios[@]}"; do scenario "$s" || failed+=("$s"); done
  report
  if ((${#failed[@]})); then say "FAILED: ${failed[*]}"; return 1; fi
  say "all ${#scenarios[@]} scenario(s) passed"
}

main "$@"
