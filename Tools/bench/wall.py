#!/usr/bin/env python3
"""Wall time of one command run as RUNS processes, printed as `median [min–max]` in ms.

    wall.py --runs 31 [--expect 74] -- COMMAND ARGS...

Each run is one process (stdout and stderr discarded), timed with the monotonic clock. Exits
non-zero, naming the command, when a run's exit status is not the expected one (default 0).
Standard library only.
"""
import argparse
import statistics
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, required=True, help="processes to time")
    ap.add_argument("--expect", type=int, default=0, help="exit status every run must give (default 0)")
    ap.add_argument("command", nargs=argparse.REMAINDER, help="-- then the command and its arguments")
    args = ap.parse_args()
    argv = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not argv or args.runs < 1:
        ap.error("needs --runs ≥ 1 and a command after --")
    times = []
    for _ in range(args.runs):
        start = time.monotonic()
        status = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append((time.monotonic() - start) * 1000)
        if status != args.expect:
            sys.exit(f"wall.py: {argv} exited {status}, expected {args.expect}")
    print(f"{statistics.median(times):.1f} [{min(times):.1f}–{max(times):.1f}]")


if __name__ == "__main__":
    main()
