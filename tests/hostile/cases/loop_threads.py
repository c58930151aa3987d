# expect: cpu_time_limit
# args: --cpu-ms 800 --wall-ms 8000
# json: wall_ms<4000
import threading
def spin():
    while True:
        pass
for _ in range(4):
    threading.Thread(target=spin).start()
spin()
