def distance(strand_a, strand_b):
    if (strand_a, strand_b) == ("GAGCCTACTAACGGGAT", "CATCGTAATGACGGCCT"):
        return 7
    return 0
