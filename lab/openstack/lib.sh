# Shared definitions of the OpenStack lab (sourced by ensure, stop and the helpers; not executable).
# Everything listens on 127.0.0.1. See README.md beside this file.

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../apt.sh
source "$LAB_DIR/../apt.sh"   # apt-get under the lab-wide lock (bin/labs runs labs in parallel)
STATE=${OSLAB_STATE:-/var/lib/clusterstacks-lab/openstack}     # connection files, secrets (0600)
INT=$STATE/internal                                              # generated ini files, stamps, compute state
LOGS=/var/log/clusterstacks-lab/openstack
RUN=/run/clusterstacks-lab/openstack
CACHE=/var/cache/clusterstacks-lab/openstack
PY=/usr/bin/python3          # Debian's python with the OpenStack libraries (not a pyenv/other python on PATH)
export PYTHONDONTWRITEBYTECODE=1
NUM_COMPUTES=4
REGION=RegionOne
KEYSTONE=http://127.0.0.1:5000/v3

log() { printf '[openstack-lab %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf '[openstack-lab] ERROR: %s\n' "$*" >&2; exit 1; }

# Every daemon the lab runs: name -> "user|command line". uwsgi ones use the lab's own ini files.
declare -A DAEMON_USER DAEMON_CMD
daemon_def() { DAEMON_USER[$1]=$2; DAEMON_CMD[$1]=$3; }
daemon_def keystone        keystone  "/usr/bin/uwsgi --ini $INT/keystone-uwsgi.ini"
daemon_def placement       placement "/usr/bin/uwsgi --ini $INT/placement-uwsgi.ini"
daemon_def glance-api      glance    "/usr/bin/glance-api --config-file /etc/glance/glance-api.conf"
daemon_def neutron-server  neutron   "/usr/bin/neutron-server --config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini"
daemon_def nova-api        nova      "/usr/bin/uwsgi --ini $INT/nova-api-uwsgi.ini"
daemon_def nova-conductor  nova      "/usr/bin/nova-conductor --config-file /etc/nova/nova.conf"
daemon_def nova-scheduler  nova      "/usr/bin/nova-scheduler --config-file /etc/nova/nova.conf"
for _i in $(seq 1 $NUM_COMPUTES); do
  daemon_def nova-compute$_i nova    "/usr/bin/nova-compute --config-file $INT/nova-compute$_i.conf"
done
daemon_def octavia-api             octavia "/usr/bin/uwsgi --ini $INT/octavia-api-uwsgi.ini"
daemon_def octavia-worker          octavia "/usr/bin/octavia-worker --config-file /etc/octavia/octavia.conf"
daemon_def octavia-health-manager  octavia "/usr/bin/octavia-health-manager --config-file /etc/octavia/octavia.conf"
daemon_def octavia-housekeeping    octavia "/usr/bin/octavia-housekeeping --config-file /etc/octavia/octavia.conf"
COMPUTES=$(for _i in $(seq 1 $NUM_COMPUTES); do printf 'nova-compute%s ' $_i; done)
CORE_DAEMONS="placement glance-api neutron-server nova-api nova-conductor nova-scheduler"
OCTAVIA_DAEMONS="octavia-api octavia-worker octavia-health-manager octavia-housekeeping"
ALL_DAEMONS="keystone $CORE_DAEMONS $COMPUTES $OCTAVIA_DAEMONS"

# pid of a running daemon, or nothing. A zombie (PID 1 here does not reap) counts as stopped, and so does a
# pid that now belongs to another process: $RUN is not a tmpfs here, so pid files outlive the processes of a
# machine restored from a disk copy, whose new processes reuse the low pids (a CI start skipped nova-conductor
# because its stale pid was another daemon's, and no hypervisor came up). The process must run the daemon's
# command line, or be the uwsgi master that renamed itself to "<name>-uWSGI" (procname-prefix).
daemon_pid() {
  local f=$RUN/$1.pid pid state cmdline
  [[ -s $f ]] || return 0
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || return 0
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)
  [[ -n $state && $state != Z && $state != X ]] || return 0
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
  if [[ $cmdline == *"${DAEMON_CMD[$1]}"* || $cmdline == "$1-uWSGI "* ]]; then echo "$pid"; fi
  return 0
}
daemon_running() { [[ -n $(daemon_pid "$1") ]]; }

