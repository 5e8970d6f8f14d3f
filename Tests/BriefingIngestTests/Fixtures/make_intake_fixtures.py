#!/usr/bin/python3
"""Writes the intake fixtures: one small data set (4 counties of 酒泉市, 2024年1—6月) in every
shape `briefing import` reads, plus the long CSV they must all equal.

    /usr/bin/python3 make_intake_fixtures.py OUTDIR

OUTDIR gets regions.csv, indicators.csv and:

  long.csv                 the reference: one observation per row
  long.xls                 the same as Excel 97–2003
  office.xlsx              统计月报-style table: merged title, unit line, two-row merged header
                           (indicator over 1—6月 | 上年同期 | 同比±%), a 全市 total row, numbers
                           stored as text, a spacer column and row, footnotes
  office-percent.xlsx      the same with every growth stored as Excel stores a typed 5.6%: the
                           number 0.056 in a percent format (built-in 0.00% for GDP, a custom
                           0.0% for the others; one cell in Excel's 17-digit form)
  office.csv               the same table saved as CSV (merged cells keep their text in the first cell)
  office.xls               the same table as Excel 97–2003 (written with xlwt; FreeXL reads no merges)
  office-tw.csv            the same table in Traditional characters
  office-month.csv         the title names a month without its span (2024年6月) and the headings say
                           绝对值, not 1—6月: import asks for `monthly`
  office-transposed.xlsx   indicators as rows, regions (and 全市) across over 1—6月 | 上年同期 | 同比±%
  wide-periods.csv         one row per region × indicator, periods across
  tidy-wide.csv            one row per region × period, indicators (and their growth) across

Every figure is illustrative, not official statistics. Each table carries exactly the
observations of long.csv, so each loads to the same comparison table.
"""
import csv
import os
import sys
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape

import xlwt

# MARK: - The data

MEMBERS = ["肃州区", "玉门市", "敦煌市", "瓜州县"]
TOTAL = "全市"
GROUP = "酒泉市"
# indicator id → (heading, values by region: (2024-H1 value, 2023-H1 value, yoy %)); None = no cell.
DATA = {
    "gdp": ("地区生产总值", {
        "肃州区": ("135.20", "128.03", "5.6"), "玉门市": ("103.48", "97.26", "6.4"),
        "敦煌市": ("48.51", "46.24", "4.9"), "瓜州县": ("60.77", "56.74", "7.1"),
        TOTAL: ("352.96", "333.20", "5.9")}),
    "revenue": ("一般公共预算收入", {
        "肃州区": ("10.50", None, "2.1"), "玉门市": ("8.02", None, "4.0"),
        "敦煌市": ("3.31", None, "-3.2"), "瓜州县": ("4.17", None, "6.6"), TOTAL: ("26.00", None, "2.3")}),
    "retail": ("社会消费品零售总额", {
        "肃州区": ("40.12", None, "6.0"), "玉门市": ("18.30", None, "5.2"),
        "敦煌市": ("15.55", None, "8.1"), "瓜州县": ("9.87", None, "4.4"), TOTAL: ("83.84", None, "5.9")}),
    "fai": ("固定资产投资", {
        "肃州区": (None, None, "7.5"), "玉门市": (None, None, "-2.1"),
        "敦煌市": (None, None, "12.0"), "瓜州县": (None, None, "—"), TOTAL: (None, None, "6.1")}),
}
TITLE = "2024年1—6月各县（市、区）主要经济指标"
UNIT_LINE = "单位：亿元、%"
NOTES = ["注：1.地区生产总值为初步核算数。", "2.全市数据含市直单位，与各县（市、区）之和不等。"]
# Values stored as text in the workbooks (as offices often do).
AS_TEXT = {("肃州区", "gdp"), ("玉门市", "revenue"), (TOTAL, "retail")}

REGIONS = [
    ["id", "name", "short_name", "aliases", "parent", "level", "label"],
    [GROUP, GROUP, "酒泉", "", "", "city", "全市4个县（市、区）"],
    ["肃州区", "肃州区", "肃州", "肅州區", GROUP, "district", ""],
    ["玉门市", "玉门市", "玉门", "玉門市", GROUP, "county", ""],
    ["敦煌市", "敦煌市", "敦煌", "", GROUP, "county", ""],
    ["瓜州县", "瓜州县", "瓜州", "瓜州縣", GROUP, "county", ""],
]
INDICATORS = [
    ["id", "name", "short_name", "aliases", "unit", "polarity", "decimals"],
    ["gdp", "地区生产总值", "生产总值", "GDP;地區生產總值", "亿元", "higher", "2"],
    ["revenue", "一般公共预算收入", "财政收入", "一般公共預算收入", "亿元", "higher", "2"],
    ["retail", "社会消费品零售总额", "社零", "社會消費品零售總額", "亿元", "higher", "2"],
    ["fai", "固定资产投资", "投资", "固定資產投資", "亿元", "higher", "1"],
]

# MARK: - Long

