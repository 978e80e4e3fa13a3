using MathNet.Numerics;
using RfFingerprint.Lora.Synchronization;

namespace RfFingerprint.Lora.Tests.Synchronization;

public class CfoCompensationTests
{
    [Fact]
    public void Removing_a_tones_frequency_and_phase_leaves_a_constant()
    {
        const double cfoHz = 12_345.6;
        const double phaseRad = 0.7;
        var tone = Enumerable.Range(0, 50_000)
            .Select(n => Complex32.FromPolarCoordinates(1, (float)(((2 * Math.PI * cfoHz * n / 1e6) + phaseRad) % (2 * Math.PI))))
            .ToArray();
        var output = new Complex32[tone.Length];
        CfoCompensation.Apply(tone, output, cfoHz, 1e6, phaseRad);
        Assert.All(output, y => Assert.True((y - Complex32.One).Magnitude < 1e-4));
    }

    [Fact]
    public void Works_in_place()
    {
        var data = Enumerable.Repeat(Complex32.One, 4000).ToArray();
        CfoCompensation.Apply(data, data, -250, 1000);
        Assert.True((data[1] - Complex32.FromPolarCoordinates(1, (float)(Math.PI / 2))).Magnitude < 1e-5);
        Assert.True((data[3999] - Complex32.FromPolarCoordinates(1, (float)(3999 * Math.PI / 2 % (2 * Math.PI)))).Magnitude < 1e-4);
    }

    [Fact]
    public void A_length_that_is_not_a_multiple_of_four_is_mixed_to_its_last_sample()
    {
        var data = Enumerable.Repeat(Complex32.One, 1027).ToArray();
        CfoCompensation.Apply(data, data, 123.4, 1000, 0.3);
        for (var n = 1020; n < data.Length; n++)
        {
            var expected = Complex32.FromPolarCoordinates(1, (float)(-((2 * Math.PI * 123.4 * n / 1000) + 0.3) % (2 * Math.PI)));
            Assert.True((data[n] - expected).Magnitude < 1e-5, $"sample {n}");
        }
    }

    [Fact]
    public void Rejects_a_short_output()
    {
        Assert.Throws<ArgumentException>(() => CfoCompensation.Apply(new Complex32[4], new Complex32[3], 1, 1));
    }
}
