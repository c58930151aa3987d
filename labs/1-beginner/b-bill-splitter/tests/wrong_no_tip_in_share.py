# Each person only pays the meal, not the tip.
meal = float(input())
people = int(input())
tip_percent = int(input())
tip = meal * tip_percent / 100
total = meal + tip
print(f"Tip: {tip:.2f}")
print(f"Total: {total:.2f}")
print(f"Each pays: {meal / people:.2f}")
