"""Reusable widgets: the country picker, the dashboard's bar chart."""
