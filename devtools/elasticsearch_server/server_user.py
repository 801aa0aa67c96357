"""Who runs the server: Elasticsearch refuses to run as root, so root hands it to an unprivileged system user."""

import os
import pwd
import shutil
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .console import die, say


@dataclass(frozen=True)
class ServerUser:
    """The account the server runs as; ``switch`` is set when the tool runs as root and must drop to it."""

    name: str
    uid: int
    gid: int
    groups: tuple = ()
    switch: bool = False

    def process_options(self):
        """Keyword arguments for ``subprocess`` that start a process as this user (with its groups)."""
        if not self.switch:
            return {}
        return {"user": self.uid, "group": self.gid, "extra_groups": list(self.groups)}

    def give(self, *folders):
        """Make the user own these folders and everything in them."""
        if not self.switch:
            return
        for folder in folders:
            for path in [folder, *folder.rglob("*")]:
                os.chown(path, self.uid, self.gid, follow_symlinks=False)

    def can_enter(self, folder):
        result = subprocess.run(["test", "-x", str(folder)], check=False, **self.process_options())
        return result.returncode == 0


def server_user(wanted):
    """The user to run the server as: the current one, or ``wanted`` (created if missing) when run as root."""
    if os.geteuid() != 0:
        entry = pwd.getpwuid(os.geteuid())
        return ServerUser(entry.pw_name, entry.pw_uid, entry.pw_gid)
    name = wanted if _exists(wanted) else _create(wanted)
    entry = pwd.getpwnam(name)
    if entry.pw_uid == 0:
        die("BIBNETZ_ES_USER must not be root")
    return ServerUser(name, entry.pw_uid, entry.pw_gid, tuple(os.getgrouplist(name, entry.pw_gid)), switch=True)


def _exists(name):
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _create(name):
    if not shutil.which("useradd"):
        say("useradd not found; running Elasticsearch as nobody")
        return "nobody"
    say(f"creating system user {name} to run Elasticsearch (it refuses to run as root)")
    command = [
        "useradd",
        "--system",
        "--user-group",
        "--no-create-home",
        "--home-dir",
        "/nonexistent",
        "--shell",
        "/usr/sbin/nologin",
        "--comment",
        "bibnetz test Elasticsearch",
        name,
    ]
    # Another start may have created it in the meantime: then useradd fails and the user is there.
    if subprocess.run(command, check=False).returncode != 0 and not _exists(name):
        die(f"could not create user {name}")
    return name


def check_reachable(user, folder):
    """Stop with advice when ``user`` cannot enter every folder on the way to ``folder``.

    The repository may live below a folder the user cannot enter (e.g. /root, mode 700). Granting
    CAP_DAC_READ_SEARCH does not help: Java checks files with access(), which ignores capabilities.
    """
    if not user.switch:
        return
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    current = Path(folder.anchor)
    for part in folder.parts[1:]:
        current = current / part
        if not user.can_enter(current):
            mode = stat.filemode(current.stat().st_mode)
            die(
                f"user {user.name} (Elasticsearch refuses to run as root) cannot enter {current} ({mode}); run "
                f"'chmod o+x {current}', move the repository, or set BIBNETZ_ES_CACHE to a folder it can reach "
                "(e.g. /var/tmp/bibnetz-elasticsearch)"
            )
