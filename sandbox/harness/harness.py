"""labserver grading harness: runs a lab's checks against one student file.

    /usr/bin/python3 -I harness.py --lab LABDIR --student FILE [--result-fd N] [--list]

The code lives in _harness.py (an imported module, so its compiled form is cached when the
directory is byte-compiled at install time; see labs/README.md).  Result lines are specified in
labs/README.md, section "Result lines".
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _harness  # noqa: E402

if __name__ == "__main__":
    sys.exit(_harness.main(sys.argv[1:]))
