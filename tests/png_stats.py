#!/usr/bin/env python3
"""tests/png_stats.py -- figures of a PNG image, to tell a rendered page
from a blank one, with the Python standard library only (zlib + struct).

usage: python3 tests/png_stats.py FILE.png [RRGGBB...]
prints one line:  width=W height=H colours=N nonwhite=F rows=R [RRGGBB=P...]
  colours   distinct RGB colours (alpha composed on white)
  nonwhite  fraction of pixels that are not white (any channel < 250)
  rows      fraction of pixel rows that hold a non-white pixel
  RRGGBB=P  for each colour asked for, the pixels within a distance of 24
            (Euclidean, in RGB) of it: how much of a chart colour was drawn
Exit status 2 when the file is not a PNG this reads (8-bit grey, grey +
alpha, RGB or RGBA, not interlaced; what browsers' screenshots are).
"""
import struct
import sys
import zlib


def fail(msg):
    print("png_stats: " + msg, file=sys.stderr)
    sys.exit(2)


def chunks(data):
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        yield kind, data[pos + 8:pos + 8 + length]
        pos += 12 + length


def unfilter(raw, width, height, bpp):
    """The scanlines without their filter bytes (PNG spec section 9)."""
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    pos = 0
    for _ in range(height):
        ftype = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if ftype == 1:  # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif ftype == 2:  # Up
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif ftype == 3:  # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif ftype == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        elif ftype != 0:
            fail("bad filter type %d" % ftype)
        rows.append(line)
        prev = line
    return rows


def main():
    if len(sys.argv) < 2:
        fail("usage: png_stats.py FILE.png [RRGGBB...]")
    try:
        want = [(a, int(a[0:2], 16), int(a[2:4], 16), int(a[4:6], 16)) for a in sys.argv[2:]]
    except ValueError:
        fail("colours are RRGGBB hex")
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("%s: not a PNG file" % sys.argv[1])
    idat = []
    width = height = depth = ctype = interlace = None
    for kind, body in chunks(data):
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if width is None or depth != 8 or bpp is None or interlace != 0:
        fail("%s: unsupported PNG (depth %s, colour type %s, interlace %s)" % (sys.argv[1], depth, ctype, interlace))
    rows = unfilter(zlib.decompress(b"".join(idat)), width, height, bpp)
    colours = {}
    inked_rows = 0
    for line in rows:
        if bpp == 3 and line.count(255) == len(line):  # a white row, the common case
            colours[(255, 255, 255)] = colours.get((255, 255, 255), 0) + width
            continue
        inked = 0
        for i in range(0, len(line), bpp):
            px = line[i:i + bpp]
            if bpp >= 3:
                r, g, b = px[0], px[1], px[2]
            else:
                r = g = b = px[0]
            if bpp in (2, 4):  # compose alpha on white
                alpha = px[-1]
                r, g, b = [(v * alpha + 255 * (255 - alpha)) // 255 for v in (r, g, b)]
            key = (r, g, b)
            colours[key] = colours.get(key, 0) + 1
            if r < 250 or g < 250 or b < 250:
                inked = 1
        inked_rows += inked
    nonwhite = sum(n for (r, g, b), n in colours.items() if r < 250 or g < 250 or b < 250)
    out = "width=%d height=%d colours=%d nonwhite=%.4f rows=%.4f" % (
        width, height, len(colours), nonwhite / (width * height), inked_rows / height)
    for name, wr, wg, wb in want:
        near = sum(n for (r, g, b), n in colours.items() if (r - wr) ** 2 + (g - wg) ** 2 + (b - wb) ** 2 <= 24 ** 2)
        out += " %s=%d" % (name, near)
    print(out)

if __name__ == "__main__":
    main()
