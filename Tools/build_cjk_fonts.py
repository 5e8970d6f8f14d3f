#!/usr/bin/env python3
"""Derive cairo-friendly copies of Noto Sans CJK (SC+TC, Regular+Bold).

cairo 1.16's CFF subsetter keeps every local subroutine of Noto's FontDicts
(and on some glyphs all of them in full), so PDFs get ~1 MB per face.
The derived fonts have the same outlines, hints, metrics, cmap and OpenType
layout, but desubroutinized CFF charstrings, so cairo embeds only the glyphs used,
and one more 'locl' lookup: Latin punctuation in English text is proportional
(see proportional_latin_punctuation).

Each weight is split in two collections with the same family names (see split_faces):
the core (every character of GB 2312 for the SC face, of Big5 for the TC face, Latin, Greek,
Cyrillic and the usual symbols) and an extension with every other character of the face, which
fontconfig offers as the same family, so Pango takes a rare character from it.

usage: build_cjk_fonts.py OUTDIR [SRCDIR]   (needs fontTools and hb-subset; offline)
Writes OUTDIR/BriefingSansCJK-{Regular,Bold}.ttc (core) and BriefingSansCJKExt-{Regular,Bold}.ttc
(extension), each with faces "Briefing Sans CJK SC" (index 0) and "Briefing Sans CJK TC" (index 1).
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

# ---- core and extension faces

# Why split: cairo 1.16 copies a face's whole `CFF ` table out of FreeType twice per PDF (when
# the face first appears on a page, to see whether it is CID-keyed, and when `finish` subsets
# it), so every sheet copied 4 × 17.5 MB for its regular and bold text. A 150-sheet national job
# (sheets only, release build, 3 alternating runs each): 6.63 CPU-s with the whole faces, 5.87
# with a 9.3 MB core (about 5 ms per sheet); the core below is smaller still. Glyphs, metrics
# and layout of every character are the same: PDFs and charts draw the same pixels.

# The national character set of each face's script: a Simplified sheet draws from GB 2312, a
# Traditional one from Big5.
CORE_ENCODING = {"SC": "gb2312", "TC": "big5"}

def core_codepoints(region):
    """Characters a briefing sheet in the face's script almost always draws from: every
    character of its national set (CORE_ENCODING), Latin (with Extended-A/B and combining marks),
    Greek, Cyrillic, general punctuation, letter-like and number forms, arrows, mathematical and
    technical signs, enclosed numbers, box drawing and shapes, CJK symbols, Bopomofo, enclosed
    CJK and CJK compatibility (㎡), and the full-width forms. Everything else (the rest of the
    ideographs, kana, hangul, ...) is in the extension. Per face, so the Simplified core does
    not carry Big5's 13,000 ideographs: 4.7 MB of CFF with both sets, 2.0 MB with GB 2312 alone."""
    codes = set(range(0x20, 0x7F)) | set(range(0xA0, 0x370)) | set(range(0x370, 0x530))
    for start, end in ((0x2000, 0x2700), (0x3000, 0x3040), (0x3100, 0x3130), (0x3200, 0x3400),
                       (0xFE30, 0xFE50), (0xFF00, 0xFFF0)):
        codes |= set(range(start, end))
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                text = bytes((lead, trail)).decode(CORE_ENCODING[region])
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                codes.add(ord(text))
    return codes

# Language systems no text drawn with the face is tagged with, by face: Briefing tags text
# zh-cn (SC face), zh-tw or zh-hk (TC face), en or another Latin-script language, never ja or ko;
# their `locl` lookups would pull every Japanese, Korean and other-region glyph variant into the
# layout closure (the SC core: 32,075 glyphs with every language system, 25,701 without the
# Japanese and Korean ones, ... without the Traditional ones either).
UNUSED_LANGSYS = {"SC": ("JAN ", "KOR ", "ZHT ", "ZHH "), "TC": ("JAN ", "KOR ", "ZHS ")}

def drop_language_systems(font, tags):
    """In place: the GSUB and GPOS language systems named in `tags` go, in every script."""
    for table in ("GSUB", "GPOS"):
        if table not in font:
            continue
        for record in font[table].table.ScriptList.ScriptRecord:
            script = record.Script
            script.LangSysRecord = [r for r in script.LangSysRecord if r.LangSysTag not in tags]
            script.LangSysCount = len(script.LangSysRecord)

# The OpenType features HarfBuzz applies to horizontal text by default (Pango asks for no
# others, and Briefing sets no font features): the rest (aalt, vert, jp78, trad, ...) only
# reach glyphs no sheet draws.
SHAPED_FEATURES = "abvm,blwm,calt,ccmp,clig,curs,dist,kern,liga,locl,mark,mkmk,rclt,rlig,rvrn"
SUBSET_OPTIONS = ["--desubroutinize", f"--layout-features={SHAPED_FEATURES}", "--layout-scripts=*",
                  "--name-IDs=*", "--name-languages=*", "--notdef-outline", "--no-prune-unicode-ranges"]

