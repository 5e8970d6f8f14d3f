#!/usr/bin/env python3
"""Derive cairo-friendly copies of Noto Sans CJK (SC+TC, Regular+Bold).

cairo 1.16's CFF subsetter keeps every local subroutine of Noto's FontDicts
(and on some glyphs all of them in full), so PDFs get ~1 MB per face.
The derived fonts have the same outlines, hints, metrics, cmap and OpenType
layout, but desubroutinized CFF charstrings, so cairo embeds only the glyphs used,
and one more 'locl' lookup: Latin punctuation in English text is proportional
(see proportional_latin_punctuation).

usage: build_cjk_fonts.py OUTDIR [SRCDIR]   (needs fontTools; offline)
Writes OUTDIR/BriefingSansCJK-{Regular,Bold}.ttc, each with faces
"Briefing Sans CJK SC" (index 0) and "Briefing Sans CJK TC" (index 1).
"""
import argparse, os, sys, time, resource
from multiprocessing import Pool
from fontTools.ttLib import TTCollection
from fontTools.ttLib.tables.DefaultTable import DefaultTable

# ---- fast byte-level Type2 desubroutinizer (verified byte-identical to fontTools on all 65535 glyphs, both weights)

class Unsupported(Exception):
    pass

def _bias(n):
    return 107 if n < 1240 else (1131 if n < 33900 else 32768)

STEM_OPS = (1, 3, 18, 23)            # hstem vstem hstemhm vstemhm

def desubroutinize_cff(cff):
    """In place, for a fontTools CFFFontSet with one (CID-keyed or not) font."""
    gsubrs = cff.GlobalSubrs
    gbytes = [gsubrs[i].bytecode if gsubrs[i].bytecode is not None else gsubrs[i].compile() or gsubrs[i].bytecode
              for i in range(len(gsubrs))] if len(gsubrs) else []
    gbias = _bias(len(gbytes))
    for fontName in cff.fontNames:
        top = cff[fontName]
        cs = top.CharStrings
        privs = [fd.Private for fd in top.FDArray] if hasattr(top, "FDArray") else [top.Private]
        lsubr_cache = {}
        def lsubrs_of(p):
            k = id(p)
            if k not in lsubr_cache:
                s = getattr(p, "Subrs", None)
                b = [s[i].bytecode for i in range(len(s))] if s is not None and len(s) else []
                lsubr_cache[k] = (b, _bias(len(b)), {})
            return lsubr_cache[k]
        gmemo = {}
        for gname in cs.keys():
            c = cs[gname]
            if c.bytecode is None:
                c.compile()
            lb, lbias, lmemo = lsubrs_of(c.private)
            out, _ = _expand(c.bytecode, (0, False, 0), lb, lbias, lmemo, gbytes, gbias, gmemo, 0)
            c.bytecode = bytes(out)
            c.program = None
        for p in privs:
            if hasattr(p, "Subrs"):
                del p.Subrs
            if "Subrs" in p.rawDict:
                del p.rawDict["Subrs"]
    gsubrs.clear()

