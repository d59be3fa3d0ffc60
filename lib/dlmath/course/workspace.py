"""The learner's own copies of the chapters, in `my-work/`, which git ignores.

`chapters/` is the course as published: tested, rebuilt by the maintainers, updated by `git pull`.
The learner never works in it. `dlmath open` copies each chapter into `my-work/` the first time, and
from then on the copy is the learner's alone:
- `git pull` never touches it (my-work/ is git-ignored), so an update cannot conflict with an answer;
- when an update changes a chapter the learner has started, they are told (by `dlmath open` and at
  the top of the notebook itself), and `update("04")` makes the new version with their answers carried
  into it (dlmath.course.cells), keeping the old copy as a backup; a copy they have not started, still
  exactly as it was copied, simply takes the new version;
- `reset("04")` puts a fresh copy in place and `restore("04")` brings a backup back; both first keep
  the current copy in `my-work/backups/`, dated. Nothing of the learner's is ever deleted.

A notebook knows which version of its chapter it was made from: the build stores a fingerprint of the
cells in its metadata, and JupyterLab keeps notebook metadata when the learner edits cells.
"""
import hashlib
import json
import shutil
import time
from pathlib import Path

from ..language import translate as _

WORK, BACKUPS = "my-work", "backups"


def fingerprint(cells):
    """A hash of the cells' text ([(cell_type, source)] or nbformat cells): it changes with any edit."""
    pairs = [[c.cell_type, c.source] if hasattr(c, "cell_type") else list(c) for c in cells]
    return hashlib.sha256(json.dumps(pairs).encode()).hexdigest()[:16]


def _cells(path):
    """[(cell_type, source)] of a notebook file, and its metadata; (None, {}) if unreadable."""
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
        cells = [(c["cell_type"], "".join(c["source"]) if isinstance(c["source"], list) else c["source"])
                 for c in nb["cells"]]
        return cells, nb.get("metadata", {}), nb["cells"]
    except Exception:
        return None, {}, []


def built_from(path):
    """The fingerprint of the chapter version a notebook was built or copied from (None if unknown)."""
    return _cells(path)[1].get("dlmath", {}).get("fingerprint")


def untouched(path):
    """True when a copy is still exactly as built: its cells unedited and nothing run."""
    cells, meta, raw = _cells(path)
    if cells is None:
        return False
    ran = any(c.get("outputs") or c.get("execution_count") for c in raw if c.get("cell_type") == "code")
    return not ran and meta.get("dlmath", {}).get("fingerprint") == fingerprint(cells)


def language_info():
    """What the course's python3 kernel will report about itself. JupyterLab writes it into a notebook's
    metadata when the kernel starts, which marks an unchanged notebook as modified unless it is there
    already; the learner's copies are made with it (the kernel runs on the Python that runs this)."""
    import platform
    try:
        from ipykernel.ipkernel import IPythonKernel
        info = dict(IPythonKernel.language_info)
    except Exception:
        return None
    info["version"] = platform.python_version()
    return info


def write_copy(nb, path):
    """Write a learner's copy (a notebook dict) of a chapter, ready for this machine's kernel."""
    info = language_info()
    if info:
        nb.setdefault("metadata", {})["language_info"] = info
    import nbformat
    Path(path).write_text(nbformat.writes(nbformat.reads(json.dumps(nb), as_version=4)) + "\n", encoding="utf-8")


def is_course(folder):
    """A course folder: chapters/ beside source/ (the course) or beside lib/dlmath/ (a student edition,
    which has no source/: `dlmath class release`)."""
    folder = Path(folder)
    return (folder / "chapters").is_dir() and ((folder / "source").is_dir() or (folder / "lib" / "dlmath").is_dir())


def find_root(start=None):
    """The course's folder (see is_course), from `start`, from this package or from the working folder."""
    candidates = [Path(start).resolve()] if start else []
    candidates += [Path(__file__).resolve().parent.parent.parent, Path.cwd().resolve()]
    for base in candidates:
        for folder in (base, *base.parents):
            if is_course(folder):
                return folder
    raise FileNotFoundError(_("cannot find the course folder (the one with chapters/ and source/ or lib/); "
                              "run this from inside it."))


EDITIONS = {"en": "", "zh": "zh"}  # each language's folder under chapters/ and under my-work/
SETTINGS = ".dlmath.json"           # in my-work/: the language the learner chose last


