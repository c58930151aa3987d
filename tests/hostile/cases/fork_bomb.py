# expect: process_limit
# args: --procs 32 --wall-ms 3000
import os
while True:
    try:
        os.fork()
    except OSError:
        pass
