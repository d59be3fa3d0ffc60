"""A neural network's pieces as forward/backward pairs of plain functions, and a small MLP built on them.

Conventions (the book's, and torch's): a batch is a matrix with one sample per row; a dense layer's
weights W have shape (n_out, n_in) with entry w_ji (unit j of this layer, unit i of the previous one),
so z = a @ W.T + b. Every `op` has an `op_backward` beside it that takes the gradient of the loss with
respect to the op's output and returns the gradients with respect to its inputs.

Losses per sample (the book's C), summed over the batch for the book's C_T:
  squared_error(y, t)        ½ Σ_j (y_j − t_j)²        the ½ makes its derivative y − t
  cross_entropy(p, t)        −Σ_j t_j log p_j          for probabilities p (softmax outputs)
  binary_cross_entropy(a, t) −Σ_j [t_j log a_j + (1 − t_j) log(1 − a_j)]   for sigmoid outputs
`softmax_cross_entropy(z, labels)` fuses softmax and cross entropy and returns the *mean* loss over the
batch and its gradient with respect to z, the stable way to train a classifier.
"""
import numpy as np

from . import activations
from ._validate import as_float_array

TINY = np.finfo(np.float64).tiny  # log(TINY) ≈ −708: a finite stand-in for log 0


# ---------------------------------------------------------------- shapes

def _batch(a, name, n=None):
    """`a` as a float64 batch of shape (N, n); one sample of shape (n,) becomes a batch of one."""
    a = as_float_array(a, name)
    if a.ndim == 1:
        a = a[None, :]
    if a.ndim != 2 or (n is not None and a.shape[1] != n):
        want = f"(N, {n}) or ({n},)" if n is not None else "(N, n) or (n,)"
        raise ValueError(f"{name} must have shape {want} — one sample per row — got shape {a.shape}")
    return a


def _same_shape(y, t, names=("y", "t")):
    y, t = as_float_array(y, names[0]), as_float_array(t, names[1])
    if y.shape != t.shape:
        raise ValueError(f"{names[1]} must have the shape of {names[0]}, {y.shape}, got shape {t.shape}")
    return y, t


# ---------------------------------------------------------------- dense layer

def dense(a, W, b):
    """z = a @ W.T + b: a (N, n_in) or (n_in,), W (n_out, n_in), b (n_out,) -> z (N, n_out)."""
    W = as_float_array(W, "W")
    if W.ndim != 2:
        raise ValueError(f"W must have shape (n_out, n_in), got shape {W.shape}")
    b = as_float_array(b, "b")
    if b.shape != (W.shape[0],):
        raise ValueError(f"b must have shape ({W.shape[0]},), one bias per unit of W, got shape {b.shape}")
    a = _batch(a, "a", W.shape[1])
    return _dense(a, W, b)


def dense_backward(dz, a, W):
    """Given dz = ∂C/∂z (N, n_out): returns (da, dW, db) with dW_ji = Σ_samples dz_j a_i — the book's
    ∂C/∂w_ji = δ_j a_i — and db_j = Σ_samples δ_j, da = dz @ W."""
    W = as_float_array(W, "W")
    a = _batch(a, "a", W.shape[1])
    dz = _batch(dz, "dz", W.shape[0])
    return _dense_backward(dz, a, W)


# The arithmetic alone, for callers that have checked the shapes once already (MLP.fit calls these
# thousands of times; the checks above would cost more than the matrix products at this size).
def _dense(a, W, b):
    return a @ W.T + b


def _dense_backward(dz, a, W):
    return dz @ W, dz.T @ a, dz.sum(axis=0)


# ---------------------------------------------------------------- activations (from dlmath.activations)

def activation(z, name):
    """a(z) for a name in dlmath.activations.ACTIVATIONS, or 'identity'."""
    return as_float_array(z, "z") if name == "identity" else _activation(name)[0](z)


