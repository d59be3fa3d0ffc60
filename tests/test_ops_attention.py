"""dlmath.attention: against a direct per-row formula, central differences (float64, ≤ 1e-7) with and
without masks, the mask conventions, stability at extreme scores, and clear shape errors."""
import warnings

import numpy as np
import pytest

from dlmath import calculus, datasets
from dlmath.ops import attention as at

rng = np.random.default_rng(10)
TOL = 1e-7


def attention_row_by_row(Q, K, V, mask=None, scale=None):
    """The definition, one query at a time: weights ∝ exp(q·k_j / √d_k) over the allowed keys."""
    scale = 1 / np.sqrt(Q.shape[-1]) if scale is None else scale
    out, weights = np.zeros((Q.shape[0], V.shape[1])), np.zeros((Q.shape[0], K.shape[0]))
    for i, q in enumerate(Q):
        allowed = np.ones(K.shape[0], bool) if mask is None else mask[i]
        scores = np.array([q @ k * scale for k in K])
        e = np.where(allowed, np.exp(scores - scores[allowed].max()), 0.0)
        weights[i] = e / e.sum()
        out[i] = sum(w * v for w, v in zip(weights[i], V))
    return out, weights


def qkv(lead=(), n_q=4, n_k=5, d_k=3, d_v=2):
    return (rng.normal(size=lead + (n_q, d_k)), rng.normal(size=lead + (n_k, d_k)),
            rng.normal(size=lead + (n_k, d_v)))


@pytest.mark.parametrize("scale", [None, 0.3, 2.0])
def test_attention_is_the_per_row_formula(scale):
    Q, K, V = qkv()
    out, P = at.scaled_dot_product_attention(Q, K, V, scale=scale)
    ref_out, ref_P = attention_row_by_row(Q, K, V, scale=scale)
    np.testing.assert_allclose(P, ref_P, rtol=1e-12)
    np.testing.assert_allclose(out, ref_out, rtol=1e-12)
    np.testing.assert_allclose(P.sum(axis=-1), 1.0, rtol=1e-14)


def test_batch_axes_are_independent():
    Q, K, V = qkv(lead=(2, 3))
    out, P = at.scaled_dot_product_attention(Q, K, V)
    assert out.shape == (2, 3, 4, 2) and P.shape == (2, 3, 4, 5)
    for b in range(2):
        for h in range(3):
            ref_out, ref_P = attention_row_by_row(Q[b, h], K[b, h], V[b, h])
            np.testing.assert_allclose(out[b, h], ref_out, rtol=1e-12)
            np.testing.assert_allclose(P[b, h], ref_P, rtol=1e-12)


def test_a_masked_key_gets_weight_exactly_zero_and_the_rest_renormalise():
    Q, K, V = qkv()
    mask = rng.random((4, 5)) < 0.6
    mask[:, 0] = True  # every query sees at least one key
    mask[:, 4] = False  # and no query sees key 4
    out, P = at.scaled_dot_product_attention(Q, K, V, mask)
    assert np.all(P[~mask] == 0.0)
    ref_out, ref_P = attention_row_by_row(Q, K, V, mask)
    np.testing.assert_allclose(P, ref_P, rtol=1e-12)
    np.testing.assert_allclose(out, ref_out, rtol=1e-12)
    # changing a value that no query may see changes nothing
    hidden = np.flatnonzero(~mask.any(axis=0))
    assert 4 in hidden
    V2 = V.copy()
    V2[hidden] += 100.0
    np.testing.assert_array_equal(at.scaled_dot_product_attention(Q, K, V2, mask)[0], out)


def test_causal_mask_hides_the_future():
    m = at.causal_mask(4)
    assert m.dtype == bool and np.array_equal(m, np.tril(np.ones((4, 4), bool)))
    assert at.causal_mask(2, 3).tolist() == [[True, False, False], [True, True, False]]
    X = rng.normal(size=(4, 3))
    out, P = at.scaled_dot_product_attention(X, X, X, m)
    assert np.all(np.triu(P, 1) == 0) and P[0, 0] == 1.0
    X2 = X.copy()
    X2[3] = 50.0  # the last token changes: no earlier output may move
    np.testing.assert_array_equal(at.scaled_dot_product_attention(X2, X2, X2, m)[0][:3], out[:3])


