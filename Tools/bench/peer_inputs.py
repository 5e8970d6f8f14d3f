#!/usr/bin/env python3
"""Converts one chart file of the peer workload into a Briefing data folder.

    peer_inputs.py FACTS.tsv CHARTS.tsv OUTDIR

Writes OUTDIR/observations.csv, regions.csv, indicators.csv and focus.txt. The data holds the
regions that appear as bars in CHARTS.tsv (each chart's whole peer group), for period 2024-H1:
the half-year value, the published YoY % and the annual target from FACTS.tsv. focus.txt lists
the charts' focus regions in order of first appearance (for `briefing render --focus-list`).
There are no prior-year values, so the group average drawn is the mean of the members' growth,
as in the workload. Runs outside the timed region. Standard library only.
"""
import csv
import os
import sys

# Workload indicator names -> our ids (display order = workload order).
INDICATOR_IDS = {
    "地区生产总值": "gdp", "第一产业增加值": "agri", "规模以上工业增加值": "industry",
    "固定资产投资": "fai", "社会消费品零售总额": "retail", "一般公共预算收入": "revenue",
    "税收收入": "tax", "城镇居民人均可支配收入": "urban_income",
    "农村居民人均可支配收入": "rural_income", "进出口总额": "trade", "实际利用外资": "fdi",
    "金融机构各项存款余额": "deposits",
}


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main(facts_path, charts_path, outdir):
    facts = read_tsv(facts_path)
    charts = read_tsv(charts_path)
    wanted = {row["region"] for row in charts}
    focus = list(dict.fromkeys(row["focus"] for row in charts))
    os.makedirs(outdir, exist_ok=True)
    groups = list(dict.fromkeys(row["group"] for row in facts if row["region"] in wanted))
    units = dict((row["indicator"], row["unit"]) for row in facts)

    with open(os.path.join(outdir, "regions.csv"), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", "name", "short_name", "aliases", "parent", "level", "frames", "label"])
        # A synthetic city may share its name with a county of another city, which our data
        # rejects as ambiguous: such a city is named 「…（地级）」 (its chart titles say so).
        # Cities get ids of their own (g00, g01, ...).
        group_ids = {group: f"g{index:02d}" for index, group in enumerate(groups)}
        counties = {row["region"] for row in facts}
        for group in groups:
            for region in dict.fromkeys(r["region"] for r in facts if r["group"] == group):
                out.writerow([region, region, region, "", group_ids[group], "county", "", ""])
        for group in groups:
            members = len({r["region"] for r in facts if r["group"] == group})
            name = group + "（地级）" if group in counties else group
            out.writerow([group_ids[group], name, name, "", "", "city", "", f"全市{members}个县（市、区）"])

    with open(os.path.join(outdir, "indicators.csv"), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", "name", "short_name", "aliases", "unit", "polarity", "aggregate", "kind",
                      "decimals", "main", "order", "lead_unit", "redline", "redline_kind"])
        for order, (name, ident) in enumerate(INDICATOR_IDS.items(), start=1):
            aggregate = "none" if units[name] == "元" else "sum"
            kind = "stock" if ident == "deposits" else "flow"
            out.writerow([ident, name, name, "", units[name], "higher", aggregate, kind, 2, "yes", order,
                          "", "", ""])

    group_of = {row["region"]: row["group"] for row in facts}
    with open(os.path.join(outdir, "observations.csv"), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["region", "period", "indicator", "value", "unit", "target", "yoy"])
        for row in facts:
            if group_of[row["region"]] in groups:
                out.writerow([row["region"], "2024-H1", INDICATOR_IDS[row["indicator"]], row["h1_value"],
                              row["unit"], row["annual_target"], row["yoy_pct"]])

    with open(os.path.join(outdir, "focus.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(name + "\n" for name in focus))


if __name__ == "__main__":
    # argparse, so `--help` prints the usage instead of becoming an input or output path.
    import argparse
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("facts", help="facts.tsv of the peer workload")
    parser.add_argument("charts", help="a charts_*.tsv of the peer workload")
    parser.add_argument("outdir", help="data folder to write")
    args = parser.parse_args()
    main(args.facts, args.charts, args.outdir)
