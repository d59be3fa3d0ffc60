"""The course's data sets, all built or loaded offline.

HEIGHTS, WEIGHTS   seven students' heights (cm) and weights (kg), for the line of least squares (ch. 05)
zero_one_images()  the book's task: 4×3-pixel black-and-white images of "0" and "1" (ch. 06–07)
book_images()      the book's CNN task: 6×6 images of 1, 2 and 3; BOOK_FILTERS, its three 3×3 filters (ch. 08)
digits()           scikit-learn's bundled 8×8 handwritten digits, scaled to [0, 1], with the one fixed
                   stratified split (25 % test, random_state 0) every chapter and benchmark uses
validation_split() the training set cut in two, stratified: fit on one part, choose on the other (ch. 12)
random_shifts      an augmentation: each image moved by at most one pixel, a fresh move per batch (ch. 12)
embed(tokens)      hand-made 8-dimensional embeddings of the words of a small sentence (ch. 10)
Arrays are handed out read-only, so a learner's `x -= …` cannot corrupt the data set for the session.
"""
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from .arrays import read_only
from .language import translate as _

# ---------------------------------------------------------------- chapter 05: heights and weights

# Made up for the course around the rule weight ≈ 52 + 0.5·(height − 160) plus noise.
HEIGHTS = read_only([158.0, 152.0, 164.5, 160.5, 155.5, 167.5, 162.0])  # cm
WEIGHTS = read_only([49.9, 47.4, 55.2, 53.6, 51.0, 55.9, 51.5])        # kg
HEIGHT_ORIGIN = 160.0  # cm, the mean height
RULE = (0.5, 52.0)     # (p, q) of the rule the numbers were made up around, before the noise

# ---------------------------------------------------------------- chapters 06–07: "0" and "1" in 4×3 pixels

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
    return ZeroOne(*(read_only(a) for a in (x, labels, t)))


# ---------------------------------------------------------------- chapters 07–08: scikit-learn's digits

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
    return Split(*(read_only(a) for a in parts))


def validation_split(x, y, fraction=0.2, seed=0):
    """(x_fit, x_val, y_fit, y_val): a stratified `fraction` of the samples held out for choosing
    settings, so that the test set is never looked at before the end. Read-only, like the rest."""
    from sklearn.model_selection import train_test_split
    parts = train_test_split(np.asarray(x), np.asarray(y), test_size=fraction, stratify=np.asarray(y),
                             random_state=seed)
    return tuple(read_only(a) for a in parts)


def random_shifts(x, rng, shape=(8, 8), max_shift=1):
    """Each image of the batch x ((N, H·W), (N, H, W) or (N, 1, H, W)) moved by a random (dy, dx) with |dy|, |dx| ≤ max_shift,
    the pixels moved in filled with 0 (blank paper): a new batch, x itself is not changed. Pass as
    `fit(…, augment=random_shifts)`."""
    x = np.asarray(x, dtype=np.float64)
    h, w = shape
    if x.shape[1:] not in ((h * w,), (h, w), (1, h, w)):
        raise ValueError(_("x must be a batch of {h}×{w} images, shape (N, {size}), (N, {h}, {w}) or "
                           "(N, 1, {h}, {w}), got shape {shape}").format(h=h, w=w, size=h * w, shape=x.shape))
    s = int(max_shift)
    padded = np.pad(x.reshape(-1, h, w), ((0, 0), (s, s), (s, s)))
    dy, dx = rng.integers(-s, s + 1, (2, len(x)))
    rows = (np.arange(h)[None, :] + s - dy[:, None])[:, :, None]   # (N, h, 1): where each output row comes from
    cols = (np.arange(w)[None, :] + s - dx[:, None])[:, None, :]   # (N, 1, w)
    out = padded[np.arange(len(x))[:, None, None], rows, cols]
    return out.reshape(x.shape)


