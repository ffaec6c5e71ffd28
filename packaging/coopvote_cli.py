"""Entry point of the packaged ``coopvote`` command (the bundle's console program)."""

from coopvote.cli import main

raise SystemExit(main())
