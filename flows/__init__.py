"""Prefect flows over the vnrok_etl library.

Prefect reads its settings when it is first imported, so the project's defaults are set here,
before any flow module imports it: Prefect's home inside the project (git-ignored), no analytics
(no network at run time), a start-up limit the embedded server actually meets on these machines
(10-33 s measured; the default 20 s times out), and a task-run recorder batch large enough for
bursts. Anything already set in the environment wins.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]

PREFECT_DEFAULTS = {
    "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "200",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
}

for _name, _value in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_name, _value)
