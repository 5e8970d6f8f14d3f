#!/usr/bin/env python3
"""Converts the Gapminder five-yearly country panel (jennybc/gapminder `08_gap-every-five-years.tsv`:
country, continent, year, lifeExp, pop, gdpPercap) into Briefing's long format, the way an outside
user would: observations.csv with the panel's own unit labels and regions.csv with the continents
as peer groups. No indicators.csv, so the tool's defaults (aggregation, decimals) are exercised.

    python3 Tools/panels/gapminder_to_long.py PANEL.tsv Output/panels/gapminder

Used to check issue "one owner per number" on data nobody here prepared; the data is not committed.
"""
import argparse
import csv
import os

UNITS = {"lifeExp": "years", "pop": "persons", "gdpPercap": "US$ per person, inflation-adjusted"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("panel", help="the Gapminder TSV (country, continent, year, lifeExp, pop, gdpPercap)")
    ap.add_argument("outdir", help="folder to write (under Output/ or .build/)")
    args = ap.parse_args()
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    rel = os.path.relpath(os.path.abspath(args.outdir), top)
    if not rel.startswith("..") and not rel.split(os.sep)[0].startswith((".build", "Output")):
        ap.error(f"refusing to write converted data into the checkout at {args.outdir!r}")
    os.makedirs(args.outdir, exist_ok=True)
    with open(args.panel, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    continents = sorted({r["continent"] for r in rows})
    with open(os.path.join(args.outdir, "regions.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "parent", "level", "label"])
        for c in continents:
            n = len({r["country"] for r in rows if r["continent"] == c})
            w.writerow([c, c, "", "continent", f"the {n} countries of {c}"])
        seen = set()
        for r in rows:
            if r["country"] not in seen:
                seen.add(r["country"])
                w.writerow([r["country"], r["country"], r["continent"], "country", ""])
    with open(os.path.join(args.outdir, "observations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["region", "period", "indicator", "value", "unit"])
        for r in rows:
            for ind, unit in UNITS.items():
                w.writerow([r["country"], r["year"], ind, r[ind], unit])


if __name__ == "__main__":
    main()