def activation_backward(da, z, name):
    """∂C/∂z = ∂C/∂a ⊙ a'(z): element-wise, because unit j's output depends on its own z_j only."""
    da = as_float_array(da, "da")
    return da if name == "identity" else da * _activation(name)[1](z)


def _activation(name):
    if name not in activations.ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of {sorted(activations.ACTIVATIONS)} or 'identity'")
    return activations.ACTIVATIONS[name]


# ---------------------------------------------------------------- softmax and losses

def softmax(z):
    """p_k = e^(z_k) / Σ_j e^(z_j) over the last axis; z − max z first, so no exponent overflows."""
    z = as_float_array(z, "z")
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_backward(dp, p):
    """∂C/∂z from ∂C/∂p and p = softmax(z): the Jacobian is diag(p) − p pᵀ, applied row by row."""
    dp, p = _same_shape(dp, p, ("dp", "p"))
    return p * (dp - np.sum(dp * p, axis=-1, keepdims=True))


def squared_error(y, t):
    """C = ½ Σ_j (y_j − t_j)² per sample (last axis). Sum over the batch for C_T."""
    y, t = _same_shape(y, t)
    return 0.5 * np.sum((y - t) ** 2, axis=-1)


def squared_error_backward(y, t):
    """∂C/∂y = y − t (the ½ cancels the 2)."""
    y, t = _same_shape(y, t)
    return y - t


def cross_entropy(p, t):
    """C = −Σ_j t_j log p_j per sample (last axis); a p_j of 0 counts as TINY, so C stays finite."""
    p, t = _same_shape(p, t, ("p", "t"))
    return -np.sum(t * np.log(np.maximum(p, TINY)), axis=-1)


def cross_entropy_backward(p, t):
    """∂C/∂p_j = −t_j / p_j."""
    p, t = _same_shape(p, t, ("p", "t"))
    return -t / np.maximum(p, TINY)


def binary_cross_entropy(a, t):
    """C = −Σ_j [t_j log a_j + (1 − t_j) log(1 − a_j)] per sample, for sigmoid outputs a in [0, 1]."""
    a, t = _same_shape(a, t, ("a", "t"))
    return -np.sum(t * np.log(np.maximum(a, TINY)) + (1 - t) * np.log(np.maximum(1 - a, TINY)), axis=-1)


def binary_cross_entropy_backward(a, t):
    """∂C/∂a_j = (a_j − t_j) / (a_j (1 − a_j)); times σ'(z) = a(1 − a) it leaves δ = a − t."""
    a, t = _same_shape(a, t, ("a", "t"))
    return (a - t) / np.maximum(a * (1 - a), TINY)


def _labels(labels, n, k):
    labels = np.asarray(labels)
    if labels.shape != (n,) or labels.dtype.kind not in "iu" or labels.min(initial=0) < 0 or labels.max(initial=0) >= k:
        want = f"shape ({n},)" if n >= 0 else "shape (N,)"
        raise ValueError(f"labels must be integer class numbers in 0…{k - 1}, {want}, "
                         f"got shape {labels.shape} of {labels.dtype}")
    return labels


def one_hot(labels, k):
    """Targets t as rows: t[n, labels[n]] = 1, all else 0. Shape (N, k)."""
    labels = np.asarray(labels)
    labels = _labels(labels, labels.size if labels.ndim == 1 else -1, k)
    t = np.zeros((labels.size, k))
    t[np.arange(labels.size), labels] = 1.0
    return t


def softmax_cross_entropy(z, labels):
    """Mean over the batch of −log softmax(z)[label], and its gradient (softmax(z) − t) / N w.r.t. z.

    z has shape (N, k), labels shape (N,). log softmax = z − logsumexp(z), computed after subtracting
    max z: stable at |z| = 1e4 where softmax itself rounds to 0 and 1.
    """
    z = _batch(z, "z")
    n, k = z.shape
    labels = _labels(labels, n, k)
    shifted = z - z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    loss = -np.mean(log_p[np.arange(n), labels])
    dz = np.exp(log_p)
    dz[np.arange(n), labels] -= 1.0
    return float(loss), dz / n


