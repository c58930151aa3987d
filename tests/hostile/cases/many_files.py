# expect: runtime_error
# args: --inodes 500
# stderr-has: No space left on device
for i in range(100000):
    open(f"f{i}", "w").close()
