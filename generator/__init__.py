"""prepkit: prep kits for informational interviews, built from YAML."""

__version__ = "0.1.0"
# What `pip install` calls this project (the command it installs is `prepkit`).
DISTRIBUTION = "prepkit-interviews"
