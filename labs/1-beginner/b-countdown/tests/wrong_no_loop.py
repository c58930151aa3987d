# Right output, but no loop: print(*...) prints all the numbers of the range at once.
n = int(input())
if n > 0:
    print(*range(n, 0, -1), sep="\n")
print("Liftoff!")
