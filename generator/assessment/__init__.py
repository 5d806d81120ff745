"""Self-assessment against the model: pure domain logic, no pages and no files written.

- `format`: which model version a file answers, the ratings it may hold, notes by language
  (the file's shape is `schema.assessment`);
- `reading`: reading a file against the model, with `path:line` problems;
- `scoring`: scores, gaps and recommended plays (pure functions);
- `comparison`: a follow-up against its baseline, statement by statement and per group;
- `example`: the site's worked example, read into the model.

What a report shows is `render.report_view` and `render.chart`; the assessment page's
data `render.assessment_page`; the standalone report `render.report` (HTML) and
`print.report` (PDF).
"""
