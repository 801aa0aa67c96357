#!/usr/bin/env python
"""Django's command-line utility for the example site; development settings by default."""

import os
import sys


def main():
    """Run a management command with the example site's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
