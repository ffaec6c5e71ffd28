"""The minutes say who attended, the proxies, and the quorum as it stood when each vote opened (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from coopvote.export.content import collect
from coopvote.reports.minutes import render_minutes
from tests.helpers import small_meeting


def minutes_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    return " ".join(" ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).split())


def test_quorum_recorded_at_each_opening_and_printed_in_the_minutes(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    service.desk.check_in("P1")
    service.desk.check_in("E1")
    service.voting.open_vote(2, not_quorate_reason="test meeting: nobody checked in")  # 2 present, the rules need 3: not quorate
    service.desk.check_in("E2")
    service.desk.appoint_proxy("E3", "E2")
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")  # 3 in person + 1 by proxy
    record = collect(service)
    opened = {e["details"]["item"]: e["details"]["quorum"] for e in record.audit if e["action"] == "vote opened"}
    assert opened[2]["present"] == 2 and opened[2]["met"] is False
    assert opened[1] == {"met": True, "required": 3, "present": 4, "in_person": 3, "by_proxy": 1,
                         "members": opened[1]["members"]}
    service.close()
    text = minutes_text(render_minutes(record))
    assert "Members who checked in: 3. Proxies appointed: 1." in text
    assert "Aelodau a gofrestrodd yn bresennol: 3. Dirprwyon a benodwyd: 1." in text
    assert "When voting opened: 4 present (3 in person, 1 by proxy); 3 needed: quorate." in text
    assert "When voting opened: 2 present (2 in person, 0 by proxy); 3 needed: NOT QUORATE." in text
    assert "NID OEDD CWORWM" in text
    assert text.index("1. Derbyn y cyfrifon") < text.index("When voting opened: 4 present")


def test_minutes_printed_without_the_whole_log_still_count_attendance(tmp_path: Path) -> None:
    """`coopvote declare --minutes` and the app read the record without its audit log; the minutes must not say 0."""
    service = small_meeting(tmp_path)
    service.desk.check_in("P1")
    service.desk.check_in("E1")
    service.desk.appoint_proxy("E3", "E1")
    record = collect(service, audit=False)
    service.close()
    assert record.audit == []
    text = minutes_text(render_minutes(record))
    assert "Members who checked in: 2. Proxies appointed: 1." in text

