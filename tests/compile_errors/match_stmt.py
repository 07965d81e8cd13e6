# error: 3:1: the 'match' statement is not supported by Molt yet
x = 1
match x:
    case 1:
        pass
