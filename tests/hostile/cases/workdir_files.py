# expect: ok
# file: data/input.txt=42
# stdout-has: input=42 tmp=ok shm=ok
with open("data/input.txt") as f:
    v = f.read().strip()
open("/tmp/t", "w").write("ok"); open("/dev/shm/s", "w").write("ok")
open("out.txt", "w").write("written")
print("input=%s tmp=%s shm=%s" % (v, open("/tmp/t").read(), open("/dev/shm/s").read()))
