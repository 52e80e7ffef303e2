"""Allow ``python -m crmdesk``."""

import sys

from crmdesk.cli import main

sys.exit(main())
