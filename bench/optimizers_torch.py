"""dlmath.optimizers against torch.optim, step for step, when torch is installed (never a dependency).

    PYTHONPATH=lib path/to/a-venv-with-torch/bin/python bench/optimizers_torch.py

Each rule of `dlmath.optimizers` and its torch counterpart start from the same parameters and get the
same gradients — those of an ill-conditioned quadratic plus noise, recomputed from each one's own
parameters — for 200 steps in float64; the table gives the largest difference of the parameters at the
end, relative to their size. Agreement to rounding (≲ 1e-12) means the same rule, state and defaults.
"""
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "lib"))

from dlmath.optimizers import SGD, Adam, RMSProp  # noqa: E402

STEPS = 200


def rules(torch):
    """(name, the lib's rule, a function making torch's for a list of tensors)."""
    o = torch.optim
    return [
        ("SGD", SGD(0.05), lambda p: o.SGD(p, lr=0.05)),
        ("SGD, momentum 0.9", SGD(0.05, 0.9), lambda p: o.SGD(p, lr=0.05, momentum=0.9)),
        ("SGD, Nesterov 0.9", SGD(0.05, 0.9, nesterov=True), lambda p: o.SGD(p, lr=0.05, momentum=0.9, nesterov=True)),
        ("SGD, momentum, weight decay 0.01", SGD(0.05, 0.9, weight_decay=0.01),
         lambda p: o.SGD(p, lr=0.05, momentum=0.9, weight_decay=0.01)),
        ("RMSProp ρ 0.9", RMSProp(0.01, rho=0.9), lambda p: o.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-8)),
        ("Adam", Adam(0.01), lambda p: o.Adam(p, lr=0.01, eps=1e-8)),
        ("Adam + L2 0.01", Adam(0.01, weight_decay=0.01), lambda p: o.Adam(p, lr=0.01, weight_decay=0.01)),
        ("AdamW 0.1", Adam(0.01, weight_decay=0.1, decoupled=True), lambda p: o.AdamW(p, lr=0.01, weight_decay=0.1)),
    ]


def main():
    try:
        import torch
    except ImportError:
        print("torch is not installed here: nothing to compare (see the docstring).")
        return
    rng = np.random.default_rng(0)
    curvatures = [np.geomspace(0.1, 10, 12).reshape(3, 4), np.geomspace(1, 50, 5)]
    start = [rng.normal(size=(3, 4)), rng.normal(size=5)]
    noise = [[rng.normal(size=c.shape) for c in curvatures] for _ in range(STEPS)]
    print(f"{'rule':34s} {'max |Δp| / max |p| after 200 steps':>36s}")
    for name, ours, make_theirs in rules(torch):
        mine = [p.copy() for p in start]
        theirs = [torch.tensor(p, dtype=torch.float64, requires_grad=False) for p in start]
        optimizer = make_theirs(theirs)
        for k in range(STEPS):
            ours.step(mine, [c * p + 0.1 * n for c, p, n in zip(curvatures, mine, noise[k])])
            for t, c, n in zip(theirs, curvatures, noise[k]):
                t.grad = torch.tensor(c, dtype=torch.float64) * t.detach() + 0.1 * torch.tensor(n)
            optimizer.step()
        diff = max(np.max(np.abs(m - t.detach().numpy())) for m, t in zip(mine, theirs))
        size = max(np.max(np.abs(m)) for m in mine)
        print(f"{name:34s} {diff / size:36.1e}")


if __name__ == "__main__":
    main()