def _expand(code, state, lb, lbias, lmemo, gb, gbias, gmemo, depth_guard):
    """Returns (bytearray, (nstems, hints_final, stackdepth) or None if endchar reached)."""
    if depth_guard > 10:
        raise Unsupported("subr nesting")
    nstems, final, sd = state
    out = bytearray()
    i, n = 0, len(code)
    lastnum = -1                       # start in out of the last number token, or -1
    lastval = None
    while i < n:
        b = code[i]
        if b >= 32 or b == 28:         # operand
            start = len(out)
            if b <= 246 and b >= 32:
                ln, val = 1, b - 139
            elif b <= 250 and b >= 32:
                ln, val = 2, (b - 247) * 256 + code[i+1] + 108
            elif b <= 254 and b >= 32:
                ln, val = 2, -(b - 251) * 256 - code[i+1] - 108
            elif b == 28:
                ln = 3; val = int.from_bytes(code[i+1:i+3], "big", signed=True)
            else:                       # 255: 16.16 fixed
                ln, val = 5, None
            out += code[i:i+ln]; i += ln; sd += 1
            lastnum, lastval = start, val
            continue
        # operator
        if b == 10 or b == 29:          # callsubr / callgsubr
            if lastnum < 0 or lastval is None or lastnum != len(out) - _numlen(out, lastnum):
                raise Unsupported("computed subr index")
            del out[lastnum:]; sd -= 1
            if b == 10:
                subs, bias, memo = lb, lbias, lmemo
            else:
                subs, bias, memo = gb, gbias, gmemo
            key = (lastval, nstems, final, sd)
            r = memo.get(key)
            if r is None:
                r = _expand(subs[lastval + bias], (nstems, final, sd), lb, lbias, lmemo, gb, gbias, gmemo, depth_guard + 1)
                r = (bytes(r[0]), r[1])
                memo[key] = r
            out += r[0]
            if r[1] is None:
                return out, None        # endchar inside subr
            nstems, final, sd = r[1]
            i += 1; lastnum = -1
            continue
        lastnum = -1
        if b == 11:                     # return
            return out, (nstems, final, sd)
        if b == 14:                     # endchar
            out.append(b)
            return out, None
        if b in STEM_OPS:
            nstems += sd // 2
            out.append(b); i += 1; sd = 0
            continue
        if b == 19 or b == 20:          # hintmask / cntrmask
            if not final:
                nstems += sd // 2
                final = True
            ml = (nstems + 7) // 8
            out += code[i:i+1+ml]; i += 1 + ml; sd = 0
            continue
        if b == 12:                     # escape
            e = code[i+1]
            if e not in (34, 35, 36, 37):   # only flex ops are stack-clearing path ops
                raise Unsupported("escape op %d" % e)
            out += code[i:i+2]; i += 2; sd = 0
            continue
        if b in (4, 5, 6, 7, 8, 21, 22, 24, 25, 26, 27, 30, 31):   # path ops
            final = True
            out.append(b); i += 1; sd = 0
            continue
        raise Unsupported("op %d" % b)
    return out, (nstems, final, sd)

def _numlen(out, start):
    b = out[start]
    return 1 if 32 <= b <= 246 else 2 if 247 <= b <= 254 else 3 if b == 28 else 5

# ---- proportional Latin punctuation

# Quotes and dots that Noto Sans CJK maps to full-width glyphs for every language but Japanese and
# Korean, so English text showed "Côte d’ Ivoire" and "Briefing  ·  Data".
LATIN_PUNCTUATION = (0x2018, 0x2019, 0x201C, 0x201D, 0x00B7, 0x2022)
LATIN_SCRIPTS = ("latn", "grek", "cyrl")

class LayoutUnexpected(Exception):
    """The source font's OpenType layout is not shaped as this script expects."""

def proportional_latin_punctuation(font):
    """In place: Latin, Greek and Cyrillic runs in languages without a LangSys of their own
    (English, French, ... : the scripts' default LangSys) get the proportional forms of
    LATIN_PUNCTUATION that the font already has (its Japanese 'locl' picks them), through one
    more lookup in the 'locl' feature of those default LangSys. Chinese text (ZHS/ZHT LangSys)
    keeps its full-width punctuation."""
    from fontTools.ttLib.tables import otTables as ot
    gsub = font["GSUB"].table
    cmap = font.getBestCmap()
    records = gsub.FeatureList.FeatureRecord
    scripts = {r.ScriptTag: r.Script for r in gsub.ScriptList.ScriptRecord}

    def locl(langsys):
        found = [i for i in langsys.FeatureIndex if records[i].FeatureTag == "locl"]
        if len(found) != 1:
            raise LayoutUnexpected("build_cjk_fonts: expected one 'locl' feature, found %d" % len(found))
        return found[0]

    def singles(lookup_indices):
        mapping = {}
        for index in lookup_indices:
            lookup = gsub.LookupList.Lookup[index]
            for sub in lookup.SubTable:
                sub = sub.ExtSubTable if lookup.LookupType == 7 else sub
                mapping.update(getattr(sub, "mapping", None) or {})
        return mapping

    japanese = next(r.LangSys for r in scripts["latn"].LangSysRecord if r.LangSysTag == "JAN ")
    forms = singles(records[locl(japanese)].Feature.LookupListIndex)
    mapping = {}
    for code in LATIN_PUNCTUATION:
        full = cmap[code]
        proportional = forms.get(full)
        if proportional is None or font["hmtx"][proportional][0] >= 1000:
            raise LayoutUnexpected("build_cjk_fonts: no proportional form of U+%04X" % code)
        mapping[full] = proportional
    sub = ot.SingleSubst()
    sub.mapping = mapping
    lookup = ot.Lookup()
    lookup.LookupType, lookup.LookupFlag, lookup.SubTable = 1, 0, [sub]
    lookup.SubTableCount = 1
    gsub.LookupList.Lookup.append(lookup)
    gsub.LookupList.LookupCount = len(gsub.LookupList.Lookup)
    added = len(gsub.LookupList.Lookup) - 1
    every = [ls for script in scripts.values() for ls in [script.DefaultLangSys]
             + [r.LangSys for r in script.LangSysRecord] if ls is not None]
    for tag in LATIN_SCRIPTS:
        feature = locl(scripts[tag].DefaultLangSys)
        if sum(feature in ls.FeatureIndex for ls in every) != 1:
            raise LayoutUnexpected("build_cjk_fonts: the %s default 'locl' is shared" % tag)
        records[feature].Feature.LookupListIndex.append(added)
        records[feature].Feature.LookupCount = len(records[feature].Feature.LookupListIndex)

