#!/usr/bin/env python3
"""Runs one getaddrinfo client against a scripted DNS server inside a private network and mount namespace.

The real-resolver tests start it as `unshare -n -m python3 scripted_dns.py SCENARIO.json` (Python 3 standard
library only). It brings up `lo`, bind-mounts the scenario's resolv.conf, an nsswitch.conf with `hosts: dns`
and an empty hosts file over /etc, answers on port 53 of the scenario's loopback addresses (UDP, and TCP
unless the scenario refuses it) from the scenario's table, runs the client with a deadline, and prints one
JSON object: the client's exit status and output, and every query the servers received, in order.
Nothing leaves the namespace: its only interface is `lo`. `--probe` only checks that the setup works.

Scenario (JSON): resolvConf, name, client (path), answers [{name, type, udp: REPLY, tcp: REPLY or null}],
otherwise: REPLY (default NXDOMAIN), tcp (listen on TCP, default true), listen (addresses, default
["127.0.0.1"]), deadline (seconds). REPLY: {rcode, records [{name?, type, ttl, data}], truncated, silent}.
Over TCP an entry without a `tcp` reply answers its `udp` reply without TC.
"""
import json
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

TYPES = {"A": 1, "NS": 2, "CNAME": 5, "SOA": 6, "PTR": 12, "MX": 15, "TXT": 16, "AAAA": 28, "SRV": 33, "OPT": 41}
TYPE_NAMES = {number: name for name, number in TYPES.items()}
RCODES = {"NOERROR": 0, "FORMERR": 1, "SERVFAIL": 2, "NXDOMAIN": 3, "NOTIMP": 4, "REFUSED": 5}
# Every blocking socket call wakes up this often, so the server stops promptly.
POLL_SECONDS = 0.2
TCP_IDLE_SECONDS = 2.0


def setup_namespace(files):
    """Loopback up, and the scenario's files over the system's, so the libcs read only them."""
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True, timeout=10)
    for target, source in files.items():
        subprocess.run(["mount", "--bind", source, target], check=True, timeout=10)


def encode_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        if label:
            out += bytes([len(label)]) + label.encode("ascii")
    return out + b"\x00"


def read_question(message):
    """(qname, qtype, end of the question, has an additional record); queries never compress their name."""
    offset = 12
    labels = []
    while message[offset] != 0:
        length = message[offset]
        labels.append(message[offset + 1:offset + 1 + length].decode("ascii", "replace"))
        offset += 1 + length
    qtype = struct.unpack("!H", message[offset + 1:offset + 3])[0]
    arcount = struct.unpack("!H", message[10:12])[0]
    return ".".join(labels) + ".", qtype, offset + 5, arcount > 0


def rdata(record):
    kind = record["type"]
    if kind == "A":
        return socket.inet_pton(socket.AF_INET, record["data"])
    if kind == "AAAA":
        return socket.inet_pton(socket.AF_INET6, record["data"])
    if kind in ("CNAME", "NS", "PTR"):
        return encode_name(record["data"])
    if kind == "TXT":
        text = record["data"].encode("ascii")
        return b"".join(bytes([len(text[i:i + 255])]) + text[i:i + 255] for i in range(0, max(len(text), 1), 255))
    raise ValueError("unsupported record type " + kind)


def build_reply(query, question_end, qname, reply):
    """QR, AA and RA set, opcode and RD copied; the question echoed; the records in the answer section."""
    flags_in = struct.unpack("!H", query[2:4])[0]
    flags = 0x8000 | (flags_in & 0x7800) | 0x0400 | (flags_in & 0x0100) | 0x0080
    if reply.get("truncated"):
        flags |= 0x0200
    flags |= RCODES[reply.get("rcode", "NOERROR")]
    records = reply.get("records", [])
    answers = b""
    for record in records:
        data = rdata(record)
        answers += encode_name(record.get("name") or qname)
        answers += struct.pack("!HHIH", TYPES[record["type"]], 1, record.get("ttl", 300), len(data)) + data
    header = query[0:2] + struct.pack("!HHHHH", flags, 1, len(records), 0, 0)
    return header + query[12:question_end] + answers


