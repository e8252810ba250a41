#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses (Fuzz/Corpus/<harness>/) from the test vectors:
Samples/isup-messages.txt, ../shared/spec/vectors.md, ../shared/spec/peer-vectors/isup-messages.json, and what
`sipigw` itself builds from them (JSON forms, a SIP-I INVITE). Run from the repository with a built sipigw:
    swift build --product sipigw && Fuzz/Corpus/seeds.py
Files are named by the SHA-1 of their content, as libFuzzer names what it adds."""
import base64, hashlib, json, os, re, struct, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = os.path.join(ROOT, "..", "shared", "spec")
SIPIGW = os.path.join(ROOT, ".build", "debug", "sipigw")
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")


def write(harness, data):
    directory = os.path.join(CORPUS, harness)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def hexbytes(text):
    return bytes.fromhex(re.sub(r"[^0-9a-fA-F]", "", text))


# ISUP, with CIC: the samples and vectors.md section A; the peer vectors in their own framing.
isup = [hexbytes(l.split("#")[0]) for l in open(os.path.join(ROOT, "Samples", "isup-messages.txt"))
        if l.split("#")[0].strip()]
vectors = open(os.path.join(SPEC, "vectors.md")).read()
section = lambda name: vectors.split("## " + name)[1].split("\n## ")[0]
isup += [hexbytes(h) for h in re.findall(r"Hex[^`]*`([0-9a-fA-F ]+)`", section("A."))]
m3ua = [hexbytes(h) for h in re.findall(r"Hex[^`]*`([0-9a-fA-F ]+)`", section("B."))]
peers = json.load(open(os.path.join(SPEC, "peer-vectors", "isup-messages.json")))
framed = [(b"\x00" if p["has_cic"] else b"\x01") + bytes.fromhex(p["hex"]) for p in peers]
for m in isup:
    write("FuzzISUP", b"\x00" + m)
for m in framed:
    write("FuzzISUP", m)

# The JSON forms sipigw prints for them.
lines = "\n".join(Hex.hex() for Hex in isup)
out = subprocess.run([SIPIGW, "decode", "--file", "-"], input=lines.encode(), capture_output=True).stdout
for line in out.splitlines():
    write("FuzzISUPJSON", line)
write("FuzzISUPJSON", b'{"cic":1,"code":48,"hex":""}')

# M3UA: section B, and DATA carrying each ISUP message (RFC 4666 §3.3.1, Protocol Data with SI = 5).
for m in m3ua:
    write("FuzzM3UA", b"\x00" + m)
for m in isup[:12]:
    data = struct.pack(">IIBBBB", 1, 2, 5, 2, 0, 7) + m
    tlv = struct.pack(">HH", 0x0210, 4 + len(data)) + data + b"\x00" * (-len(data) % 4)
    rc = struct.pack(">HHI", 0x0006, 8, 10)
    body = rc + tlv
    write("FuzzM3UA", b"\x00" + struct.pack(">BBBBI", 1, 0, 1, 1, 8 + len(body)) + body)

# SIP: the peer vectors' SIP-I messages, an INVITE sipigw builds for the sample IAM, and plain call messages.
sdp = ("v=0\r\no=peer 1 1 IN IP4 127.0.0.2\r\ns=-\r\nc=IN IP4 127.0.0.2\r\nt=0 0\r\n"
       "m=audio 30000 RTP/AVP 8 18 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:18 G729/8000\r\na=fmtp:18 annexb=no\r\n"
       "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\n")
head = ("Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n"
        "From: <sip:+390298765432@olo2.it;user=phone>;tag=a\r\nTo: <sip:+390612345678@sipigw.it;user=phone>\r\n"
        "Call-ID: c1@olo2.it\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@127.0.0.2:5060>\r\n")
sip = [p for p in (base64.b64decode(p["sip_b64"]) for p in peers if p.get("sipi"))]
sip.append(subprocess.run([SIPIGW, "sipi", "build", "--iam", isup[0].hex(), "--peer-domain", "olo2.it",
                           "--own-domain", "olo1.it"], capture_output=True).stdout)
sip.append(("INVITE sip:+390612345678@sipigw.it;user=phone SIP/2.0\r\n" + head + "Supported: 100rel, timer\r\n"
            "Content-Type: application/sdp\r\nContent-Length: %d\r\n\r\n%s" % (len(sdp), sdp)).encode())
sip.append(("SIP/2.0 200 OK\r\n" + head.replace("user=phone>\r\nCall", "user=phone>;tag=b\r\nCall")
            + "Content-Length: 0\r\n\r\n").encode())
sip.append(("BYE sip:gw@127.0.0.1 SIP/2.0\r\n" + head.replace("1 INVITE", "2 BYE")
            + "Reason: Q.850;cause=16\r\nContent-Length: 0\r\n\r\n").encode())
for m in sip:
    write("FuzzSIPMessage", m)
    write("FuzzSIPIBody", m)
write("FuzzSDP", sdp.encode())
write("FuzzSDP", b"v=0\r\no=- 2 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
      b"m=image 40000 udptl t38\r\na=T38FaxVersion:0\r\nm=audio 0 RTP/AVP 8\r\n")

# pcap (MTP3, DLT 141, little and big endian) and pcapng (an SHB, an IDB for MTP2 with FCS, EPBs).
def classic(big, link, packets):
    e = ">" if big else "<"
    out = struct.pack(e + "IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, link)
    for n, p in enumerate(packets):
        out += struct.pack(e + "IIII", 1_700_000_000 + n, 0, len(p), len(p)) + p
    return out

msus = [bytes([0x85]) + struct.pack("<I", (7 << 28) | (2 << 14) | 1) + m for m in isup[:6]]
write("FuzzPcap", classic(False, 141, msus))
write("FuzzPcap", classic(True, 141, msus[:2]))
def block(kind, body):
    body += b"\x00" * (-len(body) % 4)
    return struct.pack("<II", kind, 12 + len(body)) + body + struct.pack("<I", 12 + len(body))
ng = block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)) + block(1, struct.pack("<HHI", 140, 0, 65535))
for p in msus[:3]:
    su = bytes([0x80, 0x80, 0x3F]) + p
    ng += block(6, struct.pack("<IIIII", 0, 0, 0, len(su), len(su)) + su)
write("FuzzPcap", ng)

# The engine: event programs (FuzzEngine.step) — an IAM answered and released both ways, an INVITE toward the
# switch answered, and an overlap IAM completed by SAM and T10.
engine = [
    bytes([1, 1, 1, 86, 1, 1, 0, 6, 0, 1, 6, 0, 3, 1, 1, 1, 16, 6, 0, 3, 11, 50]),
    bytes([0, 5, 0, 1, 1, 2, 1, 1, 14, 9, 0, 0, 9, 0, 1, 11, 50]),
    bytes([0, 1, 1, 4, 1, 1, 118, 1, 1, 122, 6, 0, 1, 6, 0, 3, 10, 0, 1, 11, 200]),
    bytes([2, 1, 1, 0, 13, 0, 6, 0, 1, 12, 1, 14, 0, 1, 2, 11, 100]),
    bytes([0, 1, 2, 0, 139, 0, 11, 200, 139, 3, 1, 2, 1, 31, 11, 100]),
]
for program in engine:
    write("FuzzEngine", program)

# The daemon's YAML configuration: the shipped default and the examples.
for directory in ("Config", os.path.join("Config", "examples")):
    for name in sorted(os.listdir(os.path.join(ROOT, directory))):
        if name.endswith(".yaml"):
            write("FuzzConfiguration", open(os.path.join(ROOT, directory, name), "rb").read())