def remembered_language(root):
    """The language `dlmath open --lang` last chose for the course at `root`; if never, the course's only
    edition when it has just one (a Chinese student edition, `dlmath class release --lang zh`, has only
    chapters/zh/: a plain `dlmath open` or `jupyter lab` opens it, even where my-work/ did not travel), else "en"."""
    try:
        lang = json.loads((Path(root) / WORK / SETTINGS).read_text(encoding="utf-8")).get("lang")
    except (OSError, ValueError, AttributeError):
        lang = None
    if lang in EDITIONS:
        return lang
    have = [edition for edition in EDITIONS if Workspace(root, edition).chapter_files()]
    return have[0] if len(have) == 1 else "en"


def remember_language(root, lang):
    folder = Path(root) / WORK
    folder.mkdir(exist_ok=True)
    (folder / SETTINGS).write_text(json.dumps({"lang": lang}) + "\n", encoding="utf-8")


class Workspace:
    """The learner's copies of one edition: chapters/ → my-work/ (English), chapters/zh/ → my-work/zh/
    (Chinese), each with its own backups/ and the same rules. Results are kept per exercise id, so an
    exercise solved in one language is solved in both."""

    def __init__(self, root=None, lang="en"):
        if lang not in EDITIONS:
            raise ValueError(_("{name} must be one of {names}, got {value}").format(
                name="lang", names=sorted(EDITIONS), value=repr(lang)))
        self.root = Path(root).resolve() if root else find_root()
        self.lang = lang
        self.chapters = self.root / "chapters" / EDITIONS[lang]
        self.work = self.root / WORK / EDITIONS[lang]
        self.backups = self.work / BACKUPS

    @classmethod
    def of(cls, notebook, root=None):
        """The workspace a notebook belongs to: the Chinese one for chapters/zh/ and my-work/zh/."""
        lang = "zh" if Path(notebook).resolve().parent.name == "zh" else "en"
        return cls(root or find_root(Path(notebook).resolve().parent), lang)

    # ------------------------------------------------------------------ what is there
    def chapter_files(self):
        """Every published chapter notebook, in order (new chapters join by themselves)."""
        return sorted(self.chapters.glob("[0-9][0-9]_*.ipynb"))

    def chapter(self, number):
        """The published notebook of chapter `number` ("4", "04" or "04_gradient_descent")."""
        key = str(number).strip()
        key = key.zfill(2) if key.isdigit() else key
        found = [p for p in self.chapter_files() if p.stem == key or p.stem[:2] == key[:2] and key in p.stem]
        if not found:
            have = ", ".join(p.stem[:2] for p in self.chapter_files())
            raise LookupError(_("there is no chapter {number}; the chapters are {chapters}.").format(
                number=repr(number), chapters=have))
        return found[0]

    def copy_of(self, chapter_path):
        return self.work / Path(chapter_path).name

    # ------------------------------------------------------------------ keeping copies
    def ensure_copies(self):
        """Copy every chapter the learner has no copy of yet into my-work/; return the new copies."""
        self.work.mkdir(parents=True, exist_ok=True)
        readme = self.work / "README.md"
        if not readme.exists():
            readme.write_text("# my-work\n\n" + _(
                "Your own copies of the chapters: answer the exercises here. git ignores this folder, so "
                "`git pull` never touches it.\nA fresh copy of one chapter: `dlmath reset NN` (your old copy is "
                "kept in backups/).") + "\n", encoding="utf-8")
        made = []
        for chapter in self.chapter_files():
            copy = self.copy_of(chapter)
            if not copy.exists():
                self._fresh_copy(chapter, copy)
                made.append(copy)
        return made

    def _fresh_copy(self, chapter, copy):
        write_copy(json.loads(Path(chapter).read_text(encoding="utf-8")), copy)

    def outdated(self):
        """The published chapters whose learner's copy was made from an older version of them."""
        found = []
        for chapter in self.chapter_files():
            copy, new = self.copy_of(chapter), built_from(chapter)
            if copy.exists() and new is not None and built_from(copy) != new:
                found.append(chapter)
        return found

    def sync(self):
        """Bring my-work/ up to date with chapters/ without overwriting any work; return notices."""
        notices = []
        self.ensure_copies()
        for chapter in self.outdated():
            number, copy = chapter.stem[:2], self.copy_of(chapter)
            if untouched(copy):  # nothing of the learner's in it: just take the new version
                self._fresh_copy(chapter, copy)
                notices.append(_("{number}: updated to the new version (you had not started it).").format(number=number))
                continue
            notices.append(_(
                "{number}: the chapter has a new version. `dlmath update {number}` carries your answers "
                "into it (your copy {copy} is kept in {backups}/).").format(
                    number=number, copy=self.rel(copy), backups=self.rel(self.backups)))
        return notices

    # ------------------------------------------------------------------ reset, restore, update
    def back_up(self, copy):
        """Move a learner's copy into my-work/backups/ under a dated name; return that path."""
        self.backups.mkdir(parents=True, exist_ok=True)
        stem, stamp = Path(copy).stem, time.strftime("%Y-%m-%d-%H%M%S")
        backup, n = self.backups / f"{stem}.{stamp}.ipynb", 1
        while backup.exists():  # two in the same second
            backup, n = self.backups / f"{stem}.{stamp}-{n}.ipynb", n + 1
        shutil.move(str(copy), backup)
        return backup

    def reset(self, number):
        """A fresh copy of one chapter; the old copy moves to my-work/backups/, dated. Returns the backup."""
        chapter = self.chapter(number)
        copy = self.copy_of(chapter)
        backup = self.back_up(copy) if copy.exists() else None
        self.work.mkdir(parents=True, exist_ok=True)
        self._fresh_copy(chapter, copy)
        return backup

    def backups_of(self, number):
        """The backups of one chapter, newest first."""
        stem = self.chapter(number).stem
        found = [p for p in self.backups.glob(f"{stem}.*.ipynb") if p.name[len(stem) + 1:][:1].isdigit()]
        return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)

    def restore(self, number, backup=None):
        """Put a backup (the newest one, or `backup`: a path, a file name or its number in backups_of)
        back as the learner's copy; the current copy is kept as a backup first. Returns (restored, kept)."""
        have = self.backups_of(number)
        if backup is None:
            if not have:
                raise LookupError(_("there is no backup of chapter {number} in {folder}/.").format(
                    number=number, folder=self.rel(self.backups)))
            chosen = have[0]
        elif str(backup).isdigit() and 1 <= int(backup) <= len(have):
            chosen = have[int(backup) - 1]
        else:
            chosen = next((p for p in have if p.name == Path(backup).name), None)
            if chosen is None:
                raise LookupError(_("{backup} is not a backup of chapter {number}; `dlmath restore {number} --list` "
                                    "lists them.").format(backup=repr(backup), number=number))
        copy = self.copy_of(self.chapter(number))
        kept = self.back_up(copy) if copy.exists() else None
        shutil.copyfile(chosen, copy)
        return chosen, kept

    def update(self, number):
        """The new version of a started chapter with the learner's work carried into it (see
        dlmath.course.cells). Returns None when the copy is already the newest version, else
        (backup or None, [what was carried], [(what was not, where it is)])."""
        from .cells import carry
        chapter = self.chapter(number)
        copy = self.copy_of(chapter)
        if not copy.exists() or untouched(copy):
            self.work.mkdir(parents=True, exist_ok=True)
            self._fresh_copy(chapter, copy)
            return None, [], []
        if built_from(copy) == built_from(chapter):
            return None
        old = json.loads(copy.read_text(encoding="utf-8"))
        merged, carried, left = carry(old, json.loads(chapter.read_text(encoding="utf-8")))
        backup = self.back_up(copy)
        write_copy(merged, copy)
        return backup, carried, [(what, f"{self.rel(backup)}, {where}") for what, where in left]

    def notice(self, notebook):
        """What a notebook should say at its top when it runs (None: nothing to say): that it is the
        published copy and where the learner's own is, or that its chapter has a new version."""
        path = Path(notebook).resolve()
        try:
            chapter = self.chapter(path.stem[:2])
        except LookupError:
            return None
        number = chapter.stem[:2]
        if path.parent == self.chapters.resolve():
            return _("ℹ️  This is the published copy of chapter {number}, which an update of the course "
                     "replaces. Your own copy, where your answers are kept, is {copy}: open it from the file "
                     "browser (or run `dlmath open {number}`).").format(number=number,
                                                                       copy=self.rel(self.copy_of(chapter)))
        if path.parent == self.work.resolve() and path.name == chapter.name and chapter in self.outdated():
            return _("🆕 Chapter {number} has a new version. To carry your answers into it, run "
                     "`dlmath update {number}` in a terminal (this copy is kept in {backups}/), "
                     "then File ▸ Reload Notebook from Disk.").format(number=number, backups=self.rel(self.backups))
        return None

    def rel(self, path):
        try:
            return str(Path(path).relative_to(self.root))
        except ValueError:
            return str(path)
