from transfer_tool.cli import main

raise SystemExit(main())
