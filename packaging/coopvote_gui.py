"""Entry point of the packaged desktop app: ``coopvote-app [MEETING]`` is ``coopvote app [MEETING]``."""

import sys

from coopvote.cli import main

raise SystemExit(main(["app", *sys.argv[1:]]))
