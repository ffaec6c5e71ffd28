"""A fictional Welsh membership register for the demo, the benchmarks and round-trip tests.

The names mix Welsh and English and use ŵ, ŷ and â on purpose, so that every demo run also checks that
those letters survive writing, reading, storing and printing.
"""

from __future__ import annotations

import csv
import io
import os
import random
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path

from coopvote.errors import InputError
from coopvote.register.model import RegisterRow, Status

_GIVEN = ("Siân", "Dafydd", "Gwenllïan", "Ieuan", "Rhodri", "Elen", "Angharad", "Llŷr", "Emrys", "Catrin",
          "Owain", "Nia", "Heledd", "Bethan", "Iolo", "Tomos", "Mererid", "Eleri", "Sioned", "Carys", "Alun",
          "Gethin", "Ffion", "Rhiannon", "Aled", "Hywel", "Meinir", "Tegwen", "Sarah", "James", "Emma",
          "Oliver", "Priya", "Mohammed", "Grace", "Daniel", "Chloe", "Tom", "Aisha", "Marek")
_FAMILY = ("Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
           "Griffiths", "Price", "Pritchard", "ap Gwŷn", "Llŵyd", "Glyndŵr", "Rhŷs", "Prŷs", "Tâf", "Owen",
           "Parry", "Bevan", "Khan", "Nowak", "Smith", "ferch Ifan", "Môn")


def sample_members(classes: Mapping[str, object] | Sequence[str], n: int, seed: int = 0) -> list[RegisterRow]:
    """A plausible fictional register: Welsh and English names, every class used, about 4% lapsed."""
    codes = list(classes)
    if not codes:
        raise InputError("register.sample_needs_class")
    rng = random.Random(seed)
    weights = [max(1, 6 - i) for i in range(len(codes))]
    members = []
    for i in range(n):
        code = codes[i] if i < len(codes) else rng.choices(codes, weights)[0]
        given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
        email = None
        if rng.random() < 0.7:
            ascii_name = f"{given}.{family}".lower().translate(_ASCII).replace(" ", "")
            email = f"{ascii_name}{i + 1}@example.org"
        status: Status = "lapsed" if rng.random() < 0.04 else "active"
        members.append(RegisterRow(i + 2, f"M{i + 1:05d}", f"{given} {family}", code, Fraction(1), status, email))
    return members


_ASCII = str.maketrans("âêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ", "aeiouwyaeiouwyaeiouwyaeiouwy")


def write_sample_register(path: str | os.PathLike[str], classes: Mapping[str, object] | Sequence[str],
                          n: int, seed: int = 0) -> Path:
    """Write ``sample_members`` to .csv (UTF-8 with BOM, as Excel writes it) or .xlsx, by the suffix."""
    target = Path(path)
    members = sample_members(classes, n, seed)
    heading = ["Membership number", "Name", "Class", "Vote value", "Status", "Email"]
    table = [[m.membership_number, m.name, m.class_code, str(m.vote_value), m.status, m.email or ""]
             for m in members]
    if target.suffix.lower() == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Members")
        sheet.append(heading)
        for values in table:
            sheet.append([*values[:3], 1, *values[4:]])
        book.save(target)
        return target
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(heading)
    writer.writerows(table)
    target.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return target