class Server:
    def __init__(self, scenario):
        self.table = {}
        for entry in scenario.get("answers", []):
            self.table[(entry["name"].lower().rstrip(".") + ".", entry["type"])] = entry
        self.otherwise = scenario.get("otherwise") or {"rcode": "NXDOMAIN"}
        self.queries = []
        self.lock = threading.Lock()
        self.stopping = False
        self.started = time.monotonic()
        self.sockets = []
        for address in scenario.get("listen", ["127.0.0.1"]):
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            udp = socket.socket(family, socket.SOCK_DGRAM)
            udp.bind((address, 53))
            udp.settimeout(POLL_SECONDS)
            self.sockets.append(("udp", address, udp))
            if scenario.get("tcp", True):
                tcp = socket.socket(family, socket.SOCK_STREAM)
                tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                tcp.bind((address, 53))
                tcp.listen(8)
                tcp.settimeout(POLL_SECONDS)
                self.sockets.append(("tcp", address, tcp))

    def reply(self, message, transport, server, port):
        try:
            qname, qtype, end, edns = read_question(message)
        except (IndexError, struct.error):
            return None
        type_name = TYPE_NAMES.get(qtype, "TYPE%d" % qtype)
        with self.lock:
            self.queries.append({"name": qname, "type": type_name, "transport": transport, "edns": edns,
                                 "server": server, "port": port, "at": round(time.monotonic() - self.started, 3)})
        entry = self.table.get((qname.lower(), type_name))
        if entry is None:
            reply = self.otherwise
        elif transport == "tcp" and entry.get("tcp") is not None:
            reply = entry["tcp"]
        elif transport == "tcp":
            reply = dict(entry["udp"], truncated=False)
        else:
            reply = entry["udp"]
        if reply.get("silent"):
            return None
        return build_reply(message, end, qname, reply)

    def serve_udp(self, address, udp):
        while not self.stopping:
            try:
                message, peer = udp.recvfrom(4096)
            except socket.timeout:
                continue
            answer = self.reply(message, "udp", address, peer[1])
            if answer is not None:
                udp.sendto(answer, peer)

    def serve_tcp(self, address, tcp):
        while not self.stopping:
            try:
                connection, peer = tcp.accept()
            except socket.timeout:
                continue
            threading.Thread(target=self.serve_connection, args=(connection, address, peer[1]), daemon=True).start()

    def serve_connection(self, connection, address, port):
        connection.settimeout(TCP_IDLE_SECONDS)
        try:
            while not self.stopping:
                prefix = receive(connection, 2)
                message = prefix and receive(connection, struct.unpack("!H", prefix)[0])
                if not message:
                    return
                answer = self.reply(message, "tcp", address, port)
                if answer is not None:
                    connection.sendall(struct.pack("!H", len(answer)) + answer)
        except OSError:
            return
        finally:
            connection.close()

    def start(self):
        threads = []
        for transport, address, sock in self.sockets:
            target = self.serve_udp if transport == "udp" else self.serve_tcp
            threads.append(threading.Thread(target=target, args=(address, sock), daemon=True))
        for thread in threads:
            thread.start()
        return threads

    def stop(self, threads):
        self.stopping = True
        for thread in threads:
            thread.join(timeout=TCP_IDLE_SECONDS)
        # Queries still queued when the client exited reached the server too: log them, unanswered.
        for transport, address, sock in self.sockets:
            if transport != "udp":
                continue
            sock.setblocking(False)
            while True:
                try:
                    message, peer = sock.recvfrom(4096)
                except OSError:
                    break
                self.reply(message, "udp", address, peer[1])


def receive(connection, count):
    data = b""
    while len(data) < count:
        chunk = connection.recv(count - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def write_file(folder, name, text):
    path = folder + "/" + name
    with open(path, "w") as handle:
        handle.write(text)
    return path


def probe():
    with tempfile.TemporaryDirectory() as folder:
        setup_namespace({"/etc/resolv.conf": write_file(folder, "resolv.conf", "nameserver 127.0.0.1\n")})
        check = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        check.bind(("127.0.0.1", 53))
        check.close()
    print(json.dumps({"probe": "ok"}))


def run(scenario):
    with tempfile.TemporaryDirectory() as folder:
        setup_namespace({
            "/etc/resolv.conf": write_file(folder, "resolv.conf", scenario["resolvConf"]),
            "/etc/nsswitch.conf": write_file(folder, "nsswitch.conf", "hosts: dns\n"),
            "/etc/hosts": write_file(folder, "hosts", ""),
        })
        server = Server(scenario)
        threads = server.start()
        started = time.monotonic()
        timed_out = False
        try:
            client = subprocess.run([scenario["client"], scenario["name"]], capture_output=True, text=True,
                                    timeout=scenario.get("deadline", 30))
            status, output = client.returncode, client.stdout + client.stderr
        except subprocess.TimeoutExpired:
            timed_out, status, output = True, -1, ""
        seconds = time.monotonic() - started
        server.stop(threads)
    with server.lock:
        queries = list(server.queries)
    print(json.dumps({"status": status, "output": output, "timedOut": timed_out, "seconds": round(seconds, 3),
                      "queries": queries}))


def main():
    if sys.argv[1:] == ["--probe"]:
        probe()
        return
    with open(sys.argv[1]) as handle:
        run(json.load(handle))


if __name__ == "__main__":
    main()
