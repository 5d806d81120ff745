"""From the model to page sources: pure functions that return text; writing is separate."""
