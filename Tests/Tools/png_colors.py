"""Counts the pixels of given colours in a PNG (8-bit RGB or RGBA, not interlaced), with the standard library
only: the simulate timeline test checks a headless Chromium screenshot is not blank and shows its marks."""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, f"unsupported PNG {header}"
    step = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * step
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - step] if x >= step else 0
            up = previous[x]
            corner = previous[x - step] if x >= step else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                estimate = left + up - corner
                a, b, c = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                line[x] = (line[x] + (left if a <= b and a <= c else up if b <= c else corner)) & 255
        rows.append(bytes(line))
        previous = line
    for row in rows:
        for x in range(0, stride, step):
            yield row[x:x + 3]


if __name__ == "__main__":
    wanted = {bytes.fromhex(colour): colour for colour in sys.argv[2:]}
    counts = dict.fromkeys(sys.argv[2:], 0)
    distinct = set()
    for pixel in pixels(sys.argv[1]):
        distinct.add(pixel)
        if pixel in wanted:
            counts[wanted[pixel]] += 1
    print(len(distinct), " ".join(f"{colour}={count}" for colour, count in counts.items()))
