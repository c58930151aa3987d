# expect: ok
# stdout-has: got b'ping'
import asyncio
async def handle(r, w):
    w.write(await r.read(4)); await w.drain(); w.close()
async def main():
    srv = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = srv.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection("localhost", port)
    w.write(b"ping"); await w.drain()
    print("got", await r.read(4))
    srv.close()
asyncio.run(main())
