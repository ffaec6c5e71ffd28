"""The registry of counting rules by the names the CLI and the meeting spec use.

Modules are imported lazily so that counting one resolution does not load every STV variant.
Each entry is ``module:attribute`` naming an object with ``name`` and ``count(election, options)``.
"""

from __future__ import annotations

import importlib

from coopvote.counting.model import CountingRule
from coopvote.errors import InputError

RULES: dict[str, str] = {
    "fptp": "coopvote.counting.fptp:RULE",
    "block": "coopvote.counting.block:RULE",
    "approval": "coopvote.counting.approval:RULE",
    "irv": "coopvote.counting.irv:RULE",
    "ers97": "coopvote.counting.ers97:RULE",
    "scottish-stv": "coopvote.counting.scottish_stv:RULE",
    "meek": "coopvote.counting.meek:MEEK_EXACT",
    "meek-prf": "coopvote.counting.meek:MEEK_PRF",
    "wigm": "coopvote.counting.wigm:RULE",
}

RANKED_METHODS = frozenset({"irv", "ers97", "scottish-stv", "meek", "meek-prf", "wigm"})


def get_rule(name: str) -> CountingRule:
    """Find a rule by name, with a message listing the known names if it is not one."""
    target = RULES.get(name)
    if target is None:
        raise InputError("counting.unknown_method", name=name, known=", ".join(RULES))
    module_name, attribute = target.split(":")
    rule: CountingRule = getattr(importlib.import_module(module_name), attribute)
    return rule
