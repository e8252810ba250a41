#!/usr/bin/env python3
"""Writes Samples/calls.pcap from Samples/calls.txt: each line as an MTP3 record (LINKTYPE_MTP3, 141) with SIO
0x85 (national, ISUP) and the ITU routing label (Q.704 §2.2: DPC 14 bits, OPC 14 bits, SLS 4 bits, least
significant octet first), in capture-time order, as a classic microsecond pcap."""
import struct, sys

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

def main(source='Samples/calls.txt', target='Samples/calls.pcap'):
    with open(target, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xA1B2C3D4, 2, 4, 0, 0, 65535, 141))
        for seconds, micros, data in records(source):
            f.write(struct.pack('<IIII', seconds, micros, len(data), len(data)) + data)

if __name__ == '__main__':
    main(*sys.argv[1:])
