"""The last step of the main job: the results table as a Prefect artifact beside the flow run."""

from __future__ import annotations

from prefect import task
from prefect.artifacts import create_markdown_artifact

from flutter_rl.reporting import results_markdown, run_link


@task(name="publish-report")
def publish_report(summary: dict, tracking_uri: str) -> str:
    """Attach the overall table (render rate, visual, combined per checkpoint) to the flow run."""
    markdown = results_markdown(summary["overall"], run_link(tracking_uri, summary["mlflow_run_id"]))
    create_markdown_artifact(markdown=markdown, key="results", description="checkpoint sweep: overall")
    return markdown
