# expect: ok
# stdout-has: [0, 1, 4, 9, 16, 25, 36, 49]
import multiprocessing as mp
def sq(x):
    return x * x
if __name__ == "__main__":
    with mp.Pool(2) as p:
        print(p.map(sq, range(8)))
    q = mp.Queue(); q.put("shm ok"); print(q.get())
