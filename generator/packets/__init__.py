"""Printed prep packets: one PDF per interview, and a booklet of the upcoming ones.

`write_packets` and `write_booklet` are the entry points for the CLI, `write_site_packets` for
the site build; `render_packet_data` is the pure step before Typst lays the packet out.
"""

from generator.packets.build import (
    BOOKLET_NAME,
    checked_ids,
    write_booklet,
    write_packets,
    write_site_packets,
)
from generator.packets.render import (
    PacketOptions,
    render_booklet_data,
    render_packet_data,
    upcoming_interviews,
)

__all__ = [
    "BOOKLET_NAME", "PacketOptions", "checked_ids", "render_booklet_data", "render_packet_data",
    "upcoming_interviews", "write_booklet", "write_packets", "write_site_packets",
]
