from claimtrace.loaders.cli import main

raise SystemExit(main())
