"""The plain Python core: data → validated models → views → pages and files.

Nothing in this package imports MkDocs. Start at :func:`load.load_dataset`.
"""
