# expect: runtime_error
# args: --disk-mb 8 --fsize-kb 65536
# stderr-has: No space left on device
with open("/tmp/fill.bin", "wb") as f:
    while True:
        f.write(b"\1" * (1 << 20))
