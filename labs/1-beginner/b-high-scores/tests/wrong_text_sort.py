# Keeps the scores as text: "9" > "85" when texts are compared.
scores = []
line = input()
while line != "done":
    scores.append(line)
    line = input()
if len(scores) == 0:
    print("No scores yet.")
else:
    ranked = sorted(scores, reverse=True)
    print("Scores:", len(scores))
    print("Best:", ranked[0])
    print("Top 3:", *ranked[:3])
    print("Lowest:", ranked[-1])
    print("Last:", scores[-1])
