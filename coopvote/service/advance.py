"""Before the meeting: advance (postal) packs, returned envelopes, advance papers and directed proxies.

One vote per member rests on the desk's own record of *that* a member voted on an item (``paper_issue``,
unique per item and member): an accepted envelope and a directed proxy form each write it, with their
channel, so the desk never hands that member (or their proxy holder) a paper for the item again. A
first vote stands: a later one cannot replace it, because replacing would mean finding and removing
the earlier vote, and nothing in the record can find a member's vote (see docs/advance-votes.md).

Envelopes are received first (the member is marked as having voted, or the envelope refused with its
reason); opening is a separate step, after which papers are read in any order, so neither the time an
envelope came nor the order it was opened in says anything about which paper was inside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopvote.ballots.qrcodec import (
    MemberCode,
    encode_card,
)
from coopvote.counting.sources import marks_key
from coopvote.errors import RuleError
from coopvote.meeting.checks_advance import advance_closes
from coopvote.messages import Bilingual, message
from coopvote.record.ledger import PAPER_KEY, PaperContent, paper_details
from coopvote.record.models import (
    AdvanceEnvelope,
    AdvancePack,
    AgendaItem,
    DirectedTally,
    Meeting,
    Member,
    MembershipClass,
    PaperIssue,
    Proxy,
    RecordedBallot,
)
from coopvote.record.types import utcnow
from coopvote.service.advance_papers import identify_advance_paper
from coopvote.service.advance_rules import (
    DISCRETION,
    ENVELOPE_REFUSALS,
    AdvanceIssue,
    EnvelopeOutcome,
    MemberStanding,
    advance_rules,
    direction_marks,
    judge_envelope,
    proxy_holder_id,
)
from coopvote.service.bands import advance_batches, advance_papers_name, member_band
from coopvote.service.base import MeetingRecord, Role
from coopvote.service.papers import PapersRole
from coopvote.service.queries import class_code_of, item_row, live_proxies_given, member_by_number
from coopvote.service.setup import SetupRole
from coopvote.service.tellers import ScanSummary, TellersRole
from coopvote.service.views import ScanOutcome
from coopvote.service.voting import (
    IdentifiedPaper,
    bad_marks,
    marks_problem,
)
from coopvote.service.wording import item_status, member_status
from coopvote.service.wording import numbers as listed_numbers


class AdvanceRole(Role):
    """Advance packs, envelope receipt and opening, advance papers, the amendment rule and directed proxies."""

    def __init__(self, record: MeetingRecord, setup: SetupRole, papers: PapersRole, tellers: TellersRole) -> None:
        super().__init__(record)
        self.setup = setup
        self.papers = papers
        self.tellers = tellers

    # -- packs ------------------------------------------------------------------------------------

    def issue_packs(self, numbers: Sequence[str] = (), class_code: str | None = None) -> AdvanceIssue:
        """Record packs as sent to these members (or every active member of a class) and allocate their papers.

        A member already sent a pack is refused by name, so a pack is never sent twice.
        """
        if not numbers and class_code is None:
            raise RuleError("advance.name_pack_members")
        with self.action("advance packs issued", count=0) as (session, act):
            items = self._advance_items(session)
            query = (
                select(Member, MembershipClass.code)
                .join(MembershipClass, MembershipClass.id == Member.class_id)
                .where(Member.meeting_id == self.meeting_id)
            )
            if class_code is not None:
                query = query.where(func.upper(MembershipClass.code) == class_code.strip().upper(), Member.status == "active")
                chosen = [(m, code) for m, code in session.execute(query.order_by(Member.number))]
                if not chosen:
                    raise RuleError("advance.class_without_active_members", code=class_code)
            else:
                chosen = []
                for number in numbers:
                    member = member_by_number(session, self.meeting_id, number)
                    if member.status != "active":
                        raise RuleError("advance.no_pack_for_status", number=member.number, name=member.name,
                                        status=member_status(member.status))
                    chosen.append((member, member.membership_class.code))
            sent = set(session.scalars(select(AdvancePack.member_id).where(AdvancePack.meeting_id == self.meeting_id)))
            again = [m.number for m, _code in chosen if m.id in sent]
            if again and class_code is None:
                raise RuleError("advance.pack_already_sent", numbers=listed_numbers(again))
            chosen = [(m, code) for m, code in chosen if m.id not in sent]
            if not chosen:
                raise RuleError("advance.every_pack_already_sent")
            meeting = session.get(Meeting, self.meeting_id)
            assert meeting is not None
            codes: dict[str, str] = {}
            for member, _code in chosen:
                session.add(AdvancePack(meeting_id=self.meeting_id, member_id=member.id, items=[i.number for i in items]))
                codes[member.number] = encode_card(MemberCode(meeting.code, member.number), bytes(meeting.secret))
            act.details.update(count=len(chosen), items=[i.number for i in items], class_code=class_code or "")
            sent_to = tuple((m.number, code) for m, code in chosen)
            wanted, bands = advance_batches(meeting, items, [m for m, _code in chosen])
        batches = [
            self.papers.add_paper_batch(number, code, count, kind="advance", band=band)
            for number, code, band, count in wanted
        ]
        return AdvanceIssue(sent_to, codes, tuple(batches), bands)

    def print_issue(
        self, issue: AdvanceIssue, folder: Path, *, variant: str = "standard", page_size: str = "A4"
    ) -> list[Path]:
        """Print a pack issue as separate runs: the return envelope sheets (member order) and, per class, the
        papers (pack after pack, each item's serials shuffled). Nothing printed pairs a member with a paper:
        stuff each envelope from the mixed stack of its class."""
        from coopvote.ballots.pdf import render_papers
        from coopvote.ballots.pdf_envelope import render_envelope_sheets
        from coopvote.ballots.pdf_spec import MeetingInfo, VotingClass, collate_packs, papers_for
        from coopvote.service.papers import ballot_item_for

        meeting = self.setup.meeting()
        info = MeetingInfo(meeting.code, meeting.name_cy, meeting.name_en)
        classes = {c.code: VotingClass(c.code, c.name_cy, c.name_en, c.colour) for c in meeting.classes}
        names = {m.number: m.name for m in self.setup.members()}
        folder.mkdir(parents=True, exist_ok=True)
        envelopes = folder / "advance-envelopes.pdf"
        render_envelope_sheets(self._envelope_sheets(issue, info, classes, names), envelopes, page_size)
        written = [envelopes]
        for code, band in sorted({(b.class_code, b.band) for b in issue.batches}, key=lambda k: (k[0], k[1] or 0)):
            runs = [
                papers_for(info, ballot_item_for(meeting.item(b.item)), replace(classes[code], band=band), b.serials,
                           b.secret, variant, page_size)
                for b in issue.batches
                if (b.class_code, b.band) == (code, band)
            ]  # fmt: skip
            out = folder / advance_papers_name(code, band)
            render_papers(collate_packs(runs), out)
            written.append(out)
        return written

    def _envelope_sheets(
        self, issue: AdvanceIssue, info: Any, classes: dict[str, Any], names: dict[str, str]
    ) -> list[Any]:
        from coopvote.ballots.pdf_envelope import EnvelopeSheet

        meeting = self.setup.meeting()
        items = sorted({b.item for b in issue.batches})
        shown = tuple((n, meeting.item(n).title_cy, meeting.item(n).title_en) for n in items)
        rules = [dict(meeting.item(n).settings.get("advance") or {}) for n in items]
        windows = [moment for r in rules if (moment := advance_closes(r.get("closes"))) is not None]
        closes = min(windows, default=None)
        when = closes.strftime("%Y-%m-%d %H:%M %Z").strip() if closes is not None else ""
        declaration = any(r.get("declaration") for r in rules)
        return [
            EnvelopeSheet(info, number, names.get(number, ""), replace(classes[code], band=issue.bands.get(number)),
                          issue.envelope_codes[number], shown, when, declaration)
            for number, code in issue.members
        ]  # fmt: skip

    def envelope_codes_for(self, numbers: Sequence[str]) -> dict[str, str]:
        """The return envelope codes of members already sent a pack (to reprint a lost envelope sheet)."""
        with self.reading() as session:
            meeting = session.get(Meeting, self.meeting_id)
            assert meeting is not None
            codes: dict[str, str] = {}
            for number in numbers:
                member = member_by_number(session, self.meeting_id, number)
                if session.scalar(select(AdvancePack.id).where(AdvancePack.member_id == member.id)) is None:
                    raise RuleError("advance.pack_not_sent", number=member.number, name=member.name)
                codes[member.number] = encode_card(MemberCode(meeting.code, member.number), bytes(meeting.secret))
        return codes

    def _advance_items(self, session: Session) -> list[AgendaItem]:
        items = [
            item
            for item in session.scalars(
                select(AgendaItem).where(AgendaItem.meeting_id == self.meeting_id).order_by(AgendaItem.number)
            )
            if advance_rules(item).get("allowed") and item.status in {"pending", "open"}
        ]
        if not items:
            raise RuleError("advance.nothing_to_send")
        return items

    # -- envelopes --------------------------------------------------------------------------------

    def receive_envelope(self, code: str, *, signed: bool = True, at: datetime | None = None) -> EnvelopeOutcome:
        """Mark the member as having voted in advance, before any paper is read, or refuse the envelope.

        ``code`` is the envelope's scanned code, or a membership number keyed from it; ``signed`` says
        whether the declaration of identity is signed; ``at`` is when it was received (now by default).
        """
        received = at or utcnow()
        with self.action("advance envelope received") as (session, act):
            member, reason, items = judge_envelope(session, self.meeting_id, code.strip(), signed, received)
            envelope = AdvanceEnvelope(
                meeting_id=self.meeting_id,
                member_id=member.id if member is not None else None,
                class_id=member.class_id if member is not None else None,
                items=items,
                state="refused" if reason else "accepted",
                reason=reason,
                received_at=received,
            )
            session.add(envelope)
            if not reason and member is not None:
                for item_id in self._item_ids(session, items):
                    session.add(PaperIssue(item_id=item_id, member_id=member.id, class_id=member.class_id, channel="advance"))
            number = member.number if member is not None else None
            act.details.update(member=number or code.strip()[:40], state=envelope.state, reason=reason)
        if reason:
            cy, en = ENVELOPE_REFUSALS[reason]
            refused = message("advance.envelope_refused", reason=Bilingual(cy=cy.lower(), en=en.lower()))
            return EnvelopeOutcome.worded(False, reason, number, (), refused)
        accepted = message("advance.envelope_accepted", number=number, items=listed_numbers(items))
        return EnvelopeOutcome.worded(True, "", number, tuple(items), accepted)

    def _item_ids(self, session: Session, numbers: Sequence[int]) -> list[int]:
        return list(
            session.scalars(
                select(AgendaItem.id).where(AgendaItem.meeting_id == self.meeting_id, AgendaItem.number.in_(numbers))
            )
        )

    def open_envelopes(self) -> int:
        """Record that every accepted envelope not yet opened has been opened and its papers mixed together."""
        with self.action("advance envelopes opened") as (session, act):
            waiting = list(
                session.scalars(
                    select(AdvanceEnvelope).where(
                        AdvanceEnvelope.meeting_id == self.meeting_id,
                        AdvanceEnvelope.state == "accepted",
                        AdvanceEnvelope.opened.is_(False),
                    )
                )
            )
            if not waiting:
                raise RuleError("advance.no_envelopes_to_open")
            for envelope in waiting:
                envelope.opened = True
            act.details["count"] = len(waiting)
        return len(waiting)

    # -- advance papers ---------------------------------------------------------------------------

    def record_paper(self, qr_text: str, marks: Sequence[int] | None = None) -> ScanOutcome:
        """Record one paper from an opened envelope: counted with the item's papers, as the "advance" source."""
        with self.action("advance paper recorded") as (session, act):
            found = self._identify(session, qr_text)
            if isinstance(found, ScanOutcome):
                act.name = "advance paper refused"
                act.details.update(reason=found.reason, item=found.item, serial=found.serial)
                return found
            chosen = list(marks or [])
            problem = marks_problem(found, chosen)
            if problem is not None:
                act.name = "advance paper refused"
                act.details.update(reason="bad-marks", item=found.item, serial=found.serial)
                return bad_marks(problem, found.item, found.serial)
            session.add(
                RecordedBallot(
                    item_id=found.item_id, class_id=found.class_id, serial=found.serial, source="advance",
                    marks=chosen, station=self.station,
                )
            )  # fmt: skip
            act.details.update(item=found.item, serial=found.serial, class_code=found.class_code)
            # The paper's content on the (untimed) ballot chain, so check_record replays it like a room paper.
            act.details[PAPER_KEY] = paper_details(found.item, found.serial, PaperContent(found.class_code, True, "", tuple(chosen)))
        return ScanOutcome.worded(
            True, message("advance.paper_counted", item=found.item, code=found.class_code, serial=found.serial),
            item=found.item, class_code=found.class_code, serial=found.serial, marks=tuple(chosen),
        )  # fmt: skip

    def read_sheets(
        self,
        paths: Iterable[Path],
        *,
        progress: Callable[[int, ScanOutcome], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> ScanSummary:
        """Read scanned advance papers with the tellers' reader, recording each clear one as an advance paper."""
        return self.tellers.read_sheets(
            paths, progress=progress, should_stop=should_stop, record_clear=lambda text, marks: self.record_paper(text, marks)
        )

    def identify(self, qr_text: str) -> IdentifiedPaper | ScanOutcome:
        """Check a code at the advance door without recording anything (a hand scanner waits for its marks)."""
        with self.reading() as session:
            return self._identify(session, qr_text)

    def _identify(self, session: Session, qr_text: str) -> IdentifiedPaper | ScanOutcome:
        return identify_advance_paper(session, self.meeting_id, qr_text)

    def mark_amended(self, item_number: int, by: str) -> str:
        """Record that a resolution was amended in the room: its advance votes follow the item's ``if_amended``."""
        if not by.strip():
            raise RuleError("advance.amendment_mover_missing")
        with self.action("resolution amended", item=item_number, by=by.strip()) as (session, act):
            item = item_row(session, self.meeting_id, item_number)
            rules = advance_rules(item)
            if item.kind != "resolution" or not rules.get("allowed"):
                raise RuleError("advance.not_an_advance_resolution", item=item_number)
            if item.status == "declared":
                raise RuleError("advance.amend_after_declared", item=item_number)
            if item.status == "closed":  # the close sealed the item's papers and what they count as
                raise RuleError("advance.amend_after_close", item=item_number)
            if rules.get("amended"):
                raise RuleError("advance.already_amended", item=item_number)
            item.settings = {**item.settings, "advance": {**rules, "amended": True, "amended_by": by.strip()}}
            act.details["if_amended"] = rules.get("if_amended", "not-counted")
            return str(rules.get("if_amended", "not-counted"))

    # -- directed proxies -------------------------------------------------------------------------

    def enter_directed_proxy(
        self, appointer: str, holder: str | None, directions: Mapping[int, str | Sequence[int]]
    ) -> list[str]:
        """Appoint a proxy from a signed form and enter its directed votes; returns notes for the desk.

        ``directions`` maps item number to "for", "against", "abstain" or "discretion" (a resolution) or
        to a list of candidate positions (an election: a ranking, or the candidates marked), or
        "discretion". Directed votes go into the item's tally for the member's class, with no paper and
        nothing naming the member; the holder is handed papers for the discretionary items only. An item
        the member has already voted on (in advance) is left out: the proxy is void for it.
        """
        limit = self._proxy_limit()
        notes: list[str] = []
        with self.action("directed proxy entered", appointer=appointer.strip(), holder=holder or "chair") as (session, act):
            giver = member_by_number(session, self.meeting_id, appointer)
            act.details["appointer"] = giver.number
            if giver.status != "active":
                raise RuleError("desk.cannot_appoint_proxy", number=giver.number, name=giver.name,
                                status=member_status(giver.status))
            if giver.present:
                raise RuleError("desk.present_needs_no_proxy", number=giver.number, name=giver.name)
            if live_proxies_given(session, giver.id) is not None:
                raise RuleError("desk.proxy_already_appointed", number=giver.number, name=giver.name)
            holder_id = proxy_holder_id(session, self.meeting_id, giver, holder, limit)
            if holder is not None:
                act.details["holder"] = member_by_number(session, self.meeting_id, holder).number
            # The class, which the member number tells anyway: check_record counts directed votes per item and class.
            act.details["class_code"] = class_code_of(session, giver.class_id)
            proxy = Proxy(
                meeting_id=self.meeting_id, appointer_id=giver.id, holder_id=holder_id, holder_is_chair=holder is None,
                directed=True, instructions="",
            )  # fmt: skip
            session.add(proxy)
            session.flush()
            voted = set(session.scalars(select(PaperIssue.item_id).where(PaperIssue.member_id == giver.id)))
            directed: list[int] = []
            for number, direction in sorted(directions.items()):
                item = item_row(session, self.meeting_id, int(number))
                if item.status not in {"pending", "open"}:
                    raise RuleError("advance.directed_too_late", item=item.number, status=item_status(item.status))
                if direction == DISCRETION:
                    continue
                if item.id in voted:
                    # Rendered in the reading language: the desk and the command line show the notes as text.
                    notes.append(str(message("advance.proxy_void_voted", name=giver.name, item=item.number)))
                    continue
                marks = direction_marks(item, direction)
                session.add(PaperIssue(item_id=item.id, member_id=giver.id, class_id=giver.class_id, proxy_id=proxy.id, channel="directed"))
                tally = session.scalar(
                    select(DirectedTally).where(DirectedTally.item_id == item.id, DirectedTally.class_id == giver.class_id)
                )
                if tally is None:
                    tally = DirectedTally(item_id=item.id, class_id=giver.class_id, tally={})
                    session.add(tally)
                key = marks_key(marks, member_band(item.meeting, item, giver, "advance.directed_value_zero"))
                counts = dict(tally.tally or {})
                counts[key] = int(counts.get(key, 0)) + 1
                tally.tally = dict(sorted(counts.items()))
                directed.append(item.number)
            proxy.instructions = f"directed on items {', '.join(map(str, directed))}" if directed else ""
            act.details["directed_items"] = directed  # which items, never the choices
        return notes

    def _proxy_limit(self) -> int:
        proxies = self.setup.meeting().rules.get("proxies", {})
        return int(proxies.get("limit_per_holder", 3)) if isinstance(proxies, dict) else 3

    def standing(self, number: str) -> MemberStanding:
        with self.reading() as session:
            member = member_by_number(session, self.meeting_id, number)
            found = member.number
            by_channel: dict[str, list[int]] = {}
            for channel, item_number in session.execute(
                select(PaperIssue.channel, AgendaItem.number)
                .join(AgendaItem, AgendaItem.id == PaperIssue.item_id)
                .where(PaperIssue.member_id == member.id)
                .order_by(AgendaItem.number)
            ):
                by_channel.setdefault(channel, []).append(item_number)
            pack = session.scalar(select(AdvancePack.id).where(AdvancePack.member_id == member.id))
            last = session.execute(
                select(AdvanceEnvelope.state, AdvanceEnvelope.reason)
                .where(AdvanceEnvelope.member_id == member.id)
                .order_by(AdvanceEnvelope.state)  # "accepted" sorts first: it is the one that counts
            ).first()
        envelope = None if last is None else ("accepted" if last.state == "accepted" else f"refused: {last.reason}")
        return MemberStanding(
            found, tuple(by_channel.get("advance", ())), tuple(by_channel.get("directed", ())), pack is not None,
            envelope,
        )  # fmt: skip

    def envelope_counts(self) -> dict[str, int]:
        """Envelopes by outcome (accepted, opened, and each refusal reason), for the screen and the CLI."""
        with self.reading() as session:
            counts: dict[str, int] = {"packs": int(session.scalar(
                select(func.count()).select_from(AdvancePack).where(AdvancePack.meeting_id == self.meeting_id)) or 0)}
            for state, reason, opened, n in session.execute(
                select(AdvanceEnvelope.state, AdvanceEnvelope.reason, AdvanceEnvelope.opened, func.count())
                .where(AdvanceEnvelope.meeting_id == self.meeting_id)
                .group_by(AdvanceEnvelope.state, AdvanceEnvelope.reason, AdvanceEnvelope.opened)
            ):
                key = "accepted" if state == "accepted" else reason
                counts[key] = counts.get(key, 0) + n
                if opened:
                    counts["opened"] = counts.get("opened", 0) + n
        return counts
