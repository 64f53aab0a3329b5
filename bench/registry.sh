#!/usr/bin/env bash
# Registry benchmark (docs/PERFORMANCE.md, "Registry (issue 14)"): N synthetic patients with their
# courses imported into an empty registry (one transaction), imported again (nothing changes), and
# the analysis frame exported, on embedded H2 and on PostgreSQL.
#   bench/registry.sh            N = 100000
#   N=2000 bench/registry.sh     smoke run
# PostgreSQL: the test database of .ci/postgres.sh (a fresh schema per run, dropped afterwards).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
n=${N:-100000}
out=${OUT:-bench/out/registry}
heap=${HEAP:--Xmx4g}
mkdir -p "$out"
eval "$(bash .ci/postgres.sh)"
mvn -B -q -o -pl thyra-registry -am test-compile
mvn -B -q -o -pl thyra-registry dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test >/dev/null
# a private copy of the compiled classes: a build during the (long) run must not change them
rm -rf "$out/classes" && mkdir -p "$out/classes"
for m in thyra-registry/target/test-classes thyra-registry/target/classes thyra-clinical/target/classes thyra-frame/target/classes; do
  mkdir -p "$out/classes/$m" && cp -r "$m/." "$out/classes/$m/"
done
c="$out/classes"
cp="$c/thyra-registry/target/test-classes:$c/thyra-registry/target/classes:$c/thyra-clinical/target/classes:$c/thyra-frame/target/classes:$(cat "$out/cp.txt")"
h2dir="$out/h2-$n"
rm -rf "$h2dir"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
java $heap -cp "$cp" org.thyra.registry.RegistryBench "$h2dir" "$n" "$out"
du -sh "$h2dir" | sed 's/^/H2 database size: /'
schema="bench_$$"
psql "postgresql://$THYRA_TEST_PG_USER:$THYRA_TEST_PG_PASSWORD@localhost/${THYRA_TEST_PG_URL##*/}" -qc "create schema $schema"
THYRA_DB_USER=$THYRA_TEST_PG_USER THYRA_DB_PASSWORD=$THYRA_TEST_PG_PASSWORD \
  java $heap -cp "$cp" org.thyra.registry.RegistryBench "$THYRA_TEST_PG_URL?currentSchema=$schema" "$n" "$out"
psql "postgresql://$THYRA_TEST_PG_USER:$THYRA_TEST_PG_PASSWORD@localhost/${THYRA_TEST_PG_URL##*/}" -qtAc \
  "select 'PostgreSQL schema size: ' || pg_size_pretty(sum(pg_total_relation_size(quote_ident('$schema') || '.' || quote_ident(tablename)))) from pg_tables where schemaname = '$schema'"
psql "postgresql://$THYRA_TEST_PG_USER:$THYRA_TEST_PG_PASSWORD@localhost/${THYRA_TEST_PG_URL##*/}" -qc "set client_min_messages = warning; drop schema $schema cascade"
