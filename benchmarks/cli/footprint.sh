#!/usr/bin/env bash
# Runtime footprint of sdk-core: its jar plus its runtime dependencies (what a user who only plans,
# renders and validates puts on the class path), with sizes, and a check for HTTP clients.
#   benchmarks/cli/footprint.sh
# Needs the build (`mvn -B -q -o -DskipTests package`).
set -euo pipefail
cd "$(dirname "$0")/../.."
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -q -B -o -Dstyle.color=never -pl sdk-core dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$cp_file" >/dev/null
core=(sdk-core/target/sdk-core-*-SNAPSHOT.jar)
total=0
printf '%10s  %s\n' bytes jar
for f in "${core[0]}" $(tr ':' ' ' <"$cp_file"); do
  size=$(stat -c %s "$f")
  total=$((total + size))
  printf '%10d  %s\n' "$size" "$(basename "$f")"
done | sort -rn
for f in "${core[0]}" $(tr ':' ' ' <"$cp_file"); do stat -c %s "$f"; done | awk '{s+=$1} END {printf "%10d  total (%.2f MiB)\n", s, s/1048576}'
if tr ':' '\n' <"$cp_file" | grep -Eiq 'okhttp|httpclient|httpcore|jersey|resteasy|netty|vertx|jetty|openstack4j|fabric8'; then
  echo "HTTP client on sdk-core's runtime class path:" >&2
  tr ':' '\n' <"$cp_file" | grep -Ei 'okhttp|httpclient|httpcore|jersey|resteasy|netty|vertx|jetty|openstack4j|fabric8' >&2
  exit 1
fi
echo "no HTTP client on sdk-core's runtime class path"
