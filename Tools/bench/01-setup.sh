#!/usr/bin/env bash
# Set-up time (issue 20): what a new user waits for before the first sheet.
#
#   fonts   `Tools/build_cjk_fonts.py` into an empty folder: CPU seconds per derived weight
#           (hb-subset desubroutinizes the CFF, fontTools adds the Latin punctuation lookup)
#   demo    `make demo` in a fresh clone of this repository's HEAD (commits only: uncommitted
#           changes are not in it): the Debian package check, the fonts, the debug build from
#           nothing and the three sample renders. Target: under 2 minutes wall on 2 cores.
#
# Wall and CPU (user + system, children included) by GNU time; median [min–max] of RUNS
# (3, or 1 with BENCH_QUICK=1). Prints a Markdown section on stdout; progress on stderr.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROOT=$PWD
BENCH_OUT=$(realpath -m "${BENCH_OUT:-Output/bench}")
RUNS=$([ "${BENCH_QUICK:-0}" = 1 ] && echo 1 || echo 3)
WORK=$BENCH_OUT/setup-work
TARGET_DEMO_S=120

[[ -x /usr/bin/time ]] || { echo "01-setup.sh: needs GNU time (/usr/bin/time)" >&2; exit 69; }
rm -rf "$WORK"
mkdir -p "$WORK"

# summary VALUES... → "median [min–max]" with one decimal
summary() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f [%.1f–%.1f]", m, v[1], v[NR] }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# MARK: - Fonts
font_cpu=()
for run in $(seq "$RUNS"); do
  echo "bench: setup fonts run $run" >&2
  log=$WORK/fonts-$run.log
  /usr/bin/python3 Tools/build_cjk_fonts.py "$WORK/fonts-$run" >"$log" 2>&1
  while read -r cpu; do font_cpu+=("$cpu"); done < <(sed -n 's/.* \([0-9.]*\)s cpu.*/\1/p' "$log")
  rm -rf "$WORK/fonts-$run"
done

# MARK: - Fresh make demo
demo_wall=()
demo_cpu=()
for run in $(seq "$RUNS"); do
  echo "bench: setup fresh make demo run $run" >&2
  clone=$WORK/clone-$run
  git clone -q --no-hardlinks "$ROOT" "$clone"
  /usr/bin/time -f "%e %U %S" -o "$WORK/time-$run" make -C "$clone" demo >"$WORK/demo-$run.log" 2>&1
  read -r wall user sys <"$WORK/time-$run"
  demo_wall+=("$wall")
  demo_cpu+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
  rm -rf "$clone"
done

met=$(awk -v m="$(median "${demo_wall[@]}")" -v t="$TARGET_DEMO_S" 'BEGIN { print (m < t) ? "met" : "**missed**" }')

echo "## Set-up time"
echo
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) (wall times include other work on the machine; CPU seconds do not)."
echo
echo "| row | runs | wall s, median [min–max] | CPU s, median [min–max] | target | met |"
echo "|---|---:|---|---|---|---|"
echo "| fonts, per derived weight | ${#font_cpu[@]} | – | $(summary "${font_cpu[@]}") | – | – |"
echo "| fresh clone, \`make demo\` | $RUNS | $(summary "${demo_wall[@]}") | $(summary "${demo_cpu[@]}") | < ${TARGET_DEMO_S} s wall | $met |"
echo
echo "\`make demo\` uses the debug build (the one \`make test\` needs too): the release build alone took"
echo "2 min 13 s of a fresh demo's wall time on 2 cores, the debug build 43 s (measured 2026-12-06)."
