#!/usr/bin/python3
"""Writes sales-2025.xlsx, the demo workbook, with openpyxl (Debian's python3-openpyxl), a
different library from the SheetJS reader the product uses. Deterministic: same file each run."""
import datetime
import random
from openpyxl import Workbook

random.seed(2025)
regions = ["North", "South", "East", "West", "Central"]
products = ["Widget", "Gadget", "Gizmo", "Doohickey", "Sprocket", "Flange"]
wb = Workbook()
wb.remove(wb.active)
for q, month0 in (("Q1", 1), ("Q2", 4), ("Q3", 7), ("Q4", 10)):
    ws = wb.create_sheet(q)
    ws.append(["Date", "Region", "Product", "Units", "Unit price", "Revenue", "Sales rep", "Notes"])
    for i in range(2, 302):
        day = datetime.date(2025, month0 + random.randint(0, 2), random.randint(1, 28))
        units = random.randint(1, 250)
        price = round(random.uniform(3, 120), 2)
        ws.append([day, random.choice(regions), random.choice(products), units, price, None,
                   f"Rep {random.randint(1, 40):02d}", random.choice(["", "", "promo", "returned 2", "late delivery"])])
        ws.cell(row=i, column=6, value=f"=D{i}*E{i}")
        ws.cell(row=i, column=1).number_format = "yyyy-mm-dd"
    ws.merge_cells("J1:L1")
    ws["J1"] = f"{q} summary (merged)"
lookup = wb.create_sheet("Lookup")
lookup.sheet_state = "hidden"
lookup.append(["Region", "Manager"])
for r in regions:
    lookup.append([r, f"Manager of {r}"])
wb.save("sales-2025.xlsx")
