# Right output, but no loop: reads all the lines at once and lets list functions do the rest.
import sys

lines = sys.stdin.read().split("\n")
scores = list(map(int, lines[:lines.index("done")]))
if not scores:
    print("No scores yet.")
else:
    ranked = sorted(scores, reverse=True)
    print("Scores:", len(scores))
    print("Best:", ranked[0])
    print("Top 3:", " ".join(map(str, ranked[:3])))
    print("Lowest:", ranked[-1])
    print("Last:", scores[-1])
