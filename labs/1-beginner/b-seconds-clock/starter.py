seconds = int(input())

hours = seconds / 3600
# Work out the minutes and the seconds that are left over.

print(hours, "h")
