#!/usr/bin/env bash
# Memory-layout tuning (issue 20): the heap set-up in Sources/CairoKit/MemoryTuning.swift
# (`reuseLargeAllocations`: mallopt thresholds; `HeapReserve`: a free block below the top of the
# heap and transparent huge pages advised for cairo's CJK font copies) against the same binary
# with it switched off (BRIEFING_MEMORY_TUNING=off), paired A B A B, on:
#   T2   the peer workload's 12 charts as one 12-page PDF (where the tuning was first measured);
#   sheet  the sample half-year sheet as PDF;
#   job  the national job on 100 units (a sheet PDF and 15 PNGs each), one process.
# Ratio on ÷ off below 1: the tuning pays. Also page faults (GNU time, one run each).
# Prints a Markdown section on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH_OUT=$(realpath -m "${BENCH_OUT:-Output/bench}")
BENCH_QUICK=${BENCH_QUICK:-0}
OUT=$BENCH_OUT/memory-tuning
BIN=${BRIEFING:-$ROOT/.build/release/briefing}
if [ -z "${BRIEFING:-}" ]; then swift build -c release --static-swift-stdlib >&2; fi
export BRIEFING_DIVISIONS=${BRIEFING_DIVISIONS:-$ROOT/../shared/data/cn_divisions.csv}
rm -rf "$OUT"
mkdir -p "$OUT"

# MARK: - Inputs (untimed)
PEER=$BENCH_OUT/peer
if [ ! -s "$PEER/data-T1/focus.txt" ]; then
  python3 "${PEER_WORKLOAD:-../shared/bench/peer-workload}/gen_data.py" "$PEER/inputs" >&2
  python3 Tools/bench/peer_inputs.py "$PEER/inputs/facts.tsv" "$PEER/inputs/charts_T1.tsv" "$PEER/data-T1"
fi
python3 Tools/bench/national_data.py --out "$OUT/data-100" --regions 100 >&2
cat >"$OUT/job.yaml" <<YAML
version: 1
data: $OUT/data-100
layouts: [$ROOT/Tools/bench/national-sheet.yaml, $ROOT/Layouts/region-charts.yaml]
regions: [$(paste -sd, "$OUT/data-100/units.txt")]
group: all
period: 2024-H1
output: out
name: "{layout}/{region}"
YAML

declare -A COMMANDS=(
  [T2]="$BIN render --quiet --data $PEER/data-T1 --layout Tools/bench/peer-chart.yaml --focus-list $PEER/data-T1/focus.txt --out $OUT/t2 --format pdf"
  [sheet]="$BIN render --quiet --data Samples/jiuquan-2024h1 --layout Layouts/half-year-comparison.yaml --focus 肃州区 --period 2024-H1 --out $OUT/sheet --format pdf"
  [job]="$BIN run $OUT/job.yaml --quiet --force"
)
if [ "$BENCH_QUICK" = 1 ]; then short=(5 1); long=(2 0); else short=(10 2); long=(3 1); fi

echo "## Memory-layout tuning: on vs off (BRIEFING_MEMORY_TUNING=off)"
echo
echo "Same binary, paired runs alternating tuning on (A) and off (B); ratio on ÷ off per pair,"
echo "below 1 = the tuning pays. Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| task | tuning | runs | wall s, median [min–max] | CPU s (median) | peak RSS MiB | ms/unit | on ÷ off wall | on ÷ off CPU | pays (wall) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for task in T2 sheet job; do
  echo "bench: memory tuning $task" >&2
  runs=("${short[@]}")
  [ "$task" = job ] && runs=("${long[@]}")
  units=1
  [ "$task" = job ] && units=111
  python3 Tools/bench/pairs.py --task "$task" --runs "${runs[0]}" --warmup "${runs[1]}" --charts "$units" --target 1.0 \
    --a-name "on" --a "${COMMANDS[$task]}" --b-name "off" --b "env BRIEFING_MEMORY_TUNING=off ${COMMANDS[$task]}"
done
echo
echo "Page faults (minor, one run each):"
echo
for task in T2 sheet job; do
  on=$( { /usr/bin/time -f "%R %S" ${COMMANDS[$task]} >/dev/null; } 2>&1 | tail -1)
  off=$( { BRIEFING_MEMORY_TUNING=off /usr/bin/time -f "%R %S" ${COMMANDS[$task]} >/dev/null; } 2>&1 | tail -1)
  echo "- $task: on ${on% *} faults (${on#* } s system), off ${off% *} faults (${off#* } s system)."
done
