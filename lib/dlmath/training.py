"""Training a model: minibatches, epochs, the optimiser's steps, and a record of how it went.

    record = fit(model, x, t, optimizer=SGD(eta=0.1, momentum=0.9), epochs=10, batch_size=32)

Each epoch visits the training samples once in an order shuffled by a seeded generator, in minibatches
of `batch_size` (a batch of all samples is plain gradient descent, one step per epoch); after each epoch
the record gets the mean loss and the accuracy on the whole training set, and on validation samples if
given (accuracy and loss). The model is any `dlmath.models.Model` (MLP, CNN); the optimiser any object with
`step(params, grads)` (`dlmath.optimizers`). Shapes are checked once here; the loop then runs the
models' unchecked arithmetic.
"""
from dataclasses import dataclass, field

import numpy as np

from .language import N_, translate as _
from .optimizers import SGD


@dataclass
class Record:
    """What `fit` measured after each epoch (index k = after k + 1 epochs)."""
    loss: list = field(default_factory=list)            # mean loss over the training set
    train_accuracy: list = field(default_factory=list)  # fraction of training samples classified right
    val_accuracy: list = field(default_factory=list)    # the same on the validation samples, if given
    val_loss: list = field(default_factory=list)        # the mean loss on the validation samples, if given
    eta: list = field(default_factory=list)             # the learning rate of each epoch, with a schedule

    def summary(self):
        text = _("loss {loss}, training accuracy {accuracy}").format(
            loss=f"{self.loss[-1]:.4f}", accuracy=f"{self.train_accuracy[-1]:.1%}")
        if self.val_accuracy:
            text += _(", validation {accuracy}").format(accuracy=f"{self.val_accuracy[-1]:.1%}")
        return text


def in_notebook():
    """Whether this runs in a Jupyter kernel (where a progress bar is a widget)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def progress_bar(total, label, show=None):
    """A tqdm bar (tqdm.auto: an ipywidgets bar in Jupyter, text elsewhere), or None when not shown.
    show=None shows it in Jupyter only; without tqdm installed there is no bar, and training goes on."""
    if not (show or (show is None and in_notebook())):
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:  # a course updated by `git pull` before `pip install -r requirements.txt`: no bar
        return None
    return tqdm(total=total, desc=label, leave=True)


def _augmented(augment, xb, rng):
    """augment's new batch, checked: a learner's function must not change the data set's rows."""
    out = np.asarray(augment(xb.copy(), rng), dtype=float)
    if out.shape != xb.shape:
        raise ValueError(_("augment must return a batch of the shape it was given, {expected}, got {shape}").format(
            expected=xb.shape, shape=out.shape))
    return out


def fit(model, x, t, optimizer=None, epochs=10, batch_size=32, seed=0, progress=None, validation=None,
        schedule=None, augment=None):
    """Train `model` on samples x and targets t (rows (N, n_L), or class labels (N,) for a classifier)
    with `optimizer` (default SGD(eta=0.1)); returns a Record. progress: show a bar (default: in Jupyter,
    for more than 20 epochs). validation=(x_val, labels_val) records the accuracy on those samples too.
    schedule(epoch) → η sets the optimiser's learning rate before each epoch (`dlmath.optimizers`);
    augment(x_batch, rng) → a new batch of the same shape changes each minibatch (e.g. shifted images)."""
    optimizer = SGD() if optimizer is None else optimizer
    x = model.check_inputs(x)
    t = model.check_targets(t, x.shape[0])
    if not (isinstance(batch_size, (int, np.integer)) and batch_size >= 1):
        raise ValueError(_("batch_size must be a positive whole number, got {value}").format(value=repr(batch_size)))
    labels = np.argmax(t, axis=1)
    if validation is not None:
        x_val = model.check_inputs(validation[0], N_("validation x"))
        y_val = model.check_labels(np.asarray(validation[1]), x_val.shape[0])
        t_val = np.eye(t.shape[1])[y_val]
    rng = np.random.default_rng(seed)
    params = model.parameters()
    bar = progress_bar(epochs, _("training"), progress if progress is not None else (None if epochs > 20 else False))
    record = Record()
    n = x.shape[0]
    full_batch = batch_size >= n

    def measure(y):  # y = the outputs for all of x after this epoch
        record.loss.append(model.loss_value(y, t))
        record.train_accuracy.append(float(np.mean(np.argmax(y, axis=1) == labels)))
        if validation is not None:
            y_v = model.forward_unchecked(x_val)
            record.val_accuracy.append(float(np.mean(np.argmax(y_v, axis=1) == y_val)))
            record.val_loss.append(model.loss_value(y_v, t_val))
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(record.summary(), refresh=False)

    for epoch in range(epochs):
        if schedule is not None:
            optimizer.eta = float(schedule(epoch))
            record.eta.append(optimizer.eta)
        if full_batch:  # the forward pass of this step also gives the loss after the last one
            y = model.forward_unchecked(x)
            grads = model.backward_unchecked(t)
            if epoch > 0:
                measure(y)  # after backward: a validation pass replaces the cache
            optimizer.step(params, grads[0] + grads[1])
            continue
        order = rng.permutation(n)
        model.training = True
        for start in range(0, n, batch_size):  # a loop over batches, each vectorised
            batch = order[start:start + batch_size]
            xb = x[batch] if augment is None else _augmented(augment, x[batch], rng)
            model.forward_unchecked(xb)
            dW, db = model.backward_unchecked(t[batch])
            optimizer.step(params, dW + db)
        model.training = False
        measure(model.forward_unchecked(x))
    if full_batch and epochs > 0:
        measure(model.forward_unchecked(x))
    model.cache = None
    if bar is not None:
        bar.close()
    return record
