"""Site admins: the site-wide report queue and log, and suspending bees."""
