x = "böd"
