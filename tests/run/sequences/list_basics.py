xs = [3, 1, 2]
xs.append(10)
print(xs, xs[0], xs[-1], xs[1:3], xs[::-1])
xs[1] = 100
del xs[0]
print(xs)
print(2 in xs, 100 in xs, 7 not in xs)
ys = xs + [7] * 2
print(ys)
