namespace RfFingerprint.Registry.Tests;

public sealed class RegistryConnectionTests
{
    [Fact]
    public void Parse_PlainPath_SelectsSqliteWithAbsoluteFile()
    {
        var connection = RegistryConnection.Parse("registry/rffp.db");

        Assert.Equal(RegistryProvider.Sqlite, connection.Provider);
        Assert.Equal(Path.GetFullPath("registry/rffp.db"), connection.Location);
    }

    [Fact]
    public void Parse_DataSourceKeywords_SelectsSqliteAndKeepsOtherKeywords()
    {
        var connection = RegistryConnection.Parse("Data Source=/var/lib/rffp/registry.db;Cache=Shared");

        Assert.Equal(RegistryProvider.Sqlite, connection.Provider);
        Assert.Equal("/var/lib/rffp/registry.db", connection.Location);
        Assert.Contains("Cache=Shared", connection.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostKeywords_SelectsPostgreSql()
    {
        var connection = RegistryConnection.Parse("Host=db.example;Port=5433;Username=rffp;Password=secret;Database=registry");

        Assert.Equal(RegistryProvider.PostgreSql, connection.Provider);
        Assert.Equal("db.example:5433/registry", connection.Location);
    }

    [Fact]
    public void Parse_PostgresUrl_BecomesKeywordConnectionString()
    {
        var connection = RegistryConnection.Parse("postgres://rffp:p%40ss@127.0.0.1:55432/rffp_test?sslmode=disable");

        Assert.Equal(RegistryProvider.PostgreSql, connection.Provider);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal("127.0.0.1", builder.Host);
        Assert.Equal(55432, builder.Port);
        Assert.Equal("rffp", builder.Username);
        Assert.Equal("p@ss", builder.Password);
        Assert.Equal("rffp_test", builder.Database);
        Assert.Equal(Npgsql.SslMode.Disable, builder.SslMode);
        Assert.DoesNotContain("p@ss", connection.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(":memory:")]
    [InlineData("Data Source=:memory:")]
    public void Parse_EmptyOrInMemory_Throws(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => RegistryConnection.Parse(value));

        Assert.Equal("value", error.ParamName);
    }
}
