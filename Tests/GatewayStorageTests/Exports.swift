// The shared test support (seeded randomness, temporary directories, fakes) for every file of this target.
@_exported import GatewayTesting
