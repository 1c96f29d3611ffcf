#!/usr/bin/env python3
"""An independent peer for the engine tests, written the way the socket primer teaches:
socket.socket(AF_INET, SOCK_STREAM), bind(('', port)), sendto(data, (host, port)).

Protocol with the test: the first stdout line is "READY <port-or-path>", the last is
"RESULT <json>". Every mode gives up after --timeout seconds so a broken test cannot hang.
"""
import argparse
import json
import os
import socket
import struct
import sys
import time

# Linux <netinet/in.h>; the socket module does not export it.
IP_RECVTTL = 12


def ready(value):
    print(f"READY {value}", flush=True)


def result(**values):
    print("RESULT " + json.dumps(values), flush=True)


def family_of(args):
    return socket.AF_INET6 if args.family == 6 else socket.AF_INET


def recv_exactly(conn, count):
    chunks = []
    received = 0
    while received < count:
        chunk = conn.recv(min(65536, count - received))
        if not chunk:
            break
        chunks.append(chunk)
        received += len(chunk)
    return b"".join(chunks)


def tcp_server(args):
    s = socket.socket(family_of(args), socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((args.host, 0))
    s.listen(1)
    ready(s.getsockname()[1])
    conn, peer = s.accept()
    data = recv_exactly(conn, args.expect)
    if args.reply:
        conn.sendall(bytes.fromhex(args.reply))
    if args.linger_reset:
        # SO_LINGER with a zero timeout: close() sends RST instead of FIN.
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    else:
        conn.shutdown(socket.SHUT_WR)
        rest = conn.recv(65536)
        data += rest
    conn.close()
    s.close()
    result(received=data.hex(), peer=list(peer[:2]))


def tcp_client(args):
    s = socket.socket(family_of(args), socket.SOCK_STREAM)
    s.connect((args.host, args.port))
    ready(s.getsockname()[1])
    s.sendall(bytes.fromhex(args.send))
    data = recv_exactly(s, args.expect)
    s.close()
    result(received=data.hex())


def tcp_pieces(args):
    """Sends --send in pieces cut at --cuts (byte offsets), --delay seconds apart with TCP_NODELAY,
    so each piece arrives as its own read; then reads --expect bytes and closes."""
    data = open(args.send_file, "rb").read() if args.send_file else bytes.fromhex(args.send)
    cuts = [int(cut) for cut in args.cuts.split(",") if cut != ""]
    s = socket.socket(family_of(args), socket.SOCK_STREAM)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.connect((args.host, args.port))
    ready(s.getsockname()[1])
    start = 0
    for cut in cuts + [len(data)]:
        if cut > start:
            s.sendall(data[start:cut])
            time.sleep(args.delay)
        start = max(start, cut)
    received = recv_exactly(s, args.expect)
    s.close()
    result(received=received.hex(), pieces=len(cuts) + 1)


def tcp_sink(args):
    """Accepts one connection, waits --delay seconds (or, with --hold, for a line on stdin) before
    reading, then counts bytes to EOF. --hold lets a test decide when the peer reads, however slow
    the machine is."""
    s = socket.socket(family_of(args), socket.SOCK_STREAM)
    s.bind((args.host, 0))
    s.listen(1)
    ready(s.getsockname()[1])
    conn, _ = s.accept()
    if args.hold:
        sys.stdin.readline()
    else:
        time.sleep(args.delay)
    total = 0
    while True:
        chunk = conn.recv(1 << 20)
        if not chunk:
            break
        total += len(chunk)
    conn.close()
    result(total=total)


def tcp_reset_after(args):
    """Accepts, reads --expect bytes, then closes with unread data pending, which makes the kernel send RST."""
    s = socket.socket(family_of(args), socket.SOCK_STREAM)
    s.bind((args.host, 0))
    s.listen(1)
    ready(s.getsockname()[1])
    conn, _ = s.accept()
    recv_exactly(conn, args.expect)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()
    s.close()
    result(closed=True)


def tcp_close_after(args):
    """Accepts, reads --expect bytes, then close(): a FIN, and a RST for anything sent afterwards."""
    s = socket.socket(family_of(args), socket.SOCK_STREAM)
    s.bind((args.host, 0))
    s.listen(1)
    ready(s.getsockname()[1])
    conn, _ = s.accept()
    recv_exactly(conn, args.expect)
    conn.close()
    s.close()
    result(closed=True)


def tcp_blackhole(args):
    """Listens with a backlog of 0 and never accepts, then fills the accept queue itself, so the
    kernel drops every further SYN: a connect to it times out without any packet leaving the host."""
    s = socket.socket(family_of(args), socket.SOCK_STREAM)
    s.bind((args.host, 0))
    s.listen(0)
    port = s.getsockname()[1]
    fillers = []
    for _ in range(3):
        filler = socket.socket(family_of(args), socket.SOCK_STREAM)
        filler.setblocking(False)
        try:
            filler.connect((args.host, port))
        except BlockingIOError:
            pass
        fillers.append(filler)
    time.sleep(0.2)
    ready(port)
    time.sleep(args.timeout)
    result(done=True)


def udp_server(args):
    s = socket.socket(family_of(args), socket.SOCK_DGRAM)
    s.bind((args.host, 0))
    ready(s.getsockname()[1])
    data, peer = s.recvfrom(65535)
    if args.reply:
        s.sendto(bytes.fromhex(args.reply), peer)
    s.close()
    result(received=data.hex(), peer=list(peer[:2]))


def udp_client(args):
    s = socket.socket(family_of(args), socket.SOCK_DGRAM)
    s.bind((args.host, 0))
    ready(s.getsockname()[1])
    s.sendto(bytes.fromhex(args.send), (args.host, args.port))
    data = b""
    if args.expect:
        data, _ = s.recvfrom(65535)
    s.close()
    result(received=data.hex())


def udp_ttl(args):
    """Receives one datagram and reports the TTL (IPv4) or hop limit (IPv6) it arrived with,
    read from the ancillary data that IP_RECVTTL / IPV6_RECVHOPLIMIT ask the kernel for."""
    s = socket.socket(family_of(args), socket.SOCK_DGRAM)
    if args.family == 6:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_RECVHOPLIMIT, 1)
    else:
        s.setsockopt(socket.IPPROTO_IP, IP_RECVTTL, 1)
    s.bind((args.host, 0))
    ready(s.getsockname()[1])
    data, ancillary, _flags, peer = s.recvmsg(65535, socket.CMSG_SPACE(4))
    ttl = None
    for level, kind, value in ancillary:
        if (level, kind) in ((socket.IPPROTO_IP, socket.IP_TTL), (socket.IPPROTO_IPV6, socket.IPV6_HOPLIMIT)):
            ttl = struct.unpack("i", value[:4])[0]
    s.close()
    result(received=data.hex(), peer=list(peer[:2]), ttl=ttl)


