"""Per-class figures as they may be published: small classes merged unless the chair chose otherwise.

Every public output (the declaration, the projector, the results screen, ``results --json``, the exported
results.json and minutes) reads an item's result through ``ResultsRole.item_result``, which returns it
already merged by ``published``, so no output can forget. The count itself is made per class first
(weights applied per class), then the figures are summed into their groups: merging never changes a
total, a quota or an outcome. The chair may choose to publish every class as it is; that choice is an
audited action (``ResultsRole.show_small_classes``) kept in the item's settings and printed on the declaration.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from coopvote.counting.notes import Note
from coopvote.counting.privacy import class_groups, merge_figures, merged_classes
from coopvote.messages import Bilingual

if TYPE_CHECKING:
    from coopvote.service.views import ItemResult, ReconciliationRow

SHOW_SMALL_CLASSES = "show_small_classes"


def groups_for(result: ItemResult, minimum: int) -> dict[str, str]:
    """The published group of each class, from the papers each class returned."""
    chosen = result.item.settings.get(SHOW_SMALL_CLASSES)
    return class_groups(result.papers_by_class, minimum, show_all=bool(chosen))


def published(result: ItemResult, groups: dict[str, str]) -> ItemResult:
    """``result`` with its per-class figures summed into ``groups``, and a note saying which were merged."""
    merged = merged_classes(groups)
    if not merged:
        return replace(result, class_groups=groups)
    notes = [
        Note(f"classes {', '.join(codes)} are published together as {label} (fewer than the privacy minimum voted)",
             "privacy_merged", classes=", ".join(codes), label=label)
        if label != "*"
        else Note("per-class figures are withheld: too few voted in some classes to publish any class alone",
                  "privacy_withheld")
        for label, codes in merged.items()
    ]
    return replace(
        result,
        papers_by_class=merge_figures(result.papers_by_class, groups),
        valid_by_class=merge_figures(result.valid_by_class, groups),
        papers_by_option={option: merge_figures(figures, groups) for option, figures in result.papers_by_option.items()},
        weighted_by_option={
            option: merge_figures(figures, groups) for option, figures in result.weighted_by_option.items()
        },
        privacy_warnings=[*_still_due(result.privacy_warnings, merged), *notes],
        class_groups=groups,
    )


def _still_due(warnings: list[str], merged: dict[str, list[str]]) -> list[str]:
    """The warnings that still apply once classes are merged: a small class's warning is replaced by the note
    naming the group it was merged into, since its own figures are no longer published."""
    gone = {code for codes in merged.values() for code in codes}
    return [w for w in warnings
            if not (isinstance(w, Note) and w.key == "privacy_small_class" and w.params.get("class_code") in gone)]


def published_reconciliation(rows: list[ReconciliationRow], groups: dict[str, str]) -> list[ReconciliationRow]:
    """Reconciliation rows summed into the same groups as the result (problems kept, named by class)."""
    by_label: dict[str, ReconciliationRow] = {}
    for row in rows:
        label = groups.get(row.class_code, row.class_code)
        problems = tuple(f"{row.class_code}: {p}" for p in row.problems) if label != row.class_code else row.problems
        words = tuple(Bilingual(cy=f"{row.class_code}: {p.cy}", en=f"{row.class_code}: {p.en}") for p in row.problem_words
                      ) if label != row.class_code else row.problem_words
        if label not in by_label:
            by_label[label] = replace(row, class_code=label, problems=problems, problem_words=words)
            continue
        before = by_label[label]
        by_label[label] = replace(
            before,
            printed=before.printed + row.printed,
            issued=before.issued + row.issued,
            spoilt=before.spoilt + row.spoilt,
            returned=before.returned + row.returned,
            valid=before.valid + row.valid,
            rejected=before.rejected + row.rejected,
            not_returned=before.not_returned + row.not_returned,
            problems=before.problems + problems,
            problem_words=before.problem_words + words,
            sources=merged_sources(before.sources, row.sources),
        )
    return list(by_label.values())


def merged_sources(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Two classes' roads to the count summed (refused envelopes by reason too), as one merged row shows them."""
    if not first or not second:
        return first or second
    merged: dict[str, Any] = {key: int(first.get(key, 0)) + int(second.get(key, 0)) for key in first if key != "refused"}
    refused = Counter(dict(first.get("refused", {})))
    refused.update(dict(second.get("refused", {})))
    merged["refused"] = dict(sorted(refused.items()))
    return merged
