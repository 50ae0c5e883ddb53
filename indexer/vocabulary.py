"""Fixed vocabularies declared once, with their labels: report kinds and scripts.

Templates, the API and the CLI read labels from here; the section-type taxonomy is user data and
lives in ``config.toml`` instead (see :mod:`indexer.structure.taxonomy`).
"""

from __future__ import annotations

KINDS: dict[str, str] = {
    "annual_report": "年度报告",
    "work_summary": "工作总结",
    "work_plan": "工作要点/方案",
    "notice": "通知",
    "other": "其他",
}

SCRIPTS: dict[str, str] = {
    "simplified": "简体",
    "traditional": "繁体",
}

UNKNOWN_REGION = "未知"
