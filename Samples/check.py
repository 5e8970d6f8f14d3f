#!/usr/bin/env python3
"""Independent checks of the sample data sets (reads only the CSV files; standard library only).

    python3 Samples/check.py                      # integrity checks of all three sets
    python3 Samples/check.py jiuquan-2024h1 肃州区 2024-H1   # plus the focus region's expected table

Expected-table conventions (what the Swift analysis should reproduce):
  * growth = the `yoy` column when present, else computed from values; compared rounded to 0.1;
  * rank = 1 + number of peers strictly better (competition ranking, ties share a rank);
    peers = regions with the same parent that have a value; masked/missing values are left out;
  * completion = value / annual target; time progress = months elapsed / 12;
  * group growth = growth of the group aggregate (sum, mean, or weighted mean), masked members left
    out of both years.
"""
import csv
import os
import sys
from decimal import Decimal as D, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = {"jiuquan-2024h1": ("肃州区", "2024-H1"), "xuchang-2016q3": ("魏都區", "2016-M09"),
        "midwest-2024q3": ("Ohio", "2024-M09")}
MONTHS = {"M03": 3, "H1": 6, "M09": 9, "": 12}


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    assert not raw.startswith("\ufeff") and "\r" not in raw, path
    return list(csv.DictReader(raw.splitlines()))


def q1(x):
    return D(x).quantize(D("0.1"), rounding=ROUND_HALF_UP)


def split_period(p):
    y, _, rest = p.partition("-")
    return int(y), rest


def check_set(name):
    d = os.path.join(HERE, name)
    regs = {r["id"]: r for r in read(os.path.join(d, "regions.csv"))}
    inds = {r["id"]: r for r in read(os.path.join(d, "indicators.csv"))}
    obs = read(os.path.join(d, "observations.csv"))
    for r in regs.values():
        assert not r["parent"] or r["parent"] in regs, r
        for f in filter(None, r["frames"].split(";")):
            assert regs[f]["level"] == "frame", r
    for i in inds.values():
        assert i["polarity"] in ("higher", "lower", "neutral") and i["kind"] in ("flow", "stock", "ratio", "count")
        assert i["aggregate"] in ("sum", "mean", "none") or i["aggregate"].split(":")[1] in inds
    cube, targets, years = {}, {}, set()
    for o in obs:
        assert o["region"] in regs and regs[o["region"]]["level"] != "frame", o
        assert o["region"] not in {r["parent"] for r in regs.values() if r["level"] != "township"} \
            or regs[o["region"]]["level"] not in ("city", "country"), ("parent row", o)
        assert o["indicator"] in inds and o["unit"] == inds[o["indicator"]]["unit"], o
        assert o["status"] in ("actual", "estimate", "preliminary", "masked"), o
        assert (o["value"] == "*") == (o["status"] == "masked"), o
        key = (o["region"], o["indicator"], o["period"])
        assert key not in cube, ("duplicate", key)
        cube[key] = o
        years.add(split_period(o["period"])[0])
    cur_year = max(years)
    for o in obs:
        y = split_period(o["period"])[0]
        if o["target"] or o["target_growth"]:
            assert y == cur_year, ("target on a past-year row", o)
            t = targets.setdefault((o["region"], o["indicator"]), (o["target"], o["target_growth"]))
            assert t == (o["target"], o["target_growth"]), ("inconsistent target", o)
    # cumulative consistency and yoy vs values
    n_yoy = 0
    for (r, i, p), o in cube.items():
        y, part = split_period(p)
        if inds[i]["kind"] in ("flow", "count") and o["value"] not in ("", "*"):
            for later in ("H1", "M09", ""):
                if MONTHS[later] > MONTHS[part]:
                    lp = f"{y}-{later}" if later else str(y)
                    o2 = cube.get((r, i, lp))
                    if o2 and o2["value"] not in ("", "*"):
                        assert D(o2["value"]) >= D(o["value"]), ("not cumulative", o, o2)
        prev = cube.get((r, i, f"{y - 1}-{part}" if part else str(y - 1)))
        if o["yoy"] and prev and prev["value"] not in ("", "*") and o["value"] not in ("", "*"):
            assert q1((D(o["value"]) / D(prev["value"]) - 1) * 100) == D(o["yoy"]), ("yoy", o)
            n_yoy += 1
    print(f"{name}: {len(regs)} regions, {len(inds)} indicators, {len(obs)} observations; "
          f"{n_yoy} yoy values match their value ratio; OK")
    return regs, inds, cube


