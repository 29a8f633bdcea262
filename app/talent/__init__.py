"""The talent network: recruiters and editors finding bees by skills, interests and hives."""
