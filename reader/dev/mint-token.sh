#!/usr/bin/env bash
# Prints an HS256 bearer token for a user id, as the gateway's POST /login would issue it (iss chat, 1 h).
# Dev convenience only: the secret defaults to the public dev secret the services fall back to.
#   TOKEN=$(reader/dev/mint-token.sh a11ce000-0000-4000-8000-000000000001)
set -euo pipefail
sub=${1:?usage: mint-token.sh <user-uuid>}
secret=${CHAT_SECURITY_JWT_SECRET:-dev-only-secret-change-me-0123456789abcdef}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
claims=$(printf '{"iss":"chat","sub":"%s","iat":%d,"exp":%d}' "$sub" "$now" $((now + 3600)) | b64url)
signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -hmac "$secret" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$claims" "$signature"