def growth_of(cube, r, i, p):
    o = cube.get((r, i, p))
    if not o or o["value"] in ("", "*"):
        return None
    if o["yoy"]:
        return D(o["yoy"])
    y, part = split_period(p)
    prev = cube.get((r, i, f"{y - 1}-{part}" if part else str(y - 1)))
    if not prev or prev["value"] in ("", "*"):
        return None
    return q1((D(o["value"]) / D(prev["value"]) - 1) * 100)


def group_growth(cube, inds, peers, i, p):
    y, part = split_period(p)
    pp = f"{y - 1}-{part}" if part else str(y - 1)
    agg = inds[i]["aggregate"]
    have = [r for r in peers if all(cube.get((r, i, x), {}).get("value", "") not in ("", "*") for x in (p, pp))]
    if agg == "none" or not have:
        return None
    if agg.startswith("weighted:"):
        w = agg.split(":")[1]
        def val(x):
            num = sum(D(cube[(r, i, x)]["value"]) * D(cube[(r, w, x)]["value"]) for r in have)
            return num / sum(D(cube[(r, w, x)]["value"]) for r in have)
    else:
        def val(x):
            s = sum(D(cube[(r, i, x)]["value"]) for r in have)
            return s / len(have) if agg == "mean" else s
    return q1((val(p) / val(pp) - 1) * 100), len(have) < len(peers)


def focus_table(name, focus, period):
    regs, inds, cube = check_set(name)
    peers = [r for r in regs if regs[r]["parent"] == regs[focus]["parent"]]
    tp = D(MONTHS[split_period(period)[1]]) / 12 * 100
    print(f"\n{name} {focus} {period}: peers {len(peers)} ({regs[regs[focus]['parent']]['label']}), "
          f"time progress {tp:.0f}%")
    print("indicator        value  unit   yoy  grp   g.rank total.rank compl%  tgt.g")
    for i in sorted(inds, key=lambda k: int(inds[k]["order"])):
        if inds[i]["main"] != "yes":
            continue
        o = cube[(focus, i, period)]
        lower = inds[i]["polarity"] == "lower"
        g = growth_of(cube, focus, i, period)
        gs = {r: growth_of(cube, r, i, period) for r in peers}
        gs = {r: v for r, v in gs.items() if v is not None}
        vs = {r: D(cube[(r, i, period)]["value"]) for r in peers
              if cube.get((r, i, period), {}).get("value", "") not in ("", "*")}
        better = (lambda a, b: a < b) if lower else (lambda a, b: a > b)
        grank = 1 + sum(1 for r in gs if r != focus and better(gs[r], g))
        ties = [r for r in gs if r != focus and gs[r] == g]
        trank = 1 + sum(1 for r in vs if r != focus and better(vs[r], vs[focus]))
        comp = f"{D(o['value']) / D(o['target']) * 100:.1f}" if o["target"] else "-"
        gg = group_growth(cube, inds, peers, i, period)
        ggs = "-" if gg is None else f"{gg[0]}{'*' if gg[1] else ''}"
        tie = f" (tie: {','.join(ties)})" if ties else ""
        print(f"{i:<14} {o['value']:>8} {o['unit']:<6} {g!s:>5} {ggs:>5}  {grank}/{len(gs)}{tie:<6} "
              f"{trank}/{len(vs)}  {comp:>6} {o['target_growth'] or '-':>5}  {o['status']}")


if __name__ == "__main__":
    if len(sys.argv) == 4:
        focus_table(*sys.argv[1:])
    else:
        for s in SETS:
            check_set(s)
