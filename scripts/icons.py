#!/usr/bin/env python3
"""Writes Qadam's app icons into static/: icon.svg, icon-192.png, icon-512.png (standard library only).

    python3 scripts/icons.py

The design: three white steps (қадам, "step") rising on the accent colour, full bleed, everything inside
the central 80 % circle, so the same image serves as a maskable Android icon. Re-run after changing it;
the PNGs are committed, the build only copies them.
"""
import os
import struct
import zlib

ROOT = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
ACCENT = (0x00, 0x77, 0x8B)
WHITE = (0xFF, 0xFF, 0xFF)
# (x0, y0, x1, y1) as fractions of the side.
STEPS = [(0.22, 0.60, 0.41, 0.78), (0.41, 0.42, 0.59, 0.78), (0.59, 0.24, 0.78, 0.78)]


def png(size):
    boxes = [tuple(round(v * size) for v in s) for s in STEPS]
    rows = []
    for y in range(size):
        row = bytearray(b"\x00")  # filter: none
        for x in range(size):
            inside = any(x0 <= x < x1 and y0 <= y < y1 for x0, y0, x1, y1 in boxes)
            row += bytes(WHITE if inside else ACCENT)
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def svg():
    rects = "".join(
        f'<rect x="{x0 * 100:g}" y="{y0 * 100:g}" width="{(x1 - x0) * 100:g}" height="{(y1 - y0) * 100:g}"/>'
        for x0, y0, x1, y1 in STEPS
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" fill="#{"".join(f"{c:02x}" for c in ACCENT)}"/>'
        f'<g fill="#fff">{rects}</g></svg>\n'
    )


def main():
    static = os.path.join(ROOT, "static")
    os.makedirs(static, exist_ok=True)
    for size in (192, 512):
        with open(os.path.join(static, f"icon-{size}.png"), "wb") as fh:
            fh.write(png(size))
    with open(os.path.join(static, "icon.svg"), "w") as fh:
        fh.write(svg())
    print("icons: static/icon.svg, static/icon-192.png, static/icon-512.png")


if __name__ == "__main__":
    main()
