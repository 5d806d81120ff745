"""Self-assessment against the model: the file format, scoring, and reports.

- `format`: the assessment file (what the assessment page exports) and the model version;
- `reading`: reading a file with `path:line` problems;
- `scoring`: scores, gaps and recommended plays (pure functions);
- `view`, `chart`: what a report shows in one language;
- `report`: the standalone HTML or PDF report (`playbook report`);
- `page`, `example`: the assessment page's data and the site's worked example.

Nothing is imported here, so the site map can use `page` and `example` without
pulling in the renderer that `report` needs.
"""
