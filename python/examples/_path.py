"""Lets the examples run from a checkout without installing the package."""
import sys
from pathlib import Path

try:
    import cleave  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
