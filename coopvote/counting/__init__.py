"""Counting rules: pure functions over plain data, one module per rule.

Nothing here touches the database, the clock or Qt. A rule takes an ``Election`` (candidates, seats,
grouped weighted ballots) and returns an ``Outcome`` holding every stage, so any count can be replayed
and explained line by line. Votes are ``fractions.Fraction`` or, where a rule fixes a precision,
``decimal.Decimal``/integer fixed point at exactly that precision; never float.
"""