def test_a_fully_masked_row_is_an_error_not_nan():
    Q, K, V = qkv()
    mask = np.ones((4, 5), bool)
    mask[2] = False
    with pytest.raises(ValueError, match="query 2"):
        at.scaled_dot_product_attention(Q, K, V, mask)
    with pytest.raises(TypeError, match="boolean"):
        at.scaled_dot_product_attention(Q, K, V, np.ones((4, 5)))
    with pytest.raises(ValueError, match="broadcast"):
        at.scaled_dot_product_attention(Q, K, V, np.ones((5, 4), bool))


def test_stable_at_extreme_scores():
    Q, K, V = qkv()
    with warnings.catch_warnings(), np.errstate(all="raise", under="ignore"):
        warnings.simplefilter("error")
        out, P = at.scaled_dot_product_attention(1e6 * Q, 1e6 * K, V, at.causal_mask(4, 5))
    assert np.all(np.isfinite(out)) and np.allclose(P.sum(-1), 1)
    # saturated: each row puts (almost) all weight on its largest allowed score
    assert np.all(P.max(axis=-1) > 1 - 1e-12)


@pytest.mark.parametrize("masked", [False, True])
@pytest.mark.parametrize("lead", [(), (2,), (2, 3)])
def test_attention_backward_against_central_differences(masked, lead):
    Q, K, V = qkv(lead)
    mask = at.causal_mask(4, 5) if masked else None
    out, P = at.scaled_dot_product_attention(Q, K, V, mask)
    up, up_P = rng.normal(size=out.shape), rng.normal(size=P.shape)
    dQ, dK, dV = at.scaled_dot_product_attention_backward(up, Q, K, V, P, dweights=up_P)

    def loss(Q_, K_, V_):
        o, p = at.scaled_dot_product_attention(Q_, K_, V_, mask)
        return np.sum(up * o) + np.sum(up_P * p)  # uses the output and the weights
    assert calculus.relative_error(dQ, calculus.numerical_gradient(lambda v: loss(v, K, V), Q)) <= TOL
    assert calculus.relative_error(dK, calculus.numerical_gradient(lambda v: loss(Q, v, V), K)) <= TOL
    assert calculus.relative_error(dV, calculus.numerical_gradient(lambda v: loss(Q, K, v), V)) <= TOL


def test_attention_backward_with_a_custom_scale():
    Q, K, V = qkv()
    out, P = at.scaled_dot_product_attention(Q, K, V, scale=0.7)
    up = rng.normal(size=out.shape)
    dQ, dK, _ = at.scaled_dot_product_attention_backward(up, Q, K, V, P, scale=0.7)
    f = lambda q: np.sum(up * at.scaled_dot_product_attention(q, K, V, scale=0.7)[0])
    assert calculus.relative_error(dQ, calculus.numerical_gradient(f, Q)) <= TOL
    wrong, _, _ = at.scaled_dot_product_attention_backward(up, Q, K, V, P)  # default scale: differs
    assert calculus.relative_error(wrong, dQ) > 1e-2


def test_split_and_merge_heads_are_inverse():
    X = rng.normal(size=(2, 5, 12))
    H = at.split_heads(X, 3)
    assert H.shape == (2, 3, 5, 4)
    np.testing.assert_array_equal(H[1, 2], X[1, :, 8:12])  # head 2 = columns 8…11
    np.testing.assert_array_equal(at.merge_heads(H), X)
    with pytest.raises(ValueError, match="3 equal heads"):
        at.split_heads(rng.normal(size=(5, 10)), 3)


def mha_weights(d=8, h=2, d_k=3, d_v=4, d_out=6):
    return (rng.normal(size=(d, h * d_k)), rng.normal(size=(d, h * d_k)), rng.normal(size=(d, h * d_v)),
            rng.normal(size=(h * d_v, d_out)))


def test_multi_head_attention_is_concatenated_heads_times_W_O():
    X = rng.normal(size=(5, 8))
    W_Q, W_K, W_V, W_O = mha_weights()
    out, P = at.multi_head_attention(X, W_Q, W_K, W_V, W_O, 2)
    heads = [attention_row_by_row(X @ W_Q[:, 3 * i:3 * i + 3], X @ W_K[:, 3 * i:3 * i + 3],
                                  X @ W_V[:, 4 * i:4 * i + 4]) for i in range(2)]
    np.testing.assert_allclose(out, np.hstack([o for o, _ in heads]) @ W_O, rtol=1e-11)
    np.testing.assert_allclose(P, np.stack([p for _, p in heads]), rtol=1e-12)
    assert out.shape == (5, 6) and P.shape == (2, 5, 5)


