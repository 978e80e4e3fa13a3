using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RfFingerprint.Registry.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as microseconds since 1970-01-01T00:00Z (the offset is dropped).</summary>
internal sealed class UnixMicrosecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => ToMicroseconds(value),
    micros => FromMicroseconds(micros))
{
    public static long ToMicroseconds(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset FromMicroseconds(long micros) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
}
