#!/usr/bin/env bash
# Where a show_messages page's CPU goes inside Redis: server CPU per call (redis-server's user + system time from
# /proc over a redis-benchmark run, 8 connections) of show_messages and of the same ZRANGE with and without Lua
# around it, on a private redis-server (the embedded 7.0.15 binary ./chat uses, zset-max-listpack-value 1024)
# holding one dialog of 120 messages written by write_message (docs/performance.md, "At the store").
# Needs Debian's redis-tools (redis-cli, redis-benchmark): apt-get install redis-tools. Run it alone.
#
#   scripts/ab/lua-page-cost.sh [--calls 100000] [--port 26400]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CALLS=100000 PORT=26400
while (($#)); do
  case $1 in --calls) CALLS=$2; shift 2 ;; --port) PORT=$2; shift 2 ;; *) echo "unknown option $1" >&2; exit 2 ;; esac
done
command -v redis-benchmark >/dev/null || { echo "needs redis-benchmark: apt-get install redis-tools" >&2; exit 1; }
BIN=$(mktemp -d)/redis-server
unzip -p "$(find ~/.m2/repository/org/signal/embedded-redis -name 'embedded-redis-0.9.1.jar' | head -1)" \
  redis-server-7.0.15-linux-amd64 > "$BIN" && chmod +x "$BIN"
"$BIN" --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --zset-max-listpack-value 1024 > /dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER; rm -rf "$(dirname "$BIN")"' EXIT
R=(redis-cli -p "$PORT")
until "${R[@]}" PING >/dev/null 2>&1; do sleep 0.2; done
"${R[@]}" FUNCTION LOAD REPLACE "$(cat "$ROOT/redis-udf/src/main/resources/chat.lua")" >/dev/null
D=0193a000-0000-7000-8000-0000000000aa A=3cd82c05-0000-4000-8000-000000000002
TEXT="Hi! Are we still on for Friday? The cafe on the corner at 7, and bring the book you promised me last week"
for i in $(seq 1 120); do
  printf 'FCALL write_message 1 messages:%s 0193a000-0000-7000-8000-%012d %s %s "%s %d" %d\n' "$D" "$i" "$A" "$D" "$TEXT" "$i" $((1700000000000 + i))
done | "${R[@]}" > /dev/null
echo "dialog: $("${R[@]}" ZCARD "messages:$D") members, $("${R[@]}" OBJECT ENCODING "messages:$D"), a member $(("$("${R[@]}" ZRANGE "messages:$D" 0 0 | wc -c)" - 1)) bytes"
cpu() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
run() { # label, command...
  local label=$1; shift
  redis-benchmark -p "$PORT" -c 8 -n "$CALLS" -q "$@" > /dev/null   # warm-up
  local before; before=$(cpu)
  local rate; rate=$(redis-benchmark -p "$PORT" -c 8 -n "$CALLS" -q "$@" | tr '\r' '\n' | grep -o '[0-9.]* requests per second' | tail -1)
  local after; after=$(cpu)
  printf '%-46s %-30s server CPU %6.1f us a call\n' "$label" "$rate" "$(echo "($after - $before) * 10000 / $CALLS" | bc -l)"
}
run "FCALL_RO show_messages newest 50" FCALL_RO show_messages 1 "messages:$D" older 50
run "FCALL_RO show_messages newest 100" FCALL_RO show_messages 1 "messages:$D" older 100
run "ZRANGE 0 100 REV (no Lua)" ZRANGE "messages:$D" 0 100 REV
run "EVAL: return the same ZRANGE" EVAL "return redis.call('ZRANGE', KEYS[1], 0, 100, 'REV')" 1 "messages:$D"
run "EVAL: the same ZRANGE, return its length only" EVAL "return #redis.call('ZRANGE', KEYS[1], 0, 100, 'REV')" 1 "messages:$D"
run "EVAL: ZRANGE of 1 member, return its length" EVAL "return #redis.call('ZRANGE', KEYS[1], 0, 0, 'REV')" 1 "messages:$D"
