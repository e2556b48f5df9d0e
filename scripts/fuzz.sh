#!/usr/bin/env bash
# Runs every Jazzer fuzz target of presign-core for real, one after another, and prints how many
# inputs each one tried. Jazzer's JUnit integration fuzzes a single @FuzzTest per JVM, hence the loop.
#
#   bash scripts/fuzz.sh            # 2 minutes per target
#   bash scripts/fuzz.sh 30m        # seconds, minutes or hours: 90s, 30m, 2h
#
# Jazzer 0.24 takes the fuzzing time from @FuzzTest(maxDuration); extra libFuzzer arguments come after it and
# win, which is how the duration given here reaches libFuzzer.
#
# A finding fails the run; Jazzer then writes the crashing input next to the target's checked-in inputs
# under presign-core/src/test/resources, where every later `mvn verify` replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-2m}"
if ! [[ "${duration}" =~ ^[1-9][0-9]*[smh]?$ ]]; then
  echo "duration must be a positive whole number of seconds, minutes or hours (90s, 30m, 2h): ${duration}" >&2
  exit 2
fi
case "${duration}" in
  *h) seconds=$(( ${duration%h} * 3600 )) ;;
  *m) seconds=$(( ${duration%m} * 60 )) ;;
  *s) seconds=${duration%s} ;;
  *) seconds=${duration} ;;
esac
targets=(
  'InputFuzzTest#keyStrategies_anyFileName_keepKeysSafeAndUnderTheirPrefix'
  'InputFuzzTest#policy_anyContentType_isAllowedOnlyWhenItMatchesAnEntry'
  'InputFuzzTest#objectKeys_anyKey_isAcceptedOnlyWhenItAndItsNfkcFormAreSafe'
  'SigV4SignerHeaderFuzzTest#signer_anyHeaderValue_signsItAsTheSdkDoes'
  'ContentDispositionFuzzTest#of_anyName_isOneSafeHeaderThatParsesBack'
  'PostPolicyJsonFuzzTest#toJson_anyValues_parseBackToTheIntendedConditions'
  'StrictJsonFuzzTest#parse_anyText_readsOrRefusesWithItsOwnException'
  'StrictJsonFuzzTest#quote_anyString_readsBackAsItself'
)

# A new @FuzzTest must be added here, or it would never be fuzzed for real.
declared=$(grep -rh '@FuzzTest' presign-core/src/test/java | wc -l)
if [ "${declared}" -ne "${#targets[@]}" ]; then
  echo "presign-core declares ${declared} @FuzzTest methods but this script fuzzes ${#targets[@]}: update its list" >&2
  exit 2
fi

mkdir -p target/fuzz
status=0
for target in "${targets[@]}"; do
  log="target/fuzz/${target//#/_}.log"
  echo "fuzzing ${target} for ${duration} (log: ${log})"
  if ! mvn -B -Pfuzz test -pl presign-core "-Dtest=${target}" \
      -Djazzer.internal.arg.0=fuzz "-Djazzer.internal.arg.1=-max_total_time=${seconds}" >"${log}" 2>&1; then
    echo "  FAILED: see ${log}; the finding:"
    grep -aE -A12 'FuzzTestFindingException|ERROR\] (Tests run|Failed)' "${log}" | head -40 || tail -40 "${log}"
    status=1
  fi
  # libFuzzer ends with "Done <inputs> runs in <seconds> second(s)"; without it nothing was fuzzed.
  if done_line=$(grep -aE '^Done [0-9]+ runs' "${log}" | tail -1) && [ -n "${done_line}" ]; then
    echo "  ${done_line}"
  else
    echo "  FAILED: no libFuzzer summary, so ${target} was not fuzzed; see ${log}"
    status=1
  fi
done
exit "${status}"
