x = y ? z : w
