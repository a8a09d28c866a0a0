"""`python -m slatui.cli`: the same entry point as the `slatui` command."""

from slatui.cli.main import main

main()
