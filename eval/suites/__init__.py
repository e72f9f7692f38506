"""The registry of evaluation suites: name -> module path.

Each module exposes ``run(datasets: pathlib.Path) -> dict[str, float]`` (metric name -> value).
Optional: ``DATASET`` (the sub-folder it reads; the suite is skipped when it is absent) and
``run_detailed(datasets) -> (metrics, pages)`` (per-page records written beside the results).
Add a suite by adding one entry here and its floors to ``eval/floors.json``.
"""

SUITES: dict[str, str] = {
    "aeb": "eval.suites.aeb",
    "trafeval": "eval.suites.trafeval",
    "htmldate": "eval.suites.htmldate",
    "textmode": "eval.suites.textmode",
    "furniture": "eval.suites.furniture",
    "quotes": "eval.suites.quotes",
}
