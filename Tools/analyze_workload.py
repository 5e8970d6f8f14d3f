#!/usr/bin/env python3
"""Deterministic synthetic workload for timing `briefing analyze` (issue 4: 3,000 regions x
15 indicators x 8 periods must analyse in under 2 s and 300 MB, release build).

    python3 Tools/analyze_workload.py OUTDIR [REGIONS]   # default 3000 regions
    python3 Tools/analyze_workload.py OUTDIR 40000 --group-size 14   # township scale (issue 20)
    /usr/bin/time -v .build/release/briefing analyze --data OUTDIR --out /dev/null

Writes OUTDIR/{regions,indicators,observations}.csv: one province, cities of GROUP_SIZE (default
30) counties each, the last one smaller when REGIONS is not a multiple (exactly REGIONS counties); 15 indicators (additive flows with targets, a mean, a GDP-weighted intensity, a
stock, a lower-is-better ratio without aggregate); 8 cumulative periods 2023-M03 … 2024.
About 0.5% of values are masked and 1% are estimates; 2024 rows carry the published yoy.
Standard library only; same bytes on every run (fixed seed). ILLUSTRATIVE numbers.
"""
import argparse
import csv
import os
import random

PERIODS = [("2023-M03", 3), ("2023-H1", 6), ("2023-M09", 9), ("2023", 12),
           ("2024-M03", 3), ("2024-H1", 6), ("2024-M09", 9), ("2024", 12)]
# id, unit, polarity, aggregate, kind, decimals, yearly base (county), typical growth %
INDICATORS = [("gdp", "亿元", "higher", "sum", "flow", 2, 240.0, 6.0)]
INDICATORS += [(f"flow{k}", "亿元", "higher", "sum", "flow", 2, 20.0 + 7 * k, 4.0 + k % 5)
               for k in range(1, 11)]
INDICATORS += [("income", "元", "higher", "mean", "flow", 0, 42000.0, 6.5),
               ("energy", "吨标准煤/万元", "lower", "weighted:gdp", "ratio", 3, 0.6, -3.0),
               ("deposits", "亿元", "higher", "sum", "stock", 2, 300.0, 8.0),
               ("pm10", "微克/立方米", "lower", "none", "ratio", 0, 70.0, -2.0)]


def main(out, n_regions, group_size=30):
    rng = random.Random(20240630)
    os.makedirs(out, exist_ok=True)
    n_cities = max(1, -(-n_regions // group_size))
    regions = [("省", "city", "", "province")]
    counties = []
    for c in range(n_cities):
        city = f"市{c:03d}"
        members = min(group_size, n_regions - c * group_size) if n_regions > group_size else group_size
        regions.append((city, "city", "省", f"{city}{members}个县区"))
        for k in range(members):
            counties.append(f"{city}县{k:02d}")
            regions.append((counties[-1], "county", city, ""))
    with open(os.path.join(out, "regions.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "parent", "level", "label"])
        for rid, level, parent, label in regions:
            w.writerow([rid, rid, parent, level if parent else "province", label])
    with open(os.path.join(out, "indicators.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "unit", "polarity", "aggregate", "kind", "decimals"])
        for ind in INDICATORS:
            w.writerow([ind[0], ind[0], ind[1], ind[2], ind[3], ind[4], ind[5]])
    with open(os.path.join(out, "observations.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["region", "period", "indicator", "value", "unit", "status", "target", "yoy"])
        for rid in counties:
            size = rng.uniform(0.3, 2.5)
            for ind, unit, _, _, kind, dec, base, growth in INDICATORS:
                scale = base * (size if kind in ("flow", "stock") and unit != "元" else 1)
                last = {}
                g = rng.gauss(growth, 3.0)
                annual = round(scale * (1 + (g + rng.uniform(-2, 2)) / 100), dec)
                for period, months in PERIODS:
                    year = int(period[:4])
                    share = months / 12 if kind == "flow" and unit != "元" else 1
                    if unit == "元":
                        share = months / 12
                    noise = rng.uniform(0.97, 1.03)
                    value = scale * share * noise * (1 + g / 100) ** (year - 2023)
                    value = round(value, dec)
                    status, target, yoy = "actual", "", ""
                    if year == 2024 and kind == "flow":
                        target = annual
                    if year == 2024 and last.get(months):
                        yoy = round((value / last[months] - 1) * 100, 1)
                    if year == 2023:
                        last[months] = value
                    r = rng.random()
                    if r < 0.005:
                        value, status, yoy = "*", "masked", ""
                    elif r < 0.015:
                        status = "estimate"
                    w.writerow([rid, period, ind, value, unit, status, target, yoy])


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir", help="folder to write (must be under Output/ or .build/)")
    ap.add_argument("regions", nargs="?", type=int, default=3000, help="number of regions (default 3000)")
    ap.add_argument("--group-size", type=int, default=30, help="counties per city (peer group; default 30)")
    args = ap.parse_args()
    # Generated data never lands in the repository: refuse any folder outside Output/ or .build*/.
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    rel = os.path.relpath(os.path.abspath(args.outdir), top)
    if not rel.startswith("..") and not rel.split(os.sep)[0].startswith((".build", "Output")):
        ap.error(f"refusing to write generated data into the checkout at {args.outdir!r}; use Output/… or .build/…")
    main(args.outdir, args.regions, args.group_size)
