"""Printed records: the declaration of each item's result and the minutes extract (reportlab PDFs)."""
