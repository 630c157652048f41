# Shared settings of the Kubernetes lab scripts (sourced, not run). See README.md.
# shellcheck shell=bash
# shellcheck source=../apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/../apt.sh"

KUBE_VERSION=v1.20.2
# Debian bookworm's source package that builds it (java-stack.md section 3).
DEB_SOURCE=kubernetes
DEB_UPSTREAM_MATCH='+really1.20.2'

LAB_CACHE=${CLUSTERSTACKS_LAB_CACHE:-/var/cache/clusterstacks-lab}/kubernetes
# Bumped whenever the build itself changes (patches), so that a machine with an older build rebuilds.
# "" = path v1.20.2/ (on the project machine: the first build, reflect2 fix only); r2 = a build with the
# openapi empty-string fix too (see build), path v1.20.2-r2/.
BUILD_REV=${CLUSTERSTACKS_K8S_BUILD_REV-r2}
BIN_DIR=$LAB_CACHE/$KUBE_VERSION${BUILD_REV:+-$BUILD_REV}/bin   # kube-apiserver, kube-controller-manager, kube-scheduler, kubectl
BUILD_DIR=$LAB_CACHE/build-$KUBE_VERSION          # removed after a successful build
STATE=${CLUSTERSTACKS_LAB_STATE:-/var/lib/clusterstacks-lab}/kubernetes
PKI=$STATE/pki
LOGS=$STATE/logs
RUN=$STATE/run
KUBECONFIG_ADMIN=$STATE/admin.kubeconfig

ETCD_PORT=12379
ETCD_PEER_PORT=12380
APISERVER_PORT=16443
KCM_PORT=16257
SCHED_PORT=16259
API_URL=https://127.0.0.1:$APISERVER_PORT

APT_PACKAGES=(golang-go rsync jq etcd-server golang-github-modern-go-reflect2-dev openssl curl dpkg-dev xz-utils time iproute2 make)

log() { printf '[k8s-lab %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '[k8s-lab] ERROR: %s\n' "$*" >&2; exit 1; }

apt_opts=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)

# A private apt configuration for the Debian archive (deb + deb-src of bookworm), so that fetching the
# source package and the kubernetes-client .deb neither needs nor touches the system's sources.
private_apt() {
  local dir=$LAB_CACHE/apt
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
  cat >"$dir/sources.list" <<SRC
deb http://deb.debian.org/debian bookworm main
deb-src http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bookworm-updates main
deb-src http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
deb-src http://deb.debian.org/debian-security bookworm-security main
SRC
  PRIVATE_APT=(-o "Dir::Etc::SourceList=$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache" "${apt_opts[@]}")
  if [[ ! -f $dir/updated ]] || [[ -n $(find "$dir/updated" -mmin +1440) ]]; then
    apt-get "${PRIVATE_APT[@]}" -q update >"$dir/update.log" 2>&1 || { cat "$dir/update.log" >&2; die "apt-get update (private lists) failed"; }
    touch "$dir/updated"
  fi
}

