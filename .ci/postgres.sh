#!/usr/bin/env bash
# PostgreSQL for the registry tests (issue 14, SPEC §6): installs Debian's postgresql when missing,
# starts the cluster, creates the test role and database, and prints the settings the tests read.
# Idempotent. Use it as:   eval "$(bash .ci/postgres.sh)"
# (the tests read THYRA_TEST_PG_URL, THYRA_TEST_PG_USER, THYRA_TEST_PG_PASSWORD, and
# THYRA_TEST_PG_APP_USER / THYRA_TEST_PG_APP_PASSWORD: a role owning nothing, for the owner/app split).
set -euo pipefail
log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  log "creating cluster $version main"
  pg_createcluster "$version" main >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  log "starting cluster $version main on port $port"
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  if su postgres -c "psql -p $port -tAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

user=thyra_test
password=thyra_test
db=thyra_test
psql_admin() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -tAq -c \"$1\"" >&2; }
if [ "$(su postgres -c "psql -p $port -tAc \"select 1 from pg_roles where rolname='$user'\"")" != "1" ]; then
  log "creating role $user"
  psql_admin "create role $user login password '$password' createdb"
fi
if [ "$(su postgres -c "psql -p $port -tAc \"select 1 from pg_database where datname='$db'\"")" != "1" ]; then
  log "creating database $db"
  psql_admin "create database $db owner $user"
fi

# The application's role of the owner/application split (docs/REGISTRY.md, "Roles on PostgreSQL"):
# it owns nothing; `registry init` run as the owner grants it what it needs.
app_user=thyra_test_app
if [ "$(su postgres -c "psql -p $port -tAc \"select 1 from pg_roles where rolname='$app_user'\"")" != "1" ]; then
  log "creating role $app_user"
  psql_admin "create role $app_user login password '$app_user'"
fi
psql_admin "grant connect on database $db to $app_user"

echo "export THYRA_TEST_PG_URL='jdbc:postgresql://localhost:$port/$db'"
echo "export THYRA_TEST_PG_USER='$user'"
echo "export THYRA_TEST_PG_PASSWORD='$password'"
echo "export THYRA_TEST_PG_APP_USER='$app_user'"
echo "export THYRA_TEST_PG_APP_PASSWORD='$app_user'"
