#!/usr/bin/env bash
# A single-host Ceph cluster for presign's store suites: one monitor, one OSD (memstore, no block device)
# and one RADOS Gateway (beast) on loopback, from Debian 12's packages (Ceph 16.2.15).
#
#   bash scripts/ceph-rgw.sh start   # install the packages if missing, start the cluster, print endpoint and keys
#   bash scripts/ceph-rgw.sh env     # the same settings as shell exports: eval "$(bash scripts/ceph-rgw.sh env)"
#   bash scripts/ceph-rgw.sh test    # start if needed, then run the store suites against the gateway
#   bash scripts/ceph-rgw.sh cors http://127.0.0.1:8080   # let a page from that origin upload from a browser
#   bash scripts/ceph-rgw.sh stop    # stop the daemons this script started and delete the state folder
#
# Everything lives under $PRESIGN_CEPH_DIR (default /tmp/presign-ceph): configuration, monitor store,
# logs and PID files. Ports: $PRESIGN_CEPH_MON_PORT (default 13300, msgr2 only) and $PRESIGN_CEPH_RGW_PORT
# (default 17480). The OSD keeps its objects in memory, so a stopped cluster leaves nothing behind.
#
# Settings that are not obvious, and why:
# - cephx is off (auth_*_required = none); with cephx off radosgw loops on
#   "get_initial_auth_request returned -13" unless every ms_*_mode is crc.
# - One OSD: pools of size 1 need mon_allow_pool_size_one, and CRUSH must choose among OSDs, not hosts.
# - No ceph-mgr: radosgw does not need one, and there is no pg autoscaler to run, so pools get 8 PGs.
# - The default placement gets the storage classes STANDARD_IA and INTELLIGENT_TIERING besides STANDARD
#   (see add_storage_classes), so storage classes round-trip in the store suites.
set -euo pipefail
cd "$(dirname "$0")/.."

dir="${PRESIGN_CEPH_DIR:-/tmp/presign-ceph}"
mon_port="${PRESIGN_CEPH_MON_PORT:-13300}"
rgw_port="${PRESIGN_CEPH_RGW_PORT:-17480}"
endpoint="http://127.0.0.1:${rgw_port}"
# Fixed test credentials of a throwaway, loopback-only gateway: not secrets.
access_key="PRESIGNRGWTESTKEY001"
secret_key="presignRgwTestSecret/0123456789abcdefABCD"
bucket="presign-test"
conf="${dir}/ceph.conf"
daemons=(mon.a osd.0 client.rgw)

log() { echo "ceph-rgw: $*" >&2; }
exec 3>&2

now_ms() { date +%s%3N; }

install_packages() {
  local missing=()
  for cmd in ceph-mon ceph-osd radosgw radosgw-admin ceph monmaptool curl; do
    command -v "${cmd}" >/dev/null 2>&1 || missing+=("${cmd}")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing Debian's Ceph packages (missing: ${missing[*]})"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt run on the machine holds the lock for a while; wait for it rather than fail.
  ${sudo} apt-get -o DPkg::Lock::Timeout=600 update -qq
  ${sudo} apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    ceph-mon ceph-osd radosgw ceph-common ceph-base curl >/dev/null
}

pid_of() { cat "${dir}/run/$1.pid" 2>/dev/null || true; }

# A PID file names a live process of ours only if that process is the daemon with our configuration.
alive() {
  local pid
  pid="$(pid_of "$1")"
  [ -n "${pid}" ] && [ -r "/proc/${pid}/cmdline" ] && tr '\0' ' ' <"/proc/${pid}/cmdline" | grep -qF -- "${conf}"
}

rgw_answers() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "${endpoint}/" || true)" != "000" ]
}

rgw_up() {
  # wait_for silences its probe, so this goes to the saved stderr (fd 3).
  alive client.rgw || { log "radosgw exited; see ${dir}/log/client.rgw.log" 2>&3; exit 1; }
  rgw_answers
}

running() {
  for d in "${daemons[@]}"; do alive "${d}" || return 1; done
  rgw_answers
}

write_conf() {
  local fsid
  fsid="$(cat /proc/sys/kernel/random/uuid)"
  cat >"${conf}" <<EOF
[global]
fsid = ${fsid}
mon_host = v2:127.0.0.1:${mon_port}
ms_bind_msgr1 = false
ms_bind_msgr2 = true
public_addr = 127.0.0.1
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
ms_mon_client_mode = crc
ms_mon_cluster_mode = crc
ms_mon_service_mode = crc
ms_client_mode = crc
ms_cluster_mode = crc
ms_service_mode = crc
mon_allow_pool_size_one = true
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
osd_crush_chooseleaf_type = 0
mon_warn_on_pool_no_redundancy = false
run_dir = ${dir}/run
pid_file = ${dir}/run/\$name.pid
admin_socket = ${dir}/run/\$name.asok
log_file = ${dir}/log/\$name.log
crash_dir = ${dir}/crash
exec_dir = ${dir}/run

[mon]
mon_data = ${dir}/mon/\$name
mon_initial_members = a

[osd]
osd_data = ${dir}/osd/\$name
osd_objectstore = memstore
memstore_device_bytes = 2147483648
osd_max_object_name_len = 460
osd_max_object_namespace_len = 64

[client.rgw]
rgw_frontends = beast endpoint=127.0.0.1:${rgw_port}
rgw_data = ${dir}/rgw
rgw_dns_name = 127.0.0.1
rgw_enable_usage_log = false
EOF
}

