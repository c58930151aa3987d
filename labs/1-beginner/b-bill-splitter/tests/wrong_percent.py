# Forgets to divide the percent by 100.
meal = float(input())
people = int(input())
tip_percent = int(input())
tip = meal * tip_percent
total = meal + tip
print(f"Tip: {tip:.2f}")
print(f"Total: {total:.2f}")
print(f"Each pays: {total / people:.2f}")
