namespace RfFingerprint.Registry.Tests.Store;

/// <summary>The registry contract on a real SQLite file in a temporary folder.</summary>
public sealed class SqliteRegistryStoreTests() : RegistryStoreContract(RegistryProvider.Sqlite);