def unix_address(path):
    """'@name' is a Linux abstract name: b'\\0name', the name's own length, as C programs pass it."""
    return b"\0" + path[1:].encode() if path.startswith("@") else path


def unix_server(args):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(unix_address(args.path))
    s.listen(1)
    ready(args.path)
    conn, _ = s.accept()
    data = recv_exactly(conn, args.expect)
    if args.reply:
        conn.sendall(bytes.fromhex(args.reply))
    conn.close()
    s.close()
    if not args.path.startswith("@"):
        os.unlink(args.path)
    result(received=data.hex())


def unix_client(args):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(unix_address(args.path))
    ready(args.path)
    s.sendall(bytes.fromhex(args.send))
    data = recv_exactly(s, args.expect)
    s.close()
    result(received=data.hex())


def unix_stale(args):
    """Binds a UNIX socket file and exits without unlinking it: the file a crashed server leaves."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(args.path)
    s.listen(1)
    ready(args.path)
    s.close()
    result(stale=os.path.exists(args.path))


MODES = {
    "tcp-server": tcp_server,
    "tcp-client": tcp_client,
    "tcp-sink": tcp_sink,
    "tcp-pieces": tcp_pieces,
    "tcp-reset-after": tcp_reset_after,
    "tcp-blackhole": tcp_blackhole,
    "tcp-close-after": tcp_close_after,
    "udp-server": udp_server,
    "udp-client": udp_client,
    "udp-ttl": udp_ttl,
    "unix-server": unix_server,
    "unix-client": unix_client,
    "unix-stale": unix_stale,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=sorted(MODES))
    parser.add_argument("--family", type=int, default=4)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--path", default="")
    parser.add_argument("--send", default="")
    parser.add_argument("--reply", default="")
    parser.add_argument("--expect", type=int, default=0)
    parser.add_argument("--cuts", default="")
    parser.add_argument("--send-file", default="")
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--linger-reset", action="store_true")
    parser.add_argument("--hold", action="store_true")
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    socket.setdefaulttimeout(args.timeout)
    try:
        MODES[args.mode](args)
    except Exception as error:  # reported to the test, which fails with the reason
        result(error=f"{type(error).__name__}: {error}")
        sys.exit(1)


if __name__ == "__main__":
    main()