# ---------------------------------------------------------------- gradient check

def numerical_gradient(f, x, h=1e-5):
    """Central differences ∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / 2h for every entry of an array x
    of any shape (f returns a number). One pair of evaluations per entry: use it on small cases.
    h = 1e-5 balances the two errors in float64: truncation ~ h² f'''/6 and rounding ~ ε|f|/h."""
    x = np.array(as_float_array(x, "x"), dtype=np.float64, order="C")  # a private C-ordered copy: we perturb it through its flat view
    grad = np.empty_like(x)
    flat, g = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):  # a loop over parameters, not samples: this is the slow reference
        keep = flat[i]
        flat[i] = keep + h
        up = float(f(x))
        flat[i] = keep - h
        down = float(f(x))
        flat[i] = keep
        g[i] = (up - down) / (2 * h)
    return grad


def relative_error(a, b):
    """max |a − b| / max(|a|, |b|): the largest difference relative to the largest entry.

    Relative to the whole array, not entry by entry: an entry that is 0 up to rounding (1e-12 against
    3e-12) is not a failure, while a wrong entry still shows, as a wrong entry is off by about its own size."""
    a, b = _same_shape(a, b, ("a", "b"))
    scale = max(np.max(np.abs(a), initial=0.0), np.max(np.abs(b), initial=0.0))
    return 0.0 if scale == 0 else float(np.max(np.abs(a - b)) / scale)


def gradient_check(f, x, h=1e-5):
    """The largest relative error between the gradient f claims and central differences.

    f(x) returns (value, gradient of value w.r.t. x). Below 1e-7 in float64 the analytic gradient is
    right; a wrong one gives errors near 1.
    """
    x = np.array(as_float_array(x, "x"), dtype=np.float64)
    _, analytic = f(x.copy())
    numeric = numerical_gradient(lambda v: f(v)[0], x, h)
    return relative_error(np.asarray(analytic, dtype=np.float64), numeric)


# ---------------------------------------------------------------- a multilayer perceptron

OUTPUTS = {  # output unit -> loss whose δ at the output is simply a − t
    "softmax": "cross_entropy",
    "sigmoid": "binary_cross_entropy",
    "identity": "squared_error",
}
LOSSES = {"squared_error": (squared_error, squared_error_backward),
          "cross_entropy": (cross_entropy, cross_entropy_backward),
          "binary_cross_entropy": (binary_cross_entropy, binary_cross_entropy_backward)}


