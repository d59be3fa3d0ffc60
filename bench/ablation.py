"""Chapter 12's recipe on chapter 08's CNN, one ingredient at a time: test accuracy (mean of 3 seeds) and time.

    .venv/bin/python bench/ablation.py            # the table (a few minutes)
    .venv/bin/python bench/ablation.py --choose   # also print every validation score behind each choice

Every choice (η, the optimiser, the weight decay, the epochs) is made on validation splits of the
training images (`datasets.validation_split`, 20 %, seeds 0, 1, 2; the mean); the test images are used once per row, at the
end, by networks trained on the whole training set with seeds 0, 1, 2. Rows add up: each keeps the row
above and adds one thing. The last line is the tuned RBF SVM of chapter 08 for comparison.
"""
import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "lib"))

from dlmath import datasets  # noqa: E402
from dlmath.models import CNN  # noqa: E402
from dlmath.optimizers import SGD, Adam, constant, cosine  # noqa: E402

SEEDS = (0, 1, 2)


def train(recipe, x, y, seed):
    """A trained network (or a list of them, for an ensemble) for the recipe, and the seconds it took."""
    start = time.perf_counter()
    nets = []
    for member in range(recipe.get("ensemble", 1)):
        s = seed * 100 + member
        net = CNN(filters=recipe.get("filters", (8, 16)), seed=s, init=recipe.get("init"))
        eta, epochs = recipe["eta"], recipe["epochs"]
        if recipe.get("optimizer") == "adam":
            optimizer = Adam(eta, weight_decay=recipe.get("weight_decay", 0.0), decoupled=True)
        else:
            optimizer = SGD(eta, 0.9, weight_decay=recipe.get("weight_decay", 0.0))
        schedule = cosine(eta, epochs) if recipe.get("cosine") else constant(eta)
        augment = datasets.random_shifts if recipe.get("shifts") else None
        net.fit(x, y, epochs=epochs, batch_size=32, seed=s, optimizer=optimizer, schedule=schedule,
                augment=augment, progress=False)
        nets.append(net)
    return nets, time.perf_counter() - start


def accuracy(nets, x, y):
    """The ensemble's accuracy: the class of the mean of its members' softmax outputs."""
    return float(np.mean(np.argmax(np.mean([net.forward(x) for net in nets], axis=0), axis=1) == y))


def choose(base, options, splits, verbose):
    """The option (a dict of changes to `base`) with the best mean validation accuracy over the splits
    (one training seed each); on a tie the earlier option, so list the simpler first."""
    scored = []
    for change in options:
        scores = [accuracy(train({**base, **change}, x_fit, y_fit, k)[0], x_val, y_val)
                  for k, (x_fit, x_val, y_fit, y_val) in enumerate(splits)]
        scored.append((np.mean(scores), change))
        if verbose:
            print(f"    validation {scored[-1][0]:.2%}  {change or 'as above'}", flush=True)
    return max(scored, key=lambda sc: sc[0])[1]


# Each row: its label and the options chosen between on validation (one option: nothing to choose).
ROWS = [
    ("weights N(0, 0.1²) instead of He's", [{"init": 0.1}]),
    ("chapter 08's CNN as it is (He's scale, SGD η 0.02, momentum 0.9, 25 epochs)", [{"init": None}]),
    ("+ cosine schedule, η and epochs chosen", [{"cosine": True, "eta": e, "epochs": n}
                                                for n in (25, 50) for e in (0.02, 0.05, 0.1)]),
    ("+ Adam(W) instead of momentum, η chosen", [{}] + [{"optimizer": "adam", "eta": e} for e in (0.001, 0.003, 0.01)]),
    ("+ weight decay, if chosen", [{}] + [{"weight_decay": wd} for wd in (1e-4, 1e-3, 1e-2, 0.1)]),
    ("+ one-pixel shifts of each batch, if chosen", [{}] + [{"shifts": True, "epochs": n} for n in (50, 100)]),
    ("+ wider: 16 and 32 filters, if chosen", [{}, {"filters": (16, 32)}]),
    ("+ an ensemble of 5 (mean of the softmax outputs)", [{"ensemble": 5}]),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--choose", action="store_true", help="print the validation score of every option")
    args = parser.parse_args()
    d = datasets.digits()
    splits = [datasets.validation_split(d.x_train, d.y_train, seed=k) for k in range(3)]
    recipe = {"eta": 0.02, "epochs": 25, "filters": (8, 16)}
    print(f"{'row':78s} {'test accuracy (3 seeds)':>26s} {'fit time':>9s}")
    for label, options in ROWS:
        if args.choose and len(options) > 1:
            print(f"  {label}:")
        change = options[0] if len(options) == 1 else choose(recipe, options, splits, args.choose)
        row = {**recipe, **change}
        if not label.startswith("weights N"):
            recipe = row  # the ablation's first row is a detour; the others add up
        scores, times = [], []
        for seed in SEEDS:
            nets, seconds = train(row, d.x_train, d.y_train, seed)
            scores.append(accuracy(nets, d.x_test, d.y_test))
            times.append(seconds)
        chosen = {k: v for k, v in change.items() if v not in (None, {})} if len(options) > 1 else ""
        print(f"{label:78s} {np.mean(scores):7.2%} ± {np.std(scores):.2%} "
              f"({' '.join(f'{s:.1%}' for s in scores)}) {np.median(times):7.1f} s  {chosen or ''}", flush=True)
    from sklearn.model_selection import GridSearchCV
    from sklearn.svm import SVC
    start = time.perf_counter()
    svm = GridSearchCV(SVC(), {"C": [1, 10, 100], "gamma": [0.01, 0.03, 0.1, 0.3]}, cv=5).fit(d.x_train, d.y_train)
    print(f"{'RBF SVM of chapter 08, C and γ by 5-fold cross-validation':78s} "
          f"{svm.score(d.x_test, d.y_test):7.2%}{'':27s}{time.perf_counter() - start:7.1f} s")


if __name__ == "__main__":
    main()
