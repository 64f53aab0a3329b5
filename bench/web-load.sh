#!/usr/bin/env bash
# Load bench of the web application (issue 15): USERS concurrent users on the loopback interface
# for SECONDS, browsing, entering and correcting Tg values, then a check of the stored courses and
# the audit trail for lost or duplicated writes. Prints req/s and p50/p95/p99 per request kind.
# Usage: bench/web-load.sh [USERS=50] [SECONDS=120] [PATIENTS_PER_SITE=20] [STORE=h2]
# STORE: h2 (a fresh embedded registry), postgres (a fresh schema in $THYRA_TEST_PG_URL, default
# jdbc:postgresql://localhost:5432/thyra_test; THYRA_DB_USER / THYRA_DB_PASSWORD set, e.g. after
# `eval "$(bash .ci/postgres.sh)"` export THYRA_DB_USER=$THYRA_TEST_PG_USER ...), or embedded.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# one reactor build, so the sibling modules resolve to their target/classes (never to ~/.m2)
mvn -B -q -pl thyra-web -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cd thyra-web
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.thyra.web.LoadBench "${1:-50}" "${2:-120}" "${3:-20}" "${4:-h2}"
