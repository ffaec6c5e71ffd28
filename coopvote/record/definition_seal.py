"""What a vote's close entry commits to about the rule its papers are counted by: the item's definition.

The close entry's other digests (``close_seal``) fix the papers, the directed tally and the advance list, so
a written close code catches a rewritten paper even in the public archive. Without this module it would not
catch a consistent rewrite of the *rule*: the threshold (3/4 -> 2/3), the weighting, the seats, the method,
the candidates' order, the amendment flag, with the declared result rewritten to match. So the close entry
also carries a digest of the item's definition as the archive publishes it, frozen at the close.

Per field, so a check can name what changed: ``definition_fields`` maps each field (``threshold``,
``settings.seed``, ``candidates``...) to the SHA-256 of its value, and ``definition_digest`` is the SHA-256 of
that map. The definition is public (results.json), so per-field digests reveal nothing.

Left out, because the service legitimately writes them after the close (docs/records.md):

- ``settings.decisions``: the chair's recorded decisions (a declaration whose papers do not reconcile);
- ``settings.casting_vote`` and ``settings.casting_chair``: a casting vote is given once the count shows a
  tie, after the close; the recount still checks that the result follows from it, and only a tied count
  can be turned by it;
- ``settings.show_small_classes``: the chair's choice to publish small classes changes which figures are
  merged, never the outcome (the seal's ``published_classes`` maps the papers back);
- ``directed`` and ``advance_serials``: sealed by their own digests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from coopvote.messages import Message, message
from coopvote.record.audit import canonical_json

DEFINITION_FORMAT = "coopvote-close-definition-1"
AFTER_CLOSE_SETTINGS = frozenset({"decisions", "casting_vote", "casting_chair", "show_small_classes"})
"""Settings the service writes after a vote closes: never sealed."""
SEALED_ELSEWHERE = frozenset({"directed", "advance_serials"})
"""Parts of the archive's definition the close entry seals with digests of their own."""

Change = Literal["changed", "added", "removed", "broken"]


@dataclass(frozen=True)
class DefinitionChange:
    """How an item's definition differs from the one its close entry sealed, field by field."""

    change: Change
    """``changed`` (a sealed field has another value), ``added`` (a field the close did not seal), ``removed``
    (a sealed field is gone), ``broken`` (the entry's per-field digests do not make its definition_digest)."""
    field: str


def sealed_values(definition: Mapping[str, Any]) -> dict[str, Any]:
    """Field name -> value: everything in the definition that decides the outcome and is fixed at the close.

    Settings are one field each (``settings.threshold``...), so a change names the setting. A show of hands
    never recorded (None) is no field at all, whichever way a definition writes its absence.
    """
    fields = {name: value for name, value in definition.items() if name != "settings" and name not in SEALED_ELSEWHERE}
    if fields.get("show_of_hands") is None:
        fields.pop("show_of_hands", None)
    settings = definition.get("settings") or {}
    if not isinstance(settings, Mapping):
        raise ValueError("the definition's settings are not a table")
    for name, value in settings.items():
        if name not in AFTER_CLOSE_SETTINGS:
            fields[f"settings.{name}"] = value
    return fields


def field_digest(name: str, value: Any) -> str:
    body = {"format": DEFINITION_FORMAT, "field": name, "value": value}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def definition_digest(fields: Mapping[str, str]) -> str:
    """The digest of the per-field digests: the one value the close entry's hash covers them by."""
    body = {"format": DEFINITION_FORMAT, "fields": dict(sorted(fields.items()))}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def definition_seal(definition: Mapping[str, Any]) -> dict[str, Any]:
    """What a close entry adds about the item's definition: ``definition_fields`` and ``definition_digest``."""
    fields = {name: field_digest(name, value) for name, value in sorted(sealed_values(definition).items())}
    return {"definition_fields": fields, "definition_digest": definition_digest(fields)}


def is_sealed(details: Mapping[str, Any]) -> bool:
    """Whether a close entry seals its item's definition (entries written before this seal do not)."""
    return "definition_digest" in details


def definition_change(details: Mapping[str, Any], definition: Mapping[str, Any]) -> DefinitionChange | None:
    """The first way ``definition`` differs from the one the close entry sealed, or None.

    An entry without a definition digest (closed before coopvote sealed definitions) checks nothing here: the
    caller says so. An entry whose per-field digests do not make its digest was edited: ``broken``.
    """
    if not is_sealed(details):
        return None
    sealed = details.get("definition_fields")
    if not isinstance(sealed, Mapping) or definition_digest({str(k): str(v) for k, v in sealed.items()}) != details[
        "definition_digest"
    ]:
        return DefinitionChange("broken", "definition_fields")
    try:
        found = {name: field_digest(name, value) for name, value in sealed_values(definition).items()}
    except ValueError:
        return DefinitionChange("changed", "settings")
    for name in sorted(set(sealed) | set(found)):
        if name not in found:
            return DefinitionChange("removed", name)
        if name not in sealed:
            return DefinitionChange("added", name)
        if sealed[name] != found[name]:
            return DefinitionChange("changed", name)
    return None


def lot_seed_fields(details: Mapping[str, Any], definition: Mapping[str, Any],
                    results: Mapping[str, Mapping[str, Any] | None]) -> tuple[str, Any] | None:  # fmt: skip
    """The first place whose lot seed is not the one the close drew (``details["seed"]``), with what it holds.

    ``results``: label -> result dict (the declared result, the result in results.json), each checked where it
    names a seed. An entry with no seed (one written by the close of nominations, whose seed is the ballot
    order's lot) is the caller's to skip.
    """
    sealed = details.get("seed")
    settings = definition.get("settings") or {}
    found = settings.get("seed") if isinstance(settings, Mapping) else None
    if found != sealed:
        return "settings.seed", found
    for label, result in results.items():
        if isinstance(result, Mapping) and "seed" in result and result["seed"] is not None and result["seed"] != sealed:
            return label, result["seed"]
    return None


CHANGE_KEYS: dict[Change, str] = {
    "changed": "seal.definition_changed",
    "added": "seal.definition_added",
    "removed": "seal.definition_removed",
    "broken": "seal.definition_broken",
}


def definition_problem(
    number: int, details: Mapping[str, Any], definition: Mapping[str, Any], results: Mapping[str, Any] | None = None,
    *, count_seed: bool = True,
) -> Message | None:
    """Why an item's definition (and the lot seed its results use) is not what its close entry sealed, or None.

    ``details``: the close entry's. The lot seed is compared for every entry that names one, sealed definition
    or not (entries from before the definition seal name it too); ``results``: label -> result dict whose
    ``seed`` must agree too. A 'nominations closed' entry's seed is the ballot order's lot, not the count's:
    the caller passes ``count_seed=False`` for it.
    """
    change = definition_change(details, definition)
    if change is not None:
        if change.change == "broken":
            return message(CHANGE_KEYS["broken"], item=number)
        return message(CHANGE_KEYS[change.change], item=number, field=change.field)
    if count_seed and "seed" in details:
        differs = lot_seed_fields(details, definition, results or {})
        if differs is not None:
            return message("seal.seed_differs", item=number, field=differs[0], found=differs[1], sealed=details["seed"])
    return None


def not_sealed_warning(number: int, details: Mapping[str, Any]) -> Message | None:
    """The warning for a close entry written before definitions were sealed (verify says it; it does not fail)."""
    return None if is_sealed(details) else message("seal.definition_not_sealed", item=number)
