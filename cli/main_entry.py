"""``python -m cli.main_entry``: the same entry point as the ``drillkit`` script, for subprocess tests."""

from cli.main import main

main()
