"""Chapter 12: momentum as a linear recurrence — the (η, β) plane and the run of the point under the sliders.

Left: for the ravine f(x, y) = ½ (λ_min x² + λ_max y²), the long-run rate of the heavy ball (the worst
spectral radius of its 2×2 step matrix over the two curvatures) at every (η, β), with the stable
region's edge η = 2 (1 + β) / λ_max and the optimal point; middle: the path from the start on the
contour map; right: the loss per step on a log scale. The plane and the contours are computed once;
a move runs `momentum_run` (pure) and moves the existing lines.
"""
import numpy as np

from ..course.explorer import Explorer, new_figure, slider
from ..course.language import translate as _
from ..optimize import Quadratic, heavy_ball_worst_radius, optimal_momentum
from ..optimizers import SGD

LAM_MIN, LAM_MAX = 1.0, 25.0  # condition number κ = 25
RAVINE = Quadratic(np.diag([LAM_MIN, LAM_MAX]))
START = np.array([-2.8, 1.0])
ETA_RANGE, BETA_RANGE = (0.0, 0.16), (0.0, 0.99)
LOSS_FLOOR, LOSS_CEILING = 1e-12, 1e6


def optimizer_path(optimizer, steps, start=START, bowl=RAVINE):
    """Any step rule of `dlmath.optimizers` on `bowl` from `start`: the path and the loss per step,
    stopped (not warned about) once it leaves any reasonable range."""
    p = np.array(start, dtype=float)
    path = [p.copy()]
    for step in range(int(steps)):
        if not np.all(np.abs(p) < 1e6):
            break
        optimizer.step([p], [bowl.grad(p)])
        path.append(p.copy())
    path = np.array(path)
    return path, bowl.f(path)


def momentum_run(eta, beta, steps=60, start=START, bowl=RAVINE):
    """The heavy ball (`dlmath.optimizers.SGD` with momentum β) on `bowl` (η = 0: it stays at the start)."""
    return optimizer_path(SGD(eta, beta) if eta > 0 else None, steps if eta > 0 else 0, start, bowl)


def momentum_state(eta, beta, steps=60):
    """Everything the figure shows for one (η, β): pure, no plotting."""
    path, loss = momentum_run(eta, beta, steps)
    radius = float(heavy_ball_worst_radius(eta, beta, LAM_MIN, LAM_MAX)) if eta > 0 else 1.0
    best_eta, best_beta, best_rate = optimal_momentum(LAM_MIN, LAM_MAX)
    if radius >= 1:
        edge = 2 * (1 + beta) / LAM_MAX
        verdict = _("diverges: rate {rate:.3f} ≥ 1 (η = {eta:.3f} {sign} 2(1+β)/λ_max = {edge:.3f})").format(
            rate=radius, eta=eta, sign=">" if eta > edge else "≤", edge=edge)
    else:
        verdict = _("converges: the distance shrinks ×{rate:.3f} per step "
                    "(best ×{best_rate:.3f} at η = {best_eta:.3f}, β = {best_beta:.3f})").format(
            rate=radius, best_rate=best_rate, best_eta=best_eta, best_beta=best_beta)
    shown = np.clip(path, -4.5, 4.5)
    return {"point": (np.array([eta]), np.array([beta])),
            "path": (shown[:, 0], shown[:, 1]),
            "loss": (np.arange(len(loss)), np.clip(loss, LOSS_FLOOR, LOSS_CEILING)),
            "readout": verdict,
            "radius": radius}


def rate_plane(n_eta=161, n_beta=100):
    """η, β grids and the worst radius at each: computed once per explorer."""
    etas = np.linspace(*ETA_RANGE, n_eta)[1:]
    betas = np.linspace(*BETA_RANGE, n_beta)
    E, B = np.meshgrid(etas, betas)
    return E, B, heavy_ball_worst_radius(E, B, LAM_MIN, LAM_MAX)


def momentum_explorer(eta=0.05, beta=0.5, steps=60):
    """Sliders for η and β (and the steps): where the point sits in the plane, and how it runs."""
    fig, (ax_plane, ax_map, ax_loss) = new_figure(ncols=3, width=9.8, height=3.5)
    E, B, R = rate_plane()
    picture = ax_plane.contourf(E, B, np.clip(R, 0.6, 1.2), levels=np.linspace(0.6, 1.2, 13), cmap="viridis_r")
    ax_plane.contour(E, B, R, levels=[1.0], colors="red", linewidths=1.2)
    best_eta, best_beta = optimal_momentum(LAM_MIN, LAM_MAX)[:2]
    ax_plane.plot([best_eta], [best_beta], "*", color="white", mec="k", ms=11, label=_("optimal (η*, β*)"))
    ax_plane.set(xlabel="η", ylabel="β", title=_("rate per step (red: = 1)"))
    ax_plane.legend(loc="lower right", fontsize=7)
    fig.colorbar(picture, ax=ax_plane, shrink=0.8, ticks=[0.6, 0.8, 1.0, 1.2])
    xs = np.linspace(-4.5, 4.5, 121)
    X, Y = np.meshgrid(xs, xs)
    ax_map.contour(X, Y, RAVINE.f(np.stack([X, Y], axis=-1)), levels=np.geomspace(0.05, 200, 10), colors="0.7",
                   linewidths=0.7)
    ax_map.plot([0], [0], "*", color="C2", ms=10)
    ax_map.set(xlim=(-4.5, 4.5), ylim=(-4.5, 4.5), aspect="equal", title=f"f = ½(x² + {LAM_MAX:g}y²)")
    ax_loss.set(yscale="log", ylim=(LOSS_FLOOR, LOSS_CEILING), xlim=(0, steps), xlabel=_("step k"),
                title="f(x_k)")
    ax_loss.set_yticks([1e-12, 1e-6, 1, 1e6])
    ax_loss.minorticks_off()
    ax_loss.grid(True, alpha=0.3)
    lines = {"point": ax_plane.plot([], [], "o", color="C1", mec="k", ms=8)[0],
             "path": ax_map.plot([], [], ".-", color="C1", lw=1, ms=3)[0],
             "loss": ax_loss.plot([], [], color="C1", lw=1.5)[0]}
    title = fig.suptitle(_("the verdict goes here"), fontsize=10)
    controls = {"eta": slider(eta, 0.002, ETA_RANGE[1], step=0.002, description="η"),
                "beta": slider(beta, 0.0, BETA_RANGE[1], step=0.01, description="β")}

    def compute(eta, beta):
        state = momentum_state(eta, beta, steps)
        return {k: state[k] for k in ("point", "path", "loss", "readout")}

    return Explorer(fig, lines, controls, compute, texts={"readout": title})
