#!/usr/bin/python3
"""An office report workbook for the intake benchmark: REGIONS counties (default 3,000) ×
INDICATORS main indicators (default 15), laid out as a 统计月报 table — a merged title naming
2024年1—6月, a unit line, a two-row merged header (indicator over 1—6月 | 同比±%), a 全市 total
row, a footnote — plus regions.csv and indicators.csv. Synthetic values, seeded.

    /usr/bin/python3 Tools/bench/office_workbook.py OUTDIR [--regions N] [--indicators N]

Writes OUTDIR/office.xlsx, OUTDIR/regions.csv, OUTDIR/indicators.csv. The workbook writer is the
intake fixtures' (Tests/BriefingIngestTests/Fixtures/make_intake_fixtures.py).
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../Tests/BriefingIngestTests/Fixtures"))
from make_intake_fixtures import write_csv, write_xlsx  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--regions", type=int, default=3000)
    parser.add_argument("--indicators", type=int, default=15)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(8)
    regions = [f"县{index:04d}" for index in range(1, args.regions + 1)]
    indicators = [f"指标{index:02d}" for index in range(1, args.indicators + 1)]
    width = 1 + 2 * len(indicators)
    header1, header2 = ["地区"], [None]
    merges = [(0, 0, 0, width - 1), (1, 0, 1, width - 1), (2, 0, 3, 0)]
    for name in indicators:
        merges.append((2, len(header1), 2, len(header1) + 1))
        header1 += [name, None]
        header2 += ["1—6月", "同比±%"]
    rows = [["2024年1—6月各县（市、区）主要经济指标"], ["单位：亿元、%"], header1, header2]
    values = {region: [(round(rng.uniform(5, 500), 2), round(rng.uniform(-5, 15), 1)) for _ in indicators] for region in regions}
    totals = [(round(sum(values[r][i][0] for r in regions), 2), 6.0) for i in range(len(indicators))]
    for label, figures in [("全市", totals)] + [(region, values[region]) for region in regions]:
        rows.append([label] + [str(x) for pair in figures for x in pair])
    rows.append(["注：数据为模拟，非官方统计。"])
    merges.append((len(rows) - 1, 0, len(rows) - 1, width - 1))
    write_xlsx(os.path.join(args.out, "office.xlsx"), "主要指标", rows, merges, set())
    write_csv(os.path.join(args.out, "regions.csv"),
              [["id", "name", "parent"], ["全国", "全国", ""]] + [[r, r, "全国"] for r in regions])
    write_csv(os.path.join(args.out, "indicators.csv"),
              [["id", "name", "unit", "decimals"]] + [[f"i{index + 1:02d}", name, "亿元", "2"] for index, name in enumerate(indicators)])


if __name__ == "__main__":
    main()
