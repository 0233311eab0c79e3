"""The MkDocs adapter: thin hooks that hand MkDocs what the core produces.

Nothing here decides anything about the data; swap MkDocs for another
generator and only this package changes.
"""
