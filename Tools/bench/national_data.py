#!/usr/bin/env python3
"""National benchmark scenario: every county-level unit of China, synthetic values (NOT official).

    python3 Tools/bench/national_data.py --out Output/bench/national            # all 2,845 units
    python3 Tools/bench/national_data.py --out DIR --regions 300                 # scaling series
    python3 Tools/bench/national_data.py --out DIR --regions 3000                # + synthetic units

Reads the division list from $BRIEFING_DIVISIONS, default `../shared/data/cn_divisions.csv`
(relative to the repository root), and writes `regions.csv`, `indicators.csv` and
`observations.csv` in the format of Samples/README.md. Standard library only; the same arguments
give the same bytes (every number is derived from a SHA-256 of its key, so a unit's values do not
depend on which other units are included).

Peer groups (the `parent` column):
  * a county-level unit whose parent is a prefecture (2,728 units) belongs to that prefecture;
  * the districts and counties of the four municipalities (北京, 天津, 上海, 重庆) belong to the
    municipality itself (its province-level code, e.g. 110000 北京市);
  * the other units directly under a province (省直辖县级行政单位: 湖北 4, 海南 15, 新疆 12,
    河南 1) form one group per province with id `<first four digits of the unit's code>00`
    (429000, 469000, 659000, 419000), named 「<province>直辖县级行政单位」. Such a group can have a
    single member (河南: 济源市); it is ranked 1 of 1.
Group rows come first in the file, each followed by its members; groups are ordered by code and
members by code. Region ids are the 6-digit codes (names repeat across the country: 28 county
names occur more than once); a duplicated name is written as 「<group name><name>」. Short names
(name without its 区/县/市/旗 suffix) are written only when no other spelling in the file folds
to the same text.

Townships (乡镇): every county-level unit, real or synthetic, has 8 to 20 townships (14 on average,
about 40,000 in all), level `township`, parent the unit, id the unit's code plus three digits
(`110101001`), so each sheet's township table (`subRegionTable`) lists them. Township names are
drawn from pools of place-name syllables plus 镇 or 乡, unique in the file (region names must
be): a name already used is drawn again. The
unit's `label` names its group of townships (「全县14个乡镇」). One task indicator with annual
targets, `greenhouse` (日光温室新建任务, 亩, not a main indicator, as in Samples/jiuquan-2024h1),
has a 2024-H1 value and target for every township (`--no-townships`: neither). `units.txt` lists the county-level units (the
sheets of the national job), one id a line.

`--regions N` keeps the first whole groups in that order until at least N units are included.
When N exceeds the real units, synthetic groups `S0001`… (「虚拟市0001」, 10 members each, the last
one smaller) make up exactly N; they are marked in `regions.csv` with level `county` and label
「虚拟市…（合成）」.

Indicators: 15 main indicators (flows in 亿元, 万美元 and 元, one ratio with polarity `lower`:
单位GDP能耗). Periods: 2023-M03, 2023-H1, 2023-M09, 2023, 2024-M03, 2024-H1, 2024-M09, 2024
(cumulative year to date). 2024 rows carry annual targets (additive flows) and target growth; the
`yoy` of 2024 rows is recomputed from the rounded values (half-up to 0.1). The second unit's
实际利用外资 2024-H1 is masked; the GDP 2024-M09 of every 500th unit is an `estimate`; the tax
revenue 2024-M09 of every 700th unit (from the 7th) is `preliminary`.
"""
import argparse
import csv
import hashlib
import math
import os
from decimal import Decimal as D, ROUND_HALF_UP

MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
SOURCE = "示例数据（非官方统计）"
YEARS = ("2023", "2024")
# Cumulative periods of one year and the typical share of the annual flow they hold.
PERIOD_SHARES = (("M03", 0.22), ("H1", 0.47), ("M09", 0.73), ("", 1.0))
INCOME_SHARES = (("M03", 0.28), ("H1", 0.51), ("M09", 0.76), ("", 1.0))

