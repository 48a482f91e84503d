"""`python -m briefing --period YYYY-MM --out PACK.pptx|PACK.pdf`: the scheduled pack (briefing.deck.main)."""

import sys

from briefing.deck import main

sys.exit(main())
