#!/usr/bin/env python3
"""Deterministic generator for the Briefing sample data sets (ILLUSTRATIVE data, not official).

    python3 Samples/generate.py            # writes Samples/<set>/{regions,indicators,observations}.csv
                                           # and Samples/jiuquan-2024h1/estimates-2024.csv

Standard library only. Same bytes on every run: fixed seed, Decimal arithmetic, no dates, no hash
order, own Gaussian (Box-Muller on random.random) so nothing depends on library internals.

How a data set is built (per indicator):
  * the current reporting-period value of every region is written by hand below (realistic sizes);
  * the focus region's growth and its intended growth rank are fixed; peer growths are drawn around an
    indicator mean and pushed to the right side of the focus so the rank comes out as designed;
  * last year's value = current / (1 + growth), rounded; the `yoy` column of current-year rows is then
    recomputed from the rounded values (exact decimal arithmetic, ROUND_HALF_UP to 0.1), so published
    growth and value ratio always agree;
  * the annual target = current value / completion share; the earlier period of the same year (M03 for
    an H1 sheet, H1 for an M09 sheet) is a share of the current value, so cumulative flows never fall;
  * last year's rows carry a drawn "published" yoy (not derivable from the file).
Every design claim (ranks, tie, completion, group growth) is asserted at the end of each build.
"""
import csv
import math
import os
import random
from decimal import Decimal as D, ROUND_HALF_UP

SEED = 20240630
HERE = os.path.dirname(os.path.abspath(__file__))

OBS_COLS = ["region", "period", "indicator", "value", "unit", "status", "target",
            "target_growth", "yoy", "note", "source"]
REG_COLS = ["id", "name", "short_name", "aliases", "parent", "level", "frames", "label"]
IND_COLS = ["id", "name", "short_name", "aliases", "unit", "polarity", "aggregate", "kind",
            "decimals", "main", "order", "lead_unit", "redline", "redline_kind"]


# ----------------------------------------------------------------------------------------------
# helpers

