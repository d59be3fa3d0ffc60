"""dlmath.datasets: the 4×3 images and the fixed digits split."""
import numpy as np
import pytest

from dlmath import datasets


def test_zero_one_images_are_labelled_binary_and_distinct():
    d = datasets.zero_one_images()
    assert d.x.shape[1] == 12 and len(d.x) >= 64
    assert set(np.unique(d.x)) <= {0.0, 1.0}
    assert np.array_equal(d.t.argmax(axis=1), d.labels) and set(d.labels) == {0, 1}
    assert len({row.tobytes() for row in d.x}) == len(d.x), "no image twice"
    assert min(np.sum(d.labels == 0), np.sum(d.labels == 1)) >= 20


def test_the_first_zero_is_a_ring_and_the_first_one_a_stroke():
    d = datasets.zero_one_images()
    zero, one = d.x[d.labels == 0][0].reshape(4, 3), d.x[d.labels == 1][0].reshape(4, 3)
    assert zero[1, 1] == 0 and zero[0].sum() == 3 and one[:, 1].sum() == 4 and one[:, [0, 2]].sum() == 0


def test_digits_split_is_fixed_stratified_and_scaled():
    s = datasets.digits()
    assert s.x_train.shape == (1347, 64) and s.x_test.shape == (450, 64)
    assert s.x_train.min() == 0 and s.x_train.max() == 1
    all_counts = np.bincount(np.concatenate([s.y_train, s.y_test]), minlength=10)
    assert np.all(np.abs(np.bincount(s.y_test, minlength=10) - all_counts / 4) <= 1)  # stratified
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split
    data = load_digits()
    ref = train_test_split(data.data / 16, data.target, test_size=0.25, stratify=data.target, random_state=0)
    assert np.array_equal(ref[3], s.y_test) and np.allclose(ref[1], s.x_test)


@pytest.mark.parametrize("array", [lambda: datasets.digits().x_train, lambda: datasets.zero_one_images().x])
def test_data_is_read_only(array):
    with pytest.raises(ValueError):
        array()[0] -= 1


# ------------------------------------------------------------------ chapter 12: validation split, shifts

def test_the_validation_split_cuts_the_training_set_in_two_stratified_parts():
    d = datasets.digits()
    x_fit, x_val, y_fit, y_val = datasets.validation_split(d.x_train, d.y_train)
    assert len(x_val) == int(np.ceil(0.2 * len(d.x_train)))  # scikit-learn rounds the held-out part up
    assert len(x_fit) + len(x_val) == len(d.x_train)
    rows = {r.tobytes() for r in d.x_train}
    assert {r.tobytes() for r in x_fit} | {r.tobytes() for r in x_val} <= rows
    assert not {r.tobytes() for r in x_fit} & {r.tobytes() for r in x_val}
    assert np.abs(np.bincount(y_val, minlength=10) / len(y_val) - np.bincount(d.y_train) / len(d.y_train)).max() < 0.01
    assert not x_fit.flags.writeable and not y_val.flags.writeable


@pytest.mark.parametrize("shape", [(20, 64), (20, 8, 8), (20, 1, 8, 8)])
def test_random_shifts_moves_each_image_by_at_most_one_pixel_and_leaves_the_batch_alone(shape):
    d = datasets.digits()
    x = d.x_train[:20].reshape(shape).copy()
    kept = x.copy()
    out = datasets.random_shifts(x, np.random.default_rng(0))
    assert out.shape == shape and np.array_equal(x, kept)
    images, moved = x.reshape(20, 8, 8), out.reshape(20, 8, 8)
    used = set()
    for image, result in zip(images, moved):
        padded = np.pad(image, 1)
        found = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                 if np.array_equal(result, padded[1 - dy:9 - dy, 1 - dx:9 - dx])]
        assert found, "each output is its image moved by (dy, dx) in {-1, 0, 1}², blank paper moved in"
        used.add(found[0])
    assert len(used) >= 5  # the moves are random, not one fixed shift


def test_random_shifts_names_the_shape_it_wants():
    with pytest.raises(ValueError, match=r"\(N, 64\)"):
        datasets.random_shifts(np.zeros((3, 63)), np.random.default_rng(0))
