# More list behaviour: shallow copies share inner objects, negative indexes, index errors, list(), membership, equality.
orig = [[1, 2], [3, 4]]
shallow = orig.copy()
also = orig[:]
built = list(orig)
shallow[0].append(99)
shallow.append("only shallow")
print(orig, also[0] is orig[0], built[1] is orig[1], len(orig), len(shallow))
deep = [row[:] for row in orig]
deep[0].append("deep")
print(orig[0], deep[0])
L = [10, 20, 30, 40]
print(L[-1], L[-4], L[len(L) - 1])
for bad in (4, -5, 100):
    try:
        L[bad]
    except IndexError as e:
        print(bad, "IndexError:", e)
try:
    L[1] = L[9]
except IndexError as e:
    print("IndexError:", e)
try:
    L[9] = 1
except IndexError as e:
    print("IndexError:", e)
print(L.index(30), 30 in L, [30] in L, L.count(10))
print([1, 2, 3] == [1, 2, 3], [1, 2, 3] == [1, 2], [1, [2]] == [1, [2]], [1.0] == [1], [[]] != [[]])
M = [0] * 5
for i in range(5):
    M[i] = i * i
print(M, M[1:4], sum(M), M.index(max(M)))
words = ["x"] * 3
words[0] += "y"
print(words)
rows = [[]] * 3
rows[0].append("shared")
print(rows)
rows2 = [[] for _ in range(3)]
rows2[0].append("own")
print(rows2)
nums = [3, 1, 2]
print(sorted(nums), nums, nums.sort(), nums)
nums.extend(range(2))
nums.insert(1, nums.pop())
print(nums)
print(list(map(list, zip([1, 2], [3, 4]))), [list(t) for t in [(1,), (2, 3)]])
print([x for x in [3, 1, 2] if x != 1], list(filter(lambda x: x != 1, [3, 1, 2])))
print([].__len__(), [1] * 0, [None] * 2, list(), list([]) == [], bool([[]]))
