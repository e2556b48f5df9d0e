#!/usr/bin/env bash
# Builds presign-core's published jars (classes, sources, javadoc) twice from clean and fails unless
# both builds are byte-identical.
set -euo pipefail
cd "$(dirname "$0")/.."

checksums() {
  mvn -B -q -o clean package -DskipTests -pl presign-core >/dev/null
  (cd presign-core/target && sha256sum presign-core-*.jar)
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