def test_one_head_is_plain_attention():
    X = rng.normal(size=(5, 8))
    W_Q, W_K, W_V, W_O = mha_weights(h=1)
    out, _ = at.multi_head_attention(X, W_Q, W_K, W_V, W_O, 1)
    o, _ = at.scaled_dot_product_attention(X @ W_Q, X @ W_K, X @ W_V)
    np.testing.assert_allclose(out, o @ W_O, rtol=1e-12)


@pytest.mark.parametrize("lead, mask", [((), None), ((), "causal"), ((2,), "causal"), ((2,), "per-sample")])
def test_multi_head_backward_against_central_differences(lead, mask):
    X = rng.normal(size=lead + (4, 6))
    Ws = mha_weights(d=6, h=2, d_k=2, d_v=3, d_out=5)
    if mask == "causal":
        mask = at.causal_mask(4)
    elif mask == "per-sample":
        mask = np.ones((2, 4, 4), bool)
        mask[1, :, 3] = False  # sample 1 may not attend to its last token
    out, _ = at.multi_head_attention(X, *Ws, 2, mask)
    up = rng.normal(size=out.shape)
    grads = at.multi_head_attention_backward(up, X, *Ws, 2, mask)
    args = [X, *Ws]
    for i, g in enumerate(grads):
        def loss(v, i=i):
            a = list(args)
            a[i] = v
            return np.sum(up * at.multi_head_attention(*a, 2, mask)[0])
        assert g.shape == args[i].shape
        assert calculus.relative_error(g, calculus.numerical_gradient(loss, args[i])) <= TOL, f"gradient {i}"


def test_per_sample_mask_reaches_every_head():
    X = rng.normal(size=(2, 4, 6))
    mask = np.ones((2, 4, 4), bool)
    mask[1, :, 3] = False
    _, P = at.multi_head_attention(X, *mha_weights(d=6), 2, mask)
    assert P.shape == (2, 2, 4, 4)
    assert np.all(P[1, :, :, 3] == 0) and np.all(P[0, :, :, 3] > 0)


def test_shape_errors_name_the_expected_shape():
    Q, K, V = qkv()
    with pytest.raises(ValueError, match=r"\(…, n_k, 3\)"):
        at.scaled_dot_product_attention(Q, K[:, :2], V)
    with pytest.raises(ValueError, match="one row per key"):
        at.scaled_dot_product_attention(Q, K, V[:3])
    with pytest.raises(TypeError):
        at.scaled_dot_product_attention("Q", K, V)
    X = rng.normal(size=(5, 8))
    W_Q, W_K, W_V, W_O = mha_weights()
    with pytest.raises(ValueError, match=r"\(8, …\)"):
        at.multi_head_attention(X, W_Q.T, W_K, W_V, W_O, 2)
    with pytest.raises(ValueError, match="W_O must have shape"):
        at.multi_head_attention(X, W_Q, W_K, W_V, W_O.T, 2)
    with pytest.raises(ValueError, match="equal heads"):
        at.multi_head_attention(X, W_Q, W_K, W_V, W_O, 4)
    with pytest.raises(ValueError, match="n_heads"):
        at.multi_head_attention(X, W_Q, W_K, W_V, W_O, 0)


def test_inputs_are_not_modified():
    Q, K, V = qkv()
    copies = [a.copy() for a in (Q, K, V)]
    out, P = at.scaled_dot_product_attention(Q, K, V, at.causal_mask(4, 5))
    at.scaled_dot_product_attention_backward(np.ones_like(out), Q, K, V, P)
    for a, c in zip((Q, K, V), copies):
        np.testing.assert_array_equal(a, c)


def test_the_sentence_embeddings():
    X = datasets.embed()
    assert X.shape == (len(datasets.SENTENCE), len(datasets.FEATURES))
    np.testing.assert_array_equal(X[0], X[4])  # the two "the"s are the same row …
    P = at.positional_encoding(*X.shape)
    assert not np.allclose((X + P)[0], (X + P)[4])  # … until positions are added
    np.testing.assert_allclose(P[:, 0], np.sin(np.arange(6)))
    np.testing.assert_allclose(P[:, 1], np.cos(np.arange(6)))
    assert datasets.embed("the dog ran").shape == (3, 8)
    with pytest.raises(ValueError, match="unknown"):
        datasets.embed(["the", "unicorn"])
