"""Nominations before the meeting, as the ``service.nominations`` role.

An election whose definition has a ``nominations`` table (closing date, statement word limit, ballot
order, what happens when it is uncontested) takes its candidates from nominations: each candidate is a
current member, nominated for the class they belong to by a proposer and a seconder who are current
members of that same class, on or before the closing date. Each gives a statement in Welsh and English
(within the word limit) and may give a photo for the booklet and the Easy Read paper.

Closing the nominations puts the candidates on the ballot in the stated order (alphabetical by surname,
or by a lot whose seed is drawn once and kept in the audit entry) and, where the rules say so, declares
an uncontested election without a vote. A withdrawal after the papers are printed is recorded on the
candidate, and the count treats them as withdrawn: a mark for them is disregarded, and a paper marked
only for them gives no vote to anyone (UK count practice; ``counting/marks.py``, ``stv_common.py``).
"""

from __future__ import annotations

import base64
import random
import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from coopvote.errors import RuleError
from coopvote.meeting.photos import check_photo
from coopvote.messages import Bilingual, message
from coopvote.record.audit import BALLOT_CHAIN, chain_heads
from coopvote.record.close_seal import unopposed_digest
from coopvote.record.models import AgendaItem, Candidate, Declaration, Member, MembershipClass, Nomination
from coopvote.service.base import MeetingRecord, Role
from coopvote.service.queries import item_row, member_by_number
from coopvote.service.sealing import close_seal
from coopvote.service.wording import item_status, member_status

DEFAULT_WORD_LIMIT = 250
ROLES = {
    "candidate": Bilingual(cy="ymgeisydd", en="candidate"),
    "proposer": Bilingual(cy="cynigydd", en="proposer"),
    "seconder": Bilingual(cy="eilydd", en="seconder"),
}
"""The three members a nomination names, as refusals name them (the Welsh without its article)."""
STATEMENT_LANGUAGES = {"cy": Bilingual(cy="Cymraeg", en="Welsh"), "en": Bilingual(cy="Saesneg", en="English")}
"""A statement's language as refusals name it ("y datganiad Cymraeg" / "the statement in Welsh")."""


@dataclass(frozen=True)
class NominationView:
    item: int
    member_number: str
    name: str
    class_code: str
    proposer: str
    seconder: str
    received_on: date
    state: str
    statement_cy: str
    statement_en: str
    photo_png: bytes | None
    withdrawal_reason: str = ""

    @property
    def standing(self) -> bool:
        return self.state == "nominated"


@dataclass(frozen=True)
class ClosedNominations:
    item: int
    order: tuple[str, ...]
    """Names in ballot order."""
    rule: str
    seed: int | None
    uncontested: bool
    elected: tuple[str, ...] = ()
    close_code: str = ""
    """For seats declared unopposed: the code of the entry that seals them, to write down as a vote's close code."""


def nomination_rules(item: AgendaItem) -> dict[str, Any]:
    rules = (item.settings or {}).get("nominations")
    if not isinstance(rules, dict):
        raise RuleError("nominations.not_taken", item=item.number)
    return rules


def surname_key(name: str) -> tuple[str, str]:
    """Alphabetical by surname (the last word of the name), then by the whole name, ignoring case."""
    words = name.split()
    return ((words[-1] if words else name).casefold(), name.casefold())


def word_count(text: str) -> int:
    return len(text.split())


