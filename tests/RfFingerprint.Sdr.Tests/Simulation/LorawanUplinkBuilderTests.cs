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
}
