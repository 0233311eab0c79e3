"""Step 2 of the flow: ``data/`` and ``content/`` read into a checked :class:`~..models.dataset.Dataset`.

* :mod:`.loader` reads every file (through :mod:`..sources`), validates it as
  its model (:mod:`.validation` turns pydantic's errors into located
  problems), fills the measures computed from attendance files
  (:mod:`.computed`) and runs every rule (:mod:`..rules`);
* :mod:`.importing` counts a booking system's export into an attendance file.

Start at :func:`load_dataset`.
"""

from .cache import load_dataset_cached
from .loader import load_dataset

__all__ = ["load_dataset", "load_dataset_cached"]
