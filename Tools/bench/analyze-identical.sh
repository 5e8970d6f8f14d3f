#!/usr/bin/env bash
# Checks that two builds of `briefing analyze` write the same bytes: every sample under
# Samples/ (and any extra data folders given in ANALYZE_EXTRA_DATA, space-separated) in CSV,
# raw CSV, JSON and XLSX, each with --jobs 1 and the default, and the findings on stderr.
#
#   Tools/bench/analyze-identical.sh OLD_BINARY NEW_BINARY
#
# Exit 0 when every output is byte-identical, 1 (naming the differing outputs) otherwise.
# Outputs go to Output/analyze-identical (never committed).
set -euo pipefail

cd "$(dirname "$0")/../.."
[[ $# == 2 ]] || { echo "usage: $0 OLD_BINARY NEW_BINARY" >&2; exit 64; }
OLD=$(realpath "$1")
NEW=$(realpath "$2")
WORK=Output/analyze-identical
rm -rf "$WORK"
mkdir -p "$WORK/old" "$WORK/new"

folders=(Samples/*/)
# shellcheck disable=SC2206
[[ -n ${ANALYZE_EXTRA_DATA:-} ]] && folders+=(${ANALYZE_EXTRA_DATA})
differ=0
checked=0
for folder in "${folders[@]}"; do
  name=$(basename "$folder")
  for variant in csv raw json xlsx; do
    case $variant in
      csv) args=(--format csv) ext=csv ;;
      raw) args=(--format csv --raw-csv) ext=csv ;;
      json) args=(--format json) ext=json ;;
      xlsx) args=(--format xlsx) ext=xlsx ;;
    esac
    for jobs in 1 default; do
      jobArgs=()
      [[ $jobs == default ]] || jobArgs=(--jobs "$jobs")
      for side in old new; do
        bin=$OLD
        [[ $side == new ]] && bin=$NEW
        file="$WORK/$side/$name-$variant-$jobs.$ext"
        status=0
        "$bin" analyze --data "$folder" "${args[@]}" "${jobArgs[@]}" --out "$file" \
          >/dev/null 2>"$file.stderr" || status=$?
        echo "$status" >"$file.status"
      done
      for suffix in "" .stderr .status; do
        checked=$((checked + 1))
        if ! cmp -s "$WORK/old/$name-$variant-$jobs.$ext$suffix" "$WORK/new/$name-$variant-$jobs.$ext$suffix"; then
          echo "differs: $name $variant jobs=$jobs ${suffix:-output}" >&2
          differ=1
        fi
      done
    done
  done
done
echo "analyze-identical: $checked files compared, $([[ $differ == 0 ]] && echo all identical || echo SOME DIFFER)" >&2
exit "$differ"
