"""Read: find the kit's files, read each safely and validate it into its model."""
