"""Persistence: engine and sessions, ORM models, migrations, backups. Never imported by ui/."""
