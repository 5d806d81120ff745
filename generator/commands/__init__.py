"""The `playbook` subcommands: one module each, each with `register(commands, common)`."""
