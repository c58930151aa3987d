meal = float(input())
people = int(input())
tip_percent = int(input())

tip = meal * tip_percent / 100
total = meal + tip
each = total / people

print(f"Tip: {tip:.2f}")
print(f"Total: {total:.2f}")
print(f"Each pays: {each:.2f}")
