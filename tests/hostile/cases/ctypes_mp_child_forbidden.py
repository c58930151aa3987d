# expect: forbidden_syscall
# A forbidden call in an orphaned grandchild (reaped by the box's init) still gives the verdict.
import ctypes, os, time
if os.fork() == 0:
    if os.fork() == 0:
        time.sleep(0.2)
        ctypes.CDLL(None).mount(b"none", b"/tmp", b"tmpfs", 0, None)
    os._exit(0)
os.wait()
time.sleep(1.5)
print("parent fine")
