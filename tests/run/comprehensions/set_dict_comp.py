words = ["apple", "bob", "cat", "apple"]
print({w for w in words}, {len(w) for w in words})
print({w: len(w) for w in words}, {k: v for k, v in [("a", 1), ("b", 2)]})
