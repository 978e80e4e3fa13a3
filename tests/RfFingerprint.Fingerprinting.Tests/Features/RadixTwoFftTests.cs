using RfFingerprint.Fingerprinting.Features;

namespace RfFingerprint.Fingerprinting.Tests.Features;

public class RadixTwoFftTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(256)]
    public void Forward_MatchesDirectDft(int size)
    {
        var random = new Random(1234);
        var re = new float[size];
        var im = new float[size];
        for (int i = 0; i < size; i++)
        {
            re[i] = (float)(random.NextDouble() - 0.5);
            im[i] = (float)(random.NextDouble() - 0.5);
        }

        var expectedRe = new double[size];
        var expectedIm = new double[size];
        for (int k = 0; k < size; k++)
        {
            for (int n = 0; n < size; n++)
            {
                double angle = -2 * Math.PI * k * n / size;
                expectedRe[k] += (re[n] * Math.Cos(angle)) - (im[n] * Math.Sin(angle));
                expectedIm[k] += (re[n] * Math.Sin(angle)) + (im[n] * Math.Cos(angle));
            }
        }

        new RadixTwoFft(size).Forward(re, im);

        for (int k = 0; k < size; k++)
        {
            Assert.Equal(expectedRe[k], re[k], 1e-3);
            Assert.Equal(expectedIm[k], im[k], 1e-3);
        }
    }

    [Fact]
    public void Constructor_RejectsSizeThatIsNotPowerOfTwo()
    {
        var e = Assert.Throws<ArgumentException>(() => new RadixTwoFft(96));
        Assert.Contains("power of two", e.Message, StringComparison.Ordinal);
    }
}
