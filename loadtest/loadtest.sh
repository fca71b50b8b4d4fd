#!/usr/bin/env bash
# ./chat loadtest [--profile full|short] [--stores "postgres redis"]   (see loadtest/README.md)
#
# 0. the build (unless LOADTEST_SKIP_BUILD) and the Gatling Maven plugin, which no build phase fetches;
# 1. the stores alone on this machine (CeilingMain: private servers, no HTTP, no Kafka);
# 2. per store, in turn: ./chat down, wipe the run's data, ./chat up --store X, ./chat seed, the Gatling
#    simulation (warm-up, then the measured stages) with CPU/lag/metric samplers beside it, the
#    accepted -> stored latencies from the writer's events, the delivery check (every accepted message
#    looked up in the store), ./chat down;
# 3. loadtest/reports/<date>-<profile>/REPORT.md, summary.json and the charts.
# Stops at the first store that fails a step (system not up, seed, Gatling without results, delivery check),
# still writes what report it can, and exits non-zero naming the store and the step. Exits non-zero too when
# any request failed (so CI can run the short profile).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHAT="$ROOT/chat"
RUN="${CHAT_RUN_DIR:-$ROOT/.run}"
VERSION=0.1.0-SNAPSHOT
PROFILE=short
STORES="postgres redis"

say() { printf 'loadtest: %s\n' "$*"; }
die() { printf 'loadtest: %s\n' "$*" >&2; exit 1; }

while (($#)); do
  case $1 in
    --profile) PROFILE=${2:?--profile needs full or short}; shift 2 ;;
    --profile=*) PROFILE=${1#--profile=}; shift ;;
    --stores) STORES=${2:?--stores needs a list, e.g. \"postgres redis\"}; shift 2 ;;
    --stores=*) STORES=${1#--stores=}; shift ;;
    *) die "unknown option $1 (./chat loadtest [--profile full|short] [--stores \"postgres redis\"])" ;;
  esac
done
# The same data for both stores; the full profile's is bigger than the buffers' sweet spot of a toy data set.
case $PROFILE in
  full) SEED=(--users 10000 --dialogs-per-user 5 --messages-per-dialog 50); CEILING=(--warmup 3 --seconds 5); DRAIN=300 ;;
  short) SEED=(--users 1000 --dialogs-per-user 5 --messages-per-dialog 50); CEILING=(--warmup 2 --seconds 3); DRAIN=120 ;;
  *) die "--profile must be full or short, not $PROFILE" ;;
esac

# The services' collector for the run (unset: Parallel GC; set it empty for the JVM's default, G1): on two
# cores shared by six JVMs G1's concurrent work costs more than its short pauses save (loadtest/README.md).
export CHAT_SERVICE_JAVA_OPTS="${CHAT_SERVICE_JAVA_OPTS--XX:+UseParallelGC}"

OUT="$ROOT/loadtest/reports/$(date -u +%F)-$PROFILE"
DATA="$OUT/data"
STARTED=$SECONDS

# Never stop or wipe a system somebody else is using from this run directory.
if "$CHAT" status | awk 'NR > 1 && $2 == "running"' | grep -q .; then
  die "parts of a chat system are running from $RUN (./chat status); stop it (./chat down) or set CHAT_RUN_DIR and CHAT_*_PORT"
fi

