# expect: memory_limit
# args: --memory-mb 64 --wall-ms 8000
import time
chunks = []
while True:
    chunks.append(bytearray(4 << 20))
    time.sleep(0.005)
