#!/usr/bin/env bash
# Runs the whole test suite (`./mvnw verify`) on PostgreSQL: a throwaway cluster is made, every
# test runs against it, and it is removed afterwards. Extra arguments go to Maven.
#
#   src/test/pg/verify-on-postgresql.sh [-Dtest=SomeTest]
set -euo pipefail
cd "$(dirname "$0")/../../.."
eval "$(src/test/pg/postgres.sh start)"
trap 'src/test/pg/postgres.sh stop "$ERRATA_PG_DIR"' EXIT
echo "PostgreSQL $(psql --version | awk '{print $3}') at $ERRATA_DB_URL"
# ERRATA_DB_KIND prepares the tests' Quarkus for PostgreSQL; ERRATA_DB_URL, _USER and _PASSWORD
# point every test, and the packaged application the integration tests start, at the cluster.
export ERRATA_DB_KIND=postgresql
./mvnw -B verify "$@"