def long_rows():
    rows = [["region", "period", "indicator", "value", "unit", "yoy"]]
    for region in [TOTAL] + MEMBERS:
        for indicator, (_, values) in DATA.items():
            now, before, yoy = values[region]
            name = GROUP if region == TOTAL else region
            rows.append([name, "2024-H1", indicator, now or "", "亿元", yoy])
            if before is not None:
                rows.append([name, "2023-H1", indicator, before, "亿元", ""])
    return rows

# MARK: - The office table as a grid

def office_grid(title=TITLE, now="1—6月"):
    """Rows of cells (None = empty) and merged ranges (row, col, last row, last col), 0-based;
    `now` heads the columns of the report period's values."""
    header1 = ["地区"]
    header2 = [None]
    merges = [(0, 0, 0, 10), (1, 0, 1, 10), (2, 0, 3, 0)]
    columns = []  # (indicator, measure)
    for indicator, (heading, values) in DATA.items():
        if indicator == "fai":
            start = len(header1)
            header1.append("固定资产投资增速")
            header2.append(None)
            merges.append((2, start, 3, start))
            columns.append((indicator, "yoy"))
            continue
        measures = ["now", "before", "yoy"] if indicator == "gdp" else ["now", "yoy"]
        start = len(header1)
        for index, measure in enumerate(measures):
            header1.append(heading if index == 0 else None)
            header2.append({"now": now, "before": "上年同期", "yoy": "同比±%"}[measure])
            columns.append((indicator, measure))
        merges.append((2, start, 2, start + len(measures) - 1))
        if indicator == "gdp":  # a spacer column after the GDP group
            header1.append(None)
            header2.append(None)
            columns.append((None, None))
    rows = [[title], [UNIT_LINE], header1, header2]
    for region in [TOTAL] + MEMBERS:
        row = [region]
        for indicator, measure in columns:
            if indicator is None:
                row.append(None)
                continue
            now, before, yoy = DATA[indicator][1][region]
            row.append({"now": now, "before": before, "yoy": yoy}[measure])
        rows.append(row)
        if region == "敦煌市":
            rows.append([])  # a blank spacer row
    rows += [[note] for note in NOTES]
    for index in range(len(rows) - len(NOTES), len(rows)):
        merges.append((index, 0, index, 10))
    return rows, merges, columns

def is_text(region, indicator):
    return (region, indicator) in AS_TEXT

# MARK: - Writers

def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows([[cell or "" for cell in row] for row in rows])

def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters

# Cell styles of office-percent.xlsx: 0 general, 1 built-in 0.00% (numFmtId 10), 2 custom 0.0%.
PERCENT_STYLES = (
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
    '<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" xfId="0"/><xf numFmtId="10" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs>')

def write_xlsx(path, sheet, rows, merges, text_cells, percent_cells=None):
    """A minimal but complete .xlsx: shared strings, numbers as numbers unless in text_cells;
    numbers in percent_cells (grid position → style 1 or 2) stored as Excel stores a typed
    percentage, divided by 100 in a percent style."""
    strings = []
    percent_cells = percent_cells or {}
    def cell(r, c, value):
        ref = f"{column_letters(c)}{r + 1}"
        if value is None or value == "":
            return ""
        if (r, c) not in text_cells:
            try:
                float(value)
                if (r, c) in percent_cells:
                    stored = "5.6000000000000001E-2" if value == "5.6" else str(Decimal(value) / 100)
                    return f'<c r="{ref}" s="{percent_cells[(r, c)]}"><v>{stored}</v></c>'
                return f'<c r="{ref}"><v>{value}</v></c>'
            except ValueError:
                pass
        strings.append(value)
        return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'
    body = "".join(
        f'<row r="{r + 1}">' + "".join(cell(r, c, v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows) if any(v not in (None, "") for v in row))
    merge_xml = "".join(
        f'<mergeCell ref="{column_letters(c1)}{r1 + 1}:{column_letters(c2)}{r2 + 1}"/>' for r1, c1, r2, c2 in merges)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml":
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '</Types>',
        "_rels/.rels":
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml":
            f'<worksheet xmlns="{main}"><sheetData>{body}</sheetData>'
            + (f'<mergeCells count="{len(merges)}">{merge_xml}</mergeCells>' if merges else "") + "</worksheet>",
    }
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{main}" count="{len(strings)}">' + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    if percent_cells:
        parts["xl/styles.xml"] = f'<styleSheet xmlns="{main}">{PERCENT_STYLES}</styleSheet>'
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            "</Types>", '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
            "</Relationships>", f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, (2024, 7, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, '<?xml version="1.0" encoding="UTF-8"?>' + xml)

def write_xls(path, sheet, rows, merges, text_cells):
    book = xlwt.Workbook(encoding="utf-8")
    worksheet = book.add_sheet(sheet)
    covered = set()
    for r1, c1, r2, c2 in merges:
        value = rows[r1][c1] if c1 < len(rows[r1]) else None
        worksheet.write_merge(r1, r2, c1, c2, value or "")
        covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value in (None, "") or (r, c) in covered:
                continue
            if (r, c) not in text_cells:
                try:
                    worksheet.write(r, c, float(value))
                    continue
                except ValueError:
                    pass
            worksheet.write(r, c, value)
    book.save(path)

