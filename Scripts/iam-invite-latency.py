#!/usr/bin/env python3
"""`iam-invite-latency.py CAPTURE M3UA_PORT[,M3UA_PORT…] SIP_PORT` prints the gateway's IAM→INVITE latency as the loopback
interface saw it (issue 8, "Load"): the kernel's capture timestamps of each IAM the switch sent to the gateway
(M3UA DATA over TCP to an M3UA_PORT, RFC 4666 §3.3.1, the ISUP message type 0x01 after the CIC, Q.763 §1.2) and of
the INVITE the gateway sent for it (UDP to SIP_PORT). Neither the switch simulator's nor the gateway's clock is
used. An IAM and an INVITE are paired by the called number (the IAM's Called Party Number digits, Q.763 §3.9,
BCD, and the Request-URI's user part; the last eight digits compared, as the INVITE carries the number in its
international form), first in first out per number, so the switch must cycle over enough distinct numbers that
one number is not called twice within a latency. A retransmitted INVITE (same Call-ID) counts once.

The capture is a classic pcap (dumpcap -P) of Ethernet (the loopback's link type) and IPv4 frames; each TCP
direction is reassembled in capture order (loopback neither loses nor reorders; repeated octets are dropped) and
cut into M3UA messages by their length field. Prints: IAMs, INVITEs, pairs, and p50/p90/p99/p99.9/max in ms."""
import struct, sys
from collections import defaultdict, deque

def frames(path):
    """(timestamp in seconds, Ethernet frame) per record; microsecond or nanosecond classic pcap."""
    with open(path, 'rb') as f:
        header = f.read(24)
        magic = struct.unpack('<I', header[:4])[0]
        if magic not in (0xA1B2C3D4, 0xA1B23C4D):
            sys.exit(f'{path}: not a little-endian classic pcap (magic {magic:#x}); capture with dumpcap -P')
        scale = 1e-6 if magic == 0xA1B2C3D4 else 1e-9
        linktype = struct.unpack('<I', header[20:24])[0]
        if linktype != 1:
            sys.exit(f'{path}: link type {linktype}, expected Ethernet (1)')
        while record := f.read(16):
            seconds, fraction, captured, _ = struct.unpack('<IIII', record)
            yield seconds + fraction * scale, f.read(captured)

def digits(called):
    """Q.763 §3.9: the address signals after the two indicator octets, BCD, low nibble first; odd/even bit;
    a final ST (hex F) dropped."""
    odd = called[0] & 0x80
    out = ''.join(f'{b & 0x0F:X}{b >> 4:X}' for b in called[2:])
    out = out[:-1] if odd else out
    return out.removesuffix('F')  # ST, end of pulsing

def iam_called(isup):
    """The called number of an IAM (CIC 2 octets, type, then the fixed part NCI 1, FCI 2, CPC 1, TMR 1, Q.763
    Table 32, and the pointer to the mandatory variable Called Party Number)."""
    pointer = 8
    start = pointer + isup[pointer]
    return digits(isup[start + 1:start + 1 + isup[start]])

def m3ua_iams(segments):
    """(time, called) of every IAM in one TCP direction's segments (time, sequence, payload), in capture order.
    Sequence numbers compare modulo 2**32 (they may wrap during a run); what a retransmission repeats is dropped."""
    buffer, expected, out = b'', None, []
    for time, sequence, payload in segments:
        if expected is not None:
            behind = (expected - sequence) % 2**32
            if behind < 2**31:  # at or before `expected`: only what is new
                payload = payload[behind:]
                sequence = expected
        buffer += payload
        expected = (sequence + len(payload)) % 2**32
        while len(buffer) >= 8 and len(buffer) >= (length := struct.unpack('>I', buffer[4:8])[0]):
            if length < 8:
                sys.exit('M3UA message with a length below its header')
            message, buffer = buffer[:length], buffer[length:]
            if message[2:4] != b'\x01\x01':  # class 1 (transfer), type 1 (DATA)
                continue
            offset = 8
            while offset + 4 <= len(message):
                tag, size = struct.unpack('>HH', message[offset:offset + 4])
                if size < 4:
                    sys.exit('M3UA parameter with a length below its header')
                if tag == 0x0210 and size >= 16:  # Protocol Data: OPC, DPC, SI, NI, MP, SLS, then ISUP
                    isup = message[offset + 16:offset + size]
                    if len(isup) > 3 and isup[2] == 0x01:
                        out.append((time, iam_called(isup)))
                offset += (size + 3) & ~3
    return out

def main(path, m3ua_ports, sip_port):
    tcp = defaultdict(list)
    invites, seen = [], set()
    for time, frame in frames(path):
        if len(frame) < 34 or frame[12:14] != b'\x08\x00':
            continue
        ip = frame[14:]
        header = (ip[0] & 0x0F) * 4
        total = struct.unpack('>H', ip[2:4])[0]
        protocol, body = ip[9], ip[header:total]
        if protocol == 6 and len(body) >= 20:
            source, destination, sequence = struct.unpack('>HHI', body[:8])
            payload = body[(body[12] >> 4) * 4:]
            if destination in m3ua_ports and payload:
                tcp[(ip[12:16], source)].append((time, sequence, payload))
        elif protocol == 17 and len(body) >= 8 and struct.unpack('>H', body[2:4])[0] == sip_port:
            text = body[8:]
            if not text.startswith(b'INVITE '):
                continue
            uri = text.split(b' ', 2)[1]
            user = uri.split(b':', 1)[1].split(b'@', 1)[0].split(b';', 1)[0].decode()
            call_id = next((line.split(b':', 1)[1].strip() for line in text.split(b'\r\n')
                            if line.lower().startswith((b'call-id:', b'i:'))), None)
            if call_id not in seen:
                seen.add(call_id)
                invites.append((time, user))
    iams = sorted(iam for segments in tcp.values() for iam in m3ua_iams(segments))
    waiting = defaultdict(deque)
    for time, called in iams:
        waiting[called[-8:]].append(time)
    latencies = []
    for time, user in sorted(invites):
        queue = waiting.get(user[-8:])
        if queue and queue[0] <= time:  # else its IAM came before the capture began
            latencies.append(time - queue.popleft())
    latencies.sort()
    print(f'IAM→INVITE on the wire: {len(iams)} IAMs, {len(invites)} INVITEs, {len(latencies)} paired')
    if not latencies:
        sys.exit(1)
    def at(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
    print('  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms'
          % (at(0.50), at(0.90), at(0.99), at(0.999), latencies[-1] * 1000))

if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], {int(p) for p in sys.argv[2].split(',')}, int(sys.argv[3]))
