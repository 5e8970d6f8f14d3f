#!/usr/bin/env bash
# Intake benchmark (issue 16): an office report workbook of 3,000 regions × 15 indicators
# (Tools/bench/office_workbook.py: merged title and two-row header, value and growth columns, a
# total row), read through shape detection and through the map it writes.
#
#   Tools/bench/30-intake.sh               # 3 runs of each (BENCH_RUNS)
#   BENCH_QUICK=1 Tools/bench/30-intake.sh   # one run each
#
# Measures with GNU time (wall, CPU = user + system, peak RSS):
#   1. `briefing import office.xlsx` (detect, print the reading, write the map, load every row
#      by it): target < 2 s;
#   2. `briefing analyze --data office.xlsx --map MAP` (the monthly replay) to CSV.
# Prints the Markdown section on stdout (Tools/bench/run-all.sh collects it).
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$(realpath -m "${BENCH_OUT:-$ROOT/Output/bench}")
RUNS=${BENCH_RUNS:-3}
[[ ${BENCH_QUICK:-0} == 1 ]] && RUNS=1
BIN=${BRIEFING:-$ROOT/.build/release/briefing}
WORK=$OUT/intake-work

[[ -x /usr/bin/time ]] || { echo "30-intake.sh: needs GNU time (/usr/bin/time)" >&2; exit 69; }
if [[ -z ${BRIEFING:-} && ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  swift build -c release --static-swift-stdlib >/dev/null
fi
rm -rf "$WORK"
mkdir -p "$WORK"
echo "30-intake: generating the workbook" >&2
/usr/bin/python3 Tools/bench/office_workbook.py "$WORK"
META=(--regions "$WORK/regions.csv" --indicators "$WORK/indicators.csv")

# measure NAME -- COMMAND…: RUNS GNU time records "wall cpu rss" into $WORK/NAME.tsv.
measure() {
  local name=$1
  shift 2
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/$name.stderr"
    read -r wall user sys rss <"$WORK/time"
    echo "$wall $(awk "BEGIN { print $user + $sys }") $rss" >>"$WORK/$name.tsv"
  done
}

# row NAME LABEL [TARGET-S]: the Markdown row with medians (and min–max of the wall time), and
# whether the median wall time is under TARGET-S seconds.
row() {
  sort -n "$WORK/$1.tsv" | awk -v label="$2" -v target="${3:-}" '
    { wall[NR] = $1; cpu[NR] = $2; rss[NR] = $3 }
    END {
      m = int((NR + 1) / 2)
      verdict = target == "" ? "" : (wall[m] < target ? "< " target " s: met" : "< " target " s: **missed**")
      printf "| %s | %.2f (%.2f–%.2f) | %.2f | %.0f | %s |\n", label, wall[m], wall[1], wall[NR], cpu[m], rss[m] / 1024, verdict
    }'
}

echo "30-intake: import ($RUNS runs)" >&2
measure import -- "$BIN" import "$WORK/office.xlsx" "${META[@]}" --out "$WORK/office.intake.yaml"
echo "30-intake: analyze --map ($RUNS runs)" >&2
measure replay -- "$BIN" analyze --data "$WORK/office.xlsx" "${META[@]}" --map "$WORK/office.intake.yaml" --out "$WORK/table.csv"

cat <<MD
## Intake: an office workbook of 3,000 regions × 15 indicators

\`Tools/bench/30-intake.sh\`: \`office.xlsx\` ($(du -k "$WORK/office.xlsx" | cut -f1) KB; title, unit line,
two-row merged header, value and 同比 columns, a 全市 row; $(($(wc -l <"$WORK/table.csv") - 1)) comparison rows), medians of
$RUNS run(s). Target: import under 2 s.

| command | wall s (min–max) | CPU s | peak RSS MB | target |
|---|---|---|---|---|
$(row import "\`briefing import office.xlsx\` (detect, write the map, load every row)" 2)
$(row replay "\`briefing analyze --data office.xlsx --map …\` (replay, CSV out)")
MD
