#!/usr/bin/env bash
# Replay benchmark: generates TABLES tables (default 10000) with 5 schema changes each
# (planned by the aggregate's rules and appended to the event store in batches,
# in-process) against an embedded PostgreSQL of its own; then replays the event stream
# into an empty catalog (the reference table, the DDL log and every table rebuilt) and
# prints events per second. With EXISTING=true it replays a second time over the tables
# it just created (only the reference table and the DDL log rebuilt). SHAPES replays in
# several shapes in turn, each into an empty catalog, e.g. SHAPES=per-event,batched,per-event,batched
# (per-event: each event's writes as live; batched: the default; batched-N: batched with N events
# per transaction). Each replay prints its CPU per event (JVM and PostgreSQL) and what PostgreSQL's
# backends were doing; the DDL alone, run again and rolled back, gives the floor.
# Usage, from the repository root:  [EXISTING=true] [SHAPES=...] bench/replay-benchmark.sh [TABLES]
# It builds the modules it needs first; 10,000 tables take several minutes on 2 cores.
# The test JVM runs without the coverage agent (JaCoCo instruments every class it loads,
# which would weigh on the JVM's figures), and only failsafe's default execution runs it
# (the other one, for the browser tests, would run the benchmark a second time).
set -euo pipefail
cd "$(dirname "$0")/.."
tables="${1:-${TABLES:-10000}}"
log="$(mktemp -t replay-benchmark.XXXXXX.log)"
echo "Replay benchmark with ${tables} tables (full log: ${log})"
if ! ./mvnw -B -Dspring-javaformat.skip=true -Djacoco.skip=true -pl deploy -am \
    test-compile failsafe:integration-test@default failsafe:verify@default \
    -Dit.test=ReplayBenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false \
    -Ddyntables.bench.tables="${tables}" -Ddyntables.bench.existing="${EXISTING:-false}" \
    -Ddyntables.bench.shapes="${SHAPES:-batched}" \
    >"${log}" 2>&1; then
  echo "The benchmark failed; see ${log}" >&2
  grep -E "BENCHMARK|Tests run:|FAIL" "${log}" >&2 || true
  exit 1
fi
grep -E "^BENCHMARK" "${log}" | sed 's/^BENCHMARK //'
