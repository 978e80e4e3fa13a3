using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Service.Contracts;

/// <summary>A model version the registry has seen.</summary>
/// <param name="Id">Registry id.</param>
/// <param name="FileName">Model file name.</param>
/// <param name="Sha256">SHA-256 of the file.</param>
/// <param name="Kind">"classifier" or "embedding".</param>
/// <param name="RegisteredUtc">When it was first seen.</param>
public sealed record ModelVersionResponse(long Id, string FileName, string Sha256, string Kind, DateTimeOffset RegisteredUtc)
{
    /// <summary>Maps a registry row.</summary>
    public static ModelVersionResponse From(ModelVersion m) =>
        new(m.Id, m.FileName, m.Sha256, m.Kind == ModelKind.Classifier ? "classifier" : "embedding", m.RegisteredUtc);
}
