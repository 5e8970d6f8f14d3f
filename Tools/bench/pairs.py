#!/usr/bin/env python3
"""Times two commands alternately (A B A B ...) and prints one Markdown row per command.

    pairs.py --task T1 --runs 10 --warmup 2 --a-name ours --a 'cmd ...' --b-name C --b 'cmd ...'

Each run is one process, timed from outside: wall time (monotonic clock), CPU time (user +
system of the process and its children, from wait4's rusage) and peak RSS (ru_maxrss). The ratio
A / B is taken per pair, so a machine that speeds up or slows down during the call does not bias
it; medians are quoted with min-max. Warm-up pairs are run first and not counted. Standard
library only; stdout and stderr of the commands are discarded. Exits non-zero if a run fails.
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    """(wall s, cpu s, peak RSS MiB) of one process."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if proc.returncode != 0:
        sys.exit(f"pairs.py: {argv[0]} failed ({proc.returncode}): {err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def spread(values, digits=3):
    """`median [min–max]` with a fixed number of decimals."""
    fmt = f"{{:.{digits}f}}"
    return f"{fmt.format(statistics.median(values))} [{fmt.format(min(values))}–{fmt.format(max(values))}]"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--task", required=True)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--a-name", required=True)
    ap.add_argument("--a", required=True, help="command line of A (split like a shell)")
    ap.add_argument("--b-name", required=True)
    ap.add_argument("--b", required=True, help="command line of B, the baseline")
    ap.add_argument("--charts", type=int, default=0, help="charts per run, for ms/chart")
    ap.add_argument("--target", type=float, default=None,
                    help="goal for the median wall ratio A / B: adds a column saying met or missed")
    args = ap.parse_args()
    a, b = shlex.split(args.a), shlex.split(args.b)
    for _ in range(args.warmup):
        run_once(a)
        run_once(b)
    runs = {"a": [], "b": []}
    for _ in range(args.runs):
        runs["a"].append(run_once(a))
        runs["b"].append(run_once(b))
    wall_ratio = [x[0] / y[0] for x, y in zip(runs["a"], runs["b"])]
    cpu_ratio = [x[1] / y[1] if y[1] > 0 else float("nan") for x, y in zip(runs["a"], runs["b"])]
    for key, name in (("a", args.a_name), ("b", args.b_name)):
        walls = [r[0] for r in runs[key]]
        cpus = [r[1] for r in runs[key]]
        rss = max(r[2] for r in runs[key])
        per_chart = f"{1000 * statistics.median(walls) / args.charts:.1f}" if args.charts else "–"
        ratio = f"**{spread(wall_ratio, 2)}**" if key == "a" else "1 (baseline)"
        cpu = f"{statistics.median(cpu_ratio):.2f}" if key == "a" else "1"
        verdict = ""
        if args.target is not None:
            met = statistics.median(wall_ratio) <= args.target
            verdict = f" ≤ {args.target:g} × {args.b_name}: {'met' if met else '**missed**'} |" if key == "a" else " |"
        print(f"| {args.task} | {name} | {args.runs} | {spread(walls)} | {statistics.median(cpus):.3f} "
              f"| {rss:.1f} | {per_chart} | {ratio} | {cpu} |{verdict}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
