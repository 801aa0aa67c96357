"""The server distribution, fetched once from Maven Central, and the Java it runs on."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from .console import die, say
from .settings import shown

GROUP_AND_ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch"
UNPACKED_MARKER = ".bibnetz-unpacked"
# The oldest Java each major version of Elasticsearch starts on (the integ-test zip brings no JDK).
MINIMUM_JAVA = {8: 17}
_ANSI_COLOURS = re.compile(r"\x1b\[[0-9;]*m")


class Distribution:
    """Elastic's minimal integ-test distribution of one version, unpacked in its own folder."""

    def __init__(self, version, home):
        self.version = version
        self.home = Path(home)

    @property
    def artifact(self):
        return f"{GROUP_AND_ARTIFACT}:{self.version}:zip"

    @property
    def major(self):
        return int(self.version.split(".", 1)[0]) if self.version[:1].isdigit() else None

    @property
    def launcher(self):
        return self.home / "bin" / "elasticsearch"

    def ensure(self):
        """Fetch and unpack the distribution unless an earlier start did."""
        if (self.home / UNPACKED_MARKER).is_file():
            return
        if not shutil.which("mvn"):
            die("Maven (mvn) is needed to fetch Elasticsearch (Debian: apt-get install maven)")
        say(f"fetching {self.artifact} with Maven")
        shutil.rmtree(self.home, ignore_errors=True)
        self.home.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".unpack.", dir=self.home.parent))
        try:
            unpacked = self._fetch_and_unpack(tmp)
            _make_world_readable(unpacked)
            unpacked.rename(self.home)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        (self.home / UNPACKED_MARKER).touch()

    def _fetch_and_unpack(self, tmp):
        log = tmp / "mvn.log"
        # Maven runs in an empty folder so that no project file is picked up; it caches the zip in ~/.m2.
        command = [
            "mvn",
            "-B",
            "-q",
            "dependency:copy",
            f"-Dartifact={self.artifact}",
            "-Dtransitive=false",
            f"-DoutputDirectory={tmp}",
        ]
        with open(log, "wb") as output:
            fetched = subprocess.run(command, cwd=tmp, stdout=output, stderr=subprocess.STDOUT, check=False)
        if fetched.returncode != 0:
            print(_ANSI_COLOURS.sub("", log.read_text(errors="replace")), end="", file=sys.stderr)
            die(f"could not fetch {self.artifact} from Maven Central")
        say(f"unpacking into {shown(self.home)}")
        _unzip_keeping_modes(tmp / f"elasticsearch-{self.version}.zip", tmp)
        unpacked = tmp / f"elasticsearch-{self.version}"
        if not os.access(unpacked / "bin" / "elasticsearch", os.X_OK):
            die("unexpected zip layout")
        return unpacked


def _unzip_keeping_modes(archive, target):
    # zipfile drops the file modes, and bin/elasticsearch must stay executable.
    with zipfile.ZipFile(archive) as zipped:
        for info in zipped.infolist():
            path = zipped.extract(info, target)
            mode = info.external_attr >> 16
            if mode and not info.is_dir():
                os.chmod(path, mode & 0o777)


def _make_world_readable(folder):
    """chmod -R a+rX: the server's user reads the distribution that root unpacked."""
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        executable = path.is_dir() or mode & 0o111
        os.chmod(path, mode | 0o444 | (0o111 if executable else 0))


def java_home(minimum=None):
    """ES_JAVA_HOME, JAVA_HOME or the JDK of ``java`` on PATH; it must be at least Java ``minimum``."""
    home = os.environ.get("ES_JAVA_HOME") or os.environ.get("JAVA_HOME")
    if not home and shutil.which("java"):
        home = str(Path(shutil.which("java")).resolve().parent.parent)
    if not home or not os.access(Path(home) / "bin" / "java", os.X_OK):
        die(
            "no Java found: install a JDK/JRE 17 or newer (Debian: apt-get install openjdk-17-jre-headless) "
            "or set ES_JAVA_HOME"
        )
    found = java_version(home)
    if minimum and found and found < minimum:
        die(f"Java {found} at {home} is too old: this Elasticsearch needs Java {minimum} or newer (set ES_JAVA_HOME)")
    return Path(home)


def java_version(home):
    """The major version in the JDK's ``release`` file, or None when it has none."""
    try:
        release = (Path(home) / "release").read_text(errors="replace")
    except OSError:
        return None
    match = re.search(r'^JAVA_VERSION="(?:1\.)?(\d+)', release, re.MULTILINE)
    return int(match.group(1)) if match else None
