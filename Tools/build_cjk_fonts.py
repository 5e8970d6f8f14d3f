#!/usr/bin/env python3
"""Derive cairo-friendly copies of Noto Sans CJK (SC+TC, Regular+Bold).

cairo 1.16's CFF subsetter keeps every local subroutine of Noto's FontDicts
(and on some glyphs all of them in full), so PDFs get ~1 MB per face.
The derived fonts have the same outlines, hints, metrics, cmap and OpenType
layout, but desubroutinized CFF charstrings, so cairo embeds only the glyphs used,
and one more 'locl' lookup: Latin punctuation in English text is proportional
(see proportional_latin_punctuation).

usage: build_cjk_fonts.py OUTDIR [SRCDIR]   (needs fontTools and hb-subset; offline)
Writes OUTDIR/BriefingSansCJK-{Regular,Bold}.ttc, each with faces
"Briefing Sans CJK SC" (index 0) and "Briefing Sans CJK TC" (index 1).
"""
import argparse, os, subprocess, sys, tempfile, time, resource
from multiprocessing import Pool
from fontTools.ttLib import TTCollection, TTFont
from fontTools.ttLib.tables.DefaultTable import DefaultTable

# ---- desubroutinized CFF, by HarfBuzz's hb-subset (Debian libharfbuzz-bin)

HB_SUBSET = "hb-subset"
# Every glyph kept with its id, charstrings desubroutinized; the rest of the face is not used.
HB_SUBSET_OPTIONS = ["--desubroutinize", "--gids=*", "--unicodes=*", "--retain-gids", "--layout-features=*",
                     "--layout-scripts=*", "--name-IDs=*", "--name-languages=*", "--notdef-outline"]

def desubroutinized_cff(src, face, name):
    """The compiled CFF table of face `face` of `src`, desubroutinized and renamed `name`.

    hb-subset takes about 0.4 s of CPU per weight where fontTools (even with the byte-level
    desubroutinizer this script used to carry) took about 4 s; the table is byte-identical to the
    one that desubroutinizer produced (both weights, all 65,535 charstrings). fontTools only
    renames the font and writes the table back (recalcBBoxes off: the charstrings are kept as
    they are, not decompiled and measured again)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "face.otf")
        subprocess.run([HB_SUBSET, f"--face-index={face}", *HB_SUBSET_OPTIONS, f"--output-file={out}", src],
                       check=True)
        font = TTFont(out, lazy=True, recalcBBoxes=False)
        cff = font["CFF "]
        cff.cff.fontNames = [name]
        return cff.compile(font)

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
    style = fonts[0]["name"].getDebugName(2)
    # The CFF table is shared by all faces: derived once, from the first.
    cffdata = desubroutinized_cff(src, list(FACES)[0], "BriefingSansCJK-" + style)
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
    return f"{os.path.basename(dst)}: {time.time()-t0:.1f}s wall, {time.process_time() + children_cpu():.1f}s cpu (hb-subset included), {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss//1024} MB rss, {os.path.getsize(dst)/1e6:.1f} MB"

def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

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
