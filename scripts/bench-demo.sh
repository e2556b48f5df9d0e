#!/usr/bin/env bash
# The demo's throughput against the seed blog post's Express server, measured side by side in one run:
# the same wrk load on the same route, each server in turn, and the ratio of the medians.
#
#   bash scripts/bench-demo.sh        # 2 rounds: demo, seed, demo, seed (about 2 minutes after the build)
#   bash scripts/bench-demo.sh 3      # more rounds
#
# It builds presign-demo.jar (package only: nothing is installed into ~/.m2), installs what is missing
# (wrk, curl, Node.js and npm from Debian; the seed server's npm packages with `npm ci` from its lockfile),
# starts both servers on free ports, warms each up for 5 s, then runs `wrk -t2 -c32 -d10s` on
# /generate-presigned-url?fileName=cat.png&fileType=image/png against each in alternation.
# The demo runs on its embedded store with a temporary data directory; the seed server signs with fake
# credentials (signing is local: no request reaches S3). Both servers are stopped on exit.
# DEMO_JAVA_OPTS adds JVM options to the demo, for example a flight recording:
#   DEMO_JAVA_OPTS='-XX:StartFlightRecording=dumponexit=true,filename=/tmp/demo.jfr' bash scripts/bench-demo.sh 1
# Not part of `mvn -B verify` or .ci/run: a figure from a shared machine is not a test.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${1:-2}"
if ! [[ "${rounds}" =~ ^[1-9][0-9]?$ ]]; then
  echo "rounds must be a whole number from 1 to 99: ${rounds}" >&2
  exit 2
fi
route='/generate-presigned-url?fileName=cat.png&fileType=image/png'
wrk_options=(-t2 -c32)
started=${SECONDS}

# --- What the run needs -------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v java >/dev/null 2>&1 || { echo "java (17+) is needed to run the demo" >&2; exit 1; }

echo "Building presign-demo.jar ..."
if ! build=$(mvn -B -q -DskipTests package -pl presign-examples -am 2>&1); then
  echo "${build}" >&2
  exit 1
fi
echo "Installing the seed server's npm packages (npm ci) ..."
(cd bench/seed-server && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

# --- Servers ------------------------------------------------------------------------------------------
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "${pid}" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "${pid}" 2>/dev/null || true
  done
  rm -rf "${work}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2086 # DEMO_JAVA_OPTS is a list of options
java ${DEMO_JAVA_OPTS:-} -jar presign-examples/target/presign-demo.jar --port 0 --data "${work}/demo-data" \
  >"${work}/demo.out" 2>"${work}/demo.err" &
pids+=($!)

seed_port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
(cd bench/seed-server && PORT="${seed_port}" AWS_REGION=us-east-1 \
  AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY \
  S3_BUCKET_NAME=bench-bucket AWS_S3_BUCKET=bench-bucket exec node server.js) \
  >"${work}/seed.out" 2>"${work}/seed.err" &
pids+=($!)

# Waits until a server prints its line, or fails with what it printed.
await() { # name, file, pattern, pid
  for _ in $(seq 1 240); do
    if grep -q "$3" "$2"; then
      return 0
    fi
    if ! kill -0 "$4" 2>/dev/null; then
      break
    fi
    sleep 0.25
  done
  echo "The $1 server did not start:" >&2
  cat "$2" "${work}/$1.err" >&2
  exit 1
}
await demo "${work}/demo.out" '^Listening on ' "${pids[0]}"
await seed "${work}/seed.out" '^Server running on port ' "${pids[1]}"
demo_url="$(sed -n 's#^Listening on \(http://[^/]*\)/.*#\1#p' "${work}/demo.out")${route}"
seed_url="http://127.0.0.1:${seed_port}${route}"

# Each must answer the route with a signed URL, or its figure would measure an error page.
curl -fsS "${demo_url}" | grep -q '"url":"http' || { echo "The demo did not answer with a URL" >&2; exit 1; }
curl -fsS "${seed_url}" | grep -q '"requestURL":"https' || { echo "The seed server did not answer with a URL" >&2; exit 1; }

# Runs wrk and prints requests/s. Fails when an answer was not 2xx or a connection was refused; requests
# slower than wrk's 2 s timeout are reported (on a busy machine the slower server has a few) and not counted.
measure() { # url, duration, name
  local out
  out=$(wrk "${wrk_options[@]}" -d"$2" "$1")
  if grep -qE 'Non-2xx|Socket errors: connect [1-9]' <<<"${out}"; then
    echo "wrk saw failures on $1:" >&2
    echo "${out}" >&2
    exit 1
  fi
  if grep -q 'Socket errors' <<<"${out}"; then
    echo "  ($3, $2 run: $(grep 'Socket errors' <<<"${out}" | sed 's/^ *//'))" >&2
  fi
  sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' <<<"${out}"
}
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "Date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(uname -s)"
echo "Java:    $(java -version 2>&1 | head -1); Node.js $(node --version)"
echo "Load:    wrk ${wrk_options[*]} -d10s ${route}, each server in turn, ${rounds} rounds after a 5 s warm-up each"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

measure "${demo_url}" 5s demo >/dev/null
measure "${seed_url}" 5s seed >/dev/null

demo_runs=()
seed_runs=()
for round in $(seq 1 "${rounds}"); do
  d=$(measure "${demo_url}" 10s demo)
  s=$(measure "${seed_url}" 10s seed)
  demo_runs+=("${d}")
  seed_runs+=("${s}")
  printf 'Round %d: demo %10.0f requests/s   seed %8.0f requests/s\n' "${round}" "${d}" "${s}"
done

demo_median=$(printf '%s\n' "${demo_runs[@]}" | median)
seed_median=$(printf '%s\n' "${seed_runs[@]}" | median)
printf 'Median:  demo %10.0f requests/s   seed %8.0f requests/s\n' "${demo_median}" "${seed_median}"
awk -v d="${demo_median}" -v s="${seed_median}" 'BEGIN { printf "Ratio:   the demo answers %.1fx the seed server'"'"'s requests/s\n", d / s }'
echo "Load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Took $(( SECONDS - started )) s in all."
