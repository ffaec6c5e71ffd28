"""Test set-up shared by every test: Qt runs offscreen, and the shared reference data is found."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

import pytest  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO_ROOT / "tests" / "_artifacts"


def _find_shared_reference() -> Path | None:
    """The reference elections live beside the repository in ../shared; CI copies them there too."""
    override = os.environ.get("COOPVOTE_SHARED")
    candidates = [Path(override)] if override else []
    candidates += [REPO_ROOT.parent / "shared", REPO_ROOT.parent.parent / "shared"]
    for candidate in candidates:
        if (candidate / "reference" / "stv" / "manifest.json").is_file():
            return candidate / "reference" / "stv"
    return None


@pytest.fixture(scope="session")
def stv_reference() -> Path:
    found = _find_shared_reference()
    if found is None:
        pytest.skip("../shared/reference/stv is not present beside this clone")
    return found


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Screenshots and rendered PDFs land here so a person can look at them after a run."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True)
def _messages_read_in_english() -> object:
    """Each test starts reading messages in English, whatever an earlier app or command switched to."""
    from coopvote import messages

    messages.set_language("en")
    yield
    messages.set_language("en")


@pytest.fixture(autouse=True)
def _no_dialog_answerer_outlives_its_test() -> object:
    """A test that armed an answer for a confirmation dialog which never opened must not answer the next one."""
    import sys

    yield
    dialogs = sys.modules.get("tests.ui_dialogs")
    if dialogs is not None:
        dialogs.stop_waiting()