OBS_COLS = ["region", "period", "indicator", "value", "unit", "status", "target",
            "target_growth", "yoy", "note", "source"]
REG_COLS = ["id", "name", "short_name", "aliases", "parent", "level", "frames", "label"]
IND_COLS = ["id", "name", "short_name", "aliases", "unit", "polarity", "aggregate", "kind",
            "decimals", "main", "order", "lead_unit", "redline", "redline_kind"]

# id, name, short name, unit, polarity, aggregate, kind, decimals, lead unit,
# (low, high) share of GDP (or annual level for incomes and 能耗), growth mean %, growth spread %,
# whether the indicator has an annual target amount.
INDICATORS = [
    ("gdp", "地区生产总值", "生产总值", "亿元", "higher", "sum", "flow", 2, "统计局", (1, 1), 5.2, 1.6, True),
    ("agri", "第一产业增加值", "农业增加值", "亿元", "higher", "sum", "flow", 2, "农业农村局", (0.04, 0.25), 3.6, 1.5, True),
    ("industry", "规模以上工业增加值", "规上工业增加值", "亿元", "higher", "sum", "flow", 2, "工信局", (0.12, 0.45), 6.0, 3.5, True),
    ("construction", "建筑业增加值", "建筑业增加值", "亿元", "higher", "sum", "flow", 2, "住建局", (0.04, 0.10), 3.0, 4.0, True),
    ("tertiary", "第三产业增加值", "三产增加值", "亿元", "higher", "sum", "flow", 2, "发改委", (0.35, 0.60), 5.5, 1.8, True),
    ("fai", "固定资产投资", "固定资产投资", "亿元", "higher", "sum", "flow", 2, "发改委", (0.40, 1.10), 3.0, 8.0, True),
    ("retail", "社会消费品零售总额", "社零总额", "亿元", "higher", "sum", "flow", 2, "商务局", (0.25, 0.45), 4.5, 2.5, True),
    ("revenue", "一般公共预算收入", "一般公共预算收入", "亿元", "higher", "sum", "flow", 2, "财政局", (0.04, 0.10), 2.5, 5.0, True),
    ("tax", "税收收入", "税收收入", "亿元", "higher", "sum", "flow", 2, "税务局", (0.025, 0.08), 1.5, 6.0, True),
    ("trade", "进出口总额", "进出口总额", "亿元", "higher", "sum", "flow", 2, "商务局", (0.03, 0.60), 4.0, 9.0, True),
    ("fdi", "实际利用外资", "实际利用外资", "万美元", "higher", "sum", "flow", 0, "商务局", (2.0, 40.0), -5.0, 20.0, True),
    ("outside_funds", "引进到位市外资金", "到位市外资金", "亿元", "higher", "sum", "flow", 2, "招商局", (0.08, 0.35), 6.0, 7.0, True),
    ("urban_income", "城镇居民人均可支配收入", "城镇居民收入", "元", "higher", "mean", "flow", 0, "统计局", (32000, 62000), 4.8, 0.8, False),
    ("rural_income", "农村居民人均可支配收入", "农村居民收入", "元", "higher", "mean", "flow", 0, "农业农村局", (13000, 30000), 6.6, 0.9, False),
    ("energy", "单位GDP能耗", "单位GDP能耗", "吨标准煤/万元", "lower", "weighted:gdp", "ratio", 3, "发改委", (0.30, 1.20), -3.0, 1.5, False),
]


# The township task (not a main indicator): id, name, short name, aliases, unit.
TOWNSHIP_TASK = ("greenhouse", "日光温室新建任务", "日光温室", "", "亩")
TOWNSHIP_PERIOD = "2024-H1"
# Place-name syllables for township names (first, middle, second), simplified characters only.
TOWNSHIP_FIRST = "东西南北中上下前后新大小青红白黄金石清明太平安宁康永长丰富兴隆和华德仁义福寿吉祥龙凤马牛羊鹤杨柳松桃李杏枣花三五双高古"
TOWNSHIP_MIDDLE = "家马石柳水泉沙河山坪湾林桥龙凤草花树子"
TOWNSHIP_SECOND = "山河湖泉溪沟坝岭峪坪桥店集庄营屯堡寨关口塘湾洲滩川原台林园田家城寺坡岩峰阳源头门洼圩铺滨"


