#!/usr/bin/env python3
"""Entry point of the llmops reference trainer: `python3 trainers/reference/train.py --help`."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from llmops_ref.train import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
