# expect: process_limit
# args: --procs 32 --wall-ms 5000
import threading, time
threads = []
while True:
    t = threading.Thread(target=time.sleep, args=(100,))
    t.start()
    threads.append(t)
