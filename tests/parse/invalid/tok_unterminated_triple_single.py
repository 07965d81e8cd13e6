s = '''
abc
