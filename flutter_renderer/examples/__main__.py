"""`python -m flutter_renderer.examples`: re-render the example PNGs."""

import sys

from flutter_renderer.examples import regenerate

sys.exit(regenerate())
