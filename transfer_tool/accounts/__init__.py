"""People: accounts and their roles, what each role may do, and their PostgreSQL login roles in team mode."""
