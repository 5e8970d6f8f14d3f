#!/usr/bin/python3
"""Reads a .docx with python-docx (Debian python3-docx), an independent reader, and prints
what it holds as JSON: the body in order (paragraphs with style, alignment and text; tables
with every cell's text, span, vertical merge, weight, colour, alignment and shading, and which
rows repeat as header), the pictures (SHA-256 of the PNG, pixel size, resolution, drawn size),
the footer's paragraphs, the section's page and margins, and the core properties.

Usage: read_docx.py FILE.docx
"""
import hashlib
import json
import struct
import sys

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.oxml.ns import qn


def run_style(paragraph):
    """(bold, colour) of the paragraph's first run with text, as set on the run."""
    for run in paragraph.runs:
        if run.text:
            color = run.font.color.rgb if run.font.color and run.font.color.type else None
            return bool(run.bold), str(color) if color else None
    return False, None


def paragraph_json(paragraph):
    blips = paragraph._p.findall(".//" + qn("a:blip"))
    return {
        "kind": "paragraph",
        "style": paragraph.style.name if paragraph.style is not None else None,
        "alignment": str(paragraph.alignment) if paragraph.alignment is not None else None,
        "text": paragraph.text,
        "images": [blip.get(qn("r:embed")) for blip in blips],
    }


def table_json(table):
    rows = []
    header_rows = []
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.trPr
        if tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None:
            header_rows.append(index)
        cells = []
        for tc in row._tr.tc_lst:
            cell = _Cell(tc, table)
            paragraph = cell.paragraphs[0]
            bold, color = run_style(paragraph)
            tc_pr = tc.tcPr
            shading = tc_pr.find(qn("w:shd")) if tc_pr is not None else None
            vmerge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
            cells.append({
                "text": cell.text,
                "span": tc.grid_span,
                "vmerge": None if vmerge is None else (vmerge.get(qn("w:val")) or "continue"),
                "bold": bold,
                "color": color,
                "alignment": str(paragraph.alignment) if paragraph.alignment is not None else None,
                "fill": shading.get(qn("w:fill")) if shading is not None else None,
            })
        rows.append(cells)
    return {"kind": "table", "header_rows": header_rows, "rows": rows}


def png_info(blob):
    width, height = struct.unpack(">II", blob[16:24])
    dpi = None
    at = blob.find(b"pHYs")
    if at > 0:
        x, _, unit = struct.unpack(">IIB", blob[at + 4:at + 13])
        if unit == 1:
            dpi = round(x * 0.0254)
    return width, height, dpi


def main(path):
    document = docx.Document(path)
    body = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            body.append(paragraph_json(Paragraph(child, document)))
        elif child.tag == qn("w:tbl"):
            body.append(table_json(Table(child, document)))
    images = []
    part = document.part
    for shape in document.inline_shapes:
        rid = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        blob = part.related_parts[rid].blob
        width, height, dpi = png_info(blob)
        images.append({
            "id": rid,
            "sha256": hashlib.sha256(blob).hexdigest(),
            "width": width,
            "height": height,
            "dpi": dpi,
            "drawn_width_pt": shape.width.pt,
            "drawn_height_pt": shape.height.pt,
        })
    section = document.sections[0]
    core = document.core_properties
    print(json.dumps({
        "body": body,
        "images": images,
        "footer": [p.text for p in section.footer.paragraphs],
        "section": {
            "page_width_pt": section.page_width.pt,
            "page_height_pt": section.page_height.pt,
            "orientation": str(section.orientation),
            "top_mm": round(section.top_margin.mm, 1),
            "bottom_mm": round(section.bottom_margin.mm, 1),
            "left_mm": round(section.left_margin.mm, 1),
            "right_mm": round(section.right_margin.mm, 1),
        },
        "core": {
            "title": core.title,
            "subject": core.subject,
            "creator": core.author,
            "description": core.comments,
            "created": core.created.isoformat() if core.created else None,
        },
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
