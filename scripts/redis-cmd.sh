# redis_cmd PORT ARG...: one command to the Redis on 127.0.0.1:PORT, in RESP over bash's /dev/tcp (there is no
# redis-cli here). Prints a status, integer or bulk reply (a bulk one as it is, CRLFs and all); an error reply goes
# to stderr and fails. Sourced by ./chat and scripts/faults.sh.
redis_cmd() (
  LC_ALL=C # lengths in bytes: ${#arg} and read -N
  local port=$1 arg request line body; shift
  exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
  request="*$#"$'\r\n'
  for arg; do request+="\$${#arg}"$'\r\n'"$arg"$'\r\n'; done
  printf '%s' "$request" >&3
  IFS= read -r -t 5 line <&3 || exit 1
  line=${line%$'\r'}
  case $line in
    [+:]*) printf '%s\n' "${line:1}" ;;
    '$-1') ;;
    '$'*) IFS= read -r -t 5 -N "${line:1}" body <&3 || exit 1; printf '%s' "$body" ;;
    *) printf '%s\n' "${line#-}" >&2; exit 1 ;;
  esac
)