wait_for() {
  local what="$1" seconds="$2"
  shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "${deadline}" ]; then
      log "${what} did not come up within ${seconds}s; logs in ${dir}/log"
      tail -n 20 "${dir}"/log/*.log >&2 || true
      return 1
    fi
    sleep 0.5
  done
}

# Daemons keep every inherited descriptor but 0-2: give them none of ours, or a caller reading this
# script's output through a pipe (tee, "$(... env)") would wait for the daemons to exit.
launch() { "$@" </dev/null >>"${dir}/log/daemons.out" 2>&1 3>&-; }

ceph_cli() { timeout 30 ceph -c "${conf}" --connect-timeout 10 "$@"; }

start() {
  local t0 t1
  t0="$(now_ms)"
  install_packages
  t1="$(now_ms)"
  if running; then
    log "already running at ${endpoint}"
    print_settings
    return 0
  fi
  # Leftovers of a crashed run (daemons of ours still alive are stopped first) would confuse a fresh start.
  stop_daemons
  for port in "${mon_port}" "${rgw_port}"; do
    if (exec 4<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
      log "port ${port} is taken by another program; set PRESIGN_CEPH_MON_PORT / PRESIGN_CEPH_RGW_PORT"
      return 1
    fi
  done
  rm -rf "${dir}"
  mkdir -p "${dir}"/{run,log,crash,mon/mon.a,osd/osd.0,rgw}
  write_conf

  monmaptool --create --fsid "$(awk '/^fsid/ {print $3}' "${conf}")" \
    --addv a "[v2:127.0.0.1:${mon_port}]" "${dir}/monmap" >/dev/null
  ceph-mon -c "${conf}" --mkfs -i a --monmap "${dir}/monmap" >/dev/null
  launch ceph-mon -c "${conf}" -i a
  wait_for "the monitor" 60 ceph_cli -s

  local id
  id="$(ceph_cli osd create)"
  ceph-osd -c "${conf}" -i "${id}" --mkfs >/dev/null 2>&1
  launch ceph-osd -c "${conf}" -i "${id}"
  wait_for "the OSD" 60 bash -c "timeout 20 ceph -c '${conf}' --connect-timeout 10 osd stat | grep -q '1 up'"

  launch radosgw -c "${conf}" -n client.rgw
  # Our gateway must be the one answering, not another server on the port.
  wait_for "the gateway" 120 rgw_up
  add_storage_classes

  radosgw-admin -c "${conf}" user create --uid presign-test --display-name "presign test" \
    --access-key "${access_key}" --secret-key "${secret_key}" >/dev/null
  create_bucket
  log "RGW answered $(( $(now_ms) - t1 )) ms after the packages were in place ($(( $(now_ms) - t0 )) ms in all)"
  print_settings
}

# RGW knows only STANDARD until the placement target lists more; these let the suites check that a storage
# class round-trips through PUT, POST and multipart (RGW refuses an unknown class with 400 InvalidArgument).
# The default zonegroup and zone exist once the gateway has run, and it reads them only at start: so add
# the classes, then restart it. Without a realm no period update is needed. Each class gets its own data
# pool, which RGW creates on the first write.
add_storage_classes() {
  local class pool pid
  for class in STANDARD_IA INTELLIGENT_TIERING; do
    pool="default.rgw.$(echo "${class}" | tr 'A-Z_' 'a-z-').data"
    radosgw-admin -c "${conf}" zonegroup placement add --rgw-zonegroup default \
      --placement-id default-placement --storage-class "${class}" >/dev/null
    radosgw-admin -c "${conf}" zone placement add --rgw-zone default \
      --placement-id default-placement --storage-class "${class}" --data-pool "${pool}" >/dev/null
  done
  pid="$(pid_of client.rgw)"
  kill -TERM "${pid}"
  for _ in $(seq 1 100); do
    [ -d "/proc/${pid}" ] || break
    sleep 0.1
  done
  [ ! -d "/proc/${pid}" ] || { log "radosgw (pid ${pid}) did not stop for its restart"; return 1; }
  launch radosgw -c "${conf}" -n client.rgw
  wait_for "the gateway, restarted with the storage classes," 120 rgw_up
}

# curl's SigV4 signs a bucket creation only with an x-amz-content-sha256 header (here: of the empty body).
create_bucket() {
  local status
  status="$(curl -s -o "${dir}/log/create-bucket.xml" -w '%{http_code}' -X PUT \
    --aws-sigv4 "aws:amz:us-east-1:s3" --user "${access_key}:${secret_key}" \
    -H "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" \
    "${endpoint}/${bucket}")"
  if [ "${status}" != "200" ]; then
    log "creating bucket ${bucket} answered ${status}: $(cat "${dir}/log/create-bucket.xml")"
    return 1
  fi
}

# Lets pages from these origins upload to the bucket from a browser (the demo's page, say): the rule
# BucketSetup.corsRule writes, as XML. PutBucketCors needs a Content-MD5 of its body, and curl 7.88 signs
# the query "cors" right only when it is written "cors=".
apply_cors() {
  [ "$#" -gt 0 ] || { log "usage: bash scripts/ceph-rgw.sh cors ORIGIN..."; return 2; }
  local xml="${dir}/log/cors.xml" origins="" origin status
  for origin in "$@"; do origins="${origins}<AllowedOrigin>${origin}</AllowedOrigin>"; done
  printf '%s' "<CORSConfiguration><CORSRule><ID>presign-browser-uploads</ID>${origins}<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>content-type</AllowedHeader><AllowedHeader>content-md5</AllowedHeader><AllowedHeader>x-amz-checksum-*</AllowedHeader><AllowedHeader>x-amz-meta-*</AllowedHeader><AllowedHeader>x-amz-content-sha256</AllowedHeader><AllowedHeader>x-amz-date</AllowedHeader><AllowedHeader>x-amz-security-token</AllowedHeader><ExposeHeader>ETag</ExposeHeader><ExposeHeader>x-amz-version-id</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>" >"${xml}"
  status="$(curl -s -o "${dir}/log/cors-answer.xml" -w '%{http_code}' -X PUT --data-binary "@${xml}" \
    --aws-sigv4 "aws:amz:us-east-1:s3" --user "${access_key}:${secret_key}" \
    -H "Content-MD5: $(openssl dgst -md5 -binary "${xml}" | base64)" \
    -H "x-amz-content-sha256: $(sha256sum "${xml}" | cut -d' ' -f1)" -H "Content-Type: application/xml" \
    "${endpoint}/${bucket}?cors=")"
  if [ "${status}" != "200" ]; then
    log "PutBucketCors answered ${status}: $(cat "${dir}/log/cors-answer.xml")"
    return 1
  fi
  log "bucket ${bucket} allows browser uploads from: $*"
}

print_settings() {
  cat <<EOF
endpoint:   ${endpoint}
access key: ${access_key}
secret key: ${secret_key}
bucket:     ${bucket}
region:     us-east-1 (path-style addressing)
profile:    CEPH_RGW
EOF
}

print_env() {
  cat <<EOF
export PRESIGN_TEST_ENDPOINT='${endpoint}'
export PRESIGN_TEST_ACCESS_KEY='${access_key}'
export PRESIGN_TEST_SECRET_KEY='${secret_key}'
export PRESIGN_TEST_BUCKET='${bucket}'
export PRESIGN_TEST_PROFILE='CEPH_RGW'
export PRESIGN_TEST_REGION='us-east-1'
EOF
}

# Stops only the daemons whose PID files this script's configuration wrote. All at once: the OSD keeps
# nothing worth flushing (memstore) and the folder is deleted next, and a daemon stops in 2-3 s on its own.
stop_daemons() {
  local d pid entry pids=()
  for d in "${daemons[@]}"; do
    if alive "${d}"; then
      pid="$(pid_of "${d}")"
      kill -TERM "${pid}" 2>/dev/null || true
      pids+=("${d}:${pid}")
    fi
  done
  for entry in "${pids[@]}"; do
    d="${entry%%:*}"
    pid="${entry#*:}"
    for _ in $(seq 1 100); do
      [ -d "/proc/${pid}" ] || break
      sleep 0.1
    done
    if [ -d "/proc/${pid}" ]; then
      log "${d} (pid ${pid}) ignored TERM for 10 s; killing it"
      kill -KILL "${pid}" 2>/dev/null || true
    fi
  done
}

stop() {
  local t0
  t0="$(now_ms)"
  stop_daemons
  rm -rf "${dir}"
  log "stopped in $(( $(now_ms) - t0 )) ms"
}

# Runs presign-test's store suites against the gateway: the reactor builds presign-test and what it
# needs, and its S3TestStore reads the endpoint, keys, bucket, region and store profile from these
# system properties instead of starting S3Proxy. Only the store suites: presign-core's unit tests need
# no store, and the kit's own tests (dev.presign.test) are about S3Proxy and run in every mvn verify.
run_tests() {
  running || start >/dev/null
  mvn -B verify -pl presign-test -am \
    -Dtest='dev.presign.*StoreTest,dev.presign.SecretFreeOutputScenarioTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dpresign.test.endpoint="${endpoint}" \
    -Dpresign.test.accessKey="${access_key}" \
    -Dpresign.test.secretKey="${secret_key}" \
    -Dpresign.test.bucket="${bucket}" \
    -Dpresign.test.region=us-east-1 \
    -Dpresign.test.profile=CEPH_RGW \
    "$@"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) running || start >/dev/null; print_env ;;
  cors) shift; running || start >/dev/null; apply_cors "$@" ;;
  test) shift; run_tests "$@" ;;
  *)
    echo "usage: bash scripts/ceph-rgw.sh start | stop | test [extra mvn arguments] | env | cors ORIGIN..." >&2
    exit 2
    ;;
esac
