# expect: output_limit
# args: --output-kb 64
import sys
sys.stdout.write("z" * (20 << 20))
