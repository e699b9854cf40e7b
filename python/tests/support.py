"""What the tests share: where the package and the jar are, and one server per test module.

Tests that need the server skip with the reason when no jar or no ``java`` is found (build the
jar with the README's first command, or set ``CLEAVE_JAR``).
"""

import os
import shutil
import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE_ROOT = HERE.parent
REPO_ROOT = PACKAGE_ROOT.parent
if str(PACKAGE_ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(PACKAGE_ROOT))

from cleave import CleaveError, Client, find_jar  # noqa: E402,F401

EXAMPLE_INSTANCE = (REPO_ROOT / "instances" / "src" / "main" / "resources" / "org" / "cleave" / "instances"
                    / "examples" / "resnet18-two-stages.json")


def server_missing_reason():
    """Why the server cannot be started here, or ``None``."""
    try:
        find_jar()
    except FileNotFoundError as e:
        return str(e)
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        return "no java on the PATH and no JAVA_HOME"
    return None


REASON = server_missing_reason()


def requires_server(cls):
    """Skips a test class, with the reason, when the server cannot be started."""
    return unittest.skipIf(REASON is not None, f"needs cleave serve: {REASON}")(cls)


class ServerTestCase(unittest.TestCase):
    """One server for the whole test class (starting a JVM takes about a second)."""

    client: Client

    @classmethod
    def setUpClass(cls):
        cls.client = Client(timeout_seconds=120)

    @classmethod
    def tearDownClass(cls):
        status = cls.client.close()
        if status not in (0, None):
            raise AssertionError(f"cleave serve ended with status {status}; stderr: {cls.client.stderr_tail()}")