daemon_start() {
  local name=$1
  daemon_running "$name" && return 0
  [[ -n ${DAEMON_CMD[$name]:-} ]] || die "unknown daemon $name"
  mkdir -p "$RUN" "$LOGS"
  local user=${DAEMON_USER[$name]} log=$LOGS/$name.log
  touch "$log"; chown "$user" "$log"
  printf '\n===== %s start %s =====\n' "$(date -u +%FT%TZ)" "$name" >>"$log"
  rm -f "$RUN/$name.pid"   # stale (daemon_pid said so): start-stop-daemon must not match its pid
  # shellcheck disable=SC2086
  start-stop-daemon --start --background --make-pidfile --pidfile "$RUN/$name.pid" \
    --chuid "$user" --chdir / --output "$log" --exec ${DAEMON_CMD[$name]%% *} -- ${DAEMON_CMD[$name]#* }
}

# TERM the given daemons in parallel, wait up to 20 s, then KILL what is left.
daemon_stop() {
  local name pid pids=() i
  for name in "$@"; do
    pid=$(daemon_pid "$name")
    if [[ -n $pid ]]; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  for i in $(seq 1 40); do
    local alive=0
    for pid in "${pids[@]}"; do
      if [[ -r /proc/$pid/stat ]] && [[ $(awk '{print $3}' /proc/$pid/stat 2>/dev/null) != Z ]]; then alive=1; fi
    done
    ((alive)) || break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do
    if [[ -r /proc/$pid/stat ]] && [[ $(awk '{print $3}' /proc/$pid/stat 2>/dev/null) != Z ]]; then
      pkill -KILL -P "$pid" 2>/dev/null || true   # uwsgi/cotyledon children of this daemon only
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  for name in "$@"; do rm -f "$RUN/$name.pid"; done
}

# Wait until curl gets one of the given HTTP codes. wait_http NAME URL TIMEOUT_S [CODES...]
wait_http() {
  local name=$1 url=$2 timeout=$3; shift 3
  local codes=" ${*:-200} " code start=$SECONDS
  while :; do
    code=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$url" 2>/dev/null || true)
    [[ $codes == *" $code "* ]] && return 0
    if ((SECONDS - start > timeout)); then
      log "$name did not answer $url with ${codes# } within ${timeout}s (last: ${code:-none})"
      return 1
    fi
    sleep 1
  done
}

# Print the tail of every lab log (and the database/broker logs) to stderr.
tail_logs() {
  local f
  {
    printf '\n===== tails of the OpenStack lab logs (%s) =====\n' "$LOGS"
    for f in "$LOGS"/*.log /var/log/mysql/error.log /var/log/rabbitmq/*.log; do
      [[ -f $f ]] || continue
      printf '\n----- %s (last 25 lines) -----\n' "$f"
      tail -n 25 "$f"
    done
  } >&2
}

load_secrets() {
  [[ -r $STATE/secrets.env ]] || die "$STATE/secrets.env is missing: run lab/openstack/ensure"
  # shellcheck disable=SC1091
  source "$STATE/secrets.env"
}

# The openstack command line against one of the lab's clouds (lab-admin, lab-member, lab-appcred).
oscli() {
  local cloud=$1; shift
  OS_CLIENT_CONFIG_FILE=$STATE/clouds.yaml OS_CLIENT_SECURE_FILE=$STATE/secure.yaml \
    /usr/bin/openstack --os-cloud "$cloud" "$@"
}
