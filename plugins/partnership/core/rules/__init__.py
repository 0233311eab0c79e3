"""Step 3 of the flow: the rules that span fields or files, one module per kind of data."""
