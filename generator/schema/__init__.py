"""Reading and checking the content files: YAML in, typed model out."""
