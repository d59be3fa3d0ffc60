import os
import tempfile

import matplotlib

matplotlib.use("Agg")  # headless: tests drive the figures without a screen

# Checks made by the tests must never touch the tester's own progress file.
os.environ["DLMATH_PROGRESS"] = os.path.join(tempfile.mkdtemp(prefix="dlmath-test-"), "progress.json")
