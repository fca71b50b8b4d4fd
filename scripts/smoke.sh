#!/usr/bin/env bash
# Smoke test of the one-command system, run by .ci/run: ./chat up on private ports and a private run dir,
# two users register, one sends a message over HTTP, the reader returns it, ./chat down leaves no process.
# Usage: scripts/smoke.sh [redis|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:-redis}

export CHAT_RUN_DIR; CHAT_RUN_DIR=$(mktemp -d /tmp/chat-smoke.XXXXXX)
export CHAT_KAFKA_PORT=19092 CHAT_KAFKA_CONTROLLER_PORT=19093 CHAT_REDIS_PORT=16379 CHAT_PG_PORT=15432 \
       CHAT_GATEWAY_PORT=18080 CHAT_READER_PORT=18081 CHAT_WRITER_PORT=18082
unset REDIS_URL DATABASE_URL

finish() {
  local rc=$?
  ./chat down >/dev/null 2>&1 || true
  if ((rc != 0)); then
    echo "smoke: FAILED; last lines of each log:"
    for f in "$CHAT_RUN_DIR"/logs/*.log; do echo "--- $f"; tail -n 30 "$f"; done
  fi
  rm -rf "$CHAT_RUN_DIR"
  exit $rc
}
trap finish EXIT

json() { python3 -c "import json,sys; d = json.load(sys.stdin); print(d$1)"; }

./chat up --store "$store"
eval "$(./chat env)"

register() {
  curl -fsS -X POST "$GATEWAY_URL/user/register" -H 'Content-Type: application/json' \
    -d "{\"first_name\":\"$1\",\"second_name\":\"Smoke\",\"birthdate\":\"1990-01-01\",\"biography\":\"\",\"city\":\"CI\",\"password\":\"smoke-password\"}" \
    | json "['user_id']"
}
ALICE=$(register Alice)
BOB=$(register Bob)
TOKEN=$(curl -fsS -X POST "$GATEWAY_URL/login" -H 'Content-Type: application/json' \
  -d "{\"id\":\"$ALICE\",\"password\":\"smoke-password\"}" | json "['token']")

SENT=$(curl -fsS -X POST "$GATEWAY_URL/dialog/$BOB/send" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"text":"smoke test 👋"}' | json "['id']")
echo "smoke: sent message $SENT"

for _ in $(seq 1 50); do
  READ=$(curl -fsS "$READER_URL/api/v1/dialogs/$BOB/messages" -H "Authorization: Bearer $TOKEN" \
    | python3 -c "import json,sys; m = json.load(sys.stdin)['messages']; print(m[0]['id'] if m else '')" || true)
  [[ $READ == "$SENT" ]] && break
  sleep 0.2
done
[[ $READ == "$SENT" ]] || { echo "smoke: the reader did not return message $SENT (got '$READ')"; exit 1; }
echo "smoke: the reader returned it"

pids=$(cat "$CHAT_RUN_DIR"/pids/*.pid)
./chat down
left=""
for p in $pids; do
  if [[ -r /proc/$p/stat && $(awk '{print $3}' "/proc/$p/stat") != Z ]]; then left="$left $p"; fi
done
[[ -z $left ]] || { echo "smoke: processes left behind:$left"; exit 1; }
echo "smoke: ./chat down left no process behind"
echo "smoke: 1 passed, 0 failed (store: $store)"