def text_cells(rows, columns):
    """Grid positions of the values stored as text."""
    cells = set()
    for r, row in enumerate(rows):
        if row and row[0] in DATA_ROWS:
            for c, (indicator, measure) in enumerate(columns, start=1):
                if indicator and measure == "now" and is_text(row[0], indicator):
                    cells.add((r, c))
    return cells

DATA_ROWS = set([TOTAL] + MEMBERS)

def percent_cells(rows, columns):
    """Grid positions of the growth cells → their percent style (1 for GDP, else 2)."""
    cells = {}
    for r, row in enumerate(rows):
        if row and row[0] in DATA_ROWS:
            for c, (indicator, measure) in enumerate(columns, start=1):
                if measure == "yoy":
                    cells[(r, c)] = 1 if indicator == "gdp" else 2
    return cells

# MARK: - Other shapes

TRADITIONAL = str.maketrans({
    "县": "縣", "区": "區", "经": "經", "济": "濟", "标": "標", "单": "單", "亿": "億", "产": "產", "总": "總",
    "预": "預", "门": "門", "肃": "肅", "会": "會", "费": "費", "资": "資", "设": "設", "额": "額", "计": "計",
    "据": "據", "为": "為", "数": "數", "与": "與", "属": "屬", "县": "縣", "节": "節",
})

def transposed():
    title = "2024年上半年主要经济指标（分县区）"
    regions = [TOTAL] + MEMBERS
    header1 = ["指标", "单位"]
    header2 = [None, None]
    merges = [(0, 0, 0, 16), (2, 0, 3, 0), (2, 1, 3, 1)]
    for region in regions:
        start = len(header1)
        header1 += [region, None, None]
        header2 += ["1—6月", "上年同期", "同比±%"]
        merges.append((2, start, 2, start + 2))
    rows = [[title], [], header1, header2]
    text = set()
    for indicator, (heading, values) in DATA.items():
        row = [heading, "亿元"]
        for region in regions:
            now, before, yoy = values[region]
            if now and is_text(region, indicator):
                text.add((len(rows), len(row)))
            row += [now, before, yoy]
        rows.append(row)
    return rows, merges, text

def wide_periods():
    rows = [["地区", "指标", "单位", "2023年1—6月", "2024年1—6月", "同比±%"]]
    for region in [TOTAL] + MEMBERS:
        for index, (indicator, (heading, values)) in enumerate(DATA.items()):
            now, before, yoy = values[region]
            rows.append([region if index == 0 else None, heading, "亿元", before, now, yoy])
    return rows

def tidy_wide():
    header = ["地区", "时期"]
    for indicator, (heading, _) in DATA.items():
        header += ([heading + "（亿元）"] if indicator != "fai" else []) + [heading + "增速"]
    rows = [header]
    for region in [TOTAL] + MEMBERS:
        for period, slot in [("2024年上半年", 0), ("2023年上半年", 1)]:
            row = [region, period]
            for indicator, (_, values) in DATA.items():
                now, before, yoy = values[region]
                if indicator != "fai":
                    row.append(now if slot == 0 else before)
                row.append(yoy if slot == 0 else None)
            rows.append(row)
    return rows

# MARK: - Main

def main(out):
    os.makedirs(out, exist_ok=True)
    write_csv(os.path.join(out, "regions.csv"), REGIONS)
    write_csv(os.path.join(out, "indicators.csv"), INDICATORS)
    write_csv(os.path.join(out, "long.csv"), long_rows())
    write_xls(os.path.join(out, "long.xls"), "数据", long_rows(), [], {(r, 3) for r in range(1, len(long_rows()))})
    rows, merges, columns = office_grid()
    texts = text_cells(rows, columns)
    write_xlsx(os.path.join(out, "office.xlsx"), "主要指标", rows, merges, texts)
    write_xlsx(os.path.join(out, "office-percent.xlsx"), "主要指标", rows, merges, texts, percent_cells(rows, columns))
    write_xls(os.path.join(out, "office.xls"), "主要指标", rows, merges, texts)
    write_csv(os.path.join(out, "office.csv"), rows)
    write_csv(os.path.join(out, "office-tw.csv"), [[c.translate(TRADITIONAL) if c else c for c in row] for row in rows])
    write_csv(os.path.join(out, "office-month.csv"), office_grid("2024年6月各县（市、区）主要经济指标", now="绝对值")[0])
    rows, merges, texts = transposed()
    write_xlsx(os.path.join(out, "office-transposed.xlsx"), "分县区", rows, merges, texts)
    write_csv(os.path.join(out, "wide-periods.csv"), wide_periods())
    write_csv(os.path.join(out, "tidy-wide.csv"), tidy_wide())

if __name__ == "__main__":
    # argparse, so `--help` prints the usage instead of becoming an output folder.
    import argparse
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", help="folder to write the fixtures into (created; e.g. under .build/ or Output/)")
    main(parser.parse_args().outdir)
