"""vnrok-etl: news articles to structured, deduplicated records in a DuckDB warehouse."""

__version__ = "0.1.0"
