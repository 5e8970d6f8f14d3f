#!/usr/bin/env bash
# The per-region chart set drawn with the shipped Layouts/region-charts.yaml (bold titles, rank
# numbers), not the bench layout, against the plain C cairo+pango program of the peer workload
# on the same charts (issue 20): T1 (12 PNG, focus 肃州区) target ≤ 0.5 × C, T3 (3,600 PNG)
# target ≤ 0.35 × C (wall, paired median; BENCH_QUICK=1 runs T3s, its first 360, instead).
# Uses the inputs and the C program 10-peer.sh prepares (made here when missing).
# Prints a Markdown section on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."

PEER_WORKLOAD=${PEER_WORKLOAD:-../shared/bench/peer-workload}
BENCH_OUT=${BENCH_OUT:-Output/bench}
BENCH_QUICK=${BENCH_QUICK:-0}
OUT=$BENCH_OUT/peer
LAYOUT=Layouts/region-charts.yaml
if [ -z "${BRIEFING:-}" ]; then
  swift build -c release --static-swift-stdlib >&2
  BRIEFING=$PWD/.build/release/briefing
fi

# MARK: - Inputs (untimed; shared with 10-peer.sh)
mkdir -p "$OUT"
[ -s "$OUT/inputs/charts_T3.tsv" ] || python3 "$PEER_WORKLOAD/gen_data.py" "$OUT/inputs" >&2
for task in T1 T3s T3; do
  [ -s "$OUT/data-$task/focus.txt" ] ||
    python3 Tools/bench/peer_inputs.py "$OUT/inputs/facts.tsv" "$OUT/inputs/charts_$task.tsv" "$OUT/data-$task"
done
C=$OUT/chart_cairo
[ -x "$C" ] || gcc -O2 -o "$C" "$PEER_WORKLOAD/chart_cairo.c" $(pkg-config --cflags --libs pangocairo libpng) -lm
for dir in c-T1 c-T3s c-T3; do mkdir -p "$OUT/$dir"; done
IN=$OUT/inputs

ours() { # ours TASK
  echo "$BRIEFING render --quiet --data $OUT/data-$1 --layout $LAYOUT --focus-list $OUT/data-$1/focus.txt --out $OUT/shipped-$1"
}
pair() { # pair TASK RUNS WARMUP CHARTS TARGET
  echo "bench: shipped layout $1" >&2
  python3 Tools/bench/pairs.py --task "$1" --runs "$2" --warmup "$3" --charts "$4" --target "$5" \
    --a-name "Briefing, region-charts.yaml" --a "$(ours "$1")" --b-name "C cairo+pango" --b "$C png $IN/charts_$1.tsv $OUT/c-$1"
}

if [ "$BENCH_QUICK" = 1 ]; then short=(5 1); else short=(10 2); fi
echo "## Shipped layout: Layouts/region-charts.yaml vs plain C"
echo
echo "The per-region chart set as shipped (bold titles, rank numbers) on the peer workload's"
echo "charts, $(nproc) drawing threads; C: \`chart_cairo png\`. Runs alternate; ratios per pair."
echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| task | tool | runs | wall s, median [min–max] | CPU s (median) | peak RSS MiB | ms/chart (wall) | ours ÷ C wall | ours ÷ C CPU | target |"
echo "|---|---|---|---|---|---|---|---|---|---|"
pair T1 "${short[@]}" 12 0.5
if [ "$BENCH_QUICK" = 1 ]; then
  pair T3s 3 1 360 0.35
else
  pair T3 3 0 3600 0.35
fi
echo
for task in T1 T3s T3; do
  [ -d "$OUT/shipped-$task" ] || continue
  ours_png=$(find "$OUT/shipped-$task" -name '*.png' | wc -l)
  c_png=$(find "$OUT/c-$task" -name '*.png' | wc -l)
  [ "$ours_png" -gt 0 ] && [ "$c_png" -gt 0 ] || continue
  ours_bytes=$(find "$OUT/shipped-$task" -name '*.png' -exec cat {} + | wc -c)
  c_bytes=$(find "$OUT/c-$task" -name '*.png' -exec cat {} + | wc -c)
  echo "- $task: ours $ours_png PNG ($((ours_bytes / ours_png)) bytes per chart), C $c_png PNG ($((c_bytes / c_png)) bytes per chart)."
done
