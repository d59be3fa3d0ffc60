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