# MARK: - Deterministic numbers

def uniform(*key):
    """A number in [0, 1) from the SHA-256 of the key parts (stable everywhere)."""
    digest = hashlib.sha256("|".join(str(part) for part in key).encode()).digest()
    return int.from_bytes(digest[:7], "big") / float(1 << 56)


def normal(*key):
    """A standard normal number (Box–Muller on two keyed uniforms)."""
    u1 = max(uniform(*key, "a"), 1e-12)
    u2 = uniform(*key, "b")
    return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


def q(value, decimals):
    """A Decimal rounded half-up to `decimals` places."""
    return D(value).quantize(D(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def dec(x, decimals):
    """A float to a Decimal with `decimals` places, via a fixed-width string."""
    return q(D(f"{x:.9f}"), decimals)


def fmt(value):
    return "" if value is None else (format(value, "f") if isinstance(value, D) else str(value))


# MARK: - Regions

def load_groups(path):
    """[(group id, group name, [(code, name)])] ordered by group id, members by code."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    provinces = {row["code"]: row["name"] for row in rows if row["level"] == "province"}
    groups = {}
    for row in rows:
        if row["level"] != "county":
            continue
        if row["parent_level"] == "prefecture":
            key, name = row["parent_code"], row["parent_name"]
        elif row["parent_code"] in MUNICIPALITIES:
            key, name = row["parent_code"], provinces[row["parent_code"]]
        else:
            key, name = row["code"][:4] + "00", provinces[row["parent_code"]] + "直辖县级行政单位"
        groups.setdefault(key, (name, []))[1].append((row["code"], row["name"]))
    return [(key, groups[key][0], sorted(groups[key][1])) for key in sorted(groups)]


def select(groups, wanted):
    """Whole groups until `wanted` units, then synthetic groups up to exactly `wanted`."""
    chosen, count = [], 0
    for group in groups:
        if wanted is not None and count >= wanted:
            break
        chosen.append(group)
        count += len(group[2])
    number = 1
    while wanted is not None and count < wanted:
        size = min(10, wanted - count)
        gid = f"S{number:04d}"
        members = [(f"{gid}{index:02d}", f"虚拟市{number:04d}第{index:02d}县") for index in range(1, size + 1)]
        chosen.append((gid, f"虚拟市{number:04d}", members))
        count += size
        number += 1
    return chosen


def short_form(name):
    for suffix in ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return ""


def region_rows(groups):
    counts = {}
    for _, group_name, members in groups:
        counts[group_name] = counts.get(group_name, 0) + 1
        for _, name in members:
            counts[name] = counts.get(name, 0) + 1
    rows, spellings = [], {}
    for gid, group_name, members in groups:
        synthetic = gid.startswith("S")
        if gid.endswith("0000") and not synthetic:
            label = f"全市{len(members)}个区（县）"
        elif "直辖" in group_name:
            label = f"省直管{len(members)}个县级单位"
        else:
            label = f"全市{len(members)}个县（市、区）" + ("（合成）" if synthetic else "")
        rows.append([gid, group_name, "", "", "", "city", "", label])
        for code, name in members:
            shown = name if counts[name] == 1 else group_name + name
            level = "district" if name.endswith("区") else "county"
            rows.append([code, shown, short_form(name), "", gid, level, "", ""])
    for row in rows:
        for spelling in (row[0], row[1], row[2]):
            if spelling:
                spellings[spelling] = spellings.get(spelling, 0) + 1
    for row in rows:
        if row[2] and (spellings[row[2]] > 1 or row[2] == row[1]):
            row[2] = ""
    return rows


# MARK: - Townships

def township_count(code):
    """8 to 20 townships, 14 on average."""
    return 8 + int(13 * uniform(code, "townships"))


def township_rows(code, unit_name, taken):
    """The township rows of one unit; `taken` holds every spelling used so far (updated)."""
    rows = []
    for index in range(1, township_count(code) + 1):
        name = township_name(code, index, taken)
        taken.add(name)
        rows.append([f"{code}{index:03d}", name, "", "", code, "township", "", ""])
    return rows


def township_name(code, index, taken, tries=40):
    """Two or three syllables plus 镇 or 乡, not in `taken` (three from the fourth draw on: two
    syllables give only about 4,500 names); after `tries` draws, the unit's code plus the last
    draw (not seen with the national list, but unique)."""
    def pick(pool, *key):
        return pool[int(len(pool) * uniform(code, index, *key))]

    for attempt in range(tries):
        middle = pick(TOWNSHIP_MIDDLE, attempt, "middle") if attempt >= 3 or uniform(code, index, attempt, "long") < 0.4 else ""
        name = (pick(TOWNSHIP_FIRST, attempt, "first") + middle + pick(TOWNSHIP_SECOND, attempt, "second")
                + ("乡" if uniform(code, index, attempt, "kind") < 0.3 else "镇"))
        if name not in taken:
            return name
    return code + name


def township_label(unit_name, count):
    """The unit's group of townships, as in Samples/jiuquan-2024h1: 「全区15个乡镇」."""
    kind = unit_name[-1] if unit_name[-1] in "区县市旗" else "县"
    return f"全{kind}{count}个乡镇"


def with_townships(rows):
    """County-level rows followed by their townships; the units' labels name those groups."""
    taken = {spelling for row in rows for spelling in row[:3] if spelling}
    out = []
    for row in rows:
        out.append(row)
        if row[4]:
            townships = township_rows(row[0], row[1], taken)
            row[7] = township_label(row[1], len(townships))
            out += townships
    return out


def township_observations(rows):
    ident, _, _, _, unit = TOWNSHIP_TASK
    out = []
    for row in rows:
        if row[5] != "township":
            continue
        code = row[0]
        target = 10 * (6 + int(41 * uniform(code, ident, "target")))  # 60–460 亩
        ratio = min(max(0.5 + 0.28 * normal(code, ident, "done"), 0.03), 1.25)
        value = int(q(D(f"{target * ratio:.6f}"), 0))
        out.append([code, TOWNSHIP_PERIOD, ident, value, unit, "actual", target, "", "", "", SOURCE])
    return out


# MARK: - Observations

def annual_base(code, spec):
    """The 2023 full-year value of one indicator for one unit (floats, before rounding)."""
    ident, low_high = spec[0], spec[9]
    size = math.exp(math.log(260.0) + 0.9 * normal(code, "size"))  # GDP, 亿元
    size = min(max(size, 12.0), 4000.0)
    low, high = low_high
    share = low + (high - low) * uniform(code, ident, "share")
    if ident == "gdp":
        return size
    if ident in ("urban_income", "rural_income", "energy"):
        return share
    return size * share


def observations(groups):
    rows = []
    units = [code for _, _, members in groups for code, _ in members]
    for position, code in enumerate(units):
        for spec in INDICATORS:
            rows += indicator_rows(position, code, spec)
    return rows


def indicator_rows(position, code, spec):
    ident, unit, decimals, kind = spec[0], spec[3], spec[7], spec[6]
    mean, spread, has_target = spec[10], spec[11], spec[12]
    base = annual_base(code, spec)
    growth = mean + spread * normal(code, ident, "growth")
    shares = INCOME_SHARES if ident.endswith("income") else PERIOD_SHARES
    values = {}
    for year in YEARS:
        lift = 1.0 if year == "2023" else 1.0 + growth / 100.0
        for suffix, share in shares:
            period = year + ("-" + suffix if suffix else "")
            # A unit's seasonal pattern repeats every year; a small part is new each year.
            wobble = 1.0 + 0.02 * normal(code, ident, suffix) + 0.005 * normal(code, ident, period)
            if kind == "ratio":
                values[period] = dec(base * lift * wobble, decimals)
            else:
                values[period] = dec(base * lift * share * (wobble if suffix else 1.0), decimals)
    target_growth = dec(mean + spread * 0.4 * normal(code, ident, "target"), 1)
    target = q(values["2023"] * (1 + target_growth / 100), decimals) if has_target else None
    rows = []
    for period, value in values.items():
        current = period.startswith("2024")
        status, note, shown = "actual", "", fmt(value)
        if ident == "fdi" and position == 1 and period == "2024-H1":
            status, note, shown = "masked", "涉及单个企业数据，按规定不公布", "*"
        elif ident == "gdp" and position % 500 == 0 and period == "2024-M09":
            status, note = "estimate", "预计数"
        elif ident == "tax" and position % 700 == 6 and period == "2024-M09":
            status, note = "preliminary", "快报数"
        yoy = ""
        if current and status != "masked":
            prior = values["2023" + period[4:]]
            if prior != 0:
                yoy = fmt(q((value / prior - 1) * 100, 1) + D("0.0"))
        rows.append([
            code, period, ident, shown, unit, status,
            fmt(target) if current else "", fmt(target_growth) if current else "",
            yoy, note, SOURCE,
        ])
    return rows


def indicator_rows_meta(townships=True):
    rows = []
    for order, spec in enumerate(INDICATORS, start=1):
        ident, name, short, unit, polarity, aggregate, kind, decimals, lead = spec[:9]
        rows.append([ident, name, short if short != name else "", "", unit, polarity, aggregate,
                     kind, decimals, "yes", order, lead, "", ""])
    if not townships:
        return rows
    ident, name, short, aliases, unit = TOWNSHIP_TASK
    rows.append([ident, name, short, aliases, unit, "higher", "sum", "flow", 0, "no", len(rows) + 1,
                 "农业农村局", "", ""])
    return rows


# MARK: - Main

def write_csv(path, cols, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(cols)
        writer.writerows(rows)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    default = os.environ.get("BRIEFING_DIVISIONS", os.path.join(root, "..", "shared", "data", "cn_divisions.csv"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--divisions", default=default, help="division list (default: $BRIEFING_DIVISIONS or ../shared/data/cn_divisions.csv)")
    parser.add_argument("--out", required=True, help="output folder (created)")
    parser.add_argument("--regions", type=int, default=None, help="first N units (whole groups); above the real count, synthetic units are added")
    parser.add_argument("--no-townships", dest="townships", action="store_false",
                        help="county-level units only (no townships, no township task)")
    args = parser.parse_args()
    if args.regions is not None and args.regions < 1:
        parser.error("--regions must be at least 1")
    groups = select(load_groups(args.divisions), args.regions)
    os.makedirs(args.out, exist_ok=True)
    regions = region_rows(groups)
    if args.townships:
        regions = with_townships(regions)
    write_csv(os.path.join(args.out, "regions.csv"), REG_COLS, regions)
    write_csv(os.path.join(args.out, "indicators.csv"), IND_COLS, indicator_rows_meta(args.townships))
    townships = township_observations(regions)
    write_csv(os.path.join(args.out, "observations.csv"), OBS_COLS, observations(groups) + townships)
    units = [code for _, _, members in groups for code, _ in members]
    with open(os.path.join(args.out, "units.txt"), "w", encoding="utf-8") as handle:
        handle.write("".join(code + "\n" for code in units))
    print(f"{args.out}: {len(units)} units in {len(groups)} groups, {len(townships)} townships, "
          f"{len(units) * len(INDICATORS) * 8 + len(townships)} observations")


if __name__ == "__main__":
    main()
