# The customer's load beside a cluster fault scenario (FAULTS_LOAD_USERS > 0, sourced by scripts/faults.sh): a small
# seed, then the load test's own simulation (ChatSimulation: read, send, read per virtual user, plus its WebSocket
# pairs) with FAULTS_LOAD_USERS users against the first gateway and reader, started before the checker's traffic and
# running past its end. Afterwards every send the simulation got accepted is looked up in the store (DeliveryMain),
# as `./chat loadtest` does, so the load's messages are checked by id as well as the checker's.

LOAD_PID=""

# name seconds: seeds, starts Gatling and returns once its stage has ramped up to the users
load_start() {
  local name=$1 seconds=$2 stage ramp=$(( (FAULTS_LOAD_USERS + 9) / 10 ))
  LOAD_DIR="$DATA/load-$name"; rm -rf "$LOAD_DIR"; mkdir -p "$LOAD_DIR"
  ./chat seed --users "${FAULTS_LOAD_SEED_USERS:-1000}" --dialogs-per-user 2 --messages-per-dialog 10 \
    > "$LOAD_DIR/seed.log" 2>&1 || { tail -5 "$LOAD_DIR/seed.log"; return 1; }
  # the stage covers the ramp, the checker's WebSocket clients connecting, its traffic with the fault, and its check
  stage=$((ramp + seconds + 60))
  mvn -B -o -q -pl loadtest gatling:test -Dloadtest.profile="custom:20x10;$FAULTS_LOAD_USERS/10/$stage" \
    -Dloadtest.users="$CHAT_RUN_DIR/seed/users.csv" -Dloadtest.gateway="http://127.0.0.1:$CHAT_GATEWAY_PORT" \
    -Dloadtest.reader="http://127.0.0.1:$CHAT_READER_PORT" -Dloadtest.out="$LOAD_DIR/results.json" \
    -Dgatling.runDescription="faults $name under load" > "$LOAD_DIR/gatling.log" 2>&1 &
  LOAD_PID=$!
  local deadline=$((SECONDS + 240))
  until grep -q 'stage 1/1' "$LOAD_DIR/gatling.log" 2>/dev/null; do
    if ! kill -0 "$LOAD_PID" 2>/dev/null || ((SECONDS > deadline)); then
      say "the load did not start:"; tail -5 "$LOAD_DIR/gatling.log"
      kill "$LOAD_PID" 2>/dev/null || true; LOAD_PID=""; return 1
    fi
    sleep 1
  done
  sleep "$ramp"
  say "load: $FAULTS_LOAD_USERS users on gateway :$CHAT_GATEWAY_PORT and reader :$CHAT_READER_PORT ($stage s stage)"
}

# name: waits for Gatling, checks its accepted sends in the store, writes $DATA/<name>.load (one line) for the table
load_finish() {
  local name=$1 brokers="127.0.0.1:$CHAT_KAFKA_PORT,127.0.0.1:$((CHAT_KAFKA_PORT + 10)),127.0.0.1:$((CHAT_KAFKA_PORT + 20))"
  local delivery=0 line
  wait "$LOAD_PID" || true # Gatling exits non-zero when a request failed: the figures below count them
  LOAD_PID=""
  if [[ ! -s $LOAD_DIR/results.json ]]; then
    line="load: the simulation gave no results (data/cluster/load-$name/gatling.log)"
  else
    java -cp "loadtest/target/loadtest-$VERSION.jar:$(cat loadtest/target/runtime.classpath)" \
      dev.chat.loadtest.collect.DeliveryMain --store redis --accepted "$LOAD_DIR/accepted.tsv" \
      --results "$LOAD_DIR/results.json" --out "$LOAD_DIR/delivery.json" --kafka "$brokers" --wait-seconds 60 \
      --redis-url "redis://127.0.0.1:$CHAT_REDIS_CLUSTER_PORT" --redis-cluster true > "$LOAD_DIR/delivery.log" 2>&1 \
      || delivery=$?
    line=$(python3 - "$LOAD_DIR" "$delivery" <<'EOF'
import json, os, sys
d = sys.argv[1]; r = json.load(open(os.path.join(d, "results.json")))["overall"]
req = sum(v["requests"] for v in r.values()); err = sum(v["errors"] for v in r.values())
path = os.path.join(d, "delivery.json")
if os.path.exists(path):
    o = json.load(open(path))["windows"]["overall"]
    check = f"{o['accepted']} sends accepted, {o['missing']} missing, {o['duplicated']} duplicated"
else:
    check = f"delivery check not run (exit {sys.argv[2]})"
print(f"load: {req} requests, {err} failed; {check}")
EOF
)
  fi
  rm -f "$LOAD_DIR/accepted.tsv" # several MB; delivery.json keeps the counts
  printf '%s\n' "$line" > "$DATA/$name.load"
  say "$name $line"
  if [[ -f $DATA/$name.md ]]; then
    printf '\nUnder load: %s users of the load test'"'"'s simulation on the first gateway and reader. %s.\n' \
      "$FAULTS_LOAD_USERS" "${line^}" >> "$DATA/$name.md"
  fi
  ((delivery == 0))
}
