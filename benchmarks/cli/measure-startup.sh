#!/usr/bin/env bash
# Wall time of `clusterstacks plan` (plan + render + strict validation) from process start to exit, and
# the CPU time it used (user + sys, all threads: less sensitive to a busy machine than wall time).
# Runs each variant RUNS times (default 15), interleaved so they share the machine's noise, after 2
# warm-up runs each, and prints min / median / max wall time and the median CPU time in milliseconds.
# A run that does not exit 0 aborts the measurement.
#   benchmarks/cli/measure-startup.sh [RUNS]
# Needs the build (`mvn -B -q -o -DskipTests package`).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-15}"
jar=samples/target/clusterstacks.jar
[[ -f "$jar" ]] || { echo "build first: mvn -B -q -o -DskipTests package" >&2; exit 1; }
jsa="$(mktemp -u /tmp/clusterstacks-XXXXXX.jsa)"
trap 'rm -f "$jsa"' EXIT
java -XX:TieredStopAtLevel=1 -Xlog:cds*=off -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" plan >/dev/null
./bin/clusterstacks plan >/dev/null # writes the launcher's own archive when missing

names=("java -jar $jar plan"
       "java -XX:TieredStopAtLevel=1 -jar $jar plan"
       "java -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=<AppCDS of plan> -jar $jar plan"
       "java -Xshare:off -jar $jar plan"
       "./bin/clusterstacks plan (launcher: staleness check, C1, AppCDS)")
cmds=("java -jar $jar plan"
      "java -XX:TieredStopAtLevel=1 -jar $jar plan"
      "java -XX:TieredStopAtLevel=1 -Xlog:cds*=off -XX:SharedArchiveFile=$jsa -jar $jar plan"
      "java -Xshare:off -jar $jar plan"
      "./bin/clusterstacks plan")
declare -A wall cpu
TIMEFORMAT='%R %U %S'
for ((v = 0; v < ${#cmds[@]}; v++)); do
  for w in 1 2; do ${cmds[$v]} >/dev/null; done
  wall[$v]=""
  cpu[$v]=""
done
for ((i = 0; i < runs; i++)); do
  for ((v = 0; v < ${#cmds[@]}; v++)); do
    t=$({ time ${cmds[$v]} >/dev/null; } 2>&1)
    read -r r u s <<<"$t"
    wall[$v]+="$(awk -v r="$r" 'BEGIN {printf "%d", r * 1000}') "
    cpu[$v]+="$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%d", (u + s) * 1000}') "
  done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
minmax() { tr ' ' '\n' <<<"$1" | grep . | sort -n | sed -n '1p;$p' | tr '\n' ' '; }
echo "runs per variant: $runs (interleaved), $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
printf '%-6s %-7s %-6s %-8s  %s\n' min median max cpu-med variant
for ((v = 0; v < ${#cmds[@]}; v++)); do
  read -r lo hi <<<"$(minmax "${wall[$v]}")"
  printf '%-6s %-7s %-6s %-8s  %s\n' "$lo" "$(median "${wall[$v]}")" "$hi" "$(median "${cpu[$v]}")" "${names[$v]}"
done
