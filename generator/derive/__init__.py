"""Derive: what the valid kit means on a given day (stages, due follow-ups, agendas,
checklists, the job-search loop). Pure functions of the kit and the day."""
