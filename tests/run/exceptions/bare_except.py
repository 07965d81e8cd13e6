try:
    raise KeyboardInterrupt
except:
    print("bare except catches everything")
try:
    raise
except RuntimeError as e:
    print(e)
