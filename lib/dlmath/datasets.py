"""The course's data sets, all built or loaded offline.

zero_one_images()  the book's task: 4×3-pixel black-and-white images of "0" and "1" (ch. 06–07)
digits()           scikit-learn's bundled 8×8 handwritten digits, scaled to [0, 1], with the one fixed
                   stratified split (25 % test, random_state 0) every chapter and benchmark uses
Arrays are handed out read-only, so a learner's `x -= …` cannot corrupt the data set for the session.
"""
from functools import lru_cache
from typing import NamedTuple

import numpy as np

# 4 rows × 3 columns, 1 = ink. Drawn by hand for this course: a few ways to write each digit.
ZERO_TEMPLATES = (
    ("###", "#.#", "#.#", "###"),  # a full ring
    (".#.", "#.#", "#.#", ".#."),  # a round one, corners left out
    ("##.", "#.#", "#.#", ".##"),  # slanted
    ("###", "#.#", "#.#", ".##"),  # one corner not closed
)
ONE_TEMPLATES = (
    (".#.", ".#.", ".#.", ".#."),  # a stroke in the middle
    ("#..", "#..", "#..", "#.."),  # written at the left edge
    ("..#", "..#", "..#", "..#"),  # at the right edge
    (".#.", "##.", ".#.", ".#."),  # with a flag
    (".#.", ".#.", ".#.", "###"),  # with a foot
    ("..#", ".#.", ".#.", "#.."),  # slanted
)


def _image(rows):
    return np.array([[c == "#" for c in row] for row in rows], dtype=np.float64)


def _with_noise(templates):
    """Each template, then each template with one pixel flipped (the noisy variants), no repeats."""
    seen, out = set(), []
    for rows in templates:
        base = _image(rows).ravel()
        for flip in (None, *range(12)):
            img = base.copy()
            if flip is not None:
                img[flip] = 1.0 - img[flip]
            key = img.tobytes()
            if key not in seen and img.sum() >= 2:
                seen.add(key)
                out.append(img)
    return out, seen


class ZeroOne(NamedTuple):
    x: np.ndarray       # (N, 12): each row one image, read row by row (pixel 1 = top left)
    labels: np.ndarray  # (N,): 0 or 1
    t: np.ndarray       # (N, 2): the book's targets, (1, 0) for "0" and (0, 1) for "1"


@lru_cache(maxsize=None)
def zero_one_images():
    """The book's task: every template of "0" and "1" and its one-pixel-flipped variants, except
    images that could be either digit (an image made from a "0" and from a "1" is left out)."""
    zeros, zero_keys = _with_noise(ZERO_TEMPLATES)
    ones, one_keys = _with_noise(ONE_TEMPLATES)
    both = zero_keys & one_keys
    zeros = [z for z in zeros if z.tobytes() not in both]
    ones = [o for o in ones if o.tobytes() not in both]
    x = np.array(zeros + ones)
    labels = np.array([0] * len(zeros) + [1] * len(ones))
    t = np.eye(2)[labels]
    return ZeroOne(*(_read_only(a) for a in (x, labels, t)))


class Split(NamedTuple):
    x_train: np.ndarray  # (1347, 64), pixel values in [0, 1]
    x_test: np.ndarray   # (450, 64)
    y_train: np.ndarray  # (1347,), the digit 0…9
    y_test: np.ndarray   # (450,)


@lru_cache(maxsize=None)
def digits():
    """scikit-learn's 1797 8×8 digits (bundled with it, no download), pixels / 16, split once:
    25 % test, stratified by digit, random_state 0. Images: `x.reshape(-1, 8, 8)`."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split
    data = load_digits()
    x = data.data.astype(np.float64) / 16.0
    parts = train_test_split(x, data.target, test_size=0.25, stratify=data.target, random_state=0)
    return Split(*(_read_only(a) for a in parts))


def _read_only(a):
    a = np.array(a)
    a.setflags(write=False)
    return a
