# expect: runtime_error
# args: --fsize-kb 1024 --disk-mb 64
# stderr-has: File too large
with open("big.bin", "wb") as f:
    f.write(b"\0" * (8 << 20))
