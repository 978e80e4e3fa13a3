namespace RfFingerprint.Lora.Lorawan;

/// <summary>LoRaWAN MType (top three bits of MHDR).</summary>
public enum LorawanMessageType
{
    /// <summary>0: Join-request.</summary>
    JoinRequest = 0,

    /// <summary>1: Join-accept (encrypted with the AppKey).</summary>
    JoinAccept = 1,

    /// <summary>2: Unconfirmed Data Up.</summary>
    UnconfirmedDataUp = 2,

    /// <summary>3: Unconfirmed Data Down.</summary>
    UnconfirmedDataDown = 3,

    /// <summary>4: Confirmed Data Up.</summary>
    ConfirmedDataUp = 4,

    /// <summary>5: Confirmed Data Down.</summary>
    ConfirmedDataDown = 5,

    /// <summary>6: RFU (Rejoin-request in 1.1).</summary>
    Rfu = 6,

    /// <summary>7: Proprietary.</summary>
    Proprietary = 7,
}
