namespace RfFingerprint.Simulation.Randomness;

/// <summary>
/// A small, fast, fully specified pseudo-random generator (xoshiro256**, Blackman and Vigna 2018) so that a
/// seed gives the same numbers on every platform and .NET version.
/// </summary>
/// <remarks>Not thread-safe; give each thread (each device, each burst) its own instance from a <see cref="SeedTree"/> seed.</remarks>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareGaussian;

    /// <summary>Creates a generator whose state is expanded from <paramref name="seed"/> with SplitMix64.</summary>
    public SeededRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = Next(ref x);
        _s1 = Next(ref x);
        _s2 = Next(ref x);
        _s3 = Next(ref x);

        static ulong Next(ref ulong state)
        {
            state += 0x9E3779B97F4A7C15UL;
            return SeedTree.Mix(state);
        }
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)((NextUInt64() >> 33) % (ulong)maxExclusive);
    }

    /// <summary>+1 or -1 with equal probability.</summary>
    public double Sign() => (NextUInt64() & 1) == 0 ? 1.0 : -1.0;

    /// <summary>Standard normal (Box-Muller, both outputs used).</summary>
    public double Gaussian()
    {
        if (_spareGaussian is { } spare)
        {
            _spareGaussian = null;
            return spare;
        }

        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        double angle = 2.0 * Math.PI * u2;
        _spareGaussian = r * Math.Sin(angle);
        return r * Math.Cos(angle);
    }

    /// <summary>Normal with mean <paramref name="mean"/> and standard deviation <paramref name="sigma"/>.</summary>
    public double Gaussian(double mean, double sigma) => mean + (sigma * Gaussian());

    /// <summary>Fills <paramref name="destination"/> with random bytes.</summary>
    public void NextBytes(Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (byte)(NextUInt64() >> 56);
        }
    }
}
