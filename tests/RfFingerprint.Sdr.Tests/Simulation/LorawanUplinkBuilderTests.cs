using RfFingerprint.Simulation.Lorawan;

namespace RfFingerprint.Sdr.Tests.Simulation;

public sealed class LorawanUplinkBuilderTests
{
    [Fact]
    public void Reproduces_the_public_example_frame_from_its_session_keys()
    {
        // The frame quoted in SIGNALS.md; its keys and plaintext ("test") are the ones published with it by the lora-packet project.
        var nwkSKey = Convert.FromHexString("44024241ED4CE9A68C6A8BC055233FD3");
        var appSKey = Convert.FromHexString("EC925802AE430CA77FD3DD73CB2CC588");

        var frame = LorawanUplinkBuilder.Build(0x49BE7DF1, 2, 1, "test"u8, nwkSKey, appSKey);

        Assert.Equal("40F17DBE4900020001954378762B11FF0D", Convert.ToHexString(frame));
    }

    [Theory]
    [InlineData("", "BB1D6929E95937287FA37D129B756746")]
    [InlineData("6BC1BEE22E409F96E93D7E117393172A", "070A16B46B4D4144F79BDD9DD04A287C")]
    [InlineData("6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411", "DFA66747DE9AE63030CA32611497C827")]
    public void Aes_cmac_matches_rfc_4493_vectors(string messageHex, string expectedHex)
    {
        var key = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");

        Assert.Equal(expectedHex, Convert.ToHexString(AesCmac.Compute(key, Convert.FromHexString(messageHex))));
    }
}
