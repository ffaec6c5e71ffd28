"""``coopvote info MEETING [--json]``: the meeting at a glance."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from coopvote.cli.band_choice import band_lines
from coopvote.cli.common import add_meeting_argument, open_meeting_to_read, print_json
from coopvote.counting.value_bands import votes_words
from coopvote.messages import Bilingual, Message, message

if TYPE_CHECKING:
    from coopvote.service import MeetingService


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("info", help="show a meeting: classes, agenda, attendance and quorum")
    add_meeting_argument(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def describe(service: MeetingService) -> dict[str, Any]:
    meeting = service.setup.meeting()
    quorum = service.desk.quorum()
    eligible, present, proxies = service.desk.attendance_by_class()
    bands = band_lines(service)
    return {
        "code": meeting.code,
        "name": {"cy": meeting.name_cy, "en": meeting.name_en},
        "society": {"cy": meeting.society_cy, "en": meeting.society_en},
        "date": meeting.held_on,
        "place": meeting.place,
        "notice_given": meeting.notice_given_on,
        "languages": list(meeting.languages),
        "weighting": meeting.weighting,
        "classes": [
            {
                "code": c.code,
                "name": {"cy": c.name_cy, "en": c.name_en},
                "colour": c.colour,
                "members": c.members,
                "eligible": c.eligible,
                "present": present.get(c.code, 0),
                "proxies": proxies.get(c.code, 0),
            }
            for c in meeting.classes
        ],
        "items": [
            {
                "number": item.number,
                "kind": item.kind,
                "title": {"cy": item.title_cy, "en": item.title_en},
                "special": item.special,
                "threshold": item.threshold,
                "by_head": item.by_head,
                "method": item.method or None,
                "seats": item.seats or None,
                "options": list(item.options_en) if item.kind == "resolution" else None,
                "candidates": [
                    {"position": c.position, "name": c.name, "class": c.class_code, "withdrawn": c.withdrawn}
                    for c in item.candidates
                ]
                or None,
                "reserved": item.settings.get("reserved"),
                "counts_member_values": service.papers.counts_member_values(item.number),
                "status": item.status,
                "voting_open": item.is_open,
            }
            for item in meeting.items
        ],
        "value_bands": [
            {"class": line.band.class_code, "value": line.band.value, "members": line.band.members, "warning": line.warning}
            for line in bands
        ],
        "attendance": {
            "eligible": sum(eligible.values()),
            "present": sum(present.values()),
            "proxies": sum(proxies.values()),
        },
        "quorum": {
            "met": quorum.met,
            "required": quorum.required,
            "present": quorum.present,
            "explanation": {"cy": quorum.explanation_cy, "en": quorum.explanation_en},
        },
    }


def run(args: argparse.Namespace) -> int:
    from coopvote.service.integrity import check_record

    service = open_meeting_to_read(args.meeting)
    try:
        with service.record.reading() as session:  # refuse to describe papers the audit chain does not vouch for
            check_record(session, service.record.meeting_id, service.record.where)
        info = describe(service)
    finally:
        service.close()
    if args.json:
        print_json(info)
        return 0
    print(f"{info['name']['cy']} / {info['name']['en']}")
    print(f"{info['society']['cy']} / {info['society']['en']}")
    date = info["date"] or message("cli.info_date_not_set")
    print(message("cli.info_when_where", date=date, place=info["place"], code=info["code"]))
    print("\nClasses / Dosbarthiadau:")
    for c in info["classes"]:
        name = f"{c['name']['cy']} / {c['name']['en']}"  # both names on every line, as the headings are
        print(message("cli.info_class", code=c["code"], name=name, members=c["members"], eligible=c["eligible"],
                      present=c["present"], proxies=c["proxies"]))
    if info["value_bands"]:
        print_value_bands(info)
    print("\nAgenda / Agenda:")
    for item in info["items"]:
        state = message("cli.info_voting_open") if item["voting_open"] else item["status"]
        values = message("cli.info_member_values") if item["counts_member_values"] else ""
        print(f"  {item['number']}. {item['title']['cy']} / {item['title']['en']}")
        if item["kind"] == "resolution":
            special = message("cli.info_special") if item["special"] else ""
            head = message("cli.info_by_head") if item["by_head"] else ""
            print(message("cli.info_resolution", special=special, threshold=item["threshold"], by_head=head,
                          values=values, state=state))
        else:
            reserved = item["reserved"] or {}
            said = [reserved_words(k, v) for k, v in reserved.items()]
            listed = Bilingual(cy=", ".join(w.render("cy") for w in said), en=", ".join(w.render("en") for w in said))
            reserved_text = message("cli.info_reserved", reservations=listed) if reserved else ""
            print(message("cli.info_election", method=item["method"], seats=item["seats"], reserved=reserved_text,
                          values=values, state=state))
            for cand in item["candidates"] or []:
                print(f"       {cand['position']}. {cand['name']}" + (f" ({cand['class']})" if cand["class"] else ""))
    q = info["quorum"]
    print("\nQuorum / Cworwm:")
    print(f"  {q['explanation']['cy']}")
    print(f"  {q['explanation']['en']}")
    return 0


def print_value_bands(info: dict[str, Any]) -> None:
    """The bands papers are printed for (``--band`` of ``ballots`` and ``packs``), small ones flagged."""
    print("\nBandiau gwerth / Value bands (print with --band VALUE):")
    for band in info["value_bands"]:
        welsh, english = votes_words(band["value"])
        members = f"{band['members']} member" + ("" if band["members"] == 1 else "s")
        print(f"  {band['class']:<5} {welsh} / {english}: {members}")
    for band in info["value_bands"]:
        if band["warning"]:
            print(message("cli.warning_indented", warning=band["warning"]))


def reserved_words(class_code: str, bounds: Any) -> Message:
    """A reservation as a person says it ("EMP 1 to 2"), not as the definition stores it ({'min': 1})."""
    if not isinstance(bounds, dict):
        return Message.text(f"{class_code} {bounds}")  # a class and a number: the same in both languages
    low, high = bounds.get("min"), bounds.get("max")
    if low is not None and high is not None:
        if low == high:
            return message("cli.info_reserved_exactly", code=class_code, low=low)
        return message("cli.info_reserved_range", code=class_code, low=low, high=high)
    if low is not None:
        return message("cli.info_reserved_at_least", code=class_code, low=low)
    return message("cli.info_reserved_at_most", code=class_code, high=high)
