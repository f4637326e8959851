"""drillkit's command line: thin click commands that call the domain and render through ``cli.console``."""
