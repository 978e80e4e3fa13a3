using System.Text;
using RfFingerprint.Lora.Lorawan;

namespace RfFingerprint.Lora.Tests.Lorawan;

public class LorawanParserTests
{
    private static readonly byte[] Example = Convert.FromHexString("40F17DBE4900020001954378762B11FF0D");
    private static readonly byte[] NwkSKey = Convert.FromHexString("44024241ed4ce9a68c6a8bc055233fd3");
    private static readonly byte[] AppSKey = Convert.FromHexString("ec925802ae430ca77fd3dd73cb2cc588");

    [Fact]
    public void Parses_the_public_example_frame()
    {
        var frame = LorawanParser.Parse(Example);
        Assert.True(frame.IsLorawan);
        Assert.Equal(LorawanMessageType.UnconfirmedDataUp, frame.MessageType);
        Assert.Equal(0, frame.Major);
        Assert.Equal("49BE7DF1", frame.DevAddr!.Value.ToString("X8"));
        Assert.Equal((ushort)2, frame.FCnt);
        Assert.Equal(1, frame.FPort);
        Assert.Equal(0, frame.FOptsLength);
        Assert.Equal(Convert.FromHexString("95437876"), frame.FrmPayload);
        Assert.Equal(0x0DFF112Bu, frame.Mic);
    }

    [Fact]
    public void Without_keys_the_mic_is_reported_unverified()
    {
        Assert.Equal(MicStatus.Unverified, LorawanParser.Parse(Example).MicStatus);
    }

    [Fact]
    public void With_the_session_keys_the_mic_verifies_and_the_payload_decrypts()
    {
        var frame = LorawanParser.Parse(Example, new LorawanKeys(NwkSKey, AppSKey));
        Assert.Equal(MicStatus.Valid, frame.MicStatus);
        Assert.Equal("test", Encoding.ASCII.GetString(frame.DecryptedPayload!));
    }

    [Fact]
    public void A_corrupted_frame_fails_the_mic()
    {
        var corrupted = (byte[])Example.Clone();
        corrupted[9] ^= 0x01;
        Assert.Equal(MicStatus.Invalid, LorawanParser.Parse(corrupted, new LorawanKeys(NwkSKey)).MicStatus);
    }

    [Fact]
    public void Parses_a_join_request_and_verifies_its_mic_with_the_app_key()
    {
        var appKey = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
        var body = Convert.FromHexString("00" + "0807060504030201" + "1817161514131211" + "3412");
        var mac = new byte[16];
        AesCmac.Compute(appKey, body, mac);
        var frameBytes = body.Concat(mac[..4]).ToArray();

        var frame = LorawanParser.Parse(frameBytes, new LorawanKeys(ApplicationKey: appKey));
        Assert.Equal(LorawanMessageType.JoinRequest, frame.MessageType);
        Assert.Equal(0x0102030405060708ul, frame.JoinEui);
        Assert.Equal(0x1112131415161718ul, frame.DevEui);
        Assert.Equal((ushort)0x1234, frame.DevNonce);
        Assert.Equal(MicStatus.Valid, frame.MicStatus);
    }

    [Fact]
    public void Reads_fctrl_flags_and_fopts()
    {
        // FCtrl 0xA2: ADR, ACK, FOptsLen 2.
        var frame = LorawanParser.Parse(Convert.FromHexString("80" + "04030201" + "A2" + "0500" + "0203" + "0A" + "AABB" + "00000000"));
        Assert.Equal(LorawanMessageType.ConfirmedDataUp, frame.MessageType);
        Assert.True(frame.Adr);
        Assert.True(frame.Ack);
        Assert.False(frame.AdrAckReq);
        Assert.Equal(new byte[] { 2, 3 }, frame.FOpts);
        Assert.Equal(10, frame.FPort);
        Assert.Equal((ushort)5, frame.FCnt);
    }

    [Theory]
    [InlineData("48656C6C6F")]
    [InlineData("41F17DBE4900020001954378762B11FF0D")]
    [InlineData("40F17DBE490F0200AABBCCDD")]
    [InlineData("")]
    public void Non_lorawan_payloads_are_reported_as_such_not_thrown(string hex)
    {
        var frame = LorawanParser.Parse(Convert.FromHexString(hex));
        Assert.False(frame.IsLorawan);
        Assert.False(string.IsNullOrEmpty(frame.NotLorawanReason));
    }
}
