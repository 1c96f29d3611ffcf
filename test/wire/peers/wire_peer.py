#!/usr/bin/env python3
"""Independent peers for the wire runner tests, written with the plain socket module.

Servers print "READY <port-or-path>" and serve until killed or --timeout seconds pass.
Clients print "RESULT <json>" at the end. Everything binds to 127.0.0.1, ::1 or a UNIX path.
"""
import argparse
import json
import os
import socket
import sys
import threading
import time


def ready(value):
    print(f"READY {value}", flush=True)


def result(**values):
    print("RESULT " + json.dumps(values), flush=True)


def family_of(args):
    return socket.AF_INET6 if args.family == 6 else socket.AF_INET


def host_of(args):
    return "::1" if args.family == 6 else "127.0.0.1"


def stream_listener(args):
    if args.path:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(args.path)
        s.listen(128)
        return s, args.path
    s = socket.socket(family_of(args), socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host_of(args), 0))
    s.listen(128)
    return s, s.getsockname()[1]


def serve(args, handler):
    s, where = stream_listener(args)
    ready(where)
    while True:
        conn, _ = s.accept()
        threading.Thread(target=handler, args=(conn,), daemon=True).start()


def echo_handler(conn):
    with conn:
        while True:
            data = conn.recv(65536)
            if not data:
                return
            conn.sendall(data)


def trickle_handler(conn):
    """Echoes every chunk one byte per send(), with TCP_NODELAY and a pause, so the data arrives split."""
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    with conn:
        while True:
            data = conn.recv(65536)
            if not data:
                return
            for byte in data:
                conn.sendall(bytes([byte]))
                time.sleep(0.01)


def line_handler(conn):
    """Greets with 'HELLO pyline\\r\\n', answers each line 'OK <LINE>' in upper case, closes after QUIT."""
    with conn:
        conn.sendall(b"HELLO pyline\r\n")
        buffer = b""
        while True:
            data = conn.recv(65536)
            if not data:
                return
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                line = line.rstrip(b"\r")
                conn.sendall(b"OK " + line.upper() + b"\r\n")
                if line.lower() == b"quit":
                    conn.shutdown(socket.SHUT_WR)
                    return


def udp_server(args, pong):
    s = socket.socket(family_of(args), socket.SOCK_DGRAM)
    s.bind((host_of(args), 0))
    ready(s.getsockname()[1])
    while True:
        data, peer = s.recvfrom(65535)
        if pong and data.startswith(b"ping "):
            s.sendto(b"pong " + data[5:], peer)
        else:
            s.sendto(data, peer)


def http_server(args):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            body = b"hello from python\n"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ready(server.server_address[1])
    server.serve_forever()


def smtp_clients(args):
    """--clients concurrent clients of a mock server: greeting, HELO with a name, QUIT, then EOF."""
    results = [None] * args.clients
    start = threading.Barrier(args.clients)

    def read_line(f):
        return f.readline()

    def client(index):
        try:
            if args.path:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                target = args.path
            else:
                s = socket.socket(family_of(args), socket.SOCK_STREAM)
                target = (host_of(args), args.port)
            s.settimeout(args.timeout)
            start.wait()
            s.connect(target)
            f = s.makefile("rb")
            greeting = read_line(f)
            s.sendall(f"HELO client{index}\r\n".encode())
            hello = read_line(f)
            s.sendall(b"QUIT\r\n")
            bye = read_line(f)
            rest = f.read()
            s.close()
            results[index] = [greeting.decode("latin1"), hello.decode("latin1"), bye.decode("latin1"), rest.decode("latin1")]
        except Exception as error:
            results[index] = ["error", repr(error)]

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    ready("clients")
    for t in threads:
        t.join()
    result(replies=results)


def line_client(args):
    """One client: sends each of --lines (a JSON list) and reads one line back after each."""
    s = socket.create_connection((host_of(args), args.port), timeout=args.timeout)
    f = s.makefile("rb")
    replies = []
    for line in json.loads(args.lines):
        s.sendall(line.encode("latin1"))
        replies.append(f.readline().decode("latin1"))
    s.close()
    result(replies=replies)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode")
    parser.add_argument("--family", type=int, default=4)
    parser.add_argument("--path", default="")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--lines", default="[]")
    args = parser.parse_args()
    # A broken test must not leave this process behind.
    threading.Timer(args.timeout, lambda: os._exit(3)).start()
    try:
        if args.mode == "echo":
            serve(args, echo_handler)
        elif args.mode == "trickle":
            serve(args, trickle_handler)
        elif args.mode == "line":
            serve(args, line_handler)
        elif args.mode == "udp-echo":
            udp_server(args, False)
        elif args.mode == "udp-pong":
            udp_server(args, True)
        elif args.mode == "http":
            http_server(args)
        elif args.mode == "line-client":
            line_client(args)
            os._exit(0)
        elif args.mode == "smtp-clients":
            smtp_clients(args)
            os._exit(0)
        else:
            raise SystemExit(f"unknown mode {args.mode}")
    except Exception as error:
        result(error=repr(error))
        os._exit(1)


if __name__ == "__main__":
    main()
