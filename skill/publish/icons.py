"""The skill's icons, drawn here: a speech bubble holding two overlapping circles.

Alexa wants PNG icons of 108 and 512 pixels. A small PNG writer (zlib, no image library)
draws them, so a package needs nothing but this project.
"""

from __future__ import annotations

import struct
import zlib

#: Icon sizes Alexa asks for, in pixels: (small, large).
SIZES = (108, 512)

BACKGROUND = (22, 96, 136)
BUBBLE = (255, 255, 255)
FIRST = (22, 96, 136)
SECOND = (242, 153, 74)


def png(width: int, height: int, rows: list[bytes]) -> bytes:
    """An 8-bit RGB PNG of ``rows`` (each ``width * 3`` bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def _pixel(x: float, y: float) -> tuple[int, int, int]:
    """The colour at (x, y) in a unit square."""
    in_bubble = (x - 0.5) ** 2 / 0.40**2 + (y - 0.45) ** 2 / 0.32**2 <= 1
    in_tail = 0.28 <= x <= 0.42 and 0.70 <= y <= 0.88 and (x - 0.28) >= (y - 0.70) * 0.8
    if not (in_bubble or in_tail):
        return BACKGROUND
    if (x - 0.58) ** 2 + (y - 0.45) ** 2 <= 0.15**2:
        return SECOND
    if (x - 0.42) ** 2 + (y - 0.45) ** 2 <= 0.15**2:
        return FIRST
    return BUBBLE


def draw(size: int) -> bytes:
    """The icon as a ``size`` by ``size`` PNG."""
    rows = []
    for row in range(size):
        y = (row + 0.5) / size
        rows.append(bytes(c for col in range(size) for c in _pixel((col + 0.5) / size, y)))
    return png(size, size, rows)


def dimensions(data: bytes) -> tuple[int, int] | None:
    """(width, height) of PNG ``data``; ``None`` if it isn't a PNG."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])
