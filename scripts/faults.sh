#!/usr/bin/env bash
# Fault runs and the scale-out run (issue 9), results in docs/faults/RESULTS.md (docs/faults/README.md).
#
#   scripts/faults.sh                     every scenario below, in this order
#   scripts/faults.sh writer-kill redis-restart-aof ...   just those
#   scripts/faults.sh --list              the scenarios and what each does
#   scripts/faults.sh --cluster [scenario...]   the same on the replicated system (./chat up --cluster): writer-kill
#                                         kafka-broker-kill redis-primary-kill gateway-kill postgres-stop, results in
#                                         docs/faults/CLUSTER-RESULTS.md and docs/faults/data/cluster/
#
# Each scenario starts the system fresh with ./chat up on private ports and a private run dir, drives
# sequential senders in many dialogs over HTTP (dev.chat.loadtest.faults.FaultsMain, in the loadtest module),
# injects the fault mid-stream, reads every dialog back through the reader(s) and counts message by message;
# then ./chat down and the run dir is removed. Exit status 1 when a scenario failed.
# Env: FAULTS_OUT (default docs/faults), FAULTS_SECONDS (traffic per scenario, default 30), FAULTS_DIALOGS (16),
# FAULTS_RATE (messages a second per dialog, 8), FAULTS_JAVA_OPTS (the services' JVM options, default
# "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"), FAULTS_LOAD_USERS (--cluster only: that many users of the load
# test's simulation run beside each scenario, e.g. 100 for the customer's 100-user stage; scripts/faults-load.sh),
# FAULTS_LOAD_SEED_USERS (the seed for them, 1000).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VERSION=0.1.0-SNAPSHOT
ALL=(writer-kill kafka-restart redis-restart-aof redis-restart-no-persistence postgres-stop scale-out)
CLUSTER_ALL=(writer-kill kafka-broker-kill redis-primary-kill gateway-kill postgres-stop)
CLUSTER=0

describe() {
  if ((CLUSTER)); then describe_cluster "$1"; return; fi
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

# On the replicated system (./chat up --cluster: 3 Kafka brokers, a Redis Cluster of 3 primaries with two replicas each,
# 2 gateways, writers and readers; the writer confirms each batch on a Redis replica before it commits).
describe_cluster() {
  case $1 in
    writer-kill) echo "On the cluster (\`./chat up --cluster\`), \`writer\` (one of two) is killed with SIGKILL mid-stream, then started again: its partitions move to writer2 and back." ;;
    kafka-broker-kill) echo "On the cluster, the broker leading most partitions of \`chat.message-commands\` is killed with SIGKILL mid-stream and started again 10 s later (3 replicas, min.insync.replicas=2)." ;;
    redis-primary-kill) echo "On the cluster, the Redis primary of slot 0 is killed with SIGKILL mid-stream (one of its two replicas takes over after the 2 s node timeout, the other follows it and confirms its writes) and started again 15 s later, rejoining as a replica: writes of its slots must flow again before that." ;;
    gateway-kill) echo "On the cluster, \`gateway\` (one of two) is killed with SIGKILL mid-stream and started again; the senders use both gateways, and one that gets no answer retries on the other with the same \`client_id\` and stays there." ;;
    postgres-stop) echo "On the cluster, PostgreSQL is stopped mid-stream (\`pg_ctl stop -m fast\`) and started again 15 s later; meanwhile login and dialog creation are probed twice a second." ;;
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
# the system the run dir's `up` started: ./chat up refuses the other one while one runs
restart() {
  local mode=(); [[ $(cat "$CHAT_RUN_DIR/mode" 2>/dev/null) == cluster ]] && mode=(--cluster)
  "$ROOT/chat" up ${mode[@]+"${mode[@]}"} --store redis | sed 's/^/  /'
}

# the part name of instance n: redis, redis2, ...
part_name() { if (($2 == 1)); then echo "$1"; else echo "$1$2"; fi; }

# shellcheck source=redis-cmd.sh
source "$ROOT/scripts/redis-cmd.sh"
source "$ROOT/scripts/faults-load.sh"
FAULTS_LOAD_USERS=${FAULTS_LOAD_USERS:-0}

