"""The learner's own copies of the chapters, in `my-work/`, which git ignores.

`chapters/` is the course as published: tested, rebuilt by the maintainers, updated by `git pull`.
The learner never works in it. `dlmath open` copies each chapter into `my-work/` the first time, and
from then on the copy is the learner's alone:
- `git pull` never touches it (my-work/ is git-ignored), so an update cannot conflict with an answer;
- when an update changes a chapter the learner has started, the new version is saved *beside* their
  copy as `my-work/NN_stem.updated.ipynb` and they are told; their copy is never overwritten
  (a copy they have not started, still exactly as it was copied, is simply replaced by the new one);
- `reset("04")` puts a fresh copy in place and keeps the old one in `my-work/backups/`, dated.

A notebook knows which version of its chapter it was made from: the build stores a fingerprint of the
cells in its metadata, and JupyterLab keeps notebook metadata when the learner edits cells.
"""
import hashlib
import json
import shutil
import time
from pathlib import Path

WORK, BACKUPS, UPDATED = "my-work", "backups", ".updated.ipynb"


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


def find_root(start=None):
    """The course's folder: the one holding chapters/ and source/, from this package or from `start`."""
    candidates = [Path(start).resolve()] if start else []
    candidates += [Path(__file__).resolve().parent.parent.parent, Path.cwd().resolve()]
    for base in candidates:
        for folder in (base, *base.parents):
            if (folder / "chapters").is_dir() and (folder / "source").is_dir():
                return folder
    raise FileNotFoundError("cannot find the course folder (the one with chapters/ and source/); "
                            "run this from inside it.")


class Workspace:
    def __init__(self, root=None):
        self.root = Path(root).resolve() if root else find_root()
        self.chapters = self.root / "chapters"
        self.work = self.root / WORK
        self.backups = self.work / BACKUPS

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
            raise LookupError(f"there is no chapter {number!r}; the chapters are {have}.")
        return found[0]

    def copy_of(self, chapter_path):
        return self.work / Path(chapter_path).name

    def updated_of(self, chapter_path):
        return self.work / (Path(chapter_path).stem + UPDATED)

    # ------------------------------------------------------------------ keeping copies
    def ensure_copies(self):
        """Copy every chapter the learner has no copy of yet into my-work/; return the new copies."""
        self.work.mkdir(exist_ok=True)
        readme = self.work / "README.md"
        if not readme.exists():
            readme.write_text(
                "# my-work\n\nYour own copies of the chapters: answer the exercises here. git ignores this "
                "folder, so `git pull` never touches it.\nA fresh copy of one chapter: `dlmath reset NN` "
                "(your old copy is kept in backups/).\n", encoding="utf-8")
        made = []
        for chapter in self.chapter_files():
            copy = self.copy_of(chapter)
            if not copy.exists():
                shutil.copyfile(chapter, copy)
                made.append(copy)
        return made

    def sync(self):
        """Bring my-work/ up to date with chapters/ without overwriting any work; return notices."""
        notices = []
        self.ensure_copies()
        for chapter in self.chapter_files():
            copy, updated = self.copy_of(chapter), self.updated_of(chapter)
            new = built_from(chapter)
            if new is None or built_from(copy) == new:
                if updated.exists() and built_from(updated) == new and built_from(copy) == new:
                    updated.unlink()  # the learner has moved to the new version
                continue
            if untouched(copy):  # nothing of the learner's in it: just take the new version
                shutil.copyfile(chapter, copy)
                notices.append(f"{chapter.stem[:2]}: updated to the new version (you had not started it).")
                continue
            if built_from(updated) != new:
                shutil.copyfile(chapter, updated)
            notices.append(
                f"{chapter.stem[:2]}: the chapter was updated. Your copy {self.rel(copy)} is untouched; the new "
                f"version is beside it as {self.rel(updated)}. Copy your answers across, or run "
                f"`dlmath reset {chapter.stem[:2]}` to switch to it (your copy is kept as a dated backup).")
        return notices

    def reset(self, number):
        """A fresh copy of one chapter; the old copy moves to my-work/backups/, dated. Returns the backup."""
        chapter = self.chapter(number)
        copy = self.copy_of(chapter)
        backup = None
        if copy.exists():
            self.backups.mkdir(parents=True, exist_ok=True)
            backup = self.backups / f"{chapter.stem}.{time.strftime('%Y-%m-%d-%H%M%S')}.ipynb"
            n = 1
            while backup.exists():  # two resets within a second
                backup = backup.with_name(f"{chapter.stem}.{time.strftime('%Y-%m-%d-%H%M%S')}-{n}.ipynb")
                n += 1
            shutil.move(str(copy), backup)
        self.work.mkdir(exist_ok=True)
        shutil.copyfile(chapter, copy)
        self.updated_of(chapter).unlink(missing_ok=True)
        return backup

    def rel(self, path):
        try:
            return str(Path(path).relative_to(self.root))
        except ValueError:
            return str(path)
