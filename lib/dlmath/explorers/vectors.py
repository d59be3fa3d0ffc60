"""Chapter 02: two vectors a, b with sliders for the angle between them and their lengths.

Left: the arrows, the angle θ and the projection of b onto a's line (its signed length is ‖b‖cos θ). Right: a·b = ‖a‖‖b‖cos θ as a
function of θ between the bounds ±‖a‖‖b‖ of Cauchy–Schwarz, the current θ marked, and the angles where
equality holds (θ = 0°, 180°, 360°: a and b parallel). The right panel's vertical unit is ‖a‖‖b‖ itself:
the bounds stay at the same height and the axis labels carry the real values, so a length slider changes
labels, not axes (a new scale would cost a full redraw of the figure).
"""
import numpy as np

from .. import linalg as la
from ..course.explorer import Explorer, new_figure, slider
from ..course.fonts import monospace
from ..course.language import translate as _

ANGLES = np.linspace(0.0, 360.0, 361)  # degrees; the grid of the right panel, made once
EQUALITY_ANGLES = np.array([0.0, 180.0, 360.0])  # cos θ = ±1: b points along a or against it


YLIM = (-1.1, 1.7)  # in units of ‖a‖‖b‖: the bounds at ±1, room for the legend on top
TICKS = (-1.0, -0.5, 0.0, 0.5, 1.0)  # where the panel's value labels sit, in units of ‖a‖‖b‖


def tick_labels(bound):
    """The right panel's labels at TICKS: the real values k·‖a‖‖b‖ of a·b there."""
    return [f"{k * bound + 0.0:+.2f}" for k in TICKS]


def in_bound_units(state, bound):
    """The right panel's curves with y divided by ‖a‖‖b‖ (when a or b is zero, a·b = 0 and so is the curve)."""
    scale = 1.0 / bound if bound > 0 else 0.0
    out = {name: (state[name][0], state[name][1] * scale) for name in ("inner", "current", "equality")}
    out["upper"], out["lower"] = (ANGLES, np.ones_like(ANGLES)), (ANGLES, -np.ones_like(ANGLES))
    return out


def vector_pair(theta, len_a, len_b, direction=0.0):
    """a of length len_a at `direction` degrees, b of length len_b at direction + theta degrees."""
    phi_a, phi_b = np.radians(direction), np.radians(direction + theta)
    a = len_a * np.array([np.cos(phi_a), np.sin(phi_a)])
    b = len_b * np.array([np.cos(phi_b), np.sin(phi_b)])
    return a, b


def inner_vs_angle(angles, len_a, len_b):
    """Over the angles (degrees): a·b = ‖a‖‖b‖cos θ and the Cauchy–Schwarz bounds ±‖a‖‖b‖."""
    bound = len_a * len_b
    angles = np.asarray(angles, dtype=float)
    return {"inner": bound * np.cos(np.radians(angles)),
            "upper": np.full(angles.shape, bound), "lower": np.full(angles.shape, -bound)}


def arrow(tip, head=0.22):
    """(x, y) of one polyline: origin → tip, then the two barbs of an arrowhead at the tip."""
    tip = np.asarray(tip, dtype=float)
    length = np.hypot(*tip)
    if length == 0:
        return np.zeros(1), np.zeros(1)
    back = -tip / length * min(head, 0.6 * length)
    left = np.array([back[0] * 0.94 - back[1] * 0.34, back[0] * 0.34 + back[1] * 0.94])  # back rotated ±20°
    right = np.array([back[0] * 0.94 + back[1] * 0.34, -back[0] * 0.34 + back[1] * 0.94])
    pts = np.array([[0.0, 0.0], tip, tip + left, tip, tip + right])
    return pts[:, 0], pts[:, 1]


def _num(x, digits=3):
    """x rounded for the readout, without a "-0.000" for a value that only rounds to zero."""
    return f"{round(float(x), digits) + 0.0:.{digits}f}"  # −0.0 + 0.0 is +0.0


def parallel(theta, len_a, len_b):
    """Whether |a·b| = ‖a‖‖b‖ holds: θ a multiple of 180°, or a or b the zero vector."""
    return len_a == 0 or len_b == 0 or bool(np.isclose(np.sin(np.radians(theta)), 0.0, atol=1e-12))


