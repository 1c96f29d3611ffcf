#!/usr/bin/env python3
"""An independent TLS peer for the engine's tests, written with Python's ssl module.

Modes:
  server  --cert C --key K [--alpn h2,http/1.1] [--expect N] [--reply HEX] [--host H]
  client  --port P --cafile F --servername S [--host H] [--send HEX] [--expect N]
  smtp    --cert C --key K   (plain TCP; upgrades after STARTTLS\\r\\n like an SMTP server)

Prints READY <port> once listening (servers), then RESULT <json> and exits. Every socket has a
timeout, so the peer never outlives its test.
"""
import argparse
import json
import socket
import ssl
import sys

TIMEOUT = 10


def result(**fields):
    print("RESULT " + json.dumps(fields), flush=True)


def read_exactly(sock, count):
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            break
        data += chunk
    return data


def read_line(sock):
    data = b""
    while not data.endswith(b"\r\n"):
        chunk = sock.recv(1)
        if not chunk:
            break
        data += chunk
    return data


def listen(host):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    server = socket.socket(family, socket.SOCK_STREAM)
    server.settimeout(TIMEOUT)
    server.bind((host, 0))
    server.listen(1)
    print("READY %d" % server.getsockname()[1], flush=True)
    return server


def serve(args):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    if args.alpn:
        context.set_alpn_protocols(args.alpn.split(","))
    seen = {}

    def on_sni(_sock, name, _context):
        seen["sni"] = name

    context.sni_callback = on_sni
    server = listen(args.host)
    conn, _ = server.accept()
    conn.settimeout(TIMEOUT)
    tls = context.wrap_socket(conn, server_side=True)
    received = read_exactly(tls, args.expect)
    if args.reply:
        tls.sendall(bytes.fromhex(args.reply))
    result(received=received.hex(), version=tls.version(), cipher=tls.cipher()[0], alpn=tls.selected_alpn_protocol(), sni=seen.get("sni"))
    tls.close()


def connect(args):
    print("READY 0", flush=True)
    context = ssl.create_default_context(cafile=args.cafile)
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    raw = socket.socket(family, socket.SOCK_STREAM)
    raw.settimeout(TIMEOUT)
    raw.connect((args.host, args.port))
    tls = context.wrap_socket(raw, server_hostname=args.servername)
    tls.sendall(bytes.fromhex(args.send))
    received = read_exactly(tls, args.expect)
    peer = tls.getpeercert()
    subject = ",".join("%s=%s" % pair for rdn in peer.get("subject", ()) for pair in rdn)
    result(received=received.hex(), version=tls.version(), cipher=tls.cipher()[0], subject=subject)
    tls.close()


def smtp(args):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    seen = {}

    def on_sni(_sock, name, _context):
        seen["sni"] = name

    context.sni_callback = on_sni
    server = listen(args.host)
    conn, _ = server.accept()
    conn.settimeout(TIMEOUT)
    conn.sendall(b"220 smtp.test ESMTP ready\r\n")
    command = read_line(conn)
    if command != b"STARTTLS\r\n":
        result(error="expected STARTTLS, got %r" % command)
        return
    conn.sendall(b"220 2.0.0 Ready to start TLS\r\n")
    tls = context.wrap_socket(conn, server_side=True)
    hello = read_line(tls)
    tls.sendall(b"250 smtp.test at your service\r\n")
    rest = b""
    while True:
        chunk = tls.recv(4096)
        if not chunk:
            break
        rest += chunk
    result(command=command.decode(), hello=hello.decode(), rest=rest.decode(), version=tls.version(), sni=seen.get("sni"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--alpn")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int)
    parser.add_argument("--cafile")
    parser.add_argument("--servername")
    parser.add_argument("--send", default="")
    parser.add_argument("--reply", default="")
    parser.add_argument("--expect", type=int, default=0)
    args = parser.parse_args()
    try:
        {"server": serve, "client": connect, "smtp": smtp}[args.mode](args)
    except Exception as error:  # the test reads the reason from RESULT
        result(error="%s: %s" % (type(error).__name__, error))
        sys.exit(1)


if __name__ == "__main__":
    main()
