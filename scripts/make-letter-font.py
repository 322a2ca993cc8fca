#!/usr/bin/python3
"""Builds the letter font bundled in src/main/resources/fonts/ (run by hand; the result is committed).

PDFBox (and so openhtmltopdf) can only embed TrueType outlines; Noto Sans CJK ships CFF outlines.
This takes Noto Sans CJK SC from Debian's fonts-noto-cjk (SIL OFL 1.1), keeps ASCII, Latin-1,
general and CJK punctuation, full-width forms and every GB 2312 character (6,763 hanzi), converts
the CFF outlines to TrueType quadratics (fontTools' cu2qu) and renames the family, as the OFL asks
of modified versions. Needs Debian's python3-fonttools and fonts-noto-cjk:

    apt-get install python3-fonttools fonts-noto-cjk
    /usr/bin/python3 scripts/make-letter-font.py src/main/resources/fonts/RecoupLetterSansSC-Regular.ttf
"""
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FAMILY = "Recoup Letter Sans SC"


def gb2312():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def wanted():
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    chars |= set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    chars |= {0x00A5, 0x2116, 0x2103, 0x00B7, 0x2014, 0x2026, 0x2018, 0x2019, 0x201C, 0x201D}
    return chars | gb2312()


def to_truetype(font):
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    for table in ("VORG", "GPOS", "GSUB", "BASE", "GDEF"):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                  "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0
    font.sfntVersion = "\000\001\000\000"


def rename(font):
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 21, 22):
            names.removeNames(nameID=record.nameID)
    names.setName(FAMILY, 1, 3, 1, 0x409)
    names.setName("Regular", 2, 3, 1, 0x409)
    names.setName(FAMILY + " Regular; subset of Noto Sans CJK SC", 3, 3, 1, 0x409)
    names.setName(FAMILY + " Regular", 4, 3, 1, 0x409)
    names.setName("RecoupLetterSansSC-Regular", 6, 3, 1, 0x409)
    description = ("Modified version (GB 2312 subset, TrueType outlines) of Noto Sans CJK SC, "
                   "licensed under the SIL Open Font License, Version 1.1.")
    names.setName(description, 10, 3, 1, 0x409)


def main(out):
    font = TTCollection(SOURCE).fonts[2]
    assert font["name"].getDebugName(4) == "Noto Sans CJK SC", font["name"].getDebugName(4)
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted())
    subsetter.subset(font)
    # Variation-sequence cmaps (format 14) are of no use to letters and PDFBox ignores them with a warning.
    font["cmap"].tables = [table for table in font["cmap"].tables if table.format != 14]
    to_truetype(font)
    rename(font)
    font.save(out)


if __name__ == "__main__":
    main(sys.argv[1])
