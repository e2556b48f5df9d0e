#!/usr/bin/env bash
# Builds the published jars of presign-core and presign-test (classes, sources, javadoc; presign-test's
# shaded) twice from clean and fails unless both builds are byte-identical.
set -euo pipefail
cd "$(dirname "$0")/.."

checksums() {
  mvn -B -q -o clean package -DskipTests -pl presign-core,presign-test >/dev/null
  (cd presign-core/target && sha256sum presign-core-*.jar)
  (cd presign-test/target && sha256sum presign-test-*.jar)
}

first=$(checksums)
sleep 2   # a build that leaked the clock would differ now
second=$(checksums)
echo "$first"
if [ "$first" != "$second" ]; then
  echo "NOT reproducible: the second build differs:" >&2
  echo "$second" >&2
  exit 1
fi
echo "reproducible: $(echo "$first" | wc -l) jars byte-identical across two clean builds"