FACES = {2: "SC", 3: "TC"}          # face index in NotoSansCJK-*.ttc -> region
VERSION_TAG = "briefing-desubr-2"   # bump to force rebuild

def build(args):
    src, dst = args
    t0 = time.time()
    coll = TTCollection(src, lazy=True)
    fonts = [coll.fonts[i] for i in FACES]          # SC, TC
    for f in fonts:
        f.recalcBBoxes = False                      # outlines unchanged; saves ~35% time
        f.recalcTimestamp = False                   # byte-reproducible output
    cff = fonts[0]["CFF "]                           # the CFF table is shared by all faces
    try:
        desubroutinize_cff(cff.cff)      # ~5x faster, byte-identical result
    except Unsupported:
        cff = fonts[0]["CFF "] = TTCollection(src, lazy=True).fonts[list(FACES)[0]]["CFF "]
        cff.cff.desubroutinize()                    # fontTools' reference implementation
    style = fonts[0]["name"].getDebugName(2)
    cff.cff.fontNames = ["BriefingSansCJK-" + style]
    cffdata = cff.compile(fonts[0])                 # compile once, reuse for both faces
    for f in fonts:
        proportional_latin_punctuation(f)
        raw = DefaultTable("CFF ")
        raw.data = cffdata
        f["CFF "] = raw
        name = f["name"]
        for rec in name.names:
            if rec.nameID in (1, 3, 4, 6, 16, 18, 20):
                s = rec.toUnicode().replace("Noto Sans CJK", "Briefing Sans CJK") \
                                   .replace("NotoSansCJK", "BriefingSansCJK")
                if rec.nameID == 3:
                    s += ";" + VERSION_TAG
                rec.string = s
    out = TTCollection()
    out.fonts = fonts
    tmp = dst + ".tmp"
    out.save(tmp, shareTables=True)
    os.replace(tmp, dst)                            # atomic: never a half-written font
    return f"{os.path.basename(dst)}: {time.time()-t0:.1f}s wall, {time.process_time():.1f}s cpu, {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss//1024} MB rss, {os.path.getsize(dst)/1e6:.1f} MB"

def main():
    ap = argparse.ArgumentParser(description="Derive the small-PDF CJK fonts (see module doc).")
    ap.add_argument("outdir", help="folder for the derived fonts, e.g. .build/fonts")
    ap.add_argument("srcdir", nargs="?", default="/usr/share/fonts/opentype/noto",
                    help="folder holding NotoSansCJK-*.ttc (default: Debian's)")
    args = ap.parse_args()
    outdir, srcdir = args.outdir, args.srcdir
    os.makedirs(outdir, exist_ok=True)
    jobs = [(os.path.join(srcdir, f"NotoSansCJK-{w}.ttc"),
             os.path.join(outdir, f"BriefingSansCJK-{w}.ttc")) for w in ("Regular", "Bold")]
    here = [os.path.abspath(__file__)]
    def stale(src, dst):                                     # idempotent, make-like
        return not os.path.exists(dst) or os.path.getmtime(dst) < max(
            os.path.getmtime(x) for x in [src] + here)
    jobs = [j for j in jobs if stale(*j)]
    if not jobs:
        return
    with Pool(min(2, len(jobs) or 1)) as p:
        for msg in p.imap_unordered(build, jobs):
            print(msg)

if __name__ == "__main__":
    main()
