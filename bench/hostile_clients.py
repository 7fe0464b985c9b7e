#!/usr/bin/env python3
"""Hostile clients for bench/hostile.sh (loopback only; each mode ends by itself).

  hostile_clients.py cancel PORT SECONDS WORKERS   requests closed 30 ms after they are sent
  hostile_clients.py idle PORT COUNT SECONDS        COUNT sockets that send nothing, then one
                                                    real request: prints how long it took
  hostile_clients.py dribble PORT SECONDS           one byte of a request head per second:
                                                    prints when the server closed it
"""
import socket
import sys
import threading
import time


def cancel(port, seconds, workers):
    done = [0]
    end = time.time() + seconds

    def work(w):
        n = 0
        while time.time() < end:
            n += 1
            day = (w * 100_000 + n) % 300
            other = ((w * 100_000 + n) // 300) % 300
            path = "/statements?from=2025-{:02d}-{:02d}&to=2026-{:02d}-{:02d}".format(
                1 + day // 28, 1 + day % 28, 1 + other // 28 % 12, 1 + other % 28)
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=2)
                s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
                time.sleep(0.03)
                s.close()
                done[0] += 1
            except OSError:
                time.sleep(0.01)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(done[0])


def idle(port, count, seconds):
    socks = []
    for _ in range(count):
        try:
            socks.append(socket.create_connection(("127.0.0.1", port), timeout=2))
        except OSError:
            break
    opened = len(socks)
    start = time.time()
    s = socket.create_connection(("127.0.0.1", port), timeout=seconds)
    s.sendall(b"GET /speakers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    head = s.recv(12)
    took = time.time() - start
    s.close()
    # how many of the idle sockets the server has closed by now
    time.sleep(1)
    closed = 0
    for t in socks:
        t.setblocking(False)
        try:
            if t.recv(1) == b"":
                closed += 1
        except BlockingIOError:
            pass
        except OSError:
            closed += 1
    status = head.decode(errors="replace").replace(" ", "_")
    print(f"{opened} {status} {took:.2f} {closed}")


def dribble(port, seconds):
    s = socket.create_connection(("127.0.0.1", port), timeout=seconds + 5)
    start = time.time()
    data = b"GET /speakers HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200
    for b in data:
        if time.time() - start > seconds:
            break
        try:
            s.sendall(bytes([b]))
        except OSError:
            break
        s.settimeout(1.0)
        try:
            if s.recv(1) == b"":
                break
        except socket.timeout:
            pass
        except OSError:
            break
    print(f"{time.time() - start:.1f}")


if __name__ == "__main__":
    mode, port = sys.argv[1], int(sys.argv[2])
    if mode == "cancel":
        cancel(port, float(sys.argv[3]), int(sys.argv[4]))
    elif mode == "idle":
        idle(port, int(sys.argv[3]), float(sys.argv[4]))
    elif mode == "dribble":
        dribble(port, float(sys.argv[3]))
