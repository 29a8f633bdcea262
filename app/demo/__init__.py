"""The demo network that ``make run`` loads on first start (content written for Apiary)."""
