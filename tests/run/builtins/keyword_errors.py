print(float(x=1))
