"""The reading core's parts on their own: transform fits, box measurement, ranking rules, input loading."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from coopvote.ballots.imaging import load_pages, to_gray
from coopvote.ballots.omr_geometry import PageTransform, fit_affine, fit_perspective, fit_similarity
from coopvote.ballots.omr_interpret import (
    QuestionBoxes,
    QuestionKind,
    RankingRules,
    Reason,
    interpret_choose,
    interpret_ranking,
)
from coopvote.ballots.omr_marks import BoxRect, BoxState, Thresholds, measure_boxes
from coopvote.errors import InputError

POINTS_MM = np.array([[162.0, 25.0], [194.0, 25.0], [194.0, 57.0], [162.0, 57.0],
                      [10.0, 10.0], [200.0, 10.0], [10.0, 287.0], [200.0, 287.0]])


def _affine(
    angle_deg: float, scale: float, shear: float, shift: tuple[float, float], stretch: float = 1.01
) -> tuple[np.ndarray, np.ndarray]:
    a = math.radians(angle_deg)
    rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    return rot @ np.array([[scale, shear], [0.0, scale * stretch]]), np.array(shift)


def test_affine_fit_recovers_a_skewed_scan() -> None:
    linear, shift = _affine(-6.5, 7.9, 0.02, (40.0, -12.0))
    px = POINTS_MM @ linear.T + shift
    fit = fit_affine(POINTS_MM, px)
    assert fit.residual_mm < 1e-9
    probe = np.array([[60.0, 200.0]])
    assert np.allclose(fit.apply(probe), probe @ linear.T + shift)
    assert fit.rotation_degrees() == pytest.approx(360 - 6.5, abs=0.5)


def test_similarity_fit_from_qr_corners_only_and_upside_down() -> None:
    linear, shift = _affine(180.0, 5.9, 0.0, (1240.0, 1754.0), stretch=1.0)
    qr = POINTS_MM[:4]
    fit = fit_similarity(qr, qr @ linear.T + shift)
    assert fit.residual_mm < 1e-6
    assert fit.px_per_mm() == pytest.approx(5.9)
    assert round(fit.rotation_degrees()) % 360 == 180


def test_perspective_fit_beats_affine_on_a_photo() -> None:
    true = np.array([[7.0, 0.4, 50.0], [-0.3, 7.2, 80.0], [0.0004, 0.0006, 1.0]])
    homog = np.column_stack([POINTS_MM, np.ones(len(POINTS_MM))]) @ true.T
    px = homog[:, :2] / homog[:, 2:3]
    perspective = fit_perspective(POINTS_MM, px)
    affine = fit_affine(POINTS_MM, px)
    assert perspective.residual_mm < 1e-6 < 1.0 < affine.residual_mm
    back = perspective.inverse_apply(perspective.apply(np.array([[100.0, 150.0]])))
    assert np.allclose(back, [[100.0, 150.0]])


def _page_with_ink(box: BoxRect, px_per_mm: float, ink_fraction_of_inner: float) -> tuple[np.ndarray, PageTransform]:
    gray = np.full((int(60 * px_per_mm), int(60 * px_per_mm)), 235, dtype=np.uint8)
    # The inner (inset 20%) area of the box, left part inked.
    x0 = box.x + 0.2 * box.width
    inner_w = 0.6 * box.width
    y0, y1 = box.y + 0.2 * box.height, box.y + 0.8 * box.height
    x1 = x0 + inner_w * ink_fraction_of_inner
    gray[int(y0 * px_per_mm) : int(y1 * px_per_mm), int(x0 * px_per_mm) : int(x1 * px_per_mm)] = 30
    matrix = np.diag([px_per_mm, px_per_mm, 1.0])
    return gray, PageTransform(matrix, "affine")


@pytest.mark.parametrize("share", [0.0, 0.25, 0.5, 1.0])
def test_box_darkness_is_the_inked_share_of_the_inset_box(share: float) -> None:
    box = BoxRect("b", 20.0, 20.0, 10.0, 10.0)
    gray, transform = _page_with_ink(box, 200 / 25.4, share)
    (measure,) = measure_boxes(gray, transform, [box])
    assert measure.darkness == pytest.approx(share, abs=0.04)
    assert measure.ink_mm2 == pytest.approx(share * 36.0, abs=1.5)
    assert measure.state is (BoxState.MARKED if share else BoxState.EMPTY)


def test_thresholds_split_into_three_states() -> None:
    t = Thresholds()
    assert t.classify(0.0) is BoxState.EMPTY
    assert t.classify(t.empty_mm2 - 0.01) is BoxState.EMPTY
    assert t.classify(t.empty_mm2) is BoxState.DOUBTFUL
    assert t.classify(t.marked_mm2 - 0.01) is BoxState.DOUBTFUL
    assert t.classify(t.marked_mm2) is BoxState.MARKED


def test_ink_beside_an_empty_box_makes_it_doubtful() -> None:
    box = BoxRect("b", 20.0, 20.0, 10.0, 10.0)
    px = 200 / 25.4
    gray, transform = _page_with_ink(box, px, 0.0)
    gray[int(22 * px) : int(28 * px), int(31.0 * px) : int(31.8 * px)] = 30  # a stroke 1-1.8 mm right of it
    (measure,) = measure_boxes(gray, transform, [box])
    assert measure.ink_mm2 == 0 and measure.halo_mm2 > Thresholds().halo_mm2
    assert measure.state is BoxState.DOUBTFUL


NAMES = ("Ann", "Bob", "Cai", "Dee")


def _grid(marks: dict[tuple[int, int], BoxState]) -> tuple[QuestionBoxes, dict[object, BoxState]]:
    grid = tuple(tuple((o, r) for r in range(1, 5)) for o in range(4))
    states: dict[object, BoxState] = {(o, r): BoxState.EMPTY for o in range(4) for r in range(1, 5)}
    states.update(marks)
    return QuestionBoxes("q", QuestionKind.RANK, NAMES, max_marks=4, grid=grid), states


M = BoxState.MARKED


def test_clean_ranking() -> None:
    q, s = _grid({(2, 1): M, (0, 2): M, (3, 3): M})
    reading = interpret_ranking(q, s)
    assert reading.chosen == (2, 0, 3) and reading.reasons == []


def test_duplicate_preference_stops_the_ranking_scottish_style() -> None:
    q, s = _grid({(2, 1): M, (0, 2): M, (1, 2): M, (3, 3): M})
    reading = interpret_ranking(q, s)
    assert reading.chosen == (2,)
    assert Reason.RANK_DUPLICATED in reading.reasons
    assert any("preference 2 given to Ann, Bob" in str(n) for n in reading.notes)


def test_skipped_preference_stops_or_closes_up_per_rule() -> None:
    q, s = _grid({(2, 1): M, (3, 3): M})
    assert interpret_ranking(q, s).chosen == (2,)
    closing = interpret_ranking(q, s, RankingRules(stop_at_gap=False))
    assert closing.chosen == (2, 3) and Reason.RANK_SKIPPED in closing.reasons
    quiet = interpret_ranking(q, s, RankingRules(stop_at_gap=False, count_irregular_without_adjudication=True))
    assert quiet.chosen == (2, 3) and quiet.reasons == []


def test_candidate_given_two_preferences_keeps_the_first() -> None:
    q, s = _grid({(2, 1): M, (2, 2): M, (0, 3): M})
    reading = interpret_ranking(q, s)
    assert reading.chosen == (2,) and Reason.CANDIDATE_RANKED_TWICE in reading.reasons
    assert interpret_ranking(q, s, RankingRules(stop_at_gap=False)).chosen == (2, 0)


def test_doubtful_box_in_a_grid_goes_to_a_person() -> None:
    q, s = _grid({(2, 1): M, (0, 2): BoxState.DOUBTFUL})
    reading = interpret_ranking(q, s)
    assert reading.chosen == (2,) and reading.reasons == [Reason.DOUBTFUL_MARK]


def test_choose_counts_overvotes_blanks_and_approval() -> None:
    boxes = tuple(range(4))
    single = QuestionBoxes("r", QuestionKind.CHOOSE, NAMES, max_marks=1, boxes=boxes)
    two = {0: M, 1: BoxState.EMPTY, 2: M, 3: BoxState.EMPTY}
    assert interpret_choose(single, two).reasons == [Reason.TOO_MANY_MARKS]
    approval = QuestionBoxes("a", QuestionKind.CHOOSE, NAMES, max_marks=4, boxes=boxes)
    assert interpret_choose(approval, two).chosen == (0, 2) and not interpret_choose(approval, two).reasons
    blank = dict.fromkeys(boxes, BoxState.EMPTY)
    assert interpret_choose(single, blank).reasons == [Reason.NO_MARKS]
    abstain_ok = QuestionBoxes("r", QuestionKind.CHOOSE, NAMES, max_marks=1, boxes=boxes, blank_allowed=True)
    assert interpret_choose(abstain_ok, blank).reasons == []


def test_to_gray_treats_transparency_as_paper() -> None:
    rgba = Image.new("RGBA", (4, 4), (0, 0, 0, 0))
    assert to_gray(rgba).min() == 255
    deep = (np.arange(16, dtype=np.uint16).reshape(4, 4) * 4096)
    assert to_gray(deep).dtype == np.uint8 and to_gray(deep).max() >= 239


def test_bad_inputs_name_the_file(tmp_path: Path) -> None:
    junk = tmp_path / "notes.png"
    junk.write_bytes(b"this is not a picture")
    with pytest.raises(InputError, match="notes.png"):
        list(load_pages(junk))
    with pytest.raises(InputError, match="missing.pdf"):
        list(load_pages(tmp_path / "missing.pdf"))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 truncated")
    with pytest.raises(InputError, match="broken.pdf"):
        list(load_pages(broken))


def test_png_dpi_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    Image.new("L", (20, 30), 255).save(path, dpi=(300, 300))
    (page,) = load_pages(path)
    assert page.gray.shape == (30, 20) and page.dpi == pytest.approx(300, abs=1)


def test_scan_paths_walks_folders_in_name_order(tmp_path: Path) -> None:
    from coopvote.ballots.imaging import scan_paths

    (tmp_path / "batch").mkdir()
    for name, shade in (("b.png", 10), ("a.png", 20)):
        Image.new("L", (8, 8), shade).save(tmp_path / "batch" / name)
    (tmp_path / "batch" / "notes.txt").write_text("not a scan")
    pages = list(scan_paths([tmp_path / "batch"]))
    assert [Path(p.source).name for p in pages] == ["a.png", "b.png"]
    assert [int(p.gray[0, 0]) for p in pages] == [20, 10]
    with pytest.raises(InputError, match="no such file"):
        list(scan_paths([tmp_path / "nowhere"]))
