"""Direct messages: one-to-one conversations between bees."""
