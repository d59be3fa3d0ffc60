"""What every network of the course shares: its output layer, its loss, and the questions asked of it.

A model keeps its weights in two lists, `W` and `b` (layer by layer, the output layer last), and
implements forward_unchecked(x) and backward_unchecked(t); this class adds the rest:
    parameters()                 [W_1, …, W_L, b_1, …, b_L]: the arrays an optimiser updates in place,
                                 in the order of backward's gradients dW + db
    forward(x), backward(t)      the same with their inputs checked
    loss_value(y, t)             the mean of C over the batch (C_T / N)
    predict(x), accuracy(x, labels)
    fit(x, t, eta, …)            `dlmath.training.fit` with plain SGD (with momentum), as chapters 07–08 use it
The loss the network reports and differentiates is the mean of C over the batch; with an output unit
and the loss it is matched with (softmax + cross entropy, sigmoid + binary cross entropy, identity +
squared error) the unit errors at the output are simply δ = (a − t) / N, stable when a saturates.
"""
import numpy as np

from ..arrays import as_batch, as_float_array
from ..language import translate as _
from ..ops.activations import activation, activation_backward
from ..ops.losses import LOSSES, MATCHED_OUTPUT, class_labels, one_hot, softmax


def init_std(init, fan_in, fan_out):
    """The standard deviation of a layer's initial weights (chapter 12): 'he' √(2/n_in) keeps a signal's
    variance through ReLU layers, 'lecun' √(1/n_in) through tanh (linear near 0), 'xavier' (Glorot)
    √(2/(n_in + n_out)) balances the forward signal and the backward gradient; a number is used as it is."""
    scales = {"he": 2.0 / fan_in, "lecun": 1.0 / fan_in, "xavier": 2.0 / (fan_in + fan_out)}
    if isinstance(init, str) and init in scales:
        return float(np.sqrt(scales[init]))
    if isinstance(init, (int, float, np.number)) and not isinstance(init, bool) and init >= 0:
        return float(init)
    raise ValueError(_("init must be one of {names} or a standard deviation ≥ 0, got {value}").format(
        names=sorted(scales), value=repr(init)))


class Model:
    training = False  # True while `fit` takes its steps: layers that act only in training (dropout) act

    def _set_output(self, output, loss):
        if output not in MATCHED_OUTPUT:
            raise ValueError(_("{name} must be one of {names}, got {value}").format(
                name="output", names=sorted(MATCHED_OUTPUT), value=repr(output)))
        if loss not in LOSSES:
            raise ValueError(_("{name} must be one of {names}, got {value}").format(
                name="loss", names=sorted(LOSSES), value=repr(loss)))
        if output == "softmax" and loss != "cross_entropy":
            raise ValueError(_("a softmax output goes with loss='cross_entropy'"))
        self.output, self.loss = output, loss
        self.cache = None

    # ------------------------------------------------------------ what subclasses provide

    n_outputs: int

    def check_inputs(self, x, name="x"):
        """x as a float64 batch in the model's layout; a ValueError naming the expected shape."""
        raise NotImplementedError

    def forward_unchecked(self, x):
        raise NotImplementedError

    def backward_unchecked(self, t):
        raise NotImplementedError

    # ------------------------------------------------------------ shared

    def parameters(self):
        """[W_1, …, W_L, b_1, …, b_L]: the model's own arrays, in the order of backward's dW + db."""
        return [*self.W, *self.b]

    @property
    def n_parameters(self):
        return sum(p.size for p in self.parameters())

    def output_activation(self, z):
        return softmax(z) if self.output == "softmax" else activation(z, self.output)

    def output_delta(self, y, z, t):
        """δ at the output, ∂(mean C)/∂z^L, for outputs y = a(z) and targets t of y's shape."""
        n = y.shape[0]
        if MATCHED_OUTPUT[self.output] == self.loss:  # matched pair: δ^L = a^L − t, stable when a saturates
            return (y - t) / n
        return activation_backward(LOSSES[self.loss][1](y, t) / n, z, self.output)

    def check_targets(self, t, n=None):
        """Targets as rows (N, n_outputs): one-hot rows from class labels (N,) of whole numbers."""
        t = np.asarray(t)
        if t.ndim == 1 and t.dtype.kind in "iu":
            t = one_hot(t, self.n_outputs)
        t = as_batch(t, "t", self.n_outputs)
        if n is not None and t.shape[0] != n:
            raise ValueError(_("t must have one row per sample of x ({n}), got shape {shape}").format(n=n, shape=t.shape))
        return t

    def check_labels(self, labels, n):
        return class_labels(labels, n, self.n_outputs)

    def forward(self, x):
        """The outputs for a batch x; keeps what `backward` needs."""
        return self.forward_unchecked(self.check_inputs(x))

    def backward(self, t):
        """(dW, db) lists of ∂(mean C)/∂W^l and ∂(mean C)/∂b^l after `forward`, in the order of W and b;
        the unit errors δ^l = ∂(mean C)/∂z^l of every layer are kept in `self.deltas`."""
        if self.cache is None:
            raise RuntimeError(_("call forward(x) before backward(t)"))
        y = self.cache[-1]
        t = as_float_array(t, "t")
        t = t[None, :] if t.ndim == 1 else t
        if t.shape != y.shape:
            raise ValueError(_("t must have the shape of the outputs, {expected} (or ({n},)), got shape {shape}").format(
                expected=y.shape, n=y.shape[1], shape=t.shape))
        return self.backward_unchecked(t)

    def loss_value(self, y, t):
        """The mean of C over the batch, for outputs y and targets t."""
        return float(np.mean(LOSSES[self.loss][0](y, t)))

    def loss_and_gradients(self, x, t):
        y = self.forward(x)
        return self.loss_value(y, as_float_array(t, "t").reshape(y.shape)), *self.backward(t)

    def predict(self, x):
        """The class of each sample: the index of its largest output."""
        return np.argmax(self.forward(x), axis=1)

    def accuracy(self, x, labels):
        return float(np.mean(self.predict(x) == np.asarray(labels)))

    def fit(self, x, t, eta=0.1, epochs=10, batch_size=32, momentum=0.0, seed=0, progress=None, validation=None,
            optimizer=None, schedule=None, augment=None):
        """`dlmath.training.fit(self, x, t, SGD(eta, momentum), …)`: minibatch SGD on the mean loss, or
        any other `optimizer` of `dlmath.optimizers` (then eta and momentum are its own), with an optional
        learning-rate `schedule` and `augment`ation of each batch (see `training.fit`).
        Returns the loss after each epoch; keeps it in `self.history`, the training accuracy per epoch in
        `self.train_accuracy` and, with validation=(x_val, labels_val), the validation accuracy and loss in
        `self.val_accuracy` and `self.val_loss`."""
        from ..optimizers import SGD
        from ..training import fit
        optimizer = SGD(eta, momentum) if optimizer is None else optimizer
        record = fit(self, x, t, optimizer, epochs=epochs, batch_size=batch_size, seed=seed,
                     progress=progress, validation=validation, schedule=schedule, augment=augment)
        self.history, self.train_accuracy = record.loss, record.train_accuracy
        self.val_accuracy, self.val_loss = record.val_accuracy, record.val_loss
        return self.history
