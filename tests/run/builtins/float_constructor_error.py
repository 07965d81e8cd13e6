print(float("1_.5"))
