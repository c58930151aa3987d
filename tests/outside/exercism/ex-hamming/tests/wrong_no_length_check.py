# zip() stops at the shorter strand, so unequal strands are never noticed
def distance(strand_a, strand_b):
    return sum(a != b for a, b in zip(strand_a, strand_b))
