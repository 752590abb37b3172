"""``python -m smartcity_assess``."""

from smartcity_assess.cli.app import main

main()
