# expect: memory_limit
# args: --memory-mb 64
x = bytearray(1 << 30)
