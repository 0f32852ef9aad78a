#!/usr/bin/env python3
"""Writes a few well-formed DNS responses (and near misses) as seeds for the message fuzz target:
message-seeds.py FOLDER. Built by hand with struct so no DNS library is needed."""
import os, struct, sys

def name(text):
    out = b""
    for label in text.rstrip(".").split("."):
        if label:
            out += bytes([len(label)]) + label.encode()
    return out + b"\0"

def header(ident, flags, qd, an, ns, ar):
    return struct.pack("!HHHHHH", ident, flags, qd, an, ns, ar)

def rr(owner, rtype, ttl, rdata, rclass=1):
    return owner + struct.pack("!HHIH", rtype, rclass, ttl, len(rdata)) + rdata

def question(qname, qtype):
    return name(qname) + struct.pack("!HH", qtype, 1)

PTR_Q = b"\xc0\x0c"  # pointer to the question name
seeds = {}
seeds["a"] = header(1, 0x8180, 1, 1, 0, 0) + question("www.example.com", 1) + rr(PTR_Q, 1, 300, bytes([192, 0, 2, 1]))
seeds["cname-chain"] = (header(2, 0x8180, 1, 3, 0, 0) + question("api.example.com", 28)
    + rr(PTR_Q, 5, 60, b"\x02lb\xc0\x10") + rr(b"\x02lb\xc0\x10", 5, 60, b"\x03nlb\xc0\x10")
    + rr(b"\x03nlb\xc0\x10", 28, 60, bytes(15) + b"\x01"))
seeds["nxdomain-soa"] = (header(3, 0x8183, 1, 0, 1, 0) + question("nope.example.com", 1)
    + rr(b"\xc0\x11", 6, 3600, name("ns1.example.com") + name("hostmaster.example.com") + struct.pack("!IIIII", 1, 7200, 3600, 1209600, 300)))
seeds["txt-mx-srv"] = (header(4, 0x8580, 1, 3, 0, 0) + question("example.com", 255)
    + rr(PTR_Q, 16, 300, b"\x05hello\x05world") + rr(PTR_Q, 15, 300, b"\x00\x0a\x04mail\xc0\x0c")
    + rr(PTR_Q, 33, 300, b"\x00\x00\x00\x05\x01\xbb\x03api\xc0\x0c"))
seeds["opt-tc"] = header(5, 0x8380, 1, 0, 0, 1) + question("big.example.com", 1) + b"\x00" + struct.pack("!HHIH", 41, 1232, 0, 0)
seeds["ns-glue"] = (header(6, 0x8100, 1, 0, 1, 1) + question("sub.example.com", 1)
    + rr(b"\xc0\x0c", 2, 86400, b"\x03ns1\xc0\x0c") + rr(b"\x03ns1\xc0\x0c", 1, 86400, bytes([192, 0, 2, 53])))
seeds["compression-loop"] = header(7, 0x8180, 1, 1, 0, 0) + b"\xc0\x0c" + struct.pack("!HH", 1, 1)
seeds["truncated-rdata"] = header(8, 0x8180, 1, 1, 0, 0) + question("x.example", 1) + PTR_Q + struct.pack("!HHIH", 1, 1, 1, 4) + b"\x01"
seeds["absurd-counts"] = header(9, 0x8180, 65535, 65535, 65535, 65535) + question("x.example", 1)
seeds["unknown-type"] = header(10, 0x8180, 1, 1, 0, 0) + question("x.example", 731) + rr(PTR_Q, 731, 5, b"\xab\xcd")

folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
for key, data in seeds.items():
    with open(os.path.join(folder, key + ".bin"), "wb") as out:
        out.write(data)
