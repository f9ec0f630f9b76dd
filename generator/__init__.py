"""prepkit: prep kits for informational interviews, built from YAML."""

__version__ = "0.1.0"
