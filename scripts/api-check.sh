#!/usr/bin/env bash
# Compares presign-core's exported API (dev.presign, dev.presign.setup) in this work tree with the API at any
# git commit, using the same japicmp configuration that `mvn verify` applies against the released baseline.
#   bash scripts/api-check.sh <commit>          # fails on a binary- or source-incompatible change
#   bash scripts/api-check.sh <commit> report   # lists the changes without failing (e.g. for a CHANGELOG)
# The report is in presign-core/target/japicmp/api-compatibility.{diff,html,xml}.
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${1:?usage: api-check.sh <commit> [report]}"
mode="${2:-check}"

tmp=$(mktemp -d)
trap 'git worktree remove --force "${tmp}/tree" >/dev/null 2>&1 || true; rm -rf "${tmp}"' EXIT
git worktree add --detach -q "${tmp}/tree" "${ref}"
# The baseline's jar only: no tests, no checks, never installed.
(cd "${tmp}/tree" && mvn -B -q package -pl presign-core -DskipTests -Dmaven.javadoc.skip=true \
  -Dspotless.check.skip=true -Djapicmp.skip=true)
baseline=$(ls "${tmp}"/tree/presign-core/target/presign-core-*.jar | grep -v -- '-sources\|-javadoc\|-tests' | head -1)

breaks=true
[ "${mode}" = report ] && breaks=false
# The lifecycle up to verify (tests skipped), so japicmp sees this tree's freshly built jar.
mvn -B -q verify -pl presign-core -DskipTests -Dmaven.javadoc.skip=true -Dspotless.check.skip=true \
  -Dpresign.api.baseline.jar="${baseline}" -Dpresign.api.breakBuild="${breaks}"
echo "Report: presign-core/target/japicmp/"