def subset_face(src, face, codes, out):
    """hb-subset: face `face` of `src` with the characters `codes` (and every glyph the layout
    reaches from them), written to `out`."""
    listing = out + ".codes"
    with open(listing, "w") as f:
        f.write("\n".join("%X" % c for c in sorted(codes)))
    subprocess.run([HB_SUBSET, f"--face-index={face}", *SUBSET_OPTIONS, f"--unicodes-file={listing}",
                    f"--output-file={out}", src], check=True)
    os.remove(listing)

def split_faces(whole, faces, dst, extension):
    """Writes the core collection `dst` and the extension collection `extension` from the
    collection file `whole` (whose fonts are `faces`, already loaded): face by face, the core's
    characters and the rest, each with its layout closure."""
    parts = {dst: [], extension: []}
    with tempfile.TemporaryDirectory() as tmp:
        for index, (font, region) in enumerate(zip(faces, FACES.values())):
            core = core_codepoints(region)
            mapped = set(font.getBestCmap())
            for target, codes in ((dst, mapped & core), (extension, mapped - core)):
                out = os.path.join(tmp, f"{os.path.basename(target)}-{index}.otf")
                subset_face(whole, index, codes, out)
                parts[target].append(out)
        for index, font in enumerate(faces):
            check_split(font.getBestCmap(), *(TTFont(parts[t][index], lazy=True).getBestCmap() for t in parts))
        for target, files in parts.items():
            collection = TTCollection()
            collection.fonts = [TTFont(f, lazy=True, recalcBBoxes=False, recalcTimestamp=False) for f in files]
            collection.save(target + ".tmp", shareTables=True)
            os.replace(target + ".tmp", target)              # atomic: never a half-written font

class SplitUnexpected(Exception):
    """The core and extension faces do not divide the whole face's characters."""

def check_split(whole, core, extension):
    """Every character of the whole face is in exactly one of the two parts' cmaps."""
    both = set(core) & set(extension)
    lost = set(whole) - set(core) - set(extension)
    if both or lost or len(core) + len(extension) != len(whole):
        raise SplitUnexpected("build_cjk_fonts: %d characters in both parts, %d in neither" % (len(both), len(lost)))

FACES = {2: "SC", 3: "TC"}          # face index in NotoSansCJK-*.ttc -> region
VERSION_TAG = "briefing-desubr-3"   # bump to force rebuild

def build(args):
    src, dst, extension = args
    t0 = time.time()
    coll = TTCollection(src, lazy=True)
    fonts = [coll.fonts[i] for i in FACES]          # SC, TC
    for f in fonts:
        f.recalcBBoxes = False                      # outlines unchanged; saves ~35% time
        f.recalcTimestamp = False                   # byte-reproducible output
    style = fonts[0]["name"].getDebugName(2)
    # The CFF table is shared by all faces: derived once, from the first.
    cffdata = desubroutinized_cff(src, list(FACES)[0], "BriefingSansCJK-" + style)
    for f, region in zip(fonts, FACES.values()):
        proportional_latin_punctuation(f)
        drop_language_systems(f, UNUSED_LANGSYS[region])
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
    with tempfile.TemporaryDirectory() as tmp:
        whole = os.path.join(tmp, "whole.ttc")
        out.save(whole, shareTables=True)
        split_faces(whole, fonts, dst, extension)
    return (f"{os.path.basename(dst)} + {os.path.basename(extension)}: {time.time()-t0:.1f}s wall, "
            f"{time.process_time() + children_cpu():.1f}s cpu (hb-subset included), "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss//1024} MB rss, "
            f"{os.path.getsize(dst)/1e6:.1f} + {os.path.getsize(extension)/1e6:.1f} MB")

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
    jobs = [(os.path.join(srcdir, f"NotoSansCJK-{w}.ttc"), os.path.join(outdir, f"BriefingSansCJK-{w}.ttc"),
             os.path.join(outdir, f"BriefingSansCJKExt-{w}.ttc")) for w in ("Regular", "Bold")]
    here = [os.path.abspath(__file__)]
    def stale(src, *outputs):                                # idempotent, make-like
        return any(not os.path.exists(dst) or os.path.getmtime(dst) < max(
            os.path.getmtime(x) for x in [src] + here) for dst in outputs)
    jobs = [j for j in jobs if stale(*j)]
    if not jobs:
        return
    with Pool(min(2, len(jobs) or 1)) as p:
        for msg in p.imap_unordered(build, jobs):
            print(msg)

if __name__ == "__main__":
    main()
