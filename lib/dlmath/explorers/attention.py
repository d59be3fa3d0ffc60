"""Chapter 10: the attention weights of one head on the small sentence, as a heat map.

Choose the head, a temperature T (the scores are divided by T·√d_k: T = 1 is the usual scaling, small T
sharpens every row towards its largest score, large T flattens it towards the mean), and the mask
(none, or causal: a token may look only at itself and earlier tokens). `head_weights` is the pure compute
function; the projections W^Q, W^K are fixed random matrices from a seeded generator.
"""
import ipywidgets as widgets
import numpy as np

from .. import datasets, ops
from ..course.explorer import Explorer, new_figure
from ..course.language import N_, translate as _

D_MODEL, N_HEADS, D_K = 8, 2, 4
MASKS = ("none", "causal")
MASK_NAMES = {"none": N_("none"), "causal": N_("causal")}  # the menu shows these, in the learner's language


def projections(seed=0, d_model=D_MODEL, n_heads=N_HEADS, d_k=D_K):
    """W^Q, W^K, W^V (d_model, h·d_k) and W^O (h·d_k, d_model), entries N(0, 1), seeded."""
    rng = np.random.default_rng(seed)
    return tuple(rng.normal(0, 1, shape) for shape in [(d_model, n_heads * d_k)] * 3 + [(n_heads * d_k, d_model)])


def head_weights(X, W_Q, W_K, head, n_heads=N_HEADS, temperature=1.0, mask="none"):
    """The (n, n) attention weights of one head: softmax(Q_h K_hᵀ / (T·√d_k)), masked causally or not."""
    if mask not in MASKS:
        raise ValueError(_("mask must be one of {masks}, got {got}").format(masks=MASKS, got=repr(mask)))
    Q, K = ops.split_heads(X @ W_Q, n_heads)[head], ops.split_heads(X @ W_K, n_heads)[head]
    d_k = Q.shape[-1]
    m = ops.causal_mask(len(X)) if mask == "causal" else None
    return ops.scaled_dot_product_attention(Q, K, K, m, scale=1 / (temperature * np.sqrt(d_k)))[1]


def attention_explorer(tokens=datasets.SENTENCE, seed=0, head=0, temperature=1.0, mask="none"):
    """Heat map of one head's weights on `tokens` (embeddings + positions); head, T and mask on controls."""
    X = datasets.embed(tokens)
    X = X + 0.5 * ops.positional_encoding(*X.shape)  # positions tell the two "the"s apart
    W_Q, W_K = projections(seed)[:2]
    n = len(X)
    fig, (ax,) = new_figure(width=5.6, height=4.6)
    image = ax.imshow(np.zeros((n, n)), vmin=0, vmax=1, cmap="YlOrRd", interpolation="nearest")
    fig.colorbar(image, ax=ax, label=_("attention weight"))
    ax.set_xticks(range(n), tokens)
    ax.set_yticks(range(n), tokens)
    ax.set(xlabel=_("key (attended to)"), ylabel=_("query (row sums to 1)"))
    title = ax.set_title(_("room for the readout"), fontsize=10)
    masks = {mask: _(name) for mask, name in MASK_NAMES.items()}
    controls = {"head": widgets.IntSlider(value=head, min=0, max=N_HEADS - 1, description=_("head")),
                "temperature": widgets.FloatLogSlider(value=temperature, base=10, min=-1, max=1, step=0.05,
                                                      description="T", readout_format=".2f"),
                "mask": widgets.Dropdown(options=[(masks[m], m) for m in MASKS], value=mask, description=_("mask"))}
    template = _("head {head}, T = {temperature:.2f}, mask: {mask}")

    def compute(head, temperature, mask):
        P = head_weights(X, W_Q, W_K, head, N_HEADS, temperature, mask)
        return {"weights": (P,), "title": template.format(head=head, temperature=temperature, mask=masks[mask])}

    return Explorer(fig, {"weights": image}, controls, compute, texts={"title": title})