class NominationsRole(Role):
    """Nominating candidates, their statements, withdrawals, and closing nominations."""

    def __init__(self, record: MeetingRecord) -> None:
        super().__init__(record)

    def nominate(
        self, item_number: int, candidate: str, proposer: str, seconder: str, *, received_on: date,
        statement_cy: str = "", statement_en: str = "", photo_png: bytes | None = None,
    ) -> NominationView:
        """Record a nomination, refusing a late one or one whose members are not current members of the
        candidate's class, with the reason."""
        with self.action("candidate nominated", item=item_number, candidate=candidate, proposer=proposer,
                         seconder=seconder, received_on=received_on.isoformat()) as (session, _act):
            item = item_row(session, self.meeting_id, item_number)
            rules = nomination_rules(item)
            if item.candidates:
                raise RuleError("nominations.ballot_set", item=item_number)
            closes = date.fromisoformat(str(rules["closes"]))
            if received_on > closes:
                raise RuleError("nominations.late", candidate=candidate, received=received_on.isoformat(),
                                item=item_number, closes=closes.isoformat())
            people = {}
            for role, number in (("candidate", candidate), ("proposer", proposer), ("seconder", seconder)):
                try:
                    person = member_by_number(session, self.meeting_id, number)
                except RuleError:
                    raise RuleError("nominations.not_on_register", role=ROLES[role], number=repr(number)) from None
                if person.status != "active":
                    raise RuleError("nominations.not_current_member", role=ROLES[role], name=person.name, number=number,
                                    status=member_status(person.status))
                people[role] = person
            if len({p.id for p in people.values()}) < 3:
                raise RuleError("nominations.three_different_members")
            class_code = _class_code(session, people["candidate"])
            for role in ("proposer", "seconder"):
                person = people[role]
                if person.class_id != people["candidate"].class_id:
                    raise RuleError("nominations.other_class", role=ROLES[role], name=person.name, number=person.number,
                                    member_class=_class_code(session, person), code=class_code)
            already = session.scalar(select(Nomination).where(
                Nomination.item_id == item.id, Nomination.member_id == people["candidate"].id))
            if already is not None:
                raise RuleError("nominations.already_nominated", name=people["candidate"].name, number=candidate,
                                item=item_number)
            _check_statement(rules, statement_cy, statement_en)
            if photo_png is not None:
                check_photo(photo_png, message("photos.of_candidate", name=people["candidate"].name, candidate=candidate))
            row = Nomination(
                item_id=item.id, member_id=people["candidate"].id, proposer_id=people["proposer"].id,
                seconder_id=people["seconder"].id, name=people["candidate"].name, class_code=class_code,
                received_on=received_on, state="nominated", withdrawal_reason="", statement_cy=statement_cy.strip(),
                statement_en=statement_en.strip(), photo_png=photo_png,
            )
            session.add(row)
            session.flush()
            return _view(session, item.number, row)

    def set_statement(
        self, item_number: int, candidate: str, statement_cy: str, statement_en: str, photo_png: bytes | None = None
    ) -> None:
        with self.action("candidate statement", item=item_number, candidate=candidate) as (session, _act):
            item = item_row(session, self.meeting_id, item_number)
            rules = nomination_rules(item)
            row = self._nomination(session, item, candidate)
            _check_statement(rules, statement_cy, statement_en)
            row.statement_cy, row.statement_en = statement_cy.strip(), statement_en.strip()
            if photo_png is not None:
                check_photo(photo_png, message("photos.of_candidate", name=row.name, candidate=candidate))
                row.photo_png = photo_png
                if any(c.name == row.name for c in item.candidates):
                    _put_photos_on_ballot(item, [row])  # closed already: the next papers printed show it

    def withdraw(self, item_number: int, candidate: str, reason: str) -> None:
        """Before the close the nomination is withdrawn; after it, the candidate is marked withdrawn on the
        ballot (papers may already be printed) and the count leaves them out."""
        if not reason.strip():
            raise RuleError("nominations.withdrawal_reason_missing")
        with self.action("candidate withdrawn", item=item_number, candidate=candidate, reason=reason.strip()) as (
            session, act,
        ):
            item = item_row(session, self.meeting_id, item_number)
            row = self._nomination(session, item, candidate)
            if row.state == "withdrawn":
                raise RuleError("nominations.already_withdrawn", name=row.name, item=item_number)
            if item.status in {"closed", "declared"}:
                raise RuleError("nominations.too_late_to_withdraw", item=item_number, status=item_status(item.status))
            row.state, row.withdrawal_reason = "withdrawn", reason.strip()
            on_ballot = next((c for c in item.candidates if c.name == row.name and not c.withdrawn), None)
            if on_ballot is not None:
                on_ballot.withdrawn = True
                act.details["after_papers"] = True

    def nominations(self, item_number: int) -> list[NominationView]:
        with self.reading() as session:
            item = item_row(session, self.meeting_id, item_number)
            rows = session.scalars(select(Nomination).where(Nomination.item_id == item.id)).all()
            return sorted((_view(session, item.number, row) for row in rows), key=lambda v: surname_key(v.name))

    def close(self, item_number: int, *, closed_by: str = "") -> ClosedNominations:
        """Put the standing candidates on the ballot in the stated order; declare an uncontested election."""
        with self.action("nominations closed", item=item_number, by=closed_by) as (session, act):
            item = item_row(session, self.meeting_id, item_number)
            rules = nomination_rules(item)
            if item.candidates:
                raise RuleError("nominations.already_closed", item=item_number)
            standing = [row for row in session.scalars(select(Nomination).where(Nomination.item_id == item.id))
                        if row.state == "nominated"]
            if not standing:
                raise RuleError("nominations.none_standing", item=item_number)
            rule = str(rules.get("order", "surname"))
            ordered = sorted(standing, key=lambda row: surname_key(row.name))
            seed = None
            if rule == "lot":
                seed = secrets.randbelow(10**9)
                random.Random(seed).shuffle(ordered)
            for position, row in enumerate(ordered, start=1):
                session.add(Candidate(item_id=item.id, position=position, name=row.name, class_code=row.class_code))
            _put_photos_on_ballot(item, ordered)
            if item.method not in {"fptp", "block"} and not item.max_marks:
                item.max_marks = len(ordered)
            names = tuple(row.name for row in ordered)
            act.details.update(order=list(names), rule=rule, seed=seed)
            uncontested = len(ordered) <= item.seats and rules.get("uncontested", "declare") == "declare"
            if uncontested:
                item.status = "declared"
                outcome = message("nominations.elected_unopposed", names=", ".join(names))
                session.add(Declaration(item_id=item.id, declared_by=closed_by, result={
                    "election": {"elected": list(names), "uncontested": True, "seats": item.seats},
                    "outcome": {"cy": outcome.render("cy"), "en": outcome.render("en")},
                }))
                act.details["elected_unopposed"] = list(names)
                act.details.update(_unopposed_seal(session, self.meeting_id, item, ordered, names))
            session.flush()
        code = ""
        if uncontested:
            from coopvote.service.integrity import close_code

            with self.reading() as session:
                code = close_code(session, self.meeting_id, item_number)
        return ClosedNominations(item_number, names, rule, seed, uncontested, names if uncontested else (), code)

    def _nomination(self, session: Any, item: AgendaItem, number: str) -> Nomination:
        member = member_by_number(session, self.meeting_id, number)
        row = session.scalar(select(Nomination).where(Nomination.item_id == item.id, Nomination.member_id == member.id))
        if row is None:
            raise RuleError("nominations.not_nominated", name=member.name, number=number, item=item.number)
        return row


