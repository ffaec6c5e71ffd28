"""Allow ``python -m coopvote`` as well as the ``coopvote`` entry point."""

from coopvote.cli import main

raise SystemExit(main())
