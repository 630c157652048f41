#!/usr/bin/env bash
# Wall time of `clusterstacks plan` (plan + render + strict validation) from process start to exit.
# Runs each variant RUNS times (default 15), interleaved so they share the machine's noise, after 2
# warm-up runs each, and prints min / median / max in milliseconds. Exit codes are checked: a run that
# does not exit 0 aborts the measurement.
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

names=("java -jar $jar plan"
       "java -XX:TieredStopAtLevel=1 -jar $jar plan"
       "java -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=<AppCDS of plan> -jar $jar plan"
       "java -Xshare:off -jar $jar plan")
cmds=("java -jar $jar plan"
      "java -XX:TieredStopAtLevel=1 -jar $jar plan"
      "java -XX:TieredStopAtLevel=1 -Xlog:cds*=off -XX:SharedArchiveFile=$jsa -jar $jar plan"
      "java -Xshare:off -jar $jar plan")
declare -A times
for ((v = 0; v < ${#cmds[@]}; v++)); do
  for w in 1 2; do ${cmds[$v]} >/dev/null; done
  times[$v]=""
done
for ((i = 0; i < runs; i++)); do
  for ((v = 0; v < ${#cmds[@]}; v++)); do
    start=$(date +%s%N)
    ${cmds[$v]} >/dev/null
    end=$(date +%s%N)
    times[$v]+="$(( (end - start) / 1000000 )) "
  done
done
echo "runs per variant: $runs (interleaved), $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
printf '%-8s %-8s %-8s  %s\n' min median max variant
for ((v = 0; v < ${#cmds[@]}; v++)); do
  read -r -a t <<<"$(tr ' ' '\n' <<<"${times[$v]}" | grep . | sort -n | tr '\n' ' ')"
  n=${#t[@]}
  if ((n % 2)); then med=${t[$((n / 2))]}; else med=$(( (t[n / 2 - 1] + t[n / 2]) / 2 )); fi
  printf '%-8s %-8s %-8s  %s\n' "${t[0]}" "$med" "${t[$((n - 1))]}" "${names[$v]}"
done
