meal = float(input())
people = int(input())
percent = float(input())
total = meal * (1 + percent / 100)
tip = total - meal
print("Tip: " + format(tip, ".2f"))
print("Total: " + format(total, ".2f"))
print("Each pays: %.2f" % (total / people))
