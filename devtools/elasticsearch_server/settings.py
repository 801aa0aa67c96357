"""The tool's settings, read once from the environment, and the folders they put the server's files in."""

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .console import die

REPO_ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
CLUSTER_NAME = "bibnetz-dev"
DEFAULT_VERSION = "8.19.21"
DEFAULT_JAVA_OPTS = "-Xms512m -Xmx512m"
DEFAULT_USER = "bibnetz-es"
STOP_TIMEOUT = 30  # seconds from SIGTERM to SIGKILL
KILL_TIMEOUT = 10  # seconds to wait after SIGKILL
LOCK_TIMEOUT = 300  # seconds another start/stop may hold the lock


def _whole_number(environ, name, default, message):
    value = environ.get(name) or default
    if not re.fullmatch(r"[0-9]+", value):
        die(message.format(value=value))
    return int(value)


@dataclass(frozen=True)
class Settings:
    """What the environment asks for; every verb reads the same, so give each one the same variables."""

    version: str
    port: int
    java_opts: str
    start_timeout: int
    user: str
    base: Path

    @classmethod
    def from_environment(cls, environ=os.environ):
        port = _whole_number(environ, "BIBNETZ_ES_PORT", "9200", "BIBNETZ_ES_PORT must be a port number, not '{value}'")
        start_timeout = _whole_number(
            environ, "BIBNETZ_ES_START_TIMEOUT", "120", "BIBNETZ_ES_START_TIMEOUT must be a number of seconds"
        )
        return cls(
            version=environ.get("BIBNETZ_ES_VERSION") or DEFAULT_VERSION,
            port=port,
            java_opts=environ.get("BIBNETZ_ES_JAVA_OPTS") or DEFAULT_JAVA_OPTS,
            start_timeout=start_timeout,
            user=environ.get("BIBNETZ_ES_USER") or DEFAULT_USER,
            base=Path(environ.get("BIBNETZ_ES_CACHE") or REPO_ROOT / ".cache" / "elasticsearch").absolute(),
        )

    @property
    def distribution_dir(self):
        return self.base / self.version

    @property
    def data_dir(self):
        return self.base / "data"

    @property
    def logs_dir(self):
        return self.base / "logs"

    @property
    def run_dir(self):
        return self.base / "run"

    @property
    def lock_file(self):
        return self.base / ".lock"


def shown(path):
    """A path as messages show it: relative to the repository when it lies inside."""
    try:
        return str(Path(path).relative_to(REPO_ROOT))
    except ValueError:
        return str(path)
