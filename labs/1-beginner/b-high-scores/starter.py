scores = []
line = input()
while line != "done":
    scores.append(int(line))
    line = input()

print("Scores:", len(scores))
# Print the best score, the top 3, the lowest score and the last score.
