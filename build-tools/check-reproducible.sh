#!/usr/bin/env bash
# Builds the published modules twice from clean and compares every published jar (classes, sources,
# javadoc) byte for byte. Run after a build: the jars found now are the first build; this script
# cleans, builds again without tests and compares. Prints the differing entries of any jar that differs.
# Usage: build-tools/check-reproducible.sh [extra maven args]
set -euo pipefail
cd "$(dirname "$0")/.."

published_jars() {
  # every sdk-* module is published (the BOM has no jar); samples, benchmarks and javadoc are not
  find . -path './sdk-*/target/*.jar' -not -path '*/lab/*' | sort
}

first=$(mktemp -d)
trap 'rm -rf "$first"' EXIT
mapfile -t jars < <(published_jars)
if ((${#jars[@]} == 0)); then
  echo "check-reproducible: no published jars found; build first (mvn -B package)" >&2
  exit 2
fi
for j in "${jars[@]}"; do
  mkdir -p "$first/$(dirname "$j")"
  cp "$j" "$first/$j"
done

mvn -B -q clean package -DskipTests "$@"

status=0
for j in "${jars[@]}"; do
  if [[ ! -f "$j" ]]; then
    echo "MISSING after the second build: $j"; status=1; continue
  fi
  if cmp -s "$first/$j" "$j"; then
    echo "same   $(sha256sum "$j" | cut -c1-16)  $j"
  else
    status=1
    echo "DIFFER $j"
    diff <(unzip -lv "$first/$j" | awk 'NR>3 {print $7, $8}' | sort -k2) \
         <(unzip -lv "$j" | awk 'NR>3 {print $7, $8}' | sort -k2) | head -20 || true
  fi
done
if ((status == 0)); then
  echo "check-reproducible: ${#jars[@]} published jars are byte-for-byte equal across two clean builds"
else
  echo "check-reproducible: the build is not reproducible (see above)" >&2
fi
exit $status
