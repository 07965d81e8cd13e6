print("ab" * "cd")
