"""The one way prepkit writes to disk, and the guards every write passes through.

Every command that writes (build, serve, export, packets, calendar, schema, init, new)
asks this package for its target, so the promises hold for every route at once:

- `fence`: never onto the kit folder, its `content/`, its `.git` or any folder holding the
  kit; never inside `content/` (except `new` and `init`, which never overwrite); never into
  a site built for another audience.
- `owned`: a folder prepkit writes carries a marker naming what it holds; prepkit replaces
  or deletes only inside such a folder (or an empty one), and only what it wrote there.
- `lock`: one run at a time writes a kit's outputs; a second one waits for the first.
"""

from generator.output.fence import MARKER, Audience, Fence, UnsafeOutput
from generator.output.lock import kit_lock
from generator.output.owned import (
    OwnedFolder,
    WriteStats,
    claim_cache,
    publish_folder,
    write_new_file,
    write_single_file,
)

__all__ = ["MARKER", "Audience", "Fence", "OwnedFolder", "UnsafeOutput", "WriteStats",
           "claim_cache", "kit_lock", "publish_folder", "write_new_file", "write_single_file"]