# ---------------------------------------------------------------- chapter 08: the book's 6×6 images of 1, 2, 3

# Drawn for this course: a few ways to write each digit in 6×6 pixels ('#' = ink).
DIGIT_TEMPLATES = {
    1: (("..#...", ".##...", "..#...", "..#...", "..#...", ".###.."),
        ("...#..", "...#..", "...#..", "...#..", "...#..", "...#.."),
        ("...#..", "..##..", ".#.#..", "...#..", "...#..", "...#..")),
    2: ((".###..", "#...#.", "...#..", "..#...", ".#....", "#####."),
        ("####..", "....#.", "...#..", "..#...", ".#....", "#####."),
        (".###..", "....#.", "...#..", ".##...", "#.....", "#####.")),
    3: (("####..", "....#.", ".###..", "....#.", "....#.", "####.."),
        (".###..", "#...#.", "..##..", "....#.", "#...#.", ".###.."),
        ("#####.", "...#..", "..##..", "....#.", "....#.", "####..")),
}


def _draw(rows):
    return np.array([[ch == "#" for ch in row] for row in rows], dtype=np.float64)


def book_images():
    """(x, labels, t): every template of 1, 2 and 3, and each shifted one pixel right (where its ink
    fits), as 6×6 images x (N, 6, 6); labels 0, 1, 2 for the digits 1, 2, 3; t the one-hot targets."""
    images, labels = [], []
    for k, digit in enumerate(sorted(DIGIT_TEMPLATES)):
        for rows in DIGIT_TEMPLATES[digit]:
            img = _draw(rows)
            images.append(img)
            labels.append(k)
            if not img[:, -1].any():  # one pixel to the right, if the last column is empty
                images.append(np.roll(img, 1, axis=1))
                labels.append(k)
    x, labels = np.array(images), np.array(labels)
    return read_only(x), read_only(labels), read_only(np.eye(3)[labels])


# Three 3×3 pattern detectors for the book's network (+1 where the pattern has ink, −1 around it):
BOOK_FILTERS = {
    "vertical stroke": read_only([[-1, 1, -1], [-1, 1, -1], [-1, 1, -1]], np.float64),
    "horizontal stroke": read_only([[-1, -1, -1], [1, 1, 1], [-1, -1, -1]], np.float64),
    "diagonal /": read_only([[-1, -1, 1], [-1, 1, -1], [1, -1, -1]], np.float64),
}


# ---------------------------------------------------------------- chapter 10: a small sentence

SENTENCE = ("the", "cat", "sat", "on", "the", "mat")

# Hand-made 8-dimensional embeddings, one row per word; the features are readable on purpose:
#            det   noun  verb  prep  animal place past  small
EMBEDDINGS = {
    "the": (1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.2),
    "cat": (0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.6),
    "sat": (0.0, 0.0, 1.0, 0.0, 0.3, 0.2, 1.0, 0.0),
    "on": (0.0, 0.0, 0.0, 1.0, 0.0, 0.7, 0.0, 0.3),
    "mat": (0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.5),
    "dog": (0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.4),
    "ran": (0.0, 0.0, 1.0, 0.0, 0.4, 0.0, 1.0, 0.1),
}
FEATURES = ("det", "noun", "verb", "prep", "animal", "place", "past", "small")


def embed(tokens=SENTENCE):
    """The (n, 8) matrix X whose row t is the embedding of tokens[t] (words from EMBEDDINGS)."""
    if isinstance(tokens, str):
        tokens = tokens.split()
    unknown = [t for t in tokens if t not in EMBEDDINGS]
    if unknown:
        raise ValueError(_("tokens must be a non-empty sequence of words from {words}, got unknown {unknown}")
                         .format(words=sorted(EMBEDDINGS), unknown=unknown))
    if not tokens:
        raise ValueError(_("tokens must not be empty"))
    return np.array([EMBEDDINGS[t] for t in tokens], dtype=np.float64)
