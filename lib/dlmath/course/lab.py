"""JupyterLab around the course: the one door to a learner's copy, and what a running JupyterLab has open.

The door is `/dlmath/open/NN` on any Jupyter server that has the course in its root folder (or in a
folder just below it, as nbgitpuller puts it on a JupyterHub): it makes the learner's copies if they are
not there yet and sends the browser to
    /lab/workspaces/dlmath/tree/my-work/NN_stem.ipynb
— the learner's copy, in a JupyterLab workspace of the course's own, so a workspace left by an earlier
JupyterLab (with the published chapters open, say) never comes back in its place. `dlmath open` prints
that address; plain `jupyter lab` started in the course opens it (this module is a server extension,
enabled by the package's jupyter_server_config.d/dlmath.json); a JupyterHub link can name it as its
`urlpath`. One door, however JupyterLab was started.
"""
import json
import urllib.parse
import urllib.request
from pathlib import Path

from ..language import translate as _, use
from .workspace import Workspace, is_course, remembered_language

WORKSPACE = "dlmath"  # the JupyterLab workspace of the course
DOOR = "dlmath/open"


def lab_path(ws, notebook, root_dir=None):
    """The JupyterLab address (without host) of a notebook, in the course's own workspace."""
    rel = Path(notebook).resolve().relative_to(Path(root_dir or ws.root).resolve()).as_posix()
    return f"/lab/workspaces/{WORKSPACE}/tree/{urllib.parse.quote(rel)}"


def course_in(root_dir):
    """The course folder served by a server rooted at `root_dir`: that folder, or one just below it."""
    root = Path(root_dir).resolve()
    for folder in (root, *sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))):
        if is_course(folder):
            return folder
    return None


# ---------------------------------------------------------------- which running JupyterLab has what open

def running_servers():
    try:
        from jupyter_server.serverapp import list_running_servers
        return list(list_running_servers())
    except Exception:
        return []


def open_in(path, servers=None):
    """The addresses of running Jupyter servers (of this user) that have the notebook `path` open."""
    path, found = Path(path).resolve(), []
    for server in running_servers() if servers is None else servers:
        url = server.get("url", "").rstrip("/") + "/api/sessions"
        request = urllib.request.Request(url, headers={"Authorization": f"token {server.get('token', '')}"})
        try:
            with urllib.request.urlopen(request, timeout=3) as response:
                sessions = json.loads(response.read().decode())
        except Exception:  # a server that stopped, or one behind a password: it cannot tell us
            continue
        root = Path(server.get("root_dir") or server.get("notebook_dir") or "/")
        if any((root / s.get("path", "")).resolve() == path for s in sessions if s.get("path")):
            found.append(server.get("url"))
    return found


# ---------------------------------------------------------------- the server extension

def _edition(course):
    """The workspace of the edition `dlmath open` chose last, and this server's words (its log, the door's
    errors, my-work's README) in that edition's language. The server's own process only: its kernels
    still speak each notebook's language."""
    lang = remembered_language(course)
    use(lang)
    return Workspace(course, lang)


def _jupyter_server_extension_points():
    return [{"module": "dlmath.course.lab"}]


def _load_jupyter_server_extension(serverapp):
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join
    from tornado import web

    root_dir = serverapp.root_dir

    class OpenHandler(JupyterHandler):
        @web.authenticated
        def get(self, number=None):
            course = course_in(root_dir)
            if course is None:
                raise web.HTTPError(404, _("no course folder (one with chapters/ and source/) here"))
            ws = _edition(course)
            ws.ensure_copies()
            ws.sync()
            try:
                target = ws.copy_of(ws.chapter(number or "00"))
            except LookupError as exc:
                raise web.HTTPError(404, str(exc))
            self.redirect(url_path_join(self.base_url, lab_path(ws, target, root_dir)))

    pattern = url_path_join(serverapp.web_app.settings["base_url"], DOOR, r"?(\d\d)?/?")
    serverapp.web_app.add_handlers(".*$", [(pattern, OpenHandler)])
    course = course_in(root_dir)
    if course is not None:
        ws = _edition(course)
        made = ws.ensure_copies()
        for line in ws.sync():
            serverapp.log.info("dlmath: %s", line)
        if made:
            serverapp.log.info("dlmath: %s", _("made your own copies of {count} chapter(s) in {folder}/ (git ignores "
                                               "it).").format(count=len(made), folder=ws.rel(ws.work)))
        if serverapp.default_url in ("/lab", "/lab/"):  # only JupyterLab's own default, never a chosen one
            serverapp.default_url = "/" + DOOR