class MLP:
    """A fully connected network: sizes = (n_0, n_1, …, n_L), e.g. (12, 3, 2) — the book's net.

    hidden: 'sigmoid', 'relu', 'tanh'; output: 'sigmoid', 'softmax' or 'identity'; loss: 'squared_error'
    (the book's), 'cross_entropy' (with softmax) or 'binary_cross_entropy' (with sigmoid). The loss the
    network reports and differentiates is the mean of C over the batch (C_T / N).
    Weights start as N(0, 1/n_in) (sigmoid, tanh) or N(0, 2/n_in) (ReLU), from a seeded generator.
    """

    def __init__(self, sizes, hidden="sigmoid", output="sigmoid", loss="squared_error", seed=0):
        sizes = tuple(int(s) for s in sizes)
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(f"sizes must list at least 2 positive layer sizes (n_0, …, n_L), got {sizes}")
        if output not in OUTPUTS:
            raise ValueError(f"output must be one of {sorted(OUTPUTS)}, got {output!r}")
        if loss not in LOSSES:
            raise ValueError(f"loss must be one of {sorted(LOSSES)}, got {loss!r}")
        if output == "softmax" and loss != "cross_entropy":
            raise ValueError("a softmax output goes with loss='cross_entropy'")
        _activation(hidden)
        self.sizes, self.hidden, self.output, self.loss = sizes, hidden, output, loss
        rng = np.random.default_rng(seed)
        gain = 2.0 if hidden == "relu" else 1.0
        self.W = [rng.normal(0.0, np.sqrt(gain / n_in), (n_out, n_in)) for n_in, n_out in zip(sizes, sizes[1:])]
        self.b = [np.zeros(n_out) for n_out in sizes[1:]]
        self.cache = None

    @property
    def n_parameters(self):
        return sum(W.size + b.size for W, b in zip(self.W, self.b))

    def _output(self, z):
        return softmax(z) if self.output == "softmax" else activation(z, self.output)

    def forward(self, x):
        """The outputs a^L for a batch x (N, n_0); keeps every z^l and a^l for `backward`."""
        return self._forward(_batch(x, "x", self.sizes[0]))

    def _forward(self, a):
        """forward() for a float64 batch of the right shape (checked by the caller)."""
        zs, acts = [], [a]
        hidden = _activation(self.hidden)[0]
        for l, (W, b) in enumerate(zip(self.W, self.b)):
            z = _dense(a, W, b)
            a = self._output(z) if l == len(self.W) - 1 else hidden(z)
            zs.append(z)
            acts.append(a)
        self.cache = (zs, acts)
        return a

    def loss_value(self, y, t):
        return float(np.mean(LOSSES[self.loss][0](y, t)))

    def backward(self, t):
        """∂(mean C)/∂W^l and ∂(mean C)/∂b^l for every layer, after `forward`. Returns (dW, db) lists and
        keeps the unit errors δ^l = ∂(mean C)/∂z^l in `self.deltas` (δ^L first computed, then back)."""
        if self.cache is None:
            raise RuntimeError("call forward(x) before backward(t)")
        y = self.cache[1][-1]
        t = as_float_array(t, "t")
        t = t[None, :] if t.ndim == 1 else t
        if t.shape != y.shape:
            raise ValueError(f"t must have the shape of the outputs, {y.shape} (or ({y.shape[1]},)), got shape {t.shape}")
        return self._backward(t)

    def _backward(self, t):
        """backward() for targets t of the outputs' shape (checked by the caller)."""
        zs, acts = self.cache
        y = acts[-1]
        n = y.shape[0]
        if OUTPUTS[self.output] == self.loss:  # matched pair: δ^L = a^L − t, stable when a saturates
            delta = (y - t) / n
        else:
            delta = activation_backward(LOSSES[self.loss][1](y, t) / n, zs[-1], self.output)
        derivative = _activation(self.hidden)[1]
        dW, db, self.deltas = [None] * len(self.W), [None] * len(self.W), [None] * len(self.W)
        for l in reversed(range(len(self.W))):
            self.deltas[l] = delta
            da, dW[l], db[l] = _dense_backward(delta, acts[l], self.W[l])
            if l > 0:  # the backward recurrence δ^(l−1) = (δ^l W^l) ⊙ a'(z^(l−1)), element-wise
                delta = da * derivative(zs[l - 1])
        return dW, db

    def loss_and_gradients(self, x, t):
        y = self.forward(x)
        return self.loss_value(y, as_float_array(t, "t").reshape(y.shape)), *self.backward(t)

    def predict(self, x):
        """The class of each sample: the index of its largest output."""
        return np.argmax(self.forward(x), axis=1)

    def accuracy(self, x, labels):
        return float(np.mean(self.predict(x) == np.asarray(labels)))

    def fit(self, x, t, eta=0.1, epochs=10, batch_size=32, momentum=0.0, seed=0, progress=None,
            validation=None):
        """Minibatch SGD (with optional momentum) on the mean loss; the order of samples is shuffled
        by a seeded generator each epoch. t: targets (N, n_L), or class labels (N,) for a
        classifier. Returns the loss over the whole training set after each epoch (also in
        `self.history`). progress: show a bar (default: when run for more than 20 epochs in Jupyter).

        After each epoch it also records the accuracy on the training set in `self.train_accuracy`
        (the class = the largest output; targets given as labels or one-hot rows), and, with
        validation=(x_val, labels_val), the accuracy on those samples in `self.val_accuracy`.
        The shapes are checked once here; the loop then runs the unchecked arithmetic.
        """
        x = _batch(x, "x", self.sizes[0])
        t = np.asarray(t)
        if t.ndim == 1 and t.dtype.kind in "iu":
            t = one_hot(t, self.sizes[-1])
        t = _batch(t, "t", self.sizes[-1])
        if t.shape[0] != x.shape[0]:
            raise ValueError(f"t must have one row per sample of x ({x.shape[0]}), got shape {t.shape}")
        if not (isinstance(batch_size, (int, np.integer)) and batch_size >= 1):
            raise ValueError(f"batch_size must be a positive whole number, got {batch_size!r}")
        labels = np.argmax(t, axis=1)
        if validation is not None:
            x_val, y_val = validation
            x_val = _batch(x_val, "validation x", self.sizes[0])
            y_val = _labels(np.asarray(y_val), x_val.shape[0], self.sizes[-1])
        rng = np.random.default_rng(seed)
        params = self.W + self.b
        velocity = [np.zeros_like(p) for p in params]
        bar = ProgressBar(epochs, "training") if (progress or (progress is None and epochs > 20)) else None
        self.history, self.train_accuracy, self.val_accuracy = [], [], []
        n = x.shape[0]
        full_batch = batch_size >= n  # plain gradient descent: one step per epoch on all samples

        def record(y, epoch):  # y = the outputs for all of x after `epoch` epochs
            self.history.append(self.loss_value(y, t))
            self.train_accuracy.append(float(np.mean(np.argmax(y, axis=1) == labels)))
            text = f"loss {self.history[-1]:.4f}, training accuracy {self.train_accuracy[-1]:.1%}"
            if validation is not None:
                self.val_accuracy.append(float(np.mean(np.argmax(self._forward(x_val), axis=1) == y_val)))
                text += f", validation {self.val_accuracy[-1]:.1%}"
            if bar:
                bar.update(epoch, text)

        def step(dW, db):
            for p, g, v in zip(params, dW + db, velocity):
                v *= momentum
                v -= eta * g
                p += v  # in place: self.W and self.b hold these same arrays

        for epoch in range(epochs):
            if full_batch:  # the forward pass of this step also gives the loss after the last one
                y = self._forward(x)
                grads = self._backward(t)
                if epoch > 0:
                    record(y, epoch)  # after backward: the validation pass in record replaces the cache
                step(*grads)
                continue
            order = rng.permutation(n)
            for start in range(0, n, batch_size):  # a loop over batches, each vectorised
                batch = order[start:start + batch_size]
                self._forward(x[batch])
                step(*self._backward(t[batch]))
            record(self._forward(x), epoch + 1)
        if full_batch and epochs > 0:
            record(self._forward(x), epochs)
        self.cache = None
        return self.history


class ProgressBar:
    """A progress bar for training: an ipywidgets bar inside Jupyter, nothing elsewhere."""

    def __init__(self, total, label=""):
        self.widget = None
        try:
            from IPython import get_ipython
            if get_ipython() is not None and type(get_ipython()).__name__ == "ZMQInteractiveShell":
                import ipywidgets as widgets
                from IPython.display import display
                self.bar = widgets.IntProgress(value=0, min=0, max=total, description=label)
                self.text = widgets.Label()
                self.widget = widgets.HBox([self.bar, self.text])
                display(self.widget)
        except ImportError:
            pass

    def update(self, value, text=""):
        if self.widget is not None:
            self.bar.value, self.text.value = value, text
