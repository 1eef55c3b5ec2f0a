"""The replica portal: a deterministic, local imitation of the SharePoint e-portal family
that kcn_crawler harvests (see tests/replica/README.md)."""
