scores = []
while True:
    text = input()
    if text == "done":
        break
    scores.append(int(text))

if not scores:
    print("No scores yet.")
else:
    copy = scores[:]
    copy.sort()
    copy.reverse()
    top = " ".join(str(x) for x in copy[0:3])
    print(f"Scores: {len(scores)}")
    print(f"Best: {max(scores)}")
    print(f"Top 3: {top}")
    print(f"Lowest: {min(scores)}")
    print(f"Last: {scores[len(scores) - 1]}")
