using System.Globalization;
using System.Security.Cryptography;
using RfFingerprint.Registry.Data;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Registry.Store;

internal sealed partial class RegistryStore
{
    public Task<CreatedApiKey> CreateApiKeyAsync(string name, ApiKeyRole role, CancellationToken cancellationToken = default)
    {
        Identifiers.RequireText(name, 200, nameof(name));
        var roleText = EnumText.Of(role);
        var (prefix, secret, plaintext) = ApiKeyHasher.Generate();
        var salt = RandomNumberGenerator.GetBytes(ApiKeyHasher.SaltBytes);
        var hash = ApiKeyHasher.Hash(salt, secret);
        return WriteAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.Command(
                    """
                    INSERT INTO api_keys (name, prefix, salt, hash, role, created_utc)
                    VALUES (@name, @prefix, @salt, @hash, @role, @now)
                    RETURNING id
                    """,
                    transaction)
                    .With("@name", name).With("@prefix", prefix).With("@salt", salt).With("@hash", hash)
                    .With("@role", roleText).With("@now", _dialect.ToDb(Now()));
                var id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                return new CreatedApiKey(id, prefix, plaintext, role);
            },
            cancellationToken);
    }

    public Task<ApiKeyRole?> VerifyApiKeyAsync(string plaintextKey, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyHasher.TryParse(plaintextKey, out var prefix, out var secret))
        {
            return Task.FromResult<ApiKeyRole?>(null);
        }

        return ReadAsync<ApiKeyRole?>(
            async connection =>
            {
                await using var select = connection.Command(
                    "SELECT salt, hash, role FROM api_keys WHERE prefix = @prefix AND revoked_utc IS NULL").With("@prefix", prefix);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }

                var salt = reader.GetFieldValue<byte[]>(0);
                var hash = reader.GetFieldValue<byte[]>(1);
                return ApiKeyHasher.Matches(salt, hash, secret) ? EnumText.ToApiKeyRole(reader.GetString(2)) : null;
            },
            cancellationToken);
    }

    public Task<bool> RevokeApiKeyAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return WriteAsync(
            async (connection, transaction) =>
            {
                await using var update = connection.Command(
                    "UPDATE api_keys SET revoked_utc = @now WHERE prefix = @prefix AND revoked_utc IS NULL", transaction)
                    .With("@now", _dialect.ToDb(Now())).With("@prefix", prefix);
                return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ApiKeySummary>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ApiKeySummary>>(
            async connection =>
            {
                var keys = new List<ApiKeySummary>();
                await using var select = connection.Command("SELECT id, name, prefix, role, created_utc, revoked_utc FROM api_keys ORDER BY id");
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    keys.Add(new ApiKeySummary(
                        reader.GetInt64(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        EnumText.ToApiKeyRole(reader.GetString(3)),
                        _dialect.ReadTime(reader, 4),
                        _dialect.ReadNullableTime(reader, 5)));
                }

                return keys;
            },
            cancellationToken);
}