def vectors_state(theta, len_a, len_b, direction=0.0):
    """Everything the figure shows for one setting of the sliders (pure: no plotting)."""
    a, b = vector_pair(theta, len_a, len_b, direction)
    curves = inner_vs_angle(ANGLES, len_a, len_b)
    bound = len_a * len_b
    by_coordinates = float(la.inner(a, b))  # a1 b1 + a2 b2
    geometric = bound * float(np.cos(np.radians(theta)))  # ‖a‖‖b‖ cos θ
    # the foot of b on a's line: (a·b / ‖a‖²) a
    foot = a * (by_coordinates / (len_a * len_a)) if len_a > 0 else np.zeros(2)
    # a's whole line, on which the foot lies (also behind the origin when θ > 90°)
    along = a / len_a * 5.0 if len_a > 0 else np.full(2, np.nan)
    arc = np.radians(direction + np.linspace(0.0, theta, 40))
    radius = 0.35 if min(len_a, len_b) == 0 else min(0.5, 0.45 * min(len_a, len_b))
    if parallel(theta, len_a, len_b):
        verdict = _("equality: a and b are parallel") if bound else _("equality: a zero vector")
    else:
        verdict = _("strict: |a·b| < ‖a‖‖b‖ (gap {gap})").format(gap=_num(bound - abs(geometric)))
    readout = (f"a = ({_num(a[0], 2)}, {_num(a[1], 2)})   b = ({_num(b[0], 2)}, {_num(b[1], 2)})\n"
               f"a1·b1 + a2·b2 = {_num(by_coordinates)}\n"
               f"‖a‖‖b‖cos θ = {_num(geometric)}\n"
               f"|a·b| = {_num(abs(by_coordinates))} ≤ ‖a‖‖b‖ = {_num(bound)}\n{verdict}")
    return {
        "a": arrow(a), "b": arrow(b),
        "projection": (np.array([b[0], foot[0]]), np.array([b[1], foot[1]])),
        "a_line": (np.array([-along[0], along[0]]), np.array([-along[1], along[1]])),
        "angle": (radius * np.cos(arc), radius * np.sin(arc)),
        "inner": (ANGLES, curves["inner"]), "upper": (ANGLES, curves["upper"]),
        "lower": (ANGLES, curves["lower"]),
        "current": (np.array([theta]), np.array([by_coordinates])),
        "equality": (EQUALITY_ANGLES, bound * np.cos(np.radians(EQUALITY_ANGLES))),
        "readout": readout, "ticks": tick_labels(bound),
        "values": {"a": a, "b": b, "inner": by_coordinates, "geometric": geometric, "bound": bound},
    }


def vectors_explorer(theta=60.0, len_a=2.0, len_b=1.5, direction=20.0):
    """Sliders for the angle θ between a and b, their lengths and a's direction."""
    fig, (ax_v, ax_i) = new_figure(ncols=2, width=9.5, height=4.2)
    lines = {"a": ax_v.plot([], [], lw=2.5, color="C0", label="a")[0],
             "b": ax_v.plot([], [], lw=2.5, color="C1", label="b")[0],
             "projection": ax_v.plot([], [], ls=":", color="C1", lw=1.2)[0],
             "a_line": ax_v.plot([], [], color="C0", lw=0.6, alpha=0.4)[0],
             "angle": ax_v.plot([], [], color="0.4", lw=1)[0],
             "upper": ax_i.plot([], [], color="C2", ls="--", label="+‖a‖‖b‖")[0],
             "lower": ax_i.plot([], [], color="C3", ls="--", label="−‖a‖‖b‖")[0],
             "inner": ax_i.plot([], [], color="C0", lw=2, label="a·b = ‖a‖‖b‖cos θ")[0],
             "equality": ax_i.plot([], [], "o", mfc="none", mec="k", ms=9, label=_("equality (a ∥ b)"))[0],
             "current": ax_i.plot([], [], "o", color="C1", ms=8, label=_("now"))[0]}
    ax_v.set(xlim=(-3.3, 3.3), ylim=(-3.3, 3.3), aspect="equal", title=_("the vectors a and b"))
    ax_v.axhline(0, color="0.85", lw=0.8)
    ax_v.axvline(0, color="0.85", lw=0.8)
    ax_v.legend(loc="lower left", fontsize=8)
    ax_i.set(xlim=(0, 360), ylim=YLIM, xticks=[0, 90, 180, 270, 360], yticks=TICKS, yticklabels=[],
             xlabel=_("angle θ between a and b (degrees)"), title=_("a·b never leaves [−‖a‖‖b‖, ‖a‖‖b‖]"))
    ticks = {f"tick{i}": ax_i.text(-0.02, y, "", transform=ax_i.get_yaxis_transform(), ha="right",
                                   va="center", fontsize=7.5) for i, y in enumerate(TICKS)}
    ax_i.axhline(0, color="0.85", lw=0.8)
    ax_i.legend(loc="upper center", fontsize=7, ncol=3)  # in the room YLIM leaves above the bound
    readout = ax_v.text(0.02, 0.98, "", transform=ax_v.transAxes, va="top", fontsize=7.5,
                      family=monospace(), bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none"})
    controls = {"theta": slider(theta, 0, 360, step=1, description=_("angle θ (°)")),
                "len_a": slider(len_a, 0, 3, description="‖a‖"),
                "len_b": slider(len_b, 0, 3, description="‖b‖"),
                "direction": slider(direction, 0, 360, step=1, description=_("a's direction (°)"))}

    def compute(theta, len_a, len_b, direction):
        state = vectors_state(theta, len_a, len_b, direction)
        state.update(in_bound_units(state, state["values"]["bound"]))
        state.update({f"tick{i}": label for i, label in enumerate(state.pop("ticks"))})
        del state["values"]
        return state

    return Explorer(fig, lines, controls, compute, texts={"readout": readout, **ticks})
