"""The warehouse as one self-contained HTML page that still reads at 100,000 articles.

- filters.py: which articles, speakers and claims every section is computed from;
- queries.py: the bounded, sorted rows and the aggregates the charts draw, from the views;
- tables.py: the HTML tables, each with the SQL that lists all of its rows;
- charts.py: inline SVG charts that summarise (per period, per claim, per speaker);
- page.py: the page, its filters at the top; text.py: escaping and numbers.
"""

from vnrok_etl.report.filters import ReportFilterError, ReportFilters
from vnrok_etl.report.page import render_report, write_report
from vnrok_etl.report.queries import DEFAULT_ROWS, read_report_data
from vnrok_etl.report.text import format_value

__all__ = [
    "DEFAULT_ROWS", "ReportFilterError", "ReportFilters", "format_value", "read_report_data",
    "render_report", "write_report",
]
