using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RfFingerprint.Registry.Data;

/// <summary>Lets 'dotnet ef migrations add' build the context without a host.</summary>
internal sealed class SqliteRegistryContextFactory : IDesignTimeDbContextFactory<SqliteRegistryContext>
{
    public SqliteRegistryContext CreateDbContext(string[] args) => Create("Data Source=design-time.db");

    public static SqliteRegistryContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteRegistryContext>().UseSqlite(connectionString).Options);
}
