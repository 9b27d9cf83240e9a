#!/usr/bin/env python3
"""Build, check or serve the catalogue: python build.py [build|check|serve] --help"""

from catalogue.cli import leave, main

if __name__ == "__main__":
    leave(main())
