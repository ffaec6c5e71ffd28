"""The sealed QR payload: round trips, scanner quirks, every refusal, and fuzzing."""

from __future__ import annotations

import contextlib
import re

import pytest
import qrcode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qrcode.util import MODE_ALPHA_NUM, QRData

from coopvote.ballots.pdf_draw import QR_VERSION, qr_modules
from coopvote.ballots.pdf_qr import qr_matrix
from coopvote.ballots.qrcodec import (
    BallotCode,
    MemberCode,
    QrRejected,
    Reason,
    decode,
    decode_card,
    encode,
    encode_card,
    shuffled_serials,
)
from coopvote.ballots.texts import reason_message, rejection_message
from coopvote.errors import InputError

SECRET = bytes(range(32))
OTHER_SECRET = bytes(range(1, 33))
MEETING = "AGM2026"


def paper(**changes: object) -> BallotCode:
    fields: dict[str, object] = dict(meeting=MEETING, item=4, class_code="PS", serial=1234)
    fields.update(changes)
    return BallotCode(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("variant", ["standard", "easy-read", "large-print"])
@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_paper_round_trip_keeps_variant_and_page(variant: str, page_size: str) -> None:
    code = paper(variant=variant, page_size=page_size)
    text = encode(code, SECRET)
    assert decode(text, SECRET, MEETING) == code
    assert not decode(text, SECRET, MEETING).is_slip


@pytest.mark.parametrize("option", [0, 1, 2, 11])
def test_slip_round_trip_carries_the_option(option: int) -> None:
    code = paper(option=option, serial=7)
    text = encode(code, SECRET)
    assert f"-S{option + 1}-" in text
    decoded = decode(text, SECRET, MEETING)
    assert decoded.option == option and decoded.is_slip and decoded.serial == 7


def test_format_is_as_documented() -> None:
    text = encode(paper(variant="large-print", page_size="Letter"), SECRET)
    assert re.fullmatch(r"CV1-AGM2026-4-PS-1234-PLU-[A-Z2-7]{10}", text), text


def test_class_codes_with_dashes_round_trip() -> None:
    code = paper(class_code="EMP-2-B", serial=99_999_999, item=9999)
    assert decode(encode(code, SECRET), SECRET, MEETING) == code


def test_lower_case_and_scanner_whitespace_are_accepted() -> None:
    text = encode(paper(), SECRET)
    for scanned in (text.lower(), f"  {text}\r\n", f"\t{text.lower()}\n", text.swapcase() + "\r"):
        assert decode(scanned, SECRET, MEETING.lower()) == paper()
    assert decode(text.encode("ascii"), SECRET, MEETING) == paper()  # type: ignore[arg-type]


def test_payload_uses_only_keyboard_safe_characters_in_qr_alphanumeric_mode() -> None:
    longest = encode(BallotCode("ABCDEFGHIJKL", 9999, "ABCDEFGHIJKL", 99_999_999, 9998), SECRET)
    assert len(longest) == 60
    for text in (longest, encode(paper(option=3), SECRET), encode_card(MemberCode(MEETING, "M-0042"), SECRET)):
        assert re.fullmatch(r"[A-Z0-9-]+", text)
        assert QRData(text).mode == MODE_ALPHA_NUM
    # The longest code still fits the fixed symbol version the printer uses.
    assert len(qr_modules(longest)) == 17 + 4 * QR_VERSION
    with pytest.raises(qrcode.exceptions.DataOverflowError):
        qr_modules(longest + "X" * 10)


def test_membership_card_round_trip_and_never_a_ballot() -> None:
    card = MemberCode(MEETING, "M-0042")
    text = encode_card(card, SECRET)
    assert text.startswith("CVM1-")
    assert decode_card(f" {text.lower()}\r\n", SECRET, MEETING) == card
    with pytest.raises(QrRejected) as caught:
        decode(text, SECRET, MEETING)
    assert caught.value.reason is Reason.MEMBERSHIP_CARD
    with pytest.raises(QrRejected) as caught:
        decode_card(encode(paper(), SECRET), SECRET, MEETING)
    assert caught.value.reason is Reason.BALLOT_NOT_CARD


def test_card_mac_cannot_be_reused_as_ballot_mac() -> None:
    # A card's seal is computed over a different prefix, so grafting it onto a ballot body fails.
    card_text = encode_card(MemberCode(MEETING, "PS"), SECRET)
    mac = card_text.rsplit("-", 1)[1]
    forged = f"CV1-{MEETING}-4-PS-1234-PSA-{mac}"
    with pytest.raises(QrRejected) as caught:
        decode(forged, SECRET, MEETING)
    assert caught.value.reason is Reason.FORGED_OR_DAMAGED


@pytest.mark.parametrize("text", ["", "   \r\n", "hello", "https://example.org/vote", "9781234567897",
                                  "C", "CVX-1", "CV-1-2", "ÇV1-AGM2026", "\x00"])
def test_not_coopvote(text: str) -> None:
    with pytest.raises(QrRejected) as caught:
        decode(text, SECRET, MEETING)
    assert caught.value.reason is Reason.NOT_COOPVOTE
    assert isinstance(caught.value, InputError)


def test_other_meeting_names_both_codes() -> None:
    text = encode(BallotCode("AGM2025", 4, "PS", 1, None), SECRET)
    with pytest.raises(QrRejected) as caught:
        decode(text, SECRET, MEETING)
    assert caught.value.reason is Reason.OTHER_MEETING
    assert "AGM2025" in str(caught.value) and MEETING in str(caught.value)
    welsh = rejection_message(caught.value, "cy")
    assert "AGM2025" in welsh and "gyfarfod arall" in welsh


def _tampered(text: str) -> list[str]:
    body, mac = text.rsplit("-", 1)
    flipped_mac = body + "-" + ("A" if mac[0] != "A" else "B") + mac[1:]
    other_serial = text.replace("-1234-", "-1235-")
    other_option = encode(paper(option=0), SECRET).replace("-S1-", "-S2-")
    other_class = text.replace("-PS-", "-EM-")
    return [flipped_mac, other_serial, other_option, other_class, text[:-1], text + "A"]


def test_forged_or_damaged_codes_are_refused() -> None:
    text = encode(paper(), SECRET)
    for bad in _tampered(text) + [encode(paper(), OTHER_SECRET), "CV1-AGM2026-4-PS", "CV1-AGM2026-04-PS-1-PSA-AAAAAAAAAA"]:
        with pytest.raises(QrRejected) as caught:
            decode(bad, SECRET, MEETING)
        assert caught.value.reason is Reason.FORGED_OR_DAMAGED, bad


def test_unsupported_versions() -> None:
    for text, card in (("CV2-AGM2026-4-PS-1-PSA-AAAAAAAAAA", False), ("cv17-anything", False),
                       ("CVM9-AGM2026-7-AAAAAAAAAA", True)):
        with pytest.raises(QrRejected) as caught:
            (decode_card if card else decode)(text, SECRET, MEETING)
        assert caught.value.reason is Reason.UNSUPPORTED_VERSION
        assert caught.value.fields["version"] in (2, 17, 9)


def test_every_reason_has_english_and_welsh_messages() -> None:
    fields = dict(meeting="X1", expected="Y2", version=3, item=4, serial=5, when="10:02", where="Desk 2",
                  member="M7")
    for reason in Reason:
        english = reason_message(reason, "en", **fields)
        welsh = reason_message(reason, "cy", **fields)
        assert english and welsh and english != welsh
        assert "{" not in english and "{" not in welsh
    counted = reason_message(Reason.ALREADY_COUNTED, "en", serial=12, item=4, when="10:02", where="Desk 2")
    assert "10:02" in counted and "Desk 2" in counted
    assert "?" in reason_message(Reason.ALREADY_COUNTED, "en")  # missing details never crash


def test_service_layer_can_raise_shared_reasons() -> None:
    error = QrRejected(Reason.ALREADY_COUNTED, serial=12, item=4, when="10:02", where="Desk 2")
    assert "already counted" in rejection_message(error) and "Desk 2" in rejection_message(error, "cy")


def test_encode_refuses_fields_that_cannot_be_scanned() -> None:
    for bad in (paper(meeting="AGM 2026"), paper(meeting="A-B"), paper(meeting="X" * 13), paper(item=0),
                paper(item=10_000), paper(serial=0), paper(serial=100_000_000), paper(class_code="P_S"),
                paper(class_code="Ŵ"), paper(option=-1)):
        with pytest.raises(InputError):
            encode(bad, SECRET)
    with pytest.raises(InputError):
        encode(paper(), b"short")


def test_shuffled_serials_are_a_stable_seeded_permutation() -> None:
    first = shuffled_serials(500, 1001, b"seed-1")
    assert sorted(first) == list(range(1001, 1501))
    assert first == shuffled_serials(500, 1001, b"seed-1")
    assert first != shuffled_serials(500, 1001, b"seed-2")
    assert first != sorted(first)
    assert shuffled_serials(0, 1, b"x") == []
    with pytest.raises(InputError):
        shuffled_serials(10, 99_999_995, b"x")


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=80) | st.from_regex(r"\s*(?i:cvm?[0-9]{0,3}-)[A-Za-z0-9 \-]{0,70}\s*", fullmatch=True))
def test_decode_never_crashes(text: str) -> None:
    for reader in (decode, decode_card):
        with contextlib.suppress(QrRejected):
            reader(text, SECRET, MEETING)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 9999), st.from_regex(r"[A-Z0-9]{1,5}(-[A-Z0-9]{1,5})?", fullmatch=True),
    st.integers(1, 99_999_999), st.none() | st.integers(0, 40),
    st.integers(0, 58), st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567-0189"),
)
def test_one_changed_character_is_never_accepted_as_another_code(
    item: int, class_code: str, serial: int, option: int | None, position: int, replacement: str
) -> None:
    code = BallotCode(MEETING, item, class_code, serial, option)
    text = encode(code, SECRET)
    assert decode(text, SECRET, MEETING) == code
    position %= len(text)
    changed = text[:position] + replacement + text[position + 1:]
    if changed == text:
        return
    with pytest.raises(QrRejected):
        decode(changed, SECRET, MEETING)


@settings(max_examples=120, deadline=None)
@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", min_size=0, max_size=67))
def test_fast_encoder_matches_the_qrcode_package_module_for_module(text: str) -> None:
    assert qr_matrix(text) == [[bool(v) for v in row] for row in qr_modules(text)]


def test_fast_encoder_refuses_what_it_cannot_encode() -> None:
    with pytest.raises(ValueError, match="alphanumeric"):
        qr_matrix("cv1-lower")
    with pytest.raises(ValueError, match="do not fit"):
        qr_matrix("A" * 68)
    real = encode(paper(), SECRET)
    assert qr_matrix(real) == [[bool(v) for v in row] for row in qr_modules(real)]
