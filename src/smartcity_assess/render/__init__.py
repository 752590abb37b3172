"""Renderers of scores for machines and terminals-free outputs (JSON, CSV, Markdown)."""
