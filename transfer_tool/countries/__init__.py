"""Country profiles: every destination's status under each regime, government access, APPI items."""
