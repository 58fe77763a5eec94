#!/usr/bin/env python3
"""A TCP proxy that adds latency: every chunk of bytes, in either direction, is passed on
RTT/2 after it arrived (order kept, no bandwidth limit), and a new connection waits one RTT
before its first byte goes anywhere (the TCP handshake a real network would cost).

    bench/delay-proxy.py LISTEN_PORT_FILE UPSTREAM_HOST:PORT [RTT_MS]

Listens on 127.0.0.1 on a free port, writes that port to LISTEN_PORT_FILE once listening,
and relays to UPSTREAM until killed. RTT defaults to 50 ms. Counts connections and writes
the count to LISTEN_PORT_FILE.connections on SIGUSR1 (the bench asks how many connections a
run opened)."""

import asyncio
import os
import signal
import sys
import time


async def pipe(reader, writer, delay):
    queue = asyncio.Queue()

    async def read():
        while True:
            data = await reader.read(65536)
            await queue.put((time.monotonic() + delay, data))
            if not data:
                return

    async def write():
        while True:
            due, data = await queue.get()
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            if not data:
                try:
                    writer.write_eof()
                except OSError:
                    pass
                return
            writer.write(data)
            await writer.drain()

    try:
        await asyncio.gather(read(), write())
    except (ConnectionError, OSError):
        pass


async def main():
    port_file, upstream = sys.argv[1], sys.argv[2]
    rtt = float(sys.argv[3] if len(sys.argv) > 3 else 50) / 1000.0
    up_host, up_port = upstream.rsplit(":", 1)
    connections = 0

    async def handle(c_reader, c_writer):
        nonlocal connections
        connections += 1
        await asyncio.sleep(rtt)
        try:
            u_reader, u_writer = await asyncio.open_connection(up_host, int(up_port))
        except OSError:
            c_writer.close()
            return
        await asyncio.gather(
            pipe(c_reader, u_writer, rtt / 2), pipe(u_reader, c_writer, rtt / 2)
        )
        for w in (u_writer, c_writer):
            w.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]

    def report():
        tmp = port_file + ".connections.tmp"
        with open(tmp, "w") as f:
            f.write(f"{connections}\n")
        os.replace(tmp, port_file + ".connections")

    asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, report)
    tmp = port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{port}\n")
    os.replace(tmp, port_file)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
