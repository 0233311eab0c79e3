"""Type into a workbook in LibreOffice as a user would, through its own API (UNO), then print it to PDF.

Run by tests/test_toolkit_forms.py with the system's Python, which has LibreOffice's bridge (Debian's python3-uno):

    python3 libreoffice_typing.py BOOK.xlsx OUT.pdf PROFILE_DIR INPUT.json

INPUT.json is a list of [sheet, cell, text]. A cell whose text starts with
"=" is given as a formula, and any other through ``setString``, as typing
does. Prints a JSON object: for each [sheet, cell] typed, the height of its
row (hundredths of a millimetre) before and after, whether LibreOffice
holds it as an optimal (growing) height, and the numbers the workbook's
formulas then show in the cells listed under "read" (sheet!cell).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def prop(name: str, value: object) -> PropertyValue:
    found = PropertyValue()
    found.Name, found.Value = name, value
    return found


def main() -> None:
    book, out, profile, spec = sys.argv[1:5]
    with open(spec, encoding="utf-8") as file:
        wanted = json.load(file)
    pipe = f"typing{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=pipe,name={pipe};urp;",
        ]
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # LibreOffice is still starting
                time.sleep(0.25)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(book)), "_blank", 0, (prop("Hidden", True),))
        rows = {}
        for sheet, cell, text in wanted["type"]:
            target = document.Sheets.getByName(sheet).getCellRangeByName(cell)
            before = target.Rows.getByIndex(0).Height
            if text.startswith("="):
                target.setFormula(text)
            else:
                target.setString(text)
            row = target.Rows.getByIndex(0)
            rows[f"{sheet}!{cell}"] = {"before": before, "after": row.Height, "optimal": bool(row.OptimalHeight)}
        document.calculateAll()
        read = {}
        for where in wanted.get("read", []):
            sheet, cell = where.split("!")
            read[where] = document.Sheets.getByName(sheet).getCellRangeByName(cell).getValue()
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "calc_pdf_Export"),))
        document.close(True)
        print(json.dumps({"rows": rows, "read": read}))
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
