# Forgets to take away the full hours from the minutes.
total = int(input())
hours = total // 3600
minutes = total // 60
seconds = total % 60
print(f"{hours} h {minutes} min {seconds} s")
print(f"Clock: {hours}:{minutes:02d}:{seconds:02d}")
