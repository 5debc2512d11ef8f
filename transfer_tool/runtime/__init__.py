"""Running the tool: opening the database at start-up, the configuration, writing files whole, and worker processes that never outlive their command."""
