namespace RfFingerprint.Registry.Tests.Store;

/// <summary>
/// The registry contract on the PostgreSQL server named by RFFP_TEST_POSTGRES (start one with .ci/postgres.sh);
/// every test fails, with that instruction, when the variable is missing.
/// </summary>
public sealed class PostgresRegistryStoreTests() : RegistryStoreContract(RegistryProvider.PostgreSql);
