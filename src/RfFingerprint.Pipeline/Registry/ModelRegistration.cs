using System.Text.Json;
using RfFingerprint.Fingerprinting.Inference;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using FingerprintModelKind = RfFingerprint.Fingerprinting.Inference.ModelKind;
using RegistryModelKind = RfFingerprint.Registry.Entities.ModelKind;

namespace RfFingerprint.Pipeline.Registry;

/// <summary>Records the serving model in the registry, so enrolments and events name the exact model file (by SHA-256).</summary>
public static class ModelRegistration
{
    public static Task<ModelVersion> RegisterAsync(IRegistryStore store, FingerprintModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(model);
        var kind = model.Kind == FingerprintModelKind.Classifier ? RegistryModelKind.Classifier : RegistryModelKind.Embedding;
        var metrics = model.Card?.Metrics is { Count: > 0 } m ? JsonSerializer.Serialize(m) : null;
        return store.RegisterModelVersionAsync(
            new ModelVersionInfo(Path.GetFileName(model.Path), model.Sha256, kind, model.Preprocessing.ToJson(), metrics),
            cancellationToken);
    }
}
