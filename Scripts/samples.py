#!/usr/bin/env python3
"""`samples.py [TXT [PCAP]]` writes Samples/calls.pcap from Samples/calls.txt: each line as an MTP3 record (LINKTYPE_MTP3, 141) with SIO
0x85 (national, ISUP) and the ITU routing label (Q.704 §2.2: DPC 14 bits, OPC 14 bits, SLS 4 bits, least
significant octet first), in capture-time order, as a classic microsecond pcap. `samples.py generate CALLS PCAP`
writes a large trace of the same kind for Scripts/bench-convert.sh."""
import heapq, struct, sys

def records(path):
    out = []
    for line in open(path):
        line = line.split('#', 1)[0].split()
        if not line:
            continue
        time = line[0][1:]
        opc, dpc = (int(x) for x in line[1].split('>'))
        isup = bytes.fromhex(''.join(line[2:]))
        cic = isup[0] | (isup[1] & 0x0F) << 8
        label = dpc | opc << 14 | (cic & 0x0F) << 28
        seconds, fraction = time.split('.')
        out.append((int(seconds), int(fraction.ljust(6, '0')[:6]), bytes([0x85]) + struct.pack('<I', label) + isup))
    return sorted(out, key=lambda r: (r[0], r[1]))

def write(target, records):
    with open(target, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xA1B2C3D4, 2, 4, 0, 0, 65535, 141))
        for seconds, micros, data in records:
            f.write(struct.pack('<IIII', seconds, micros, len(data), len(data)) + data)

def msu(opc, dpc, cic, body):
    label = dpc | opc << 14 | (cic & 0x0F) << 28
    return bytes([0x85]) + struct.pack('<I', label) + bytes([cic & 0xFF, cic >> 8]) + bytes.fromhex(body)

# vectors.md A3 (IAM, 3 optional parameters) and isup-q763.md §7.2-§7.4, without their CIC.
IAM = ("01 11 60 00 0a 03 02 09 07 83 90 79 70 45 26 09 0a 07 83 13 59 63 85 96 00 3f 07 83 17 17 50 20"
       " 03 00 03 13 28 11 42 45 52 54 48 41 4c 49 4e 20 4a 61 63 71 75 65 73 00")
CALL = [(0.0, 2, IAM), (0.1, 1, "06 16 14 01 29 01 01 00"), (0.2, 1, "09 00"), (1.0, 2, "0c 02 00 02 82 90"),
        (1.01, 1, "10 00")]

def generate(calls, target, start=1700000000):
    """CALLS calls at 100/s between point codes 2 and 1, CICs cycling over 1..1000, written in time order. Streamed:
    a call's messages span 1.01 s, so every message due before the next call's IAM can be written when it is
    reached, and memory holds about a hundred calls, whatever CALLS is (Scripts/convert-1gb.sh writes 1 GB)."""
    pending = []  # heap of (time, call, message)
    def due(before):
        while pending and (before is None or pending[0][0] < before):
            t, _, data = heapq.heappop(pending)
            yield start + int(t), int(round((t - int(t)) * 1e6)) % 1000000, data
    def records():
        for n in range(int(calls)):
            t0 = n / 100.0
            yield from due(t0)
            cic = 1 + n % 1000
            for dt, sender, body in CALL:
                opc, dpc = (2, 1) if sender == 2 else (1, 2)
                heapq.heappush(pending, (t0 + dt, n, msu(opc, dpc, cic, body)))
        yield from due(None)
    write(target, records())

if __name__ == '__main__':
    if sys.argv[1:2] == ['generate']:
        generate(*sys.argv[2:])
    else:
        write(*(sys.argv[2:3] or ['Samples/calls.pcap']), records(*(sys.argv[1:2] or ['Samples/calls.txt'])))
