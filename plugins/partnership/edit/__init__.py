"""Helping people edit the data: new files from questions, and importing booking exports."""
