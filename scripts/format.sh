#!/usr/bin/env bash
# Formats every Java source of presign's modules with google-java-format (the style `mvn verify` checks through
# spotless). presign-bom and presign-consumer-check have no presign parent, so they are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q "$@" com.diffplug.spotless:spotless-maven-plugin:apply \
  -pl '!presign-bom,!presign-consumer-check,!presign-consumer-check/plain,!presign-consumer-check/spring-boot'
