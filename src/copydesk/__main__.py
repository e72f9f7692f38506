import sys

from copydesk.cli.main import main

sys.exit(main())
