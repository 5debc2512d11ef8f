"""Qt item models that adapt service results (ids, rows, plain dataclasses) for views."""
