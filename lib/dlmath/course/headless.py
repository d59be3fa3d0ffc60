"""Running a notebook with no browser — `dlmath check` and the build use this one function.

The kernel is local, but ipykernel warns "running over TCP without encryption" unless its channels
are encrypted; the kernelspec says it supports CurveZMQ, so we ask for it (or, when pyzmq was built
without it, use Unix sockets, which never leave the machine). Checks made while running go to a
throwaway progress store: an inspection or a build is not the learner's work.
"""
import os
import tempfile
from pathlib import Path


def kernel_config():
    """traitlets config for a local kernel that needs no warning about eavesdropping."""
    import zmq
    from traitlets.config import Config
    config = Config()
    if zmq.has("curve"):
        config.KernelManager.transport_encryption = "auto"
    elif os.name != "nt":
        config.KernelManager.transport = "ipc"
    return config


def execute(nb, cwd, timeout=300, allow_errors=False, record_timing=True, env=None):
    """Run `nb` (nbformat, changed in place) in a fresh python3 kernel whose working folder is `cwd`,
    with the variables `env` set for it."""
    from nbclient import NotebookClient
    env = dict(env or {})
    saved = {k: os.environ.get(k) for k in ("DLMATH_PROGRESS", "DLMATH_NO_PROGRESS", *env)}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(env, DLMATH_PROGRESS=str(Path(tmp) / "progress.json"), DLMATH_NO_PROGRESS="1")
        try:
            NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=allow_errors,
                           record_timing=record_timing, config=kernel_config(),
                           resources={"metadata": {"path": str(cwd)}}).execute()
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    return nb
