"""JupyterHub for a class on one machine: the course's tested setup (tests/browser/test_jupyterhub.py runs it).

    python -m jupyterhub -f docs/jupyterhub_config.py

Students log in, each gets a single-user JupyterLab in their own home folder (all running as the user who
started the hub: fine for a trial or a lab machine; a university hub keeps its own spawner and login, see
docs/teaching.md), and the course reaches them through an nbgitpuller link:

    http://HUB/hub/user-redirect/git-pull?repo=COURSE_GIT_URL&branch=main&urlpath=dlmath/open/00

nbgitpuller clones (later: merges) the course into ~/<repository name>; `urlpath` then opens the course's
door, /dlmath/open/00, which the dlmath server extension serves: it makes the student's own copies in
my-work/ and opens theirs. Every setting below can be changed with the environment variable named beside it.
"""
import os
import sys

c = get_config()  # noqa: F821 (JupyterHub provides it)
env = os.environ.get
state = env("DLMATH_HUB_STATE", os.path.abspath("hub-state"))  # database, cookie secret, pid files
os.makedirs(state, exist_ok=True)

c.JupyterHub.bind_url = env("DLMATH_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_bind_url = env("DLMATH_HUB_INTERNAL_URL", "http://127.0.0.1:8081")
c.ConfigurableHTTPProxy.api_url = env("DLMATH_HUB_PROXY_API", "http://127.0.0.1:8001")
c.ConfigurableHTTPProxy.command = [env("DLMATH_CHP", "configurable-http-proxy")]  # npm install configurable-http-proxy
c.ConfigurableHTTPProxy.pid_file = os.path.join(state, "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{os.path.join(state, 'jupyterhub.sqlite')}"
c.JupyterHub.cookie_secret_file = os.path.join(state, "cookie_secret")
c.JupyterHub.pid_file = os.path.join(state, "jupyterhub.pid")

# Login: one shared password (a trial). A real class uses its institution's login (oauthenticator, LTI).
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = env("DLMATH_HUB_PASSWORD", "change-me")
c.Authenticator.allow_all = True
c.Authenticator.admin_users = set(filter(None, env("DLMATH_HUB_ADMINS", "teacher").split(",")))

# Each student's JupyterLab: the Python that runs the hub (its environment has the course's requirements,
# hence the dlmath server extension), in a home folder of their own, where their progress is kept too.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(env("DLMATH_HUB_HOMES", os.path.abspath("homes")),
                                                             "{username}")
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/dlmath/open/00"
c.Spawner.args = [a for a in env("DLMATH_HUB_SERVER_ARGS", "").split() if a]
if hasattr(os, "geteuid") and os.geteuid() == 0:  # a container or CI running as root
    c.Spawner.args.append("--allow-root")
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
