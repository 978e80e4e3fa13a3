using System.Text;

namespace RfFingerprint.Simulation.Randomness;

/// <summary>
/// Derives child seeds from a parent seed and a path (a label and an index), so every random quantity of a
/// simulation can be regenerated on its own: device i's seed depends only on (population seed, i), never on
/// how many devices there are or in which order they are drawn.
/// </summary>
/// <remarks>
/// Mixing is SplitMix64's finaliser applied to the parent, a stable FNV-1a hash of the label and the index;
/// it does not depend on the .NET version or the process (unlike <see cref="string.GetHashCode()"/>).
/// </remarks>
public static class SeedTree
{
    /// <summary>The child seed of <paramref name="parent"/> named <paramref name="label"/>.</summary>
    public static ulong Derive(ulong parent, string label) => Derive(parent, label, 0);

    /// <summary>The child seed of <paramref name="parent"/> named <paramref name="label"/> and <paramref name="index"/>.</summary>
    public static ulong Derive(ulong parent, string label, long index)
    {
        ArgumentNullException.ThrowIfNull(label);
        ulong h = Mix(parent ^ 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ Fnv1a(label));
        return Mix(h ^ (ulong)index);
    }

    /// <summary>SplitMix64 finaliser: a bijective scrambler of 64-bit values.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Fnv1a(string text)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return hash;
    }
}
