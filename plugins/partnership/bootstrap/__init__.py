"""What ``build.py`` does before the virtual environment exists: standard library only.

``programs`` finds (and, as root on Debian or Ubuntu, installs) the programs
the tests drive; ``lock`` regenerates the pinned requirement files.
"""
