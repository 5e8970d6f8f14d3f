#!/usr/bin/env bash
# Runs a command (the test suite) with a scratch PostgreSQL server, then stops the server, also
# when the command fails or is interrupted:
#
#   Tools/with-test-postgres.sh swift test --no-parallel
#
# The server is Debian's `postgresql` (the newest /usr/lib/postgresql/N/bin), initialised in a
# scratch folder under .build/ and run as an unprivileged user: as root (CI) that is `nobody`
# through runuser, since initdb and postgres refuse to run as root; as anyone else, that user.
# It listens only on a Unix socket in that folder (no TCP port to clash with), trusts its
# superuser `briefing` and asks every other role for a password (scram-sha-256), so tests can
# try logins. The command sees BRIEFING_TEST_PG, the superuser's URL.
#
# Without the server binaries the command still runs, without BRIEFING_TEST_PG, and the
# PostgreSQL tests report themselves skipped; this script says so first.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
  echo "with-test-postgres: SKIPPED: no PostgreSQL server (apt-get install postgresql, or run 'make test'):" \
    "the PostgreSQL source tests will be skipped" >&2
  exec "$@"
fi

as_server=()
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then
  owner=nobody
  as_server=(runuser -u "$owner" --)
fi

# A socket path is limited to 107 bytes: fall back to /tmp when .build is deep or the server
# user cannot reach it (a home folder closed to others).
scratch="$(pwd)/.build/test-postgres"
rm -rf "$scratch"
mkdir -p "$scratch"
if [ "${#scratch}" -gt 80 ] || ! { [ -z "${as_server[*]}" ] || "${as_server[@]}" test -x "$scratch"; }; then
  rm -rf "$scratch"
  scratch=$(mktemp -d /tmp/briefing-test-postgres.XXXXXX)
  chmod 755 "$scratch"
fi
[ "$owner" = "$(id -un)" ] || chown "$owner" "$scratch"

stop() {
  "${as_server[@]}" "$bindir/pg_ctl" -D "$scratch/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${as_server[@]}" "$bindir/initdb" -D "$scratch/data" -U briefing --auth-local=trust --no-locale -E UTF8 \
  >"$scratch/initdb.log" 2>&1 || { cat "$scratch/initdb.log" >&2; exit 1; }
cat >"$scratch/data/pg_hba.conf" <<'EOF'
# The superuser is trusted (tests create their tables and roles with it); any other role logs in with its password.
local all briefing trust
local all all scram-sha-256
EOF
"${as_server[@]}" "$bindir/pg_ctl" -D "$scratch/data" -l "$scratch/server.log" -w -t 60 \
  -o "-c listen_addresses='' -c unix_socket_directories='$scratch' -c fsync=off" start >/dev/null ||
  { cat "$scratch/server.log" >&2; exit 1; }

export BRIEFING_TEST_PG="postgresql://briefing@/postgres?host=$scratch"
echo "with-test-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $scratch" >&2
status=0
"$@" || status=$?
exit "$status"
