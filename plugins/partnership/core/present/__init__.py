"""Presentation shared by pages and files: public URLs, number, date and value
formatting, Markdown to HTML and to plain text, and charts.

Both the HTML pages (:mod:`partnership.core.html`) and the files written beside
them (:mod:`partnership.core.outputs`) use these; neither imports the other.
"""