# The pid of component $1 if that process runs it, else nothing. A live pid alone is not enough: pid files
# outlive the processes of a machine restored from a disk copy, whose new processes reuse the low pids (the
# OpenStack lab once skipped a daemon because of that). Zombies count as stopped.
component_pid() {
  local pid argv0 state
  [[ -s $RUN/$1.pid ]] || return 0
  pid=$(<"$RUN/$1.pid")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || return 0
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)
  [[ -n $state && $state != Z && $state != X ]] || return 0
  argv0=$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | head -n 1 || true)
  [[ ${argv0##*/} == "$1" ]] && echo "$pid"
  return 0
}
pid_alive() { [[ -n $(component_pid "$1") ]]; }

kubectl_lab() { "$BIN_DIR/kubectl" --kubeconfig "$KUBECONFIG_ADMIN" --cache-dir "$STATE/kubectl-cache" "$@"; }

tail_logs() {
  local f
  for f in "$LOGS"/*.log; do
    [[ -f $f ]] || continue
    printf '\n----- tail of %s -----\n' "$f" >&2
    tail -n 40 "$f" >&2
  done
}

# ---------------------------------------------------------------------------------------------------
# Components. Each runs detached (setsid) with its log in $LOGS/<name>.log and its pid in $RUN/<name>.pid.

components=(etcd kube-apiserver kube-controller-manager kube-scheduler)

component_cmd() {
  case $1 in
    etcd) echo /usr/bin/etcd --name k8slab --data-dir "$STATE/etcd-data" \
        --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
        --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
        --initial-cluster "k8slab=http://127.0.0.1:$ETCD_PEER_PORT" ;;
    kube-apiserver) echo "$BIN_DIR/kube-apiserver" --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
        --bind-address=127.0.0.1 --secure-port="$APISERVER_PORT" --insecure-port=0 \
        --advertise-address=127.0.0.1 --endpoint-reconciler-type=none \
        --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" --client-ca-file="$PKI/ca.crt" \
        --token-auth-file="$PKI/tokens.csv" --authorization-mode=RBAC \
        --service-account-issuer=https://kubernetes.default.svc.cluster.local \
        --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
        --service-cluster-ip-range=10.96.0.0/24 --enable-priority-and-fairness=false \
        --cert-dir="$RUN/apiserver-certs" ;;
    kube-controller-manager) echo "$BIN_DIR/kube-controller-manager" --kubeconfig="$STATE/kcm.kubeconfig" \
        --authentication-kubeconfig="$STATE/kcm.kubeconfig" --authorization-kubeconfig="$STATE/kcm.kubeconfig" \
        --leader-elect=false --controllers='*' --use-service-account-credentials=false \
        --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
        --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
        --bind-address=127.0.0.1 --secure-port="$KCM_PORT" --port=0 \
        --cert-dir="$RUN/kcm-certs" --flex-volume-plugin-dir="$STATE/flexvolume" --authentication-skip-lookup=true ;;
    kube-scheduler) echo "$BIN_DIR/kube-scheduler" --kubeconfig="$STATE/scheduler.kubeconfig" \
        --authentication-kubeconfig="$STATE/scheduler.kubeconfig" --authorization-kubeconfig="$STATE/scheduler.kubeconfig" \
        --leader-elect=false --bind-address=127.0.0.1 --secure-port="$SCHED_PORT" --port=0 \
        --cert-dir="$RUN/sched-certs" --authentication-skip-lookup=true ;;
    *) die "unknown component $1" ;;
  esac
}

start_component() {
  local name=$1 cmd
  pid_alive "$name" && return 0
  mkdir -p "$LOGS" "$RUN"
  [[ -f $LOGS/$name.log ]] && mv -f "$LOGS/$name.log" "$LOGS/$name.log.1"
  cmd=$(component_cmd "$name")
  # The command lines hold paths only (no secrets); word splitting is intended, no path has spaces.
  # shellcheck disable=SC2086
  setsid nohup $cmd >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
  echo "$BIN_DIR" >"$RUN/$name.bin"
  log "started $name (pid $!)"
}

stop_component() {
  local name=$1 pid i
  pid=$(component_pid "$name")
  if [[ -n $pid ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then log "$name did not stop in 15 s, killing"; kill -KILL "$pid" 2>/dev/null || true; sleep 0.2; fi
    log "stopped $name (pid $pid)"
  fi
  rm -f "$RUN/$name.pid" "$RUN/$name.bin"
}

# Stops the Kubernetes servers that run binaries of an older build (BUILD_REV), so that they are started
# again from $BIN_DIR. etcd and its data are kept.
stop_outdated() {
  local c
  for c in kube-scheduler kube-controller-manager kube-apiserver; do
    if pid_alive "$c" && [[ $(cat "$RUN/$c.bin" 2>/dev/null) != "$BIN_DIR" ]]; then
      log "$c runs binaries of another build than $BIN_DIR: restarting it"
      stop_component "$c"
    fi
  done
}

# Health probes: exit 0 when healthy.
probe() {
  case $1 in
    etcd) curl -fsS --max-time 2 "http://127.0.0.1:$ETCD_PORT/health" 2>/dev/null | grep -q '"health":"true"' ;;
    kube-apiserver) [[ $(curl -sS --max-time 3 --cacert "$PKI/ca.crt" -H @"$PKI/admin.header" "$API_URL/readyz" 2>/dev/null) == ok ]] ;;
    kube-controller-manager) [[ $(curl -ksS --max-time 2 "https://127.0.0.1:$KCM_PORT/healthz" 2>/dev/null) == ok ]] ;;
    kube-scheduler) [[ $(curl -ksS --max-time 2 "https://127.0.0.1:$SCHED_PORT/healthz" 2>/dev/null) == ok ]] ;;
  esac
}

# wait_healthy NAME SECONDS: polls every 0.3 s; fails (after printing the logs) if the process died or
# the time ran out.
wait_healthy() {
  local name=$1 limit=$2 start=$SECONDS
  while ! probe "$name"; do
    if ! pid_alive "$name"; then tail_logs; die "$name exited while starting (log: $LOGS/$name.log)"; fi
    if ((SECONDS - start >= limit)); then tail_logs; die "$name not healthy after $limit s (log: $LOGS/$name.log)"; fi
    sleep 0.3
  done
}
