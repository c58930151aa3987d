# expect: output_limit
# args: --output-kb 256 --wall-ms 20000
# json: wall_ms<10000
# json: stdout_cut_bytes>0
import sys
block = "y" * (1 << 20)
for _ in range(1024):  # 1 GiB
    sys.stdout.write(block)
