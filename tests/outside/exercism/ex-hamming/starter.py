def distance(strand_a, strand_b):
    # count the positions where the strands differ; raise ValueError if lengths differ
    pass