# The Redis node serving slot 0 now, from the CLUSTER NODES of the first node that answers (a failover moves it).
redis_primary_of_slot0() {
  local base=${CHAT_REDIS_CLUSTER_PORT:-7000} n view="" port
  for ((n = 0; n < 9; n++)); do if view=$(redis_cmd $((base + n)) CLUSTER NODES 2>/dev/null); then break; fi; done
  [[ -n $view ]] || die "no Redis node answers CLUSTER NODES"
  port=$(awk '$3 ~ /master/ && $3 !~ /fail/ {
                for (i = 9; i <= NF; i++) if ($i == "0" || $i ~ /^0-/) { split($2, a, /[:@]/); print a[2]; exit } }' <<< "$view")
  [[ -n $port ]] || die "no primary serves slot 0"
  part_name redis $((port - base + 1))
}

# The broker leading most partitions of chat.message-commands (node id n is part kafka / kafkaN); kafka2 if unknown.
kafka_busiest_leader() {
  local base=${CHAT_KAFKA_PORT:-9092} id
  id=$(timeout 60 java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dlog4j2.configurationFile="$ROOT/scripts/devstack/log4j2.properties" \
         -cp "$(cat "$CHAT_RUN_DIR/bin/kafka.cp")" org.apache.kafka.tools.TopicCommand \
         --bootstrap-server "127.0.0.1:$base,127.0.0.1:$((base + 10)),127.0.0.1:$((base + 20))" \
         --describe --topic chat.message-commands 2>/dev/null \
       | awk '/Partition:/ { for (i = 1; i < NF; i++) if ($i == "Leader:") led[$(i + 1)]++ }
              END { for (b in led) if (b >= 0 && led[b] > most) { most = led[b]; best = b }; print best }') || true
  if [[ $id =~ ^[0-9]+$ ]]; then part_name kafka "$id"; else say "partition leaders unknown, taking kafka2" >&2; echo kafka2; fi
}

inject() {
  case $1 in
    kill) signal KILL "$2"; restart ;;
    term) signal TERM "$2"; restart ;;
    stop) signal TERM "$2" ;;
    start) restart ;;
    kill-kafka-leader) # the busiest leader of the commands topic, started again ${2:-10} s after it is gone
      local part; part=$(kafka_busiest_leader)
      say "$part leads most partitions of chat.message-commands"
      signal KILL "$part"; sleep "${2:-10}"; restart ;;
    kill-redis-primary) # the primary of slot 0, started again ${2:-15} s after it is gone: it rejoins as a replica
      local part; part=$(redis_primary_of_slot0)
      say "$part is the primary of slot 0"
      signal KILL "$part"; sleep "${2:-15}"; restart
      say "slot 0 now on $(redis_primary_of_slot0)" ;;
    postgres-stop)
      local as=(); [[ $(id -u) == 0 ]] && as=(runuser -u nobody --)
      "${as[@]}" "$CHAT_RUN_DIR/pg/bin/pg_ctl" -D "$CHAT_RUN_DIR/data/postgres" -m fast -w stop >/dev/null
      say "postgres stopped" ;;
    *) die "unknown action $1" ;;
  esac
}

# --- the runs ---

build() { # package, not install: the jars and loadtest's class path (of the reactor's target/ dirs) are all it needs
  local s missing=0
  for s in gateway writer reader; do [[ -f $s/target/$s-$VERSION-exec.jar ]] || missing=1; done
  [[ -f loadtest/target/loadtest-$VERSION.jar && -f loadtest/target/runtime.classpath ]] || missing=1
  ((missing)) || return 0
  say "building (mvn -DskipTests package of the services and loadtest)..."
  mvn -B -q -DskipTests package -pl gateway,writer,reader,loadtest -am || die "build failed"
}

urls() { # service, count, base port -> comma-separated URLs
  local i out=""
  for ((i = 0; i < $2; i++)); do out+="${out:+,}http://127.0.0.1:$(($3 + 10 * i))"; done
  echo "$out"
}

