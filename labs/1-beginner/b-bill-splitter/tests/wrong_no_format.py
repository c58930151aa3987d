meal = float(input())
people = int(input())
tip_percent = int(input())
tip = meal * tip_percent / 100
total = meal + tip
print("Tip:", round(tip, 2))
print("Total:", round(total, 2))
print("Each pays:", round(total / people, 2))
