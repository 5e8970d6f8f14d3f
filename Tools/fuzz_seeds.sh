#!/usr/bin/env bash
# Writes the seed corpus for `make fuzz` into DIR: every shipped data file, layout and a job file,
# each prefixed with the selector byte of the reader that should get it (see
# Sources/briefing-fuzz/FuzzTarget.swift: 0 observations CSV, 1 observations XLSX, 2 regions + NUL +
# observations, 3 layout YAML, 4 job YAML). Files are cut at 6 KB so the fuzzer mutates quickly.
set -euo pipefail
usage="usage: fuzz_seeds.sh DIR [XLSX]"
# An option (`--help`) is never taken for the output folder.
case "${1:-}" in -h|--help) echo "$usage"; exit 0 ;; -*|"") echo "$usage" >&2; exit 64 ;; esac
dir=$1
xlsx=${2:-}
mkdir -p "$dir"
seed() { # seed NAME SELECTOR FILE...
  local name=$1 selector=$2; shift 2
  { printf "\\x$(printf %02x "$selector")"; for f in "$@"; do head -c 6144 "$f"; [ "$f" = "${@: -1}" ] || printf '\0'; done; } \
    >"$dir/seed-$name"
}
for sample in Samples/*/; do
  name=$(basename "$sample")
  seed "$name-observations" 0 "$sample/observations.csv"
  seed "$name-regions" 2 "$sample/regions.csv" "$sample/observations.csv"
done
for layout in Layouts/*.yaml; do seed "layout-$(basename "$layout" .yaml)" 3 "$layout"; done
job=$(mktemp)
printf 'version: 1\ndata: Samples/jiuquan-2024h1\nlayouts: [Layouts/half-year-comparison.yaml]\nregions: every\nperiod: latest\noutput: Output/job\nretention: 3\nschedule: {cron: "0 7 5 * *", timezone: Asia/Shanghai}\n' >"$job"
seed job 4 "$job"
rm -f "$job"
if [ -n "$xlsx" ] && [ -f "$xlsx" ]; then
  { printf '\x01'; cat "$xlsx"; } >"$dir/seed-xlsx"
fi
echo "fuzz_seeds: $(ls "$dir" | wc -l) files in $dir"