class Rng:
    """Thin wrapper: only random.random() is used, so the stream is stable across Python 3 versions."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def u(self, lo, hi):
        return lo + (hi - lo) * self.r.random()

    def gauss(self):
        u1 = max(self.r.random(), 1e-12)
        u2 = self.r.random()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


def q(x, dec):
    """Round a Decimal half-up to `dec` places."""
    return D(x).quantize(D(1).scaleb(-dec), rounding=ROUND_HALF_UP)


def d1(x):
    """A float to a Decimal with one decimal (deterministic via string formatting)."""
    v = q(D(f"{x:.6f}"), 1)
    return D("0.0") if v == 0 else v


def growth(cur, prior):
    g = q((cur / prior - 1) * 100, 1)
    return D("0.0") if g == 0 else g


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, D):
        return format(v, "f")
    return str(v)


def clean_aliases(row):
    """Drop aliases that repeat the id or the display name."""
    seen, out = {row.get("id"), row.get("name")}, []
    for a in (row.get("aliases") or "").split(";"):
        if a and a not in seen:
            seen.add(a)
            out.append(a)
    row["aliases"] = ";".join(out)
    return row


def write_csv(path, cols, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(cols)
        for r in rows:
            w.writerow([fmt(r.get(c)) for c in cols])


def period_order(p):
    # 2023-M03 < 2023-H1 < 2023-M09 < 2023 (full year)
    y, _, rest = p.partition("-")
    rank = {"M03": 3, "H1": 6, "M09": 9, "": 12}[rest]
    return (int(y), rank)


# ----------------------------------------------------------------------------------------------
# the generic indicator builder

def assign_peer_growth(rng, peers, fg, rank, mean, sd, lower=False, margin=0.5):
    """Growth for each peer so that exactly rank-1 peers are better than the focus growth fg."""
    sign = -1.0 if lower else 1.0
    fs = sign * float(fg)
    scores = sorted((sign * (mean + sd * rng.gauss()) for _ in peers), reverse=True)
    out = []
    for i, s in enumerate(scores):
        extra = abs(rng.gauss()) * sd * 0.35
        if i < rank - 1:
            s = max(s, fs + margin + extra)
        else:
            s = min(s, fs - margin - extra)
        out.append(sign * s)
    order = sorted(peers, key=lambda _p: rng.r.random())
    return {p: d1(g) for p, g in zip(order, out)}


def better(a, b, lower):
    return a < b if lower else a > b


class Builder:
    """Collects observation rows of one data set and the facts needed for the self-checks."""

    def __init__(self, rng, regions, focus, cur, early, prev, prev_early, source, fy_prev=None):
        self.rng, self.regions, self.focus = rng, regions, focus
        self.cur, self.early, self.prev, self.prev_early, self.fy_prev = cur, early, prev, prev_early, fy_prev
        self.source = source
        self.rows = []
        self.facts = {}  # indicator -> {region: (cur, prior, growth)}

    def add(self, region, period, ind, value, unit, status="actual", target=None, tg=None,
            yoy=None, note=None):
        self.rows.append(dict(region=region, period=period, indicator=ind, value=value, unit=unit,
                              status=status, target=target, target_growth=tg, yoy=yoy,
                              note=note, source=self.source))

    def indicator(self, ind, unit, dec, values, fg, rank, mean, sd, *, kind="flow", lower=False,
                  comp=None, comp_peers=None, tg=None, tg_peers=None, early_share=(0.42, 0.48),
                  fy_ratio=None, tie=None, hidden=(), yoy_cols=True, margin=0.5, fixed=None):
        """values: {region: current value (str)}; fg/rank: focus growth and growth rank.
        comp: focus completion share (None = no target value); tg: focus target growth.
        kind: flow (cumulative, earlier period is a share), ratio/stock (earlier ≈ current × factor).
        tie: (peer, prior_focus, prior_peer) to give the focus and that peer exactly equal growth.
        hidden: peers left out of the rank constraint (their current value is masked).
        fixed: {region: growth} set by hand (not drawn)."""
        rng = self.rng
        cur = {r: D(v) for r, v in values.items()}
        peers = [r for r in self.regions if r != self.focus and r not in hidden
                 and (tie is None or r != tie[0]) and not (fixed and r in fixed)]
        g = assign_peer_growth(rng, peers, D(str(fg)), rank, mean, sd, lower, margin)
        g[self.focus] = D(str(fg))
        for r in hidden:
            g[r] = d1(mean + sd * rng.gauss())
        if fixed:
            for r, v in fixed.items():
                g[r] = D(str(v))
        step = D(1).scaleb(-dec)
        prior = {}
        for r in self.regions:
            if tie is not None and r == self.focus:
                prior[r] = D(tie[1])
                continue
            if tie is not None and r == tie[0]:
                prior[r] = D(tie[2])
                continue
            p = q(cur[r] / (1 + g[r] / 100), dec)
            # nudge so that the rounded realised growth stays on the designed side of the focus
            if r != self.focus and r not in hidden:
                want_better = better(g[r], D(str(fg)), lower)
                for _ in range(200):
                    rg = growth(cur[r], p)
                    if rg != D(str(fg)) and better(rg, D(str(fg)), lower) == want_better:
                        break
                    # better growth for higher polarity means a smaller prior
                    smaller = want_better != lower
                    p = p - step if smaller else p + step
            prior[r] = p
        # the focus growth as realised from its rounded values
        if tie is None:
            p = prior[self.focus]
            rg = growth(cur[self.focus], p)
            for _ in range(200):
                if rg == D(str(fg)):
                    break
                p = p + step if better(rg, D(str(fg)), lower) != lower else p - step
                rg = growth(cur[self.focus], p)
            prior[self.focus] = p
        real = {r: growth(cur[r], prior[r]) for r in self.regions}
        self.facts[ind] = {r: (cur[r], prior[r], real[r]) for r in self.regions}

        # targets
        targets, tgs = {}, {}
        for r in self.regions:
            if comp is not None:
                c = comp if r == self.focus else rng.u(*comp_peers)
                targets[r] = q(cur[r] / D(f"{c:.6f}"), dec)
            if tg is not None:
                tgs[r] = D(str(tg)) if r == self.focus else d1(rng.u(*tg_peers))

        for r in self.regions:
            # earlier period of the current year, and of last year
            if kind == "flow":
                s = D(f"{rng.u(*early_share):.6f}")
                e_cur = q(cur[r] * s, dec)
                ge = float(real[r]) + rng.gauss() * max(0.6, sd * 0.25)
                e_prior = q(e_cur / (1 + d1(ge) / 100), dec)
                assert e_cur < cur[r] and e_prior < prior[r], (ind, r)
            else:
                s = D(f"{rng.u(*early_share):.6f}")
                e_cur = q(cur[r] * s, dec)
                ge = float(real[r]) + rng.gauss() * max(0.4, sd * 0.25)
                e_prior = q(e_cur / (1 + d1(ge) / 100), dec)
            t = targets.get(r)
            tgr = tgs.get(r)
            fy = None
            if self.fy_prev is not None:
                if t is not None and tgr is not None:
                    fy = q(t / (1 + tgr / 100), dec)
                    if kind == "flow" and fy < prior[r] * D("1.5"):
                        # a steep fall would make last year's H1 exceed its full year: re-derive
                        # the target from a plausible full year instead (peers only)
                        assert r != self.focus, (ind, r)
                        fy = q(prior[r] * D(f"{rng.u(1.7, 2.2):.6f}"), dec)
                        t = targets[r] = q(fy * (1 + tgr / 100), dec)
                else:
                    fy = q(prior[r] * D(f"{rng.u(*fy_ratio):.6f}"), dec)
            status, note = "actual", None
            vcur, ycur = cur[r], (real[r] if yoy_cols else None)
            if r in hidden:
                vcur, ycur, status, note = "*", None, "masked", "涉及个别企业数据，依规不公开"
            self.add(r, self.early, ind, e_cur, unit, target=t, tg=tgr,
                     yoy=growth(e_cur, e_prior) if yoy_cols else None)
            self.add(r, self.cur, ind, vcur, unit, status=status, target=t, tg=tgr, yoy=ycur, note=note)
            # last year: "published" growth drawn around the indicator mean
            self.add(r, self.prev_early, ind, e_prior, unit,
                     yoy=d1(mean + sd * 0.8 * rng.gauss()) if yoy_cols else None)
            self.add(r, self.prev, ind, prior[r], unit,
                     yoy=d1(mean + sd * 0.8 * rng.gauss()) if yoy_cols else None)
            if fy is not None:
                if kind == "flow":
                    assert fy > prior[r], (ind, r, fy, prior[r])
                self.add(r, self.fy_prev, ind, fy, unit,
                         yoy=d1(mean + sd * 0.8 * rng.gauss()) if yoy_cols else None)
        return real, targets, tgs

    def check_rank(self, ind, rank, lower=False, among=None, by="growth", tie_ok=False):
        f = self.facts[ind]
        regs = among or [r for r in self.regions]
        idx = 2 if by == "growth" else 0
        fv = f[self.focus][idx]
        got = 1 + sum(1 for r in regs if r != self.focus and better(f[r][idx], fv, lower))
        assert got == rank, (ind, by, "expected", rank, "got", got)
        if not tie_ok:
            assert all(f[r][idx] != fv for r in regs if r != self.focus), (ind, by, "unexpected tie")

    def sorted_rows(self, ind_order, reg_order):
        return sorted(self.rows, key=lambda r: (ind_order[r["indicator"]], reg_order[r["region"]],
                                                period_order(r["period"])))


# ----------------------------------------------------------------------------------------------
# A. 酒泉市 2024 H1 (Simplified Chinese)

JQ = ["肃州区", "玉门市", "敦煌市", "瓜州县", "金塔县", "肃北县", "阿克塞县", "嘉峪关片区", "酒泉经开区"]
JQ_TOWNS = ["总寨镇", "银达镇", "泉湖镇", "西洞镇", "西峰乡", "丰乐乡", "果园镇", "三墩镇", "东洞镇",
            "上坝镇", "金佛寺镇", "铧尖乡", "下河清乡", "清水镇", "黄泥堡乡"]


def v9(s):
    return dict(zip(JQ, s.split()))


def build_jiuquan(out):
    rng = Rng(SEED)
    src = "示例数据（非官方统计）"
    b = Builder(rng, JQ, "肃州区", "2024-H1", "2024-M03", "2023-H1", "2023-M03", src, fy_prev="2023")
    Y = "亿元"
    # ind, unit, dec, H1 values, focus growth, growth rank, peer mean, sd, options
    b.indicator("gdp", Y, 2, v9("132.60 96.40 46.80 61.20 54.30 39.70 11.90 24.60 71.80"),
                5.6, 4, 5.5, 2.0, comp=0.476, comp_peers=(0.46, 0.53), tg=6.5, tg_peers=(5.0, 7.0),
                early_share=(0.42, 0.46))
    b.indicator("agri", Y, 2, v9("9.86 4.12 3.58 5.24 6.05 0.92 0.51 0.83 0.64"),
                6.2, 1, 4.8, 1.2, comp=0.315, comp_peers=(0.27, 0.36), tg=6.5, tg_peers=(5.0, 6.5),
                early_share=(0.22, 0.30))
    b.indicator("industry", Y, 2, v9("31.20 29.80 4.10 17.60 15.40 21.30 4.60 9.70 26.90"),
                7.1, 5, 8.0, 5.0, comp=0.468, comp_peers=(0.44, 0.56), tg=7.0, tg_peers=(6.0, 10.0),
                early_share=(0.44, 0.49))
    b.indicator("construction", Y, 2, v9("8.20 4.90 2.80 5.10 3.60 1.70 0.82 1.40 3.30"),
                4.3, 5, 4.0, 6.0, comp=0.512, comp_peers=(0.42, 0.58), tg=6.0, tg_peers=(3.0, 8.0),
                early_share=(0.30, 0.40))
    b.indicator("tertiary", Y, 2, v9("70.30 31.20 31.60 20.40 17.90 8.90 4.60 8.70 14.90"),
                6.4, 1, 5.0, 1.2, comp=0.524, comp_peers=(0.46, 0.54), tg=7.0, tg_peers=(5.5, 7.5),
                early_share=(0.45, 0.49))
    b.indicator("fai", Y, 2, v9("58.40 71.30 22.60 64.80 41.20 18.50 9.30 12.70 52.60"),
                3.8, 5, 2.0, 12.0, comp=0.536, comp_peers=(0.40, 0.62), tg=3.5, tg_peers=(0.0, 10.0),
                early_share=(0.30, 0.42))
    b.indicator("retail", Y, 2, v9("56.80 12.40 17.90 6.80 6.20 1.30 1.12 4.30 3.10"),
                7.4, 1, 5.8, 1.5, comp=0.513, comp_peers=(0.47, 0.53), tg=8.0, tg_peers=(6.0, 8.0),
                early_share=(0.47, 0.50))
    b.indicator("revenue", Y, 2, v9("8.65 6.92 3.41 4.86 3.12 3.78 1.24 1.56 4.35"),
                4.6, 5, 4.0, 6.0, comp=0.552, comp_peers=(0.46, 0.60), tg=4.0, tg_peers=(2.0, 6.0),
                early_share=(0.50, 0.58))
    b.indicator("tax", Y, 2, v9("6.18 5.34 2.37 3.71 2.26 3.02 0.93 1.08 3.85"),
                -2.3, 8, 2.0, 8.0, comp=0.506, comp_peers=(0.44, 0.58), tg=3.0, tg_peers=(1.0, 5.0),
                early_share=(0.50, 0.56))
    b.indicator("urban_income", "元", 0, v9("26480 25920 25360 23470 23890 27120 27850 24710 25100"),
                5.9, 2, 5.6, 0.6, tg=6.0, tg_peers=(5.5, 7.0), early_share=(0.50, 0.53),
                fy_ratio=(1.95, 2.05), margin=0.3)
    b.indicator("rural_income", "元", 0, v9("11858 11420 13860 11610 13475 11740 12640 11230 10980"),
                7.8, 3, 7.0, 0.8, tg=7.5, tg_peers=(6.5, 8.0), early_share=(0.47, 0.51),
                fy_ratio=(2.15, 2.30), tie=("金塔县", "11000", "12500"), margin=0.3)
    b.indicator("fdi", "万美元", 0, v9("1850 912 418 655 296 178 71 224 2630"),
                -6.5, 4, -2.0, 12.0, comp=0.520, comp_peers=(0.40, 0.62), tg=5.0, tg_peers=(0.0, 10.0),
                early_share=(0.25, 0.60), hidden=("阿克塞县",))
    b.indicator("outside_funds", Y, 2, v9("84.30 68.70 32.40 71.20 38.60 21.80 8.60 15.30 96.50"),
                18.5, 3, 12.0, 15.0, comp=0.620, comp_peers=(0.45, 0.62), tg=15.0, tg_peers=(8.0, 15.0),
                early_share=(0.35, 0.50))
    b.indicator("energy", "吨标准煤/万元", 4,
                v9("0.4125 1.2840 0.4480 0.9630 0.7320 1.5120 0.8950 1.8760 1.1430"),
                -5.8, 1, -2.5, 2.0, kind="ratio", lower=True, tg=-3.0, tg_peers=(-3.5, -2.0),
                early_share=(0.98, 1.06), fy_ratio=(0.98, 1.02))

    # status flags: one estimate for the focus, one preliminary for a peer
    for r in b.rows:
        if r["region"] == "肃州区" and r["indicator"] == "gdp" and r["period"] == "2024-H1":
            r["status"], r["note"] = "estimate", "预计数，待市统计局统一核算"
        if r["region"] == "酒泉经开区" and r["indicator"] == "tax" and r["period"] == "2024-H1":
            r["status"], r["note"] = "preliminary", "快报数"

    # red-line indicators (hand-written; PM10 = period average, counts = cumulative YTD)
    pm = {  # region: (2023-M03, 2023-H1, 2024-M03, 2024-H1, 2023 full year)
        "肃州区": (92, 81, 89, 78, 72), "玉门市": (84, 74, 80, 71, 66), "敦煌市": (101, 90, 97, 86, 79),
        "瓜州县": (96, 85, 93, 82, 76), "金塔县": (88, 77, 85, 74, 69), "肃北县": (63, 55, 60, 52, 49),
        "阿克塞县": (52, 47, 50, 44, 41), "嘉峪关片区": (86, 79, 84, 75, 70),
        "酒泉经开区": (85, 77, 83, 73, 68)}
    acc = {"肃州区": (0, 0, 0, 0, 1), "玉门市": (0, 0, 0, 1, 0), "瓜州县": (0, 1, 0, 0, 1)}
    pet = {"肃州区": (1, 2, 0, 0, 3), "瓜州县": (0, 0, 1, 1, 1), "敦煌市": (0, 1, 0, 0, 1)}
    periods = ["2023-M03", "2023-H1", "2024-M03", "2024-H1", "2023"]
    for r in JQ:
        for i, p in enumerate(periods):
            cur_i = i
            v = D(pm[r][cur_i])
            y = None
            if p.startswith("2024"):
                y = growth(v, D(pm[r][i - 2]))
            b.add(r, p, "pm10", v, "微克/立方米", yoy=y)
    for ind, tab in (("accidents", acc), ("petitions", pet)):
        unit = "起" if ind == "accidents" else "批次"
        for r in JQ:
            vals = tab.get(r, (0, 0, 0, 0, 0))
            for i, p in enumerate(periods):
                b.add(r, p, ind, vals[i], unit)
    b.facts["pm10"] = {r: (D(pm[r][3]), D(pm[r][1]), growth(D(pm[r][3]), D(pm[r][1]))) for r in JQ}

    # townships of 肃州区: two task indicators, 2024-H1 only, with annual tasks
    gh = {  # 日光温室新建任务 (亩): (annual task, done by end of June)
        "总寨镇": (400, 280), "银达镇": (300, 168), "泉湖镇": (250, 125), "西洞镇": (200, 104),
        "西峰乡": (180, 88), "丰乐乡": (160, 77), "果园镇": (120, 23), "三墩镇": (130, 25),
        "东洞镇": (120, 24), "上坝镇": (60, 63), "金佛寺镇": (150, 30), "铧尖乡": (100, 21),
        "下河清乡": (110, 22), "清水镇": (140, 28), "黄泥堡乡": (80, 8)}
    tt = {  # 乡镇财税任务 (万元): (annual task, collected by end of June)
        "总寨镇": (1260, 761), "银达镇": (980, 548), "泉湖镇": (1850, 1062), "西洞镇": (860, 431),
        "西峰乡": (720, 348), "丰乐乡": (540, 276), "果园镇": (1120, 1157), "三墩镇": (690, 188),
        "东洞镇": (450, 119), "上坝镇": (830, 402), "金佛寺镇": (610, 171), "铧尖乡": (380, 102),
        "下河清乡": (420, 44), "清水镇": (1480, 1536), "黄泥堡乡": (260, 71)}
    for t in JQ_TOWNS:
        b.add(t, "2024-H1", "greenhouse", gh[t][1], "亩", target=gh[t][0])
        b.add(t, "2024-H1", "tax_task", tt[t][1], "万元", target=tt[t][0])

    # ---- self-checks of the design
    total_rank = dict(gdp=1, agri=1, industry=1, construction=1, tertiary=1, fai=3, retail=1,
                      revenue=1, tax=1, urban_income=3, rural_income=4, fdi=2, outside_funds=2, energy=1)
    growth_rank = dict(gdp=4, agri=1, industry=5, construction=5, tertiary=1, fai=5, retail=1,
                       revenue=5, tax=8, urban_income=2, rural_income=3, fdi=4, outside_funds=3, energy=1)
    for ind, rk in total_rank.items():
        among = [r for r in JQ if r != "阿克塞县"] if ind == "fdi" else None
        b.check_rank(ind, rk, lower=(ind == "energy"), among=among, by="total")
    for ind, rk in growth_rank.items():
        among = [r for r in JQ if r != "阿克塞县"] if ind == "fdi" else None
        b.check_rank(ind, rk, lower=(ind == "energy"), among=among, tie_ok=(ind == "rural_income"))
    f = b.facts["rural_income"]
    assert f["肃州区"][2] == f["金塔县"][2] == D("7.8")
    assert f["肃州区"][0] * f["金塔县"][1] == f["金塔县"][0] * f["肃州区"][1]  # exact tie

    regions = [dict(id="酒泉市", name="酒泉市", short_name="酒泉", aliases="酒泉", level="city",
                    label="全市9个县（市、区）")]
    meta = {
        "肃州区": ("肃州区", "肃州", "肃州;肅州區;酒泉市肃州区", "district"),
        "玉门市": ("玉门市", "玉门", "玉门;玉門市", "county"),
        "敦煌市": ("敦煌市", "敦煌", "敦煌", "county"),
        "瓜州县": ("瓜州县", "瓜州", "瓜州;瓜州縣;安西县", "county"),
        "金塔县": ("金塔县", "金塔", "金塔;金塔縣", "county"),
        "肃北县": ("肃北蒙古族自治县", "肃北", "肃北;肅北縣;肃北蒙古族自治县", "county"),
        "阿克塞县": ("阿克塞哈萨克族自治县", "阿克塞", "阿克塞;阿克塞縣;阿克塞哈萨克族自治县", "county"),
        "嘉峪关片区": ("嘉峪关片区", "嘉峪关片区", "嘉峪關片區", "park"),
        "酒泉经开区": ("酒泉经济技术开发区", "经开区", "酒泉经济技术开发区;经开区;酒泉經開區", "park"),
    }
    for r in JQ:
        name, short, aliases, level = meta[r]
        row = dict(id=r, name=name, short_name=short, aliases=aliases, parent="酒泉市", level=level)
        if r == "肃州区":
            row["label"] = "全区15个乡镇"
        regions.append(row)
    town_names = {"黄泥堡乡": "黄泥堡裕固族乡"}
    for t in JQ_TOWNS:
        short = t[:-1]
        regions.append(dict(id=t, name=town_names.get(t, t), short_name=short, aliases=short,
                            parent="肃州区", level="township"))

    inds = [
        # id, name, short, aliases, unit, polarity, aggregate, kind, decimals, main, lead, redline, kind
        ("gdp", "地区生产总值", "生产总值", "生产总值;GDP;地区生产总值（GDP）;地區生產總值;生產總值",
         "亿元", "higher", "sum", "flow", 2, "yes", "区统计局", "", ""),
        ("agri", "第一产业增加值", "农业增加值", "农业增加值;一产增加值;第一產業增加值;農業增加值",
         "亿元", "higher", "sum", "flow", 2, "yes", "区农业农村局", "", ""),
        ("industry", "规模以上工业增加值", "规上工业增加值",
         "规上工业增加值;工业增加值;规模工业增加值;規模以上工業增加值", "亿元", "higher", "sum", "flow", 2,
         "yes", "区工信局", "", ""),
        ("construction", "建筑业增加值", "建筑业增加值", "建筑业;建築業增加值", "亿元", "higher", "sum",
         "flow", 2, "yes", "区住建局", "", ""),
        ("tertiary", "第三产业增加值", "三产增加值", "三产增加值;服务业增加值;第三產業增加值;服務業增加值",
         "亿元", "higher", "sum", "flow", 2, "yes", "区发改委", "", ""),
        ("fai", "固定资产投资", "固定资产投资", "全社会固定资产投资;固投;固定資產投資", "亿元", "higher",
         "sum", "flow", 2, "yes", "区发改委", "", ""),
        ("retail", "社会消费品零售总额", "社零总额", "社零;社会消费品零售额;社會消費品零售總額", "亿元",
         "higher", "sum", "flow", 2, "yes", "区商务局", "", ""),
        ("revenue", "一般公共预算收入", "一般公共预算收入",
         "财政收入;地方一般公共预算收入;地方财政一般预算收入;一般公共預算收入", "亿元", "higher", "sum",
         "flow", 2, "yes", "区财政局", "", ""),
        ("tax", "税收收入", "税收收入", "税收;稅收收入", "亿元", "higher", "sum", "flow", 2, "yes",
         "区财政局、区税务局", "", ""),
        ("urban_income", "城镇居民人均可支配收入", "城镇居民收入", "城镇居民人均收入;城鎮居民人均可支配收入",
         "元", "higher", "mean", "flow", 0, "yes", "区统计局", "", ""),
        ("rural_income", "农村居民人均可支配收入", "农村居民收入",
         "农民人均可支配收入;农民人均纯收入;農村居民人均可支配收入", "元", "higher", "mean", "flow", 0, "yes",
         "区农业农村局", "", ""),
        ("fdi", "实际利用外资", "实际利用外资", "实到外资;实际到位外资;實際利用外資", "万美元", "higher",
         "sum", "flow", 0, "yes", "区商务局", "", ""),
        ("outside_funds", "引进到位市外资金", "到位市外资金", "到位市外资金;实际引进内资;引進到位市外資金",
         "亿元", "higher", "sum", "flow", 2, "yes", "区招商局", "", ""),
        ("energy", "单位GDP能耗", "单位GDP能耗", "单位gdp能耗;万元GDP能耗;單位GDP能耗", "吨标准煤/万元",
         "lower", "weighted:gdp", "ratio", 3, "yes", "区发改委", "", ""),
        ("pm10", "PM10平均浓度", "PM10", "PM10均值;可吸入颗粒物;PM10浓度", "微克/立方米", "lower", "mean",
         "stock", 0, "no", "区生态环境分局", "76", "max"),
        ("accidents", "较大以上安全生产事故", "较大以上事故", "较大及以上安全生产事故;重特大安全生产事故",
         "起", "lower", "sum", "count", 0, "no", "区应急管理局", "0", "max"),
        ("petitions", "进京非正常上访", "进京非访", "进京非访;赴京非正常上访;進京非正常上訪", "批次", "lower",
         "sum", "count", 0, "no", "区信访局", "0", "max"),
        ("greenhouse", "日光温室新建任务", "日光温室", "新打建日光温室;日光温室任务;日光溫室", "亩", "higher",
         "sum", "flow", 0, "no", "区农业农村局", "", ""),
        ("tax_task", "乡镇财税任务", "财税任务", "乡镇财税任务完成;财税工作目标任务;乡镇税收任务", "万元",
         "higher", "sum", "flow", 0, "no", "区财政局", "", ""),
    ]
    return finish(out, b, regions, inds, [r["id"] for r in regions])


# ----------------------------------------------------------------------------------------------
# B. 許昌市 2016 Q1–Q3 (Traditional Chinese)

XC = ["魏都區", "許昌縣", "鄢陵縣", "襄城縣", "禹州市", "長葛市", "東城區", "示範區", "經濟技術開發區"]
XC_FRAME = ["魏都區", "東城區", "示範區", "經濟技術開發區"]


def x9(s):
    return dict(zip(XC, s.split()))


def build_xuchang(out):
    rng = Rng(SEED + 1)
    src = "示例數據（非官方統計）"
    b = Builder(rng, XC, "魏都區", "2016-M09", "2016-H1", "2015-M09", "2015-H1", src)
    Y = "亿元"
    cmp_ = (0.70, 0.80)
    # GDP: peer growths by hand; 禹州市's base is solved so that the group-total growth is 8.6%
    gdp_g = {"許昌縣": 9.1, "鄢陵縣": 8.9, "襄城縣": 8.4, "禹州市": 8.3, "長葛市": 8.5,
             "東城區": 8.2, "示範區": 8.5, "經濟技術開發區": 9.6}
    b.indicator("gdp", Y, 2, x9("158.00 302.40 198.60 209.30 421.80 389.50 52.70 38.90 91.60"),
                8.8, 4, 8.6, 0.5, comp=0.762, comp_peers=(0.72, 0.79), tg=8.5, tg_peers=(8.0, 9.0),
                early_share=(0.63, 0.66), fixed=gdp_g)
    solve_group_growth(b, "gdp", "禹州市", D("8.6"), 2)
    b.indicator("industry", Y, 2, x9("48.20 188.50 121.40 118.70 262.30 245.60 21.40 17.80 63.50"),
                6.9, 8, 9.0, 1.5, comp=0.728, comp_peers=cmp_, tg=9.0, tg_peers=(8.5, 10.0),
                early_share=(0.64, 0.67))
    b.indicator("services", Y, 2, x9("88.00 82.40 54.30 61.20 118.70 96.80 26.10 15.20 22.40"),
                9.7, 1, 8.5, 1.0, comp=0.781, comp_peers=cmp_, tg=9.5, tg_peers=(8.5, 10.0),
                early_share=(0.63, 0.66))
    b.indicator("fai", Y, 2, x9("148.60 231.40 176.30 168.90 268.70 255.20 96.40 62.80 118.30"),
                1.6, 9, 14.0, 4.0, comp=0.652, comp_peers=cmp_, tg=12.0, tg_peers=(12.0, 16.0),
                early_share=(0.58, 0.66))
    b.indicator("realestate", Y, 2, x9("15.60 14.20 6.80 7.40 13.90 12.10 24.00 8.60 5.30"),
                6.4, 4, 5.0, 10.0, comp=0.740, comp_peers=cmp_, tg=8.0, tg_peers=(5.0, 10.0),
                early_share=(0.55, 0.66))
    b.indicator("retail", Y, 2, x9("123.00 96.70 62.40 71.80 141.20 108.30 18.60 9.40 12.10"),
                9.2, 9, 12.0, 0.8, comp=0.712, comp_peers=cmp_, tg=12.0, tg_peers=(11.5, 12.5),
                early_share=(0.65, 0.67), margin=0.4)
    b.indicator("revenue", Y, 2, x9("9.84 13.62 7.95 8.41 21.37 19.86 4.12 2.96 6.73"),
                2.1, 8, 9.0, 5.0, comp=0.668, comp_peers=cmp_, tg=8.0, tg_peers=(7.0, 10.0),
                early_share=(0.66, 0.74))
    b.indicator("tax", Y, 2, x9("7.62 10.15 5.84 6.12 16.48 15.27 3.36 2.41 5.38"),
                -4.2, 9, 6.0, 5.0, comp=0.641, comp_peers=cmp_, tg=7.0, tg_peers=(6.0, 9.0),
                early_share=(0.66, 0.74))
    b.indicator("fdi", "万美元", 0, x9("12600 16800 9400 10300 21500 19700 5200 3100 14800"),
                3.5, 8, 8.0, 4.0, comp=0.705, comp_peers=cmp_, tg=8.0, tg_peers=(6.0, 10.0),
                early_share=(0.55, 0.72))
    b.indicator("trade", "万美元", 0, x9("22000 31500 8600 6200 28400 41200 3900 1800 9700"),
                28.6, 1, 6.0, 10.0, comp=0.862, comp_peers=cmp_, tg=10.0, tg_peers=(5.0, 12.0),
                early_share=(0.55, 0.70))
    b.indicator("outside_funds", Y, 2, x9("38.00 62.50 41.20 44.80 78.60 71.30 21.40 16.80 35.70"),
                10.5, 3, 9.0, 3.0, comp=0.790, comp_peers=cmp_, tg=9.0, tg_peers=(8.0, 11.0),
                early_share=(0.55, 0.68))
    b.indicator("pm10", "微克/立方米", 0, x9("116 115 104 112 122 118 109 105 113"),
                -6.5, 5, -7.0, 4.0, kind="ratio", lower=True, early_share=(1.04, 1.12))
    for r in b.rows:
        if r["region"] == "魏都區" and r["indicator"] == "revenue" and r["period"] == "2016-M09":
            r["note"] = "未剔除市裏取消棚改優惠政策因素；剔除後增長13.9%"
        if r["region"] == "魏都區" and r["indicator"] == "gdp" and r["period"] == "2016-M09":
            r["note"] = "按小口徑統計"

    growth_rank = dict(gdp=4, industry=8, services=1, fai=9, realestate=4, retail=9, revenue=8,
                       tax=9, fdi=8, trade=1, outside_funds=3)
    for ind, rk in growth_rank.items():
        b.check_rank(ind, rk)
    b.check_rank("gdp", 2, among=XC_FRAME)
    for ind, rk in dict(services=1, trade=1, outside_funds=1, realestate=2).items():
        b.check_rank(ind, rk, among=XC_FRAME, by="total")
    f = b.facts["gdp"]
    tot = growth(sum(v[0] for v in f.values()), sum(v[1] for v in f.values()))
    assert tot == D("8.6") and f["魏都區"][2] - tot == D("0.2"), tot

    regions = [dict(id="許昌市", name="許昌市", short_name="許昌", aliases="许昌市;许昌", level="city",
                    label="全市9個縣（市、區）"),
               dict(id="市轄區組", name="市轄區組", short_name="市轄區", aliases="市辖区组", level="frame",
                    label="全市4個市轄區")]
    meta = {
        "魏都區": ("魏都區", "魏都", "魏都区;魏都", "district"),
        "許昌縣": ("許昌縣", "許昌縣", "许昌县;建安區;建安区", "county"),
        "鄢陵縣": ("鄢陵縣", "鄢陵", "鄢陵县;鄢陵", "county"),
        "襄城縣": ("襄城縣", "襄城", "襄城县;襄城", "county"),
        "禹州市": ("禹州市", "禹州", "禹州", "county"),
        "長葛市": ("長葛市", "長葛", "长葛市;长葛", "county"),
        "東城區": ("東城區", "東城", "东城区;東城", "district"),
        "示範區": ("城鄉一體化示範區", "示範區", "示范区;城乡一体化示范区;城鄉一體化示範區", "park"),
        "經濟技術開發區": ("經濟技術開發區", "經開區", "经济技术开发区;经开区;經開區;許昌經濟技術開發區",
                      "park"),
    }
    for r in XC:
        name, short, aliases, level = meta[r]
        regions.append(dict(id=r, name=name, short_name=short, aliases=aliases, parent="許昌市",
                            level=level, frames="市轄區組" if r in XC_FRAME else ""))
    inds = [
        ("gdp", "生產總值", "生產總值", "地區生產總值;GDP;生产总值;地区生产总值", "亿元", "higher", "sum",
         "flow", 2, "yes", "區統計局", "", ""),
        ("industry", "規模以上工業增加值", "規上工業增加值",
         "規上工業增加值;规模以上工业增加值;规上工业增加值", "亿元", "higher", "sum", "flow", 2, "yes",
         "產業集聚區管委會、區工信委", "", ""),
        ("services", "服務業增加值", "服務業增加值", "第三產業增加值;服务业增加值;第三产业增加值", "亿元",
         "higher", "sum", "flow", 2, "yes", "區服務業發展局", "", ""),
        ("fai", "固定資產投資", "固定資產投資", "固定资产投资;規模以上固定資產投資", "亿元", "higher", "sum",
         "flow", 2, "yes", "區統計局", "", ""),
        ("realestate", "房地產開發投資", "房地產投資", "房地产开发投资;房地產投資", "亿元", "higher", "sum",
         "flow", 2, "yes", "區住建與交通局", "", ""),
        ("retail", "社會消費品零售總額", "社零總額", "社会消费品零售总额;社零", "亿元", "higher", "sum", "flow",
         2, "yes", "區商務局", "", ""),
        ("revenue", "一般公共預算收入", "一般公共預算收入",
         "地方一般公共預算收入;一般公共预算收入;地方一般公共预算收入", "亿元", "higher", "sum", "flow", 2,
         "yes", "區財政局", "", ""),
        ("tax", "稅收收入", "稅收收入", "税收收入", "亿元", "higher", "sum", "flow", 2, "yes",
         "區財政局、國稅局、地稅局", "", ""),
        ("fdi", "實際利用外資", "實際利用外資", "实际利用外资", "万美元", "higher", "sum", "flow", 0, "yes",
         "區商務局", "", ""),
        ("trade", "進出口總值", "進出口", "進出口;进出口总值;进出口;進出口總額", "万美元", "higher", "sum",
         "flow", 0, "yes", "區商務局", "", ""),
        ("outside_funds", "利用省外資金", "省外資金", "利用省外资金;實際到位省外資金", "亿元", "higher", "sum",
         "flow", 2, "yes", "區招商局", "", ""),
        ("pm10", "PM10平均濃度", "PM10", "PM10;PM10平均浓度;可吸入顆粒物", "微克/立方米", "lower", "mean",
         "stock", 0, "no", "區環保局", "106", "max"),
    ]
    return finish(out, b, regions, inds, [r["id"] for r in regions])


def solve_group_growth(b, ind, adj, target, dec):
    """Re-base `adj` (current and earlier-period prior-year rows) so that the group total grows by
    `target` % (rounded). Keeps the earlier period proportional."""
    f = b.facts[ind]
    cur_sum = sum(v[0] for v in f.values())
    others = sum(v[1] for r, v in f.items() if r != adj)
    p = q(cur_sum / (1 + target / 100) - others, dec)
    old = f[adj][1]
    f[adj] = (f[adj][0], p, growth(f[adj][0], p))
    for r in b.rows:
        if r["region"] == adj and r["indicator"] == ind and r["period"] == b.prev:
            r["value"] = p
        if r["region"] == adj and r["indicator"] == ind and r["period"] == b.cur:
            r["yoy"] = f[adj][2]
    for r in b.rows:
        if r["region"] == adj and r["indicator"] == ind and r["period"] == b.prev_early:
            e_prior = q(r["value"] * p / old, dec)
            r["value"] = e_prior
            for s in b.rows:
                if s["region"] == adj and s["indicator"] == ind and s["period"] == b.early:
                    s["yoy"] = growth(s["value"], e_prior)


# ----------------------------------------------------------------------------------------------
# C. Midwest 2024 Q1–Q3 (English)

MW = ["Ohio", "Indiana", "Illinois", "Michigan", "Wisconsin", "Minnesota", "Iowa", "Missouri"]
MW_LAKES = ["Ohio", "Indiana", "Illinois", "Michigan", "Wisconsin", "Minnesota"]


def m8(s):
    return dict(zip(MW, s.split()))


def build_midwest(out):
    rng = Rng(SEED + 2)
    src = "illustrative (not official statistics)"
    b = Builder(rng, MW, "Ohio", "2024-M09", "2024-H1", "2023-M09", "2023-H1", src)
    B = "billion USD"
    b.indicator("gdp", B, 1, m8("690.0 372.4 825.0 525.0 315.0 378.9 187.0 330.0"),
                5.1, 3, 4.8, 0.9, early_share=(0.66, 0.67), margin=0.3)
    b.indicator("employment", "thousand persons", 1, m8("5620.0 3270.0 6180.0 4460.0 3010.0 3030.0 1610.0 2995.0"),
                0.9, 4, 1.0, 0.5, kind="stock", early_share=(0.995, 1.005), margin=0.2)
    b.indicator("retail", B, 1, m8("152.0 88.0 165.0 118.0 75.0 82.0 42.0 84.0"),
                2.6, 2, 2.0, 1.0, early_share=(0.65, 0.67), margin=0.3)
    b.indicator("exports", "million USD", 0, m8("42300 39800 52100 45200 19600 17800 12900 13100"),
                -3.4, 7, 2.0, 5.0, comp=0.74, comp_peers=(0.70, 0.80), tg=3.0, tg_peers=(1.0, 5.0),
                early_share=(0.65, 0.69))
    b.indicator("unemployment", "%", 1, m8("4.4 4.5 5.3 4.6 3.1 3.0 2.9 3.9"),
                12.8, 5, 10.0, 8.0, kind="ratio", lower=True, early_share=(0.95, 1.05), yoy_cols=False,
                margin=2.5)
    b.indicator("permits", "count", 0, m8("15400 17600 13800 12100 13200 18300 8100 12600"),
                6.8, 3, 0.0, 8.0, early_share=(0.62, 0.70))
    b.indicator("tax", B, 2, m8("21.40 14.60 38.60 24.10 16.20 20.90 7.90 10.10"),
                1.8, 5, 2.5, 2.0, comp=0.742, comp_peers=(0.70, 0.80), tg=2.0, tg_peers=(0.0, 4.0),
                early_share=(0.64, 0.70), margin=0.3)
    for r in b.rows:
        if r["region"] == "Ohio" and r["indicator"] == "gdp" and r["period"] == "2024-M09":
            r["status"], r["note"] = "preliminary", "advance estimate"
    for ind, rk in dict(gdp=3, employment=4, retail=2, exports=7, permits=3, tax=5).items():
        b.check_rank(ind, rk)

    regions = [dict(id="Midwest", name="Midwest", short_name="Midwest",
                    aliases="Midwest region;US Midwest", level="country", label="the 8 Midwest states"),
               dict(id="Great Lakes", name="Great Lakes states", short_name="Great Lakes",
                    aliases="Great Lakes", level="frame", label="the 6 Great Lakes states")]
    codes = dict(Ohio="OH", Indiana="IN", Illinois="IL", Michigan="MI", Wisconsin="WI",
                 Minnesota="MN", Iowa="IA", Missouri="MO")
    for r in MW:
        regions.append(dict(id=r, name=r, short_name=codes[r], aliases=f"{codes[r]};State of {r}",
                            parent="Midwest", level="state",
                            frames="Great Lakes" if r in MW_LAKES else ""))
    inds = [
        ("gdp", "Gross state product", "GSP", "GDP;gross domestic product;state GDP", B, "higher",
         "sum", "flow", 1, "yes", "Office of Budget and Management", "", ""),
        ("employment", "Nonfarm payroll employment", "Employment", "jobs;payroll employment",
         "thousand persons", "higher", "sum", "stock", 1, "yes", "Bureau of Labor Market Information",
         "", ""),
        ("retail", "Retail sales", "Retail", "retail trade sales", B, "higher", "sum", "flow", 1, "yes",
         "Department of Development", "", ""),
        ("exports", "Merchandise exports", "Exports", "goods exports;exports", "million USD", "higher",
         "sum", "flow", 0, "yes", "Department of Development", "", ""),
        ("unemployment", "Unemployment rate", "Unemployment", "jobless rate", "%", "lower", "none",
         "ratio", 1, "yes", "Bureau of Labor Market Information", "", ""),
        ("permits", "Housing units authorized by building permits", "Housing permits",
         "building permits;housing permits", "count", "higher", "sum", "count", 0, "yes",
         "Department of Development", "", ""),
        ("tax", "State tax revenue", "Tax revenue", "tax receipts;general fund tax revenue", B, "higher",
         "sum", "flow", 2, "yes", "Department of Taxation", "", ""),
    ]
    return finish(out, b, regions, inds, [r["id"] for r in regions])


# ----------------------------------------------------------------------------------------------

def finish(out, b, regions, inds, reg_ids):
    os.makedirs(out, exist_ok=True)
    ind_rows = []
    for i, t in enumerate(inds, 1):
        ind_rows.append(dict(zip(IND_COLS, t[:10] + (i,) + t[10:])))
    ind_order = {r["id"]: i for i, r in enumerate(ind_rows)}
    reg_order = {r: i for i, r in enumerate(reg_ids)}
    units = {r["id"]: r["unit"] for r in ind_rows}
    for r in b.rows:
        assert r["region"] in reg_order and r["indicator"] in ind_order, r
        assert r["unit"] == units[r["indicator"]], r
    write_csv(os.path.join(out, "regions.csv"), REG_COLS, [clean_aliases(r) for r in regions])
    write_csv(os.path.join(out, "indicators.csv"), IND_COLS, [clean_aliases(r) for r in ind_rows])
    write_csv(os.path.join(out, "observations.csv"), OBS_COLS, b.sorted_rows(ind_order, reg_order))
    return len(b.rows)


ESTIMATED = ["gdp", "industry", "fai", "retail", "revenue", "tax", "urban_income", "rural_income",
             "fdi", "outside_funds", "energy", "pm10", "accidents", "petitions"]


def write_estimates(out, year, parent):
    """Full-year estimates (全年预计) for the members of `parent`, written to estimates-<year>.csv
    for `briefing score --estimates`: H1 × (last full year / last H1), rounded half-up to the
    indicator's decimals; counts (red-line events) keep the H1 count; masked stays masked."""
    with open(os.path.join(out, "indicators.csv"), encoding="utf-8") as f:
        inds = {r["id"]: r for r in csv.DictReader(f)}
    with open(os.path.join(out, "regions.csv"), encoding="utf-8") as f:
        members = [r["id"] for r in csv.DictReader(f) if r["parent"] == parent]
    with open(os.path.join(out, "observations.csv"), encoding="utf-8") as f:
        cells = {(r["region"], r["period"], r["indicator"]): r for r in csv.DictReader(f)}
    rows = []
    for ind in ESTIMATED:
        meta = inds[ind]
        for reg in members:
            h1 = cells[(reg, f"{year}-H1", ind)]
            row = {"region": reg, "period": str(year), "indicator": ind, "unit": meta["unit"],
                   "source": h1["source"]}
            if h1["value"] in ("", "*"):
                row.update(value="*", status="masked", note="上半年数据保密")
            else:
                value = D(h1["value"])
                if meta["kind"] != "count":
                    last = D(cells[(reg, str(year - 1), ind)]["value"])
                    last_h1 = D(cells[(reg, f"{year - 1}-H1", ind)]["value"])
                    value = value * last / last_h1
                row.update(value=q(value, int(meta["decimals"])), status="estimate",
                           note="全年预计（示例）")
            rows.append(row)
    write_csv(os.path.join(out, f"estimates-{year}.csv"), OBS_COLS, rows)
    return len(rows)


def main():
    for name, fn in (("jiuquan-2024h1", build_jiuquan), ("xuchang-2016q3", build_xuchang),
                     ("midwest-2024q3", build_midwest)):
        n = fn(os.path.join(HERE, name))
        print(f"{name}: {n} observations")
    n = write_estimates(os.path.join(HERE, "jiuquan-2024h1"), 2024, "酒泉市")
    print(f"jiuquan-2024h1: {n} full-year estimates")


if __name__ == "__main__":
    main()
