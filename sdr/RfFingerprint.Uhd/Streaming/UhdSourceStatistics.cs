namespace RfFingerprint.Uhd.Streaming;

/// <summary>A snapshot of a <see cref="UhdIqSource"/>'s counters since it was created (for health checks and metrics).</summary>
/// <param name="SamplesReceived">Samples received from the device.</param>
/// <param name="SamplesDelivered">Samples handed to the consumer.</param>
/// <param name="BlocksDelivered">Blocks handed to the consumer.</param>
/// <param name="SamplesDropped">Samples received but discarded because the consumer held every buffer.</param>
/// <param name="BlocksDropped">Blocks discarded for the same reason.</param>
/// <param name="Overflows">Overflow reports from UHD (the host did not read fast enough, or packets were lost on the network).</param>
/// <param name="SamplesLost">Samples that never reached the host: gaps measured from receive time stamps (overflows, reconnections).</param>
/// <param name="Timeouts">Receive calls that timed out.</param>
/// <param name="ReceiveErrors">Receive calls with another error code (late command, broken chain, alignment, bad packet).</param>
/// <param name="Retries">Retries of opening the device after a failed attempt.</param>
/// <param name="Reconnects">Times a streaming device was lost and reopened.</param>
public readonly record struct UhdSourceStatistics(
    long SamplesReceived,
    long SamplesDelivered,
    long BlocksDelivered,
    long SamplesDropped,
    long BlocksDropped,
    long Overflows,
    long SamplesLost,
    long Timeouts,
    long ReceiveErrors,
    long Retries,
    long Reconnects);
