namespace RfFingerprint.Uhd.Tests.TestSupport;

/// <summary>Tests that change process environment variables run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
