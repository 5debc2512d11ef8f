"""A TCP proxy that adds a fixed round-trip time and counts round trips: the latency benchmark
(`bench/bench_latency.py`) and the round-trip tests (`tests/unit/test_round_trips.py`) talk to PostgreSQL
through it, as a client in another office would."""

from __future__ import annotations

import asyncio
import threading
import time


class LatencyProxy:
    """A TCP proxy adding `rtt_ms / 2` each way; `round_trips` counts client turns."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.delay = 0.0
        self.round_trips = 0
        self.trace: list[str] | None = None  # when a list: what the client said at each round trip
        self.port = 0
        self._loop = asyncio.new_event_loop()
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self._thread.start()
        ready.wait()

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._client, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        self._loop.run_forever()
        # Stopped by close(): end the connections' tasks, the listening socket, then the loop.
        tasks = asyncio.all_tasks(self._loop)
        for task in tasks:
            task.cancel()
        self._loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        server.close()
        self._loop.run_until_complete(server.wait_closed())
        self._loop.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self.target)
        turn = {"server_spoke": True}
        try:
            await asyncio.gather(
                self._pipe(reader, up_writer, turn, from_client=True),
                self._pipe(up_reader, writer, turn, from_client=False),
            )
        finally:
            writer.close()
            up_writer.close()

    async def _pipe(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        turn: dict[str, bool],
        *,
        from_client: bool,
    ) -> None:
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, chunk = await queue.get()
                if not chunk:
                    break
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(chunk)
                await writer.drain()
            writer.close()

        sender = asyncio.create_task(deliver())
        try:
            while chunk := await reader.read(65536):
                if from_client and turn["server_spoke"]:
                    self.round_trips += 1
                    if self.trace is not None:
                        self.trace.append(_describe(chunk))
                turn["server_spoke"] = not from_client
                await queue.put((time.monotonic() + self.delay, chunk))
        except ConnectionError:
            pass
        await queue.put((0.0, b""))
        await sender

    def set_rtt(self, rtt_ms: float) -> None:
        self.delay = rtt_ms / 2000

    def close(self) -> None:
        """Stop the proxy's loop (connections still open through it are cut) and its thread."""
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)


def _describe(chunk: bytes) -> str:
    """The statements (simple or extended protocol) in a chunk from the client, else its message types."""
    said: list[str] = []
    types = ""
    at = 0
    if chunk[:4] == b"\x00\x00\x00\x08" or (len(chunk) >= 8 and chunk[0] == 0):
        return "(start-up: SSL request or start-up message)"
    while at + 5 <= len(chunk):
        kind = chr(chunk[at])
        length = int.from_bytes(chunk[at + 1 : at + 5], "big")
        body = chunk[at + 5 : at + 1 + length]
        types += kind
        if kind == "Q":
            said.append(body.split(b"\x00")[0].decode(errors="replace"))
        elif kind == "P":
            said.append(body.split(b"\x00")[1].decode(errors="replace"))
        at += 1 + length
    text_ = " | ".join(" ".join(q.split())[:160] for q in said)
    return text_ or f"(messages {types or '?'})"
