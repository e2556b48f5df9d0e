#!/usr/bin/env bash
# Re-runs only the static analysis (Error Prone with NullAway, JSpecify annotations) on the main code of the
# published modules and presign-examples: a compile, no tests. Any finding fails it, with the file and line.
#   bash scripts/analysis.sh            # JDK 17: NullAway's standard mode
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bash scripts/analysis.sh   # JDK 22+: NullAway's JSpecify mode
# Extra arguments go to Maven, e.g. -o for offline.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q "$@" -pl presign-core,presign-test,presign-spring-boot-starter,presign-examples -am compile
echo "Error Prone and NullAway: no findings in presign-core, presign-test, presign-spring-boot-starter, presign-examples."
