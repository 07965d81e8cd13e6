# error: 2:1: the 'import' statement is not supported by Molt yet
import os
