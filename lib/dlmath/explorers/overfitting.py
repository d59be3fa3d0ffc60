"""Chapter 12: overfitting on purpose, and weight decay against it.

A network with 128 hidden ReLU units learns from only 150 training images of the digits and is measured,
after every epoch, on 270 validation images it never trains on. Left: the training and the validation
loss per epoch for the weight decay λ under the slider, with the epoch under the other slider (stop
there: early stopping); right: the loss after the last epoch against λ — too little and the network fits
its 150 images and not the digits, too much and it cannot fit anything. The runs for every λ are trained
once when the explorer is made (a few seconds, with a progress bar); a move only looks them up.
"""
import ipywidgets as widgets
import numpy as np

from .. import datasets
from ..course.explorer import Explorer, new_figure
from ..course.language import translate as _
from ..models import MLP
from ..optimizers import SGD
from ..training import progress_bar

DECAYS = 10.0 ** np.arange(-5.0, -0.9, 0.5)  # 1e-5 … 1e-1, nine runs
N_TRAIN, HIDDEN, EPOCHS, ETA = 150, 128, 100, 0.1


def overfitting_curves(decays=DECAYS, n_train=N_TRAIN, hidden=HIDDEN, epochs=EPOCHS, seed=0, progress=None):
    """Train MLP((64, hidden, 10)) on the first n_train images of the fitting part of
    `datasets.validation_split` with SGD(η 0.1, momentum 0.9, weight_decay=λ) for each λ in decays.
    Returns arrays (len(decays), epochs): "train_loss", "val_loss", "train_accuracy", "val_accuracy", and
    the "decays" themselves."""
    d = datasets.digits()
    x_fit, x_val, y_fit, y_val = datasets.validation_split(d.x_train, d.y_train)
    curves = {k: [] for k in ("train_loss", "val_loss", "train_accuracy", "val_accuracy")}
    bar = progress_bar(len(decays), _("weight decays"), progress)
    for decay in decays:
        net = MLP((64, hidden, 10), hidden="relu", output="softmax", loss="cross_entropy", seed=seed)
        net.fit(x_fit[:n_train], y_fit[:n_train], epochs=epochs, seed=seed, progress=False,
                optimizer=SGD(ETA, 0.9, weight_decay=float(decay)), validation=(x_val, y_val))
        for key, measured in zip(curves, (net.history, net.val_loss, net.train_accuracy, net.val_accuracy)):
            curves[key].append(measured)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return {"decays": np.array(decays, dtype=float), **{k: np.array(v) for k, v in curves.items()}}


def overfitting_state(decay, epoch, curves):
    """What the figure shows for the slider's λ (the nearest run on a log scale) and stopping epoch: pure."""
    decays = curves["decays"]
    i = int(np.argmin(np.abs(np.log10(decays) - np.log10(decay))))
    e = int(np.clip(epoch, 1, curves["val_loss"].shape[1])) - 1
    best = int(np.argmin(curves["val_loss"][i]))
    template = _("λ = {decay:.0e}, after epoch {epoch}: loss {train_loss:.3f} on training ({train_right:.0%} right), "
                 "{val_loss:.3f} on validation ({val_right:.1%}); lowest on validation {best_loss:.3f} "
                 "after epoch {best_epoch}")
    readout = template.format(decay=decays[i], epoch=e + 1, train_loss=curves["train_loss"][i, e],
                              train_right=curves["train_accuracy"][i, e], val_loss=curves["val_loss"][i, e],
                              val_right=curves["val_accuracy"][i, e], best_loss=curves["val_loss"][i, best],
                              best_epoch=best + 1)
    epochs = np.arange(1, curves["val_loss"].shape[1] + 1)
    return {"train": (epochs, curves["train_loss"][i]), "val": (epochs, curves["val_loss"][i]),
            "stop": ([e + 1, e + 1], [0, 1]),
            "chosen_train": ([decays[i]], [curves["train_loss"][i, -1]]),
            "chosen_val": ([decays[i]], [curves["val_loss"][i, -1]]),
            "readout": readout}


def overfitting_explorer(decay=1e-5, epoch=100, curves=None):
    """Sliders for the weight decay λ (log scale) and the epoch to stop at."""
    curves = overfitting_curves() if curves is None else curves
    fig, (ax_time, ax_decay) = new_figure(ncols=2, width=9.4, height=3.5)
    ax_time.set(yscale="log", ylim=(1e-3, 3), xlim=(0, curves["val_loss"].shape[1] + 1), xlabel=_("epoch"),
                title=_("loss per epoch"))
    ax_time.grid(True, alpha=0.3)
    decays = curves["decays"]
    training, validation = _("training"), _("validation")
    ax_decay.plot(decays, curves["train_loss"][:, -1], "o-", color="C0", ms=4, label=training)
    ax_decay.plot(decays, curves["val_loss"][:, -1], "o-", color="C1", ms=4, label=validation)
    ax_decay.set(xscale="log", yscale="log", ylim=(1e-3, 3), xlabel=_("weight decay λ"),
                 title=_("loss after the last epoch"))
    ax_decay.grid(True, alpha=0.3)
    ax_decay.legend(loc="upper left", fontsize=8)
    lines = {"train": ax_time.plot([], [], color="C0", label=training)[0],
             "val": ax_time.plot([], [], color="C1", label=validation)[0],
             "stop": ax_time.plot([], [], color="0.3", ls="--", lw=1,
                                  transform=ax_time.get_xaxis_transform())[0],
             "chosen_train": ax_decay.plot([], [], "o", color="C0", mec="k", ms=9)[0],
             "chosen_val": ax_decay.plot([], [], "o", color="C1", mec="k", ms=9)[0]}
    ax_time.legend(handles=[lines["train"], lines["val"]], loc="lower left", fontsize=8)
    title = fig.suptitle(_("the readout goes here"), fontsize=9)
    controls = {"decay": widgets.FloatLogSlider(value=decay, base=10, min=np.log10(decays[0]),
                                                max=np.log10(decays[-1]), step=0.5, description="λ",
                                                continuous_update=True, readout_format=".0e"),
                "epoch": widgets.IntSlider(value=epoch, min=1, max=curves["val_loss"].shape[1],
                                           description=_("stop at"), continuous_update=True)}

    def compute(decay, epoch):
        return overfitting_state(decay, epoch, curves)

    return Explorer(fig, lines, controls, compute, texts={"readout": title})
