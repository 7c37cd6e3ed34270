#!/usr/bin/env bash
# Bring up the local PostgreSQL and Redis that the services test pass (and `make run` with
# DATABASE_URL/REDIS_URL) use: the same set-up on a developer's machine and in CI.
#
# Idempotent: a service that already answers is left alone (never restarted); only what is missing
# is installed (apt-get) and only what is down is started. A second run returns in about a second.
# Exits non-zero, naming the service, when one cannot be brought up: CI must fail, not skip.
#
#   PostgreSQL: 127.0.0.1:5432, user postgres, trust for local TCP connections, database "test".
#   Redis:      127.0.0.1:6379, no persistence.
set -uo pipefail

PG_HOST=127.0.0.1
PG_PORT=${PG_PORT:-5432}
PG_DB=${PG_DB:-test}
REDIS_PORT=${REDIS_PORT:-6379}
WAIT_SECONDS=${SERVICES_WAIT_SECONDS:-30}

started_ns=$(date +%s%N)
say() { printf 'services: %s\n' "$*"; }
fail() {
  printf 'services: FAILED: %s\n' "$*" >&2
  exit 1
}
elapsed() {
  local ms=$((($(date +%s%N) - started_ns) / 1000000))
  printf '%d.%01d' $((ms / 1000)) $((ms % 1000 / 100))
}

apt_updated=0
apt_install() {
  # Installs Debian packages only when a command they provide is missing.
  [ "$(id -u)" = 0 ] || fail "need root to apt-get install $* (or install it yourself)"
  command -v apt-get >/dev/null || fail "no apt-get to install $*: install it by hand"
  if [ "$apt_updated" = 0 ]; then
    say "apt-get update"
    apt-get update -qq >/dev/null || fail "apt-get update failed"
    apt_updated=1
  fi
  say "installing $*"
  # policy-rc.d 101: the package scripts must not start services themselves (no init here).
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  local rc=$?
  [ "$created_policy" = 1 ] && rm -f "$policy"
  [ "$rc" = 0 ] || fail "apt-get install $* failed (exit $rc)"
}

wait_for() {
  # wait_for NAME COMMAND...: polls until COMMAND succeeds or WAIT_SECONDS pass.
  local name=$1
  shift
  local deadline=$(($(date +%s) + WAIT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.2
  done
  return 0
}

# --- PostgreSQL -------------------------------------------------------------------------------

pg_answers() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; }
pg_query() { psql -X -q -t -A -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -c "$1"; }

postgres_up() {
  if pg_answers 2>/dev/null && pg_query 'select 1' >/dev/null 2>&1; then
    say "PostgreSQL already answering on $PG_HOST:$PG_PORT: left alone"
  else
    if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql/*/bin/postgres 2>/dev/null)" ]; then
      apt_install postgresql
    fi
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -1)
    [ -n "$version" ] || fail "PostgreSQL server binaries not found under /usr/lib/postgresql"
    if [ -z "$(pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1 == v && $2 == "main"')" ]; then
      say "creating cluster $version/main"
      pg_createcluster "$version" main -p "$PG_PORT" >/dev/null || fail "pg_createcluster $version main failed"
    fi
    local hba="/etc/postgresql/$version/main/pg_hba.conf"
    if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
      say "pg_hba.conf: trust for 127.0.0.1 and ::1 (local development only)"
      # First matching line wins, so the trust lines go on top.
      {
        echo "# added by scripts/services.sh: local development and CI"
        echo "host all all 127.0.0.1/32 trust"
        echo "host all all ::1/128 trust"
        cat "$hba"
      } >"$hba.new" && mv "$hba.new" "$hba" || fail "could not write $hba"
    fi
    if pg_answers 2>/dev/null; then
      # Running but refused our trust login: the file just changed, so reload (not restart).
      say "PostgreSQL running; reloading its configuration"
      pg_ctlcluster "$version" main reload || fail "pg_ctlcluster $version main reload failed"
    else
      say "starting PostgreSQL $version/main"
      pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
        fail "pg_ctlcluster $version main start failed; see /var/log/postgresql/postgresql-$version-main.log"
    fi
    wait_for PostgreSQL pg_query 'select 1' ||
      fail "PostgreSQL did not accept a trust login on $PG_HOST:$PG_PORT within ${WAIT_SECONDS}s"
  fi
  if [ "$(pg_query "select 1 from pg_database where datname = '$PG_DB'")" != 1 ]; then
    say "creating database $PG_DB"
    pg_query "create database \"$PG_DB\"" || fail "could not create database $PG_DB"
  fi
  say "PostgreSQL: $(pg_query 'show server_version' | awk '{print $1}') at postgres://postgres@$PG_HOST:$PG_PORT/$PG_DB"
}

# --- Redis ------------------------------------------------------------------------------------

redis_answers() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

redis_up() {
  if command -v redis-cli >/dev/null && redis_answers; then
    say "Redis already answering on 127.0.0.1:$REDIS_PORT: left alone"
  else
    command -v redis-server >/dev/null || apt_install redis-server
    say "starting Redis on 127.0.0.1:$REDIS_PORT"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
      --logfile /tmp/sherloc-redis.log >/dev/null ||
      fail "redis-server did not start; see /tmp/sherloc-redis.log"
    wait_for Redis redis_answers || fail "Redis did not answer PING on 127.0.0.1:$REDIS_PORT within ${WAIT_SECONDS}s"
  fi
  say "Redis: $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" info server | tr -d '\r' | awk -F: '$1 == "redis_version" {print $2}') at redis://127.0.0.1:$REDIS_PORT"
}

case "${1:-all}" in
  all) postgres_up && redis_up ;;
  postgres) postgres_up ;;
  redis) redis_up ;;
  *) fail "usage: $0 [all|postgres|redis]" ;;
esac
say "ready in $(elapsed)s"
