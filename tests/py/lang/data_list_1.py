# List operations: append/extend/insert/pop/remove/index/count/reverse/copy/clear, aliasing, nested lists.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.extend("ab")
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before last")
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(1), a.count(1), a.index(5, 2), a.count("zz"))
a.reverse()
print(a)
b = a.copy()
b.append("only b")
print(len(a), len(b), a == b[:-1])
a.clear()
print(a, bool(a))
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
shared = [[0] * 3] * 3
shared[1][1] = 5
print(shared, shared[0] is shared[2])
print([1, 2] + [3], [1, 2] * 2, [] * 5, list("hey"), list(range(3)), list((1, 2)))
nums = [5, 2, 8, 1]
print(max(nums), min(nums), sum(nums), sorted(nums), nums, len(nums))
print([1, [2, 3]] == [1, [2, 3]], [1, 2] != [2, 1], [[]] * 2)
x = [1, 2, 3]
y = x
y += [4]
print(x)
y = y + [5]
print(x, y)
x[:] = [7, 8]
print(x, y)
stack = []
stack.append(1); stack.append(2); stack.append(3)
print(stack.pop(), stack.pop(), stack)
queue = [1, 2, 3]
print(queue.pop(0), queue)
print(list(reversed([1, 2, 3])), [1, 2, 3][::-1])
n = [0, 1, 2]
n[1] = n
print(n)
print(list.__name__, type([]) is list, isinstance([], list))
