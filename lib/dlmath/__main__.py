"""`python -m dlmath …`: the same as the `dlmath` command."""
import sys

from .course.cli import main

sys.exit(main())
