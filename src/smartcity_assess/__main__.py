"""``python -m smartcity_assess``."""

from smartcity_assess.cli.entry import main

main()
