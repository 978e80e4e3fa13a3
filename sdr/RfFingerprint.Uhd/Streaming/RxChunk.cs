using RfFingerprint.Uhd.Device;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>Result of one receive call: how many samples, UHD's error code, and the first sample's device time.</summary>
internal readonly record struct RxChunk(int SampleCount, UhdRxMetadataError Error, UhdTimeSpec? Time);
