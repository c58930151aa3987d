# expect: wall_time_limit
# args: --wall-ms 700
import time
time.sleep(10**6)
