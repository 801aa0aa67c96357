"""Run one of the small sites of the tests (``tests.site_without_*``) in a process of its own."""

import json
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent


def site_report(module):
    """What the site module printed as JSON on its last line; its stderr when it failed."""
    result = subprocess.run([sys.executable, "-m", module], cwd=REPOSITORY, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])
