"""gunicorn settings every Apiary server process shares (gunicorn reads this file from the
working directory; command-line options still win)."""

import gc


def post_worker_init(worker):
    """Once the app is loaded, move everything alive into the collector's permanent generation.

    The app's modules, compiled statements and templates live for the whole process; left in
    the tracked generations, a full collection walks them every time and holds the worker, with
    every socket and request on it, for 80-90 ms (measured by ``make bench-realtime``). Frozen,
    collections look at the objects requests make and nothing else.
    """
    gc.collect()
    gc.freeze()
