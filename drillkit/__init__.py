"""drillkit's domain: the question model, loading and validation, selection, practice and interview sets.

This package never imports click or rich: the command line lives in ``cli``.
"""

__version__ = "0.1.0"
