// The writer actor lives here.