def _unopposed_seal(
    session: Any, meeting_id: int, item: AgendaItem, ordered: list[Nomination], names: tuple[str, ...]
) -> dict[str, Any]:
    """What the 'nominations closed' entry adds when it declares the seats unopposed: the sealing a vote's
    close gives (the ballot chain's head, digests of its papers: none) and a digest of the declaration itself,
    so the close code reaches the public archive for this item too (docs/records.md)."""
    head = chain_heads(session, meeting_id)[BALLOT_CHAIN]
    session.flush()
    session.expire(item, ["candidates"])  # the candidates just put on the ballot, for the definition's seal
    candidates = [{"position": position, "name": row.name, "class": row.class_code, "withdrawn": False}
                  for position, row in enumerate(ordered, start=1)]  # fmt: skip
    return {
        "ballot_head": {"sequence": head.sequence, "hash": head.entry_hash},
        "papers_recorded": 0,
        **close_seal(session, item),
        "unopposed_digest": unopposed_digest(
            item.number, {"cy": item.title_cy, "en": item.title_en}, item.seats, candidates, names
        ),
    }


def _class_code(session: Any, member: Member) -> str:
    cls = session.get(MembershipClass, member.class_id)
    assert cls is not None
    return str(cls.code)


def _put_photos_on_ballot(item: AgendaItem, rows: list[Nomination]) -> None:
    """The Easy Read paper prints the photos kept with the item (``settings["photos"]``, name -> base64),
    where photos named in the definition already live; a nominated candidate's photo joins them there
    when they go on the ballot, so every printing path (papers, packs, rehearsal, the reader) sees it."""
    given = {row.name: base64.b64encode(row.photo_png).decode("ascii") for row in rows if row.photo_png}
    if given:
        stored = (item.settings or {}).get("photos")
        photos = dict(stored) if isinstance(stored, dict) else {}
        item.settings = {**(item.settings or {}), "photos": {**photos, **given}}


def _check_statement(rules: dict[str, Any], statement_cy: str, statement_en: str) -> None:
    limit = int(rules.get("word_limit", DEFAULT_WORD_LIMIT))
    for language, text in ((STATEMENT_LANGUAGES["cy"], statement_cy), (STATEMENT_LANGUAGES["en"], statement_en)):
        if word_count(text) > limit:
            raise RuleError("nominations.statement_too_long", language=language, words=word_count(text), limit=limit)


def _view(session: Any, number: int, row: Nomination) -> NominationView:
    def member_number(member_id: int) -> str:
        member = session.get(Member, member_id)
        return str(member.number) if member is not None else "?"

    return NominationView(
        item=number, member_number=member_number(row.member_id), name=row.name, class_code=row.class_code,
        proposer=member_number(row.proposer_id), seconder=member_number(row.seconder_id),
        received_on=row.received_on, state=row.state, statement_cy=row.statement_cy, statement_en=row.statement_en,
        photo_png=row.photo_png, withdrawal_reason=row.withdrawal_reason,
    )