mkdir -p "$DATA/tuning"
cp "$ROOT"/loadtest/tuning/*.yml "$DATA/tuning/"
{
  echo "profile=$PROFILE"
  echo "stores=$STORES"
  # the command as run, with the environment that moved it off the default run directory and ports
  echo "command=$(env | grep -E '^CHAT_(RUN_DIR|[A-Z_]*_PORT)=' | sort | tr '\n' ' ')./chat loadtest --profile $PROFILE$( \
    [[ $STORES != "postgres redis" ]] && printf ' --stores "%s"' "$STORES")"
  echo "started=$(date -u +%FT%TZ)"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "dirty=$(git -C "$ROOT" status --porcelain -- . ':!loadtest/reports' 2>/dev/null | grep -c . || true)"
  echo "service_heap=${CHAT_SERVICE_HEAP:-512m}"
  echo "service_java_opts=$CHAT_SERVICE_JAVA_OPTS"
  echo "seed=${SEED[*]}"
  echo "spring_boot=$(sed -n 's|.*<version>\(4[^<]*\)</version>.*|\1|p' "$ROOT/pom.xml" | head -1)"
  echo "gatling=$(sed -n 's|.*<gatling.version>\([^<]*\)<.*|\1|p' "$ROOT/loadtest/pom.xml")"
  # what was tuned for the run: these reach every service through ./chat's environment
  env | grep -E '^(SERVER_TOMCAT|SPRING_DATASOURCE_HIKARI|SPRING_KAFKA|SPRING_APPLICATION_JSON|CHAT_KAFKA_(CONCURRENCY|PARTITIONS)|JAVA_TOOL_OPTIONS)' \
    | sed 's/^/tuning./' || true
} > "$DATA/run.properties"

if [[ -z ${LOADTEST_SKIP_BUILD:-} ]]; then
  say "building (mvn -DskipTests install; LOADTEST_SKIP_BUILD=1 skips)..."
  (cd "$ROOT" && mvn -B -q -DskipTests install) || die "build failed"
fi
# gatling:test runs offline below (mvn -o) and the plugin is bound to no phase, so neither the build nor a fresh
# clone's `mvn verify` fetches it: from the local repository when it is there, else from Maven Central, once.
if ! (cd "$ROOT" && mvn -B -ntp -q -o -pl loadtest dependency:resolve-plugins >/dev/null 2>&1); then
  say "fetching the Gatling Maven plugin (mvn -pl loadtest dependency:resolve-plugins)..."
  (cd "$ROOT" && mvn -B -ntp -q -pl loadtest dependency:resolve-plugins >/dev/null) \
    || die "could not fetch the Gatling Maven plugin (mvn -pl loadtest dependency:resolve-plugins needs Maven Central once)"
fi
CP="$ROOT/loadtest/target/loadtest-$VERSION.jar:$(cat "$ROOT/loadtest/target/runtime.classpath")"
tool() { java -cp "$CP" "$@"; }
# in the background, as the process itself (so that its pid is the one to stop)
background_tool() { (exec java -cp "$CP" "$@") & }

say "the stores alone on this machine (CeilingMain)..."
tool dev.chat.loadtest.collect.CeilingMain --out "$DATA/ceiling.json" "${CEILING[@]}" \
  || die "the store-level benchmark (CeilingMain) failed, before any store's load test"

pid_of() { cat "$RUN/pids/$1.pid" 2>/dev/null || true; }

sampler=
stop_sampler() {
  if [[ -n $sampler ]]; then
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    sampler=
  fi
}
# Interrupted or failed half-way: stop what this script started.
cleanup() {
  local rc=$?
  stop_sampler
  if ((rc != 0)); then "$CHAT" down >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# The store and step that stopped the run (empty: none did). run_store runs in a condition, where `set -e` does
# not apply, so each step's failure is caught here: stop that store's system and say where it stopped.
STOPPED=
fail_store() {
  STOPPED="$1: $2"
  printf 'loadtest: %s\n' "$STOPPED" >&2
  stop_sampler
  "$CHAT" down >/dev/null 2>&1 || true
  return 1
}

run_store() {
  local store=$1 dir="$DATA/$1"
  mkdir -p "$dir"
  say "=== $store: fresh system ==="
  "$CHAT" down >/dev/null || true
  rm -rf "$RUN/data"
  # The meters (GC, the writer's timers) are read over HTTP during the run; loadtest/tuning/<service>.yml is read by
  # each service after its own configuration (only what the report lists under "Tuning").
  MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,info,metrics \
  SPRING_CONFIG_ADDITIONAL_LOCATION="optional:file:$ROOT/loadtest/tuning/" \
    "$CHAT" up --store "$store" | grep -E '^  [a-z]+ +up' || true
  if ! "$CHAT" status | awk 'NR > 1 && $2 != "running" && $2 != "external" {bad = 1} END {exit bad}'; then
    "$CHAT" status || true
    fail_store "$store" "the system did not come up (./chat logs)"; return
  fi
  eval "$("$CHAT" env)"
  grep -q '^kafka=' "$DATA/run.properties" \
    || echo "kafka=$(grep -o 'kafka-clients-[0-9.]*[0-9]' "$RUN/bin/kafka.cp" | head -1 | sed 's/kafka-clients-//')" >> "$DATA/run.properties"
  "$CHAT" seed "${SEED[@]}" --out "$RUN/seed/users.csv" && cp "$RUN/seed/seed.json" "$dir/seed.json" \
    || { fail_store "$store" "the seed failed (./chat seed ${SEED[*]})"; return; }

  local token args=() part pairs
  token=$(sed -n 2p "$RUN/seed/users.csv" | cut -d, -f3)
  for part in kafka redis postgres reader writer gateway; do
    [[ -n $(pid_of "$part") ]] && args+=(--pid "$part=$(pid_of "$part")")
  done
  background_tool dev.chat.loadtest.collect.SamplerMain --out "$dir/samples.jsonl" --kafka "$KAFKA_BOOTSTRAP_SERVERS" --token "$token" \
    --service "gateway=$GATEWAY_URL" --service "reader=$READER_URL" \
    --service "writer=http://127.0.0.1:${CHAT_WRITER_PORT:-8082}" "${args[@]}"
  sampler=$!

  # The WebSocket scenario needs the gateway's /ws: without an upgrade it answers 400 when it exists, else 404.
  pairs=
  if [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$GATEWAY_URL/ws") == 404 ]]; then
    say "the gateway has no /ws: no WebSocket scenario"; pairs=0
  fi

  say "=== $store: Gatling, profile $PROFILE ==="
  local rc=0 report
  (cd "$ROOT" && mvn -B -o -q -pl loadtest gatling:test -Dloadtest.profile="$PROFILE" \
      -Dloadtest.users="$RUN/seed/users.csv" -Dloadtest.gateway="$GATEWAY_URL" -Dloadtest.reader="$READER_URL" \
      -Dloadtest.out="$dir/results.json" ${pairs:+-Dloadtest.websocket.pairs=$pairs} \
      -Dgatling.runDescription="chat $store, profile $PROFILE") || rc=$?
  stop_sampler
  report=$(ls -1dt "$ROOT"/loadtest/target/gatling/chatsimulation-* 2>/dev/null | head -1)
  if [[ -n $report ]]; then
    rm -rf "$OUT/gatling/$store"; mkdir -p "$OUT/gatling"; mv "$report" "$OUT/gatling/$store"
  fi
  # Gatling exits non-zero when a request failed too (its assertion): with results.json the simulation ran to its
  # end and the report counts the failures (and the run exits non-zero); without, Gatling itself failed.
  [[ -s $dir/results.json ]] || { fail_store "$store" "Gatling failed (exit status $rc, no results.json; its output above)"; return; }
  ((rc == 0)) || say "$store: Gatling counted failed requests (its assertion); the report shows them and the run will exit non-zero"

  tool dev.chat.loadtest.collect.EndToEndMain --kafka "$KAFKA_BOOTSTRAP_SERVERS" --results "$dir/results.json" \
    --out "$dir/e2e.json" --wait-seconds "$DRAIN" \
    || { fail_store "$store" "reading the writer's events back (EndToEndMain) failed"; return; }
  say "=== $store: delivery check (every accepted message looked up in the store) ==="
  local delivery=0
  tool dev.chat.loadtest.collect.DeliveryMain --store "$store" --accepted "$dir/accepted.tsv" --results "$dir/results.json" \
    --out "$dir/delivery.json" --kafka "$KAFKA_BOOTSTRAP_SERVERS" --wait-seconds "$DRAIN" \
    --redis-url "${REDIS_URL:-}" --database-url "${DATABASE_URL:-}" || delivery=$?
  case $delivery in
    0) ;;
    1) fail_store "$store" "the delivery check failed: accepted messages missing or duplicated in the store (data/$store/delivery.json)"; return ;;
    *) fail_store "$store" "the delivery check could not run (DeliveryMain exit status $delivery)"; return ;;
  esac
  "$CHAT" down >/dev/null || fail_store "$store" "./chat down failed"
}

# A run earlier the same day wrote into the same folder: none of its files may pass for this run's, also not those
# of a store this run does not reach because an earlier one stopped it.
for store in $STORES; do
  rm -f "$DATA/$store"/{results.json,accepted.tsv,e2e.json,delivery.json,samples.jsonl,seed.json}
done
failed=0
for store in $STORES; do
  if ! run_store "$store"; then
    failed=1
    break
  fi
done

if [[ -n $STOPPED ]]; then echo "stopped=$STOPPED" >> "$DATA/run.properties"; fi
echo "seconds=$((SECONDS - STARTED))" >> "$DATA/run.properties"
tool dev.chat.loadtest.report.ReportMain "$OUT" || failed=1
say "report: $OUT/REPORT.md (Gatling's HTML reports: $OUT/gatling/<store>/index.html); $((SECONDS - STARTED)) s in all"
if [[ -n $STOPPED ]]; then die "stopped at $STOPPED; the stores after it did not run"; fi
exit "$failed"
