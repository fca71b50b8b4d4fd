#!/usr/bin/env bash
# The short load-test profile as .ci/run runs it: ./chat loadtest --profile short (both stores, ~4-5 min) on
# private ports and a private run directory, like scripts/smoke.sh, so it cannot clash with a system already
# running on this machine. Exits non-zero when any request failed, any accepted message was rejected, or the
# delivery check found an accepted message missing or duplicated in the store (loadtest.sh's own exit status),
# or when a store's system, seed or simulation fails. loadtest.sh fetches the Gatling plugin itself.
set -euo pipefail
cd "$(dirname "$0")/.."

export CHAT_RUN_DIR; CHAT_RUN_DIR=$(mktemp -d /tmp/chat-loadtest-ci.XXXXXX)
export CHAT_KAFKA_PORT=17092 CHAT_KAFKA_CONTROLLER_PORT=17093 CHAT_REDIS_PORT=17379 CHAT_PG_PORT=17432 \
       CHAT_GATEWAY_PORT=17080 CHAT_READER_PORT=17081 CHAT_WRITER_PORT=17082
unset REDIS_URL DATABASE_URL

finish() {
  local rc=$?
  ./chat down >/dev/null 2>&1 || true
  if ((rc != 0)); then
    echo "loadtest (CI): FAILED; last lines of each log:"
    for f in "$CHAT_RUN_DIR"/logs/*.log; do [[ -f $f ]] && { echo "--- $f"; tail -n 30 "$f"; }; done
  fi
  rm -rf "$CHAT_RUN_DIR"
  exit $rc
}
trap finish EXIT

./chat loadtest --profile short
