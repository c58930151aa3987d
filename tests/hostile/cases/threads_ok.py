# expect: ok
# stdout-has: sum=4999950000
import threading
res = [0] * 4
def work(i):
    res[i] = sum(range(i * 25000000 // 1000, (i + 1) * 25000000 // 1000))
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
[t.start() for t in ts]; [t.join() for t in ts]
print("sum=%d" % sum(range(100000)))
