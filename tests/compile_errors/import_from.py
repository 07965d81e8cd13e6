# error: 2:1: the 'from ... import' statement is not supported by Molt yet
from os import path
