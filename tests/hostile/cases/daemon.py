# expect: ok
# json: wall_ms<3000
# The grandchild tries to outlive the run; the runner checks no process of the slot uids survives.
import os, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        for fd in range(3):
            os.close(fd)
        time.sleep(3600)
    os._exit(0)
os.wait()
print("parent done")
