#!/usr/bin/env bash
# What can be checked of compose/ without a Docker engine (none runs on our machines):
#   1. docker-compose parses and validates the file (docker-compose from Debian's package, no engine needed), refuses
#      to run without CHAT_SECURITY_JWT_SECRET, and runs the gateway and reader with the prod profile and that secret;
#   2. the edge's nginx config passes `nginx -t` (Debian's nginx);
#   3. every jar the Dockerfile copies is one the Maven build makes.
set -euo pipefail
cd "$(dirname "$0")/.."

# without the secret compose must refuse: the services would otherwise fall back to the public development one
if env -u CHAT_SECURITY_JWT_SECRET docker-compose -f compose/docker-compose.yml config -q 2>/dev/null; then
  echo "compose: docker-compose.yml accepts a missing CHAT_SECURITY_JWT_SECRET"; exit 1
fi
export CHAT_SECURITY_JWT_SECRET=compose-check-secret-0123456789abcdef0123
docker-compose -f compose/docker-compose.yml config -q
echo "compose: docker-compose.yml is valid"
config=$(docker-compose -f compose/docker-compose.yml config)
for s in gateway reader; do
  # the service's environment block of the rendered file: production profile, the secret from the variable
  block=$(awk -v s="  $s:" '$0 == s {on = 1; next} on && /^  [a-z]/ {on = 0} on' <<<"$config")
  grep -q "SPRING_PROFILES_ACTIVE: prod" <<<"$block" || { echo "compose: $s does not run with the prod profile"; exit 1; }
  grep -q "CHAT_SECURITY_JWT_SECRET: $CHAT_SECURITY_JWT_SECRET" <<<"$block" || { echo "compose: $s does not get CHAT_SECURITY_JWT_SECRET"; exit 1; }
done
echo "compose: gateway and reader run with profile prod and the secret from CHAT_SECURITY_JWT_SECRET"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log stderr;
events {}
http {
    access_log off;
    client_body_temp_path $tmp; proxy_temp_path $tmp; fastcgi_temp_path $tmp; uwsgi_temp_path $tmp; scgi_temp_path $tmp;
    include $PWD/compose/nginx/chat.conf;
}
CONF
nginx -t -q -c "$tmp/nginx.conf"
echo "compose: nginx/chat.conf passes nginx -t"

version=$(sed -n 's:.*SERVICE}-\([^-]*-SNAPSHOT\)-exec.jar.*:\1:p' compose/Dockerfile)
for s in gateway writer reader; do
  grep -q "<classifier>exec</classifier>" "$s/pom.xml" || { echo "compose: $s does not build an -exec jar"; exit 1; }
  grep -q "<version>$version</version>" pom.xml || { echo "compose: Dockerfile expects version $version"; exit 1; }
  [[ ! -d $s/target ]] || [[ -f $s/target/$s-$version-exec.jar ]] || { echo "compose: $s/target/$s-$version-exec.jar missing"; exit 1; }
done
echo "compose: the Dockerfile's jars ($version-exec) are what the build makes"
