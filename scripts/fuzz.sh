#!/usr/bin/env bash
# Runs every Jazzer fuzz target of presign-core for real, one after another, and prints how many
# inputs each one tried. Jazzer's JUnit integration fuzzes a single @FuzzTest per JVM, hence the loop.
#
#   bash scripts/fuzz.sh            # 2 minutes per target
#   bash scripts/fuzz.sh 30m        # any Jazzer duration: 90s, 30m, 2h
#
# A finding fails the run; Jazzer then writes the crashing input next to the target's checked-in inputs
# under presign-core/src/test/resources, where every later `mvn verify` replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-2m}"
targets=(
  'InputFuzzTest#keyStrategies_anyFileName_keepKeysSafeAndUnderTheirPrefix'
  'InputFuzzTest#policy_anyContentType_isAllowedOnlyWhenItMatchesAnEntry'
  'ContentDispositionFuzzTest#of_anyName_isOneSafeHeaderThatParsesBack'
  'PostPolicyJsonFuzzTest#toJson_anyValues_parseBackToTheIntendedConditions'
)

mkdir -p target/fuzz
mvn -B -q -pl presign-core -am -DskipTests install
status=0
for target in "${targets[@]}"; do
  log="target/fuzz/${target//#/_}.log"
  echo "fuzzing ${target} for ${duration} (log: ${log})"
  if ! mvn -B -Pfuzz test -pl presign-core "-Dtest=${target}" "-Djazzer.max_duration=${duration}" \
      -Dsurefire.failIfNoSpecifiedTests=false >"${log}" 2>&1; then
    echo "  FAILED: see ${log}"
    status=1
  fi
  # libFuzzer's last status line ("#1234567 DONE ...") or its last progress line counts the inputs tried.
  inputs=$(grep -aoE '^#[0-9]+' "${log}" | tail -1 | tr -d '#' || true)
  echo "  inputs tried: ${inputs:-unknown}"
done
exit "${status}"
