using RfFingerprint.Simulation;
using RfFingerprint.Simulation.Randomness;

namespace RfFingerprint.Sdr.Tests.Simulation;

public sealed class SeedTreeTests
{
    [Fact]
    public void Derived_seeds_are_pinned_and_distinct_per_path()
    {
        // Pinned so that a change to the derivation (which would change every simulated file) is noticed.
        Assert.Equal(8065605077791809052UL, SeedTree.Derive(1, "device", 3));
        Assert.Equal(1546998764402558742UL, new SeededRandom(42).NextUInt64());
        Assert.NotEqual(SeedTree.Derive(1, "device", 3), SeedTree.Derive(1, "device", 4));
        Assert.NotEqual(SeedTree.Derive(1, "device", 3), SeedTree.Derive(2, "device", 3));
        Assert.NotEqual(SeedTree.Derive(1, "device", 3), SeedTree.Derive(1, "session", 3));
    }

    [Fact]
    public void Generator_sequence_is_reproducible_from_the_seed()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);

        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.NextUInt64()), Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void Gaussian_draws_have_unit_variance()
    {
        var random = new SeededRandom(7);
        var values = Enumerable.Range(0, 100_000).Select(_ => random.Gaussian()).ToArray();
        double mean = values.Average();
        double variance = values.Select(v => (v - mean) * (v - mean)).Average();

        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(variance, 0.98, 1.02);
    }

    [Fact]
    public void Device_hardware_does_not_depend_on_the_population_size_or_draw_order()
    {
        var population = new DevicePopulation(99);
        var late = population.Device(7);
        _ = population.Device(0);

        var again = new DevicePopulation(99).Device(7);

        Assert.Equal(late.Hardware, again.Hardware);
        Assert.Equal(late.DevAddr, again.DevAddr);
        Assert.Equal(late.NwkSKey, again.NwkSKey);
    }

    [Fact]
    public void Different_devices_get_different_hardware_and_addresses()
    {
        var population = new DevicePopulation(1);
        var devices = Enumerable.Range(0, 50).Select(population.Device).ToList();

        Assert.Equal(50, devices.Select(d => d.DevAddr).Distinct().Count());
        Assert.Equal(50, devices.Select(d => d.Hardware.Oscillator.CrystalPpm).Distinct().Count());
        Assert.All(devices, d => Assert.Equal(0x26000000u, d.DevAddr & 0xFE000000u));
    }
}
