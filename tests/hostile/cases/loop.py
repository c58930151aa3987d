# expect: cpu_time_limit
# args: --cpu-ms 500 --wall-ms 5000
while True:
    pass
