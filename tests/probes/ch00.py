"""Chapter 00 probes: answers a learner plausibly writes for each exercise (see probes/__init__.py)."""
import numpy as np

CORRECT = {
    "neuron_parameters": [4, 4.0, np.int64(4), 3 + 1],
    "restart_run_all": ["b", "B", "(b)", " b) ", "b."],
}

WRONG = {
    "neuron_parameters": [
        (3, "bias"),
        (5, "too large"),
        ("4", "without quotes"),
        (None, "None"),
    ],
    "restart_run_all": [
        ("c", "keeps your code"),
        ("a", "runs nothing"),
        ("(e)", "choose one of"),
        (2, "letter"),
    ],
}
