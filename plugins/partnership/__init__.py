"""A website generator for social work teaching partnerships.

``partnership.core`` reads and checks the data and produces every page and
file; ``partnership.plugin`` hands them to MkDocs; ``partnership.cli`` is
what ``python3 build.py`` runs.
"""

__version__ = "0.1.0"
