namespace RfFingerprint.Lora.Synchronization;

/// <summary>States of the <see cref="FrameSynchronizer"/>.</summary>
public enum SynchronizerState
{
    /// <summary>Integrating one-symbol windows, waiting for a preamble.</summary>
    Searching,

    /// <summary>Preamble seen; tracking its bin and looking for the down-chirps of the SFD.</summary>
    AwaitingSfd,

    /// <summary>SFD seen; waiting for samples to locate the frame and estimate CFO, timing and SNR.</summary>
    Refining,

    /// <summary>Synchronised; demodulating header and payload chirps as samples arrive.</summary>
    Demodulating,
}