scenario() { # name -> runs it; returns the checker's status
  local name=$1 gateways=1 writers=1 readers=1 appendonly=yes up=(--store redis)
  local args=(--fault-at 10) seconds=${FAULTS_SECONDS:-30}
  local me="$ROOT/scripts/faults.sh inject"
  if ((CLUSTER)); then
    # every service twice; a sender whose gateway gives no answer moves to the other one
    gateways=2 writers=2 readers=2 up=(--cluster --store redis); args+=(--failover --watch)
    case $name in
      writer-kill) args+=(--fault "$me kill writer") ;;
      kafka-broker-kill) args+=(--fault "$me kill-kafka-leader 10") ;;
      redis-primary-kill) args+=(--fault "$me kill-redis-primary 15") ;;
      gateway-kill) args+=(--fault "$me kill gateway") ;;
      postgres-stop) args+=(--fault "$me postgres-stop" --recover-at 25 --recover "$me start" --probe-outage) ;;
    esac
  else
    case $name in
      writer-kill) args+=(--fault "$me kill writer") ;;
      kafka-restart) args+=(--fault "$me term kafka") ;;
      redis-restart-aof) args+=(--fault "$me kill redis") ;;
      redis-restart-no-persistence) appendonly=no; args+=(--fault "$me kill redis" --expect-loss --settle 20) ;;
      postgres-stop) args+=(--fault "$me postgres-stop" --recover-at 25 --recover "$me start" --probe-outage) ;;
      scale-out) gateways=2 writers=3 readers=2
        args+=(--fault "$me stop writer2" --recover-at 22 --recover "$me start") ;;
    esac
  fi
  export CHAT_RUN_DIR; CHAT_RUN_DIR=$(mktemp -d /tmp/chat-faults.XXXXXX)
  if ((CLUSTER)); then
    # apart from the small system's ports (and below the ephemeral range): brokers 21092/21093 +10 +20, Redis nodes
    # 21700-21708 (bus ports +10000), Postgres 21432, gateways 22080/22090, readers 22081/22091, writers 22082/22092
    export CHAT_KAFKA_PORT=21092 CHAT_KAFKA_CONTROLLER_PORT=21093 CHAT_REDIS_PORT=21379 CHAT_REDIS_CLUSTER_PORT=21700 \
           CHAT_PG_PORT=21432 CHAT_GATEWAY_PORT=22080 CHAT_READER_PORT=22081 CHAT_WRITER_PORT=22082
  else
    export CHAT_KAFKA_PORT=29092 CHAT_KAFKA_CONTROLLER_PORT=29093 CHAT_REDIS_PORT=26379 CHAT_PG_PORT=25432 \
           CHAT_GATEWAY_PORT=28080 CHAT_READER_PORT=28081 CHAT_WRITER_PORT=28082
  fi
  export CHAT_GATEWAYS=$gateways CHAT_WRITERS=$writers CHAT_READERS=$readers CHAT_REDIS_APPENDONLY=$appendonly
  # correctness, not speed, is measured here: C1 only and the serial collector start the services faster on a busy box
  export CHAT_SERVICE_JAVA_OPTS="${FAULTS_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}" CHAT_START_TIMEOUT=300
  if ((gateways + writers + readers > 3)); then export CHAT_SERVICE_HEAP=256m; else unset CHAT_SERVICE_HEAP; fi
  unset REDIS_URL DATABASE_URL
  # the servers ./chat fetches into a run dir (Kafka class path, redis-server, PostgreSQL): fetched once, then copied
  if [[ -d $SERVERS/pg ]]; then cp -a "$SERVERS/bin" "$SERVERS/pg" "$CHAT_RUN_DIR/"; fi
  rm -f "$DATA/$name.load" # a run without load must not show an earlier run's
  say "=== $name: $(describe "$name")"
  local rc=0 started=$SECONDS
  if ./chat up "${up[@]}" >"$CHAT_RUN_DIR/up.log" 2>&1; then
    say "system up in $((SECONDS - started)) s"
    if [[ ! -d $SERVERS/pg ]]; then mkdir -p "$SERVERS"; cp -a "$CHAT_RUN_DIR/bin" "$CHAT_RUN_DIR/pg" "$SERVERS/"; fi
    local loaded=0 checker=(java -cp "loadtest/target/loadtest-$VERSION.jar:$(cat loadtest/target/runtime.classpath)"
      dev.chat.loadtest.faults.FaultsMain --name "$name" --describe "$(describe "$name")"
      --gateways "$(urls gateway "$gateways" "$CHAT_GATEWAY_PORT")" --readers "$(urls reader "$readers" "$CHAT_READER_PORT")"
      --dialogs "${FAULTS_DIALOGS:-16}" --rate "${FAULTS_RATE:-8}" --seconds "$seconds" --out "$DATA" "${args[@]}")
    if ((CLUSTER && FAULTS_LOAD_USERS > 0)); then
      # the checker sets up its users and dialogs first (slow under load), then the load starts, then its traffic
      local ready="$CHAT_RUN_DIR/faults.ready" go="$CHAT_RUN_DIR/faults.go" checker_pid
      "${checker[@]}" --ready-file "$ready" --go-file "$go" & checker_pid=$!
      while [[ ! -f $ready ]] && kill -0 "$checker_pid" 2>/dev/null; do sleep 0.5; done
      if [[ -f $ready ]]; then
        if load_start "$name" "$seconds"; then loaded=1; else rc=1; fi
      fi
      touch "$go"
      wait "$checker_pid" || rc=$?
    else
      "${checker[@]}" || rc=$?
    fi
    store_lag "$name"
    if ((loaded)); then load_finish "$name" || rc=1; fi
  else
    rc=1; say "$name: ./chat up failed:"; tail -n 20 "$CHAT_RUN_DIR/up.log"
  fi
  if ((rc != 0)); then
    mkdir -p "$DATA/logs-$name"; cp "$CHAT_RUN_DIR"/logs/*.log "$DATA/logs-$name/" 2>/dev/null || true
  fi
  ./chat down >/dev/null 2>&1 || true
  say "$name took $((SECONDS - started)) s end to end"
  rm -rf "$CHAT_RUN_DIR"
  return $rc
}

# The store side of the outage, from the writer's events (accepted -> first WRITTEN), into the scenario's section.
store_lag() {
  local brokers="127.0.0.1:$CHAT_KAFKA_PORT" line
  if ((CLUSTER)); then brokers+=",127.0.0.1:$((CHAT_KAFKA_PORT + 10)),127.0.0.1:$((CHAT_KAFKA_PORT + 20))"; fi
  line=$(java -cp "loadtest/target/loadtest-$VERSION.jar:$(cat loadtest/target/runtime.classpath)" \
           dev.chat.loadtest.collect.StoreLagMain --kafka "$brokers" 2>/dev/null) || line="store lag: not read"
  say "$1 $line"
  printf '%s\n' "$line" > "$DATA/$1.storelag"
  if [[ -f $DATA/$1.md ]]; then printf '\n%s (accepted at the gateway to its first WRITTEN event).\n' "${line^}" >> "$DATA/$1.md"; fi
}

report() { # every scenario with results in $DATA (the latest run of each) -> RESULTS.md or CLUSTER-RESULTS.md
  local s list=("${ALL[@]}") f="$OUT/RESULTS.md" title="Fault runs and the scale-out run" rel=data rerun=""
  if ((CLUSTER)); then
    list=("${CLUSTER_ALL[@]}") f="$OUT/CLUSTER-RESULTS.md" title="Fault runs on the cluster" rel=data/cluster rerun=" --cluster"
  fi
  {
    echo "# $title"
    echo
    echo "Last written by \`$COMMAND\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
    echo "(each scenario's section says when it ran; \`scripts/faults.sh$rerun <scenario>\` reruns one and rewrites this file)."
    echo "Machine: $(nproc) CPUs ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)),"
    echo "$(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory, $(java -version 2>&1 | head -1);"
    echo "everything (Kafka, Redis 7.0.15, PostgreSQL 17, the services, the checker) on this one machine, which other"
    echo "builds shared during the runs (each section's time line shows the load average): the rates reached say little"
    echo "about speed; the counts are the point."
    if ((CLUSTER)); then
      echo "The system is \`./chat up --cluster\`: 3 KRaft brokers (3 replicas, min.insync.replicas=2), a Redis Cluster of"
      echo "3 primaries with two replicas each (node timeout 2 s), 2 gateways, 2 writers, 2 readers; the writer confirms every"
      echo "batch on a Redis replica (CHAT_REDIS_REPLICA_ACKS=1). Outage: the longest wait of one dialog's sender between"
      echo "two accepted answers (the pace is 125 ms at 8 msg/s), and the span of refused sends (first to last refused answer)."
      echo "Store lag: the longest time from a message's acceptance to its first WRITTEN event (writes flowing again)."
      echo "WebSocket clients: each dialog's second user listens on a socket to the dialog's gateway; one that loses it"
      echo "reconnects to the next gateway, then catches up with \`?after=<newer>\`; unseen: stored messages it never got."
      echo "Missing: accepted, not stored (\"lost\" in the sections)."
    fi
    echo "How to read it, and what pass means: [README.md](README.md). Raw data: [$rel/]($rel/)."
    echo
    if ((CLUSTER)); then
      echo "| scenario | verdict | outage: longest gap (s) | refused span (s) | store lag max (s) | WebSocket clients: lost / longest back and caught up (s) / unseen | sent | accepted | rejected | stored | missing | duplicated | out of order | id mismatch | beside it |"
      echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    else
      echo "| scenario | verdict | sent | accepted | rejected | stored | lost | duplicated | out of order |"
      echo "|---|---|---|---|---|---|---|---|---|"
    fi
    for s in "${list[@]}"; do
      if [[ ! -f $DATA/$s.json ]]; then
        if ((CLUSTER)); then echo "| $s | not run yet | | | | | | | | | | | | | |"; else echo "| $s | not run yet | | | | | | | |"; fi
        continue
      fi
      python3 - "$DATA/$s.json" "$s" "$CLUSTER" "$DATA/$s.storelag" "$DATA/$s.load" <<'EOF'
import json, os, re, sys
d = json.load(open(sys.argv[1])); c = d["counts"]
rej = sum(c["rejected"].values())
if sys.argv[3] == "1":
    o = d.get("outage", {})
    gap = o.get("longestGapMs", 0) / 1000; span = o.get("refusedSpanMs", 0) / 1000
    lag = re.search(r"max (\d+) ms", open(sys.argv[4]).read()) if os.path.exists(sys.argv[4]) else None
    lag = f"{int(lag.group(1)) / 1000:.1f}" if lag else "?"
    w = d.get("live")
    live = f"{w['losses']} / {w['longestRecoveryMs'] / 1000:.1f} / {w['unseen']}" if w else "not watched"
    load = open(sys.argv[5]).read().strip() if os.path.exists(sys.argv[5]) else "nothing"
    print(f"| [{sys.argv[2]}](#{sys.argv[2]}) | {d['verdict']} | {gap:.1f} | {span:.1f} | {lag} | {live} | {c['sent']} | {c['accepted']} | {rej} | {c['stored']} | {c['lost']} | {c['duplicated']} | {c['outOfOrder']} | {c['idMismatch']} | {load} |")
else:
    print(f"| [{sys.argv[2]}](#{sys.argv[2]}) | {d['verdict']} | {c['sent']} | {c['accepted']} | {rej} | {c['stored']} | {c['lost']} | {c['duplicated']} | {c['outOfOrder']} |")
EOF
    done
    echo
    for s in "${list[@]}"; do if [[ -f $DATA/$s.md ]]; then cat "$DATA/$s.md"; fi; done
  } > "$f"
  say "results in $f"
}

main() {
  if [[ ${1:-} == inject ]]; then shift; inject "$@"; return; fi
  local all=("${ALL[@]}") flags=""
  if [[ ${1:-} == --cluster ]]; then shift; CLUSTER=1 all=("${CLUSTER_ALL[@]}") flags=" --cluster"; fi
  if [[ ${1:-} == --list ]]; then for s in "${all[@]}"; do printf '%-30s %s\n' "$s" "$(describe "$s")"; done; return; fi
  local scenarios=("$@") s failed=()
  ((${#scenarios[@]})) || scenarios=("${all[@]}")
  for s in "${scenarios[@]}"; do describe "$s" >/dev/null || die "unknown scenario $s (scripts/faults.sh$flags --list)"; done
  OUT="${FAULTS_OUT:-$ROOT/docs/faults}"; DATA="$OUT/data"; if ((CLUSTER)); then DATA="$OUT/data/cluster"; fi
  mkdir -p "$DATA"
  SERVERS=$(mktemp -d /tmp/chat-faults-servers.XXXXXX)
  trap 'rm -rf "$SERVERS"' EXIT
  COMMAND="scripts/faults.sh$flags${*:+ $*}"
  build
  for s in "${scenarios[@]}"; do scenario "$s" || failed+=("$s"); done
  report
  if ((${#failed[@]})); then say "FAILED: ${failed[*]}"; return 1; fi
  say "all ${#scenarios[@]} scenario(s) passed"
}

main "$@"
