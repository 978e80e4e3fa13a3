using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using RfFingerprint.OnnxRuntime.Native;

namespace RfFingerprint.OnnxRuntime;

/// <summary>
/// A loaded ONNX model ready to run on the CPU (<c>OrtSession</c>). Inputs are float tensors read in place from
/// caller memory (no copy); outputs are copied out of ONNX Runtime into caller-owned arrays or spans.
/// </summary>
/// <remarks>
/// <para>Thread safety: every <c>Run</c> overload may be called on one session from many threads at once (ONNX Runtime
/// sessions are thread-safe for Run); metadata properties are immutable. <see cref="Dispose"/> may race with a
/// <c>Run</c> in flight: the native session is released when the last run finishes, and later calls throw
/// <see cref="ObjectDisposedException"/>.</para>
/// <para>Batching: a model whose first dimension is dynamic (shape -1 in <see cref="Inputs"/>) takes any batch size N;
/// pass the N examples contiguously with shape <c>[N, ...]</c> and read row i of the result with
/// <see cref="FloatTensor.Row"/>.</para>
/// </remarks>
public sealed unsafe class InferenceSession : IDisposable
{
    private const int FloatElementType = (int)TensorElementType.Float32;

    private readonly OrtEnvironment _environment;
    private readonly OrtApi _api;
    private readonly OrtHandle _session;
    private readonly FrozenDictionary<string, nint> _utf8Names;

    // Keeps the pinned-heap UTF-8 copies whose addresses _utf8Names holds reachable for the session's lifetime.
    private readonly List<byte[]> _pinnedNames = [];

    /// <summary>Loads a model from an ONNX file.</summary>
    /// <param name="modelPath">Path to the <c>.onnx</c> file.</param>
    /// <param name="options">Thread counts and optimisation level; null for the defaults.</param>
    /// <param name="environment">Environment to create the session in; null for <see cref="OrtEnvironment.Shared"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="modelPath"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OnnxRuntimeException">
    /// ONNX Runtime cannot load the model: <see cref="OrtErrorCode.NoSuchFile"/> for a missing file,
    /// <see cref="OrtErrorCode.InvalidProtobuf"/> for a truncated or corrupt one, other codes for invalid graphs.
    /// </exception>
    /// <exception cref="DllNotFoundException">The ONNX Runtime library cannot be loaded.</exception>
    public InferenceSession(string modelPath, SessionOptions? options = null, OrtEnvironment? environment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        (_environment, _api) = Prepare(options, environment);
        nint session;
        GCHandle loggerState;
        using (var sessionOptions = CreateSessionOptions(options ?? new SessionOptions(), out loggerState))
        {
            try
            {
                if (OperatingSystem.IsWindows())
                {
                    // ORTCHAR_T is wchar_t (UTF-16) on Windows.
                    fixed (char* path = modelPath)
                    {
                        _api.Check(_api.CreateSession(_environment.Handle.DangerousGetHandle(), path, sessionOptions.DangerousGetHandle(), &session));
                    }
                }
                else
                {
                    fixed (byte* path = Encoding.UTF8.GetBytes(modelPath + "\0"))
                    {
                        _api.Check(_api.CreateSession(_environment.Handle.DangerousGetHandle(), path, sessionOptions.DangerousGetHandle(), &session));
                    }
                }
            }
            catch
            {
                OrtSessionLogger.Free(ref loggerState);
                throw;
            }
        }

        _session = new OrtHandle(session, _api.ReleaseSession, _environment.Handle, loggerState);
        (Inputs, Outputs, ModelMetadata, _utf8Names) = ReadDescription();
    }

    /// <summary>Loads a model from the bytes of an ONNX file (for example an embedded resource).</summary>
    /// <param name="modelBytes">The whole ONNX file; ONNX Runtime copies what it needs, the span may be reused afterwards.</param>
    /// <param name="options">Thread counts and optimisation level; null for the defaults.</param>
    /// <param name="environment">Environment to create the session in; null for <see cref="OrtEnvironment.Shared"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="modelBytes"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the model (<see cref="OrtErrorCode.InvalidProtobuf"/> for corrupt bytes).</exception>
    /// <exception cref="DllNotFoundException">The ONNX Runtime library cannot be loaded.</exception>
    public InferenceSession(ReadOnlySpan<byte> modelBytes, SessionOptions? options = null, OrtEnvironment? environment = null)
    {
        if (modelBytes.IsEmpty)
        {
            throw new ArgumentException("Model bytes must not be empty.", nameof(modelBytes));
        }

        (_environment, _api) = Prepare(options, environment);
        nint session;
        GCHandle loggerState;
        using (var sessionOptions = CreateSessionOptions(options ?? new SessionOptions(), out loggerState))
        {
            try
            {
                fixed (byte* bytes = modelBytes)
                {
                    _api.Check(_api.CreateSessionFromArray(
                        _environment.Handle.DangerousGetHandle(), bytes, (nuint)modelBytes.Length, sessionOptions.DangerousGetHandle(), &session));
                }
            }
            catch
            {
                OrtSessionLogger.Free(ref loggerState);
                throw;
            }
        }

        _session = new OrtHandle(session, _api.ReleaseSession, _environment.Handle, loggerState);
        (Inputs, Outputs, ModelMetadata, _utf8Names) = ReadDescription();
    }

    /// <summary>The model's inputs in declaration order.</summary>
    public IReadOnlyList<TensorMetadata> Inputs { get; }

    /// <summary>The model's outputs in declaration order.</summary>
    public IReadOnlyList<TensorMetadata> Outputs { get; }

    /// <summary>Producer, version, descriptions and the custom key/value map of the model.</summary>
    public ModelMetadata ModelMetadata { get; }

    /// <summary>The environment this session runs in (gives <see cref="OrtEnvironment.RuntimeVersion"/>).</summary>
    public OrtEnvironment Environment => _environment;

    /// <summary>Runs the model on one float input and returns one float output.</summary>
    /// <param name="inputName">Model input name (see <see cref="Inputs"/>).</param>
    /// <param name="data">Row-major input elements, read in place; length must equal the product of <paramref name="shape"/>.</param>
    /// <param name="shape">Input dimensions, for example <c>[N, 2, 1024]</c> for a batch of N.</param>
    /// <param name="outputName">Model output name (see <see cref="Outputs"/>).</param>
    /// <returns>The output copied into new arrays.</returns>
    /// <exception cref="ArgumentException">A name is empty, a dimension is negative, or the element count does not match the shape.</exception>
    /// <exception cref="OnnxRuntimeException">
    /// ONNX Runtime rejected the run, for example <see cref="OrtErrorCode.InvalidArgument"/> for an unknown input or output
    /// name or a shape the model does not accept.
    /// </exception>
    /// <exception cref="NotSupportedException">The output is not a float tensor.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public FloatTensor Run(string inputName, ReadOnlySpan<float> data, ReadOnlySpan<long> shape, string outputName)
    {
        var output = RunSingle(inputName, data, shape, outputName);
        try
        {
            var outputShape = ReadFloatTensor(output, outputName, out var source);
            return new FloatTensor(source.ToArray(), outputShape);
        }
        finally
        {
            _api.ReleaseValue(output);
        }
    }

    /// <summary>
    /// Runs the model on one float input and copies one float output into <paramref name="destination"/>
    /// (no output allocation besides the returned shape).
    /// </summary>
    /// <param name="inputName">Model input name.</param>
    /// <param name="data">Row-major input elements, read in place; length must equal the product of <paramref name="shape"/>.</param>
    /// <param name="shape">Input dimensions.</param>
    /// <param name="outputName">Model output name.</param>
    /// <param name="destination">Receives the output elements in its first (product of the returned shape) elements.</param>
    /// <returns>The output's shape.</returns>
    /// <exception cref="ArgumentException">
    /// As <see cref="Run(string, ReadOnlySpan{float}, ReadOnlySpan{long}, string)"/>, or <paramref name="destination"/> is
    /// shorter than the output.
    /// </exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the run.</exception>
    /// <exception cref="NotSupportedException">The output is not a float tensor.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public long[] Run(string inputName, ReadOnlySpan<float> data, ReadOnlySpan<long> shape, string outputName, Span<float> destination)
    {
        var output = RunSingle(inputName, data, shape, outputName);
        try
        {
            var outputShape = ReadFloatTensor(output, outputName, out var source);
            if (destination.Length < source.Length)
            {
                throw new ArgumentException(
                    $"Destination holds {destination.Length} elements but output '{outputName}' has {source.Length} (shape [{string.Join(",", outputShape)}]).",
                    nameof(destination));
            }

            source.CopyTo(destination);
            return outputShape;
        }
        finally
        {
            _api.ReleaseValue(output);
        }
    }

    /// <summary>Runs a model that has exactly one input and one output.</summary>
    /// <param name="data">Row-major input elements, read in place.</param>
    /// <param name="shape">Input dimensions.</param>
    /// <returns>The output copied into new arrays.</returns>
    /// <exception cref="InvalidOperationException">The model does not have exactly one input and one output.</exception>
    /// <exception cref="ArgumentException">The element count does not match the shape, or a dimension is negative.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the run.</exception>
    /// <exception cref="NotSupportedException">The output is not a float tensor.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public FloatTensor Run(ReadOnlySpan<float> data, ReadOnlySpan<long> shape)
    {
        if (Inputs.Count != 1 || Outputs.Count != 1)
        {
            throw new InvalidOperationException(
                $"The model has {Inputs.Count} inputs and {Outputs.Count} outputs; name them with another Run overload.");
        }

        return Run(Inputs[0].Name, data, shape, Outputs[0].Name);
    }

    /// <summary>Runs the model on several named float inputs and returns the requested float outputs.</summary>
    /// <param name="inputs">The inputs; their memory is pinned and read in place during the run.</param>
    /// <param name="outputNames">Outputs to compute, in the order they are returned.</param>
    /// <returns>One tensor per entry of <paramref name="outputNames"/>, copied into new arrays.</returns>
    /// <exception cref="ArgumentException">No inputs or outputs, an empty name, or an element count that does not match its shape.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the run.</exception>
    /// <exception cref="NotSupportedException">An output is not a float tensor.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public IReadOnlyList<FloatTensor> Run(IReadOnlyList<FloatTensorInput> inputs, IReadOnlyList<string> outputNames)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputNames);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("At least one input is required.", nameof(inputs));
        }

        if (outputNames.Count == 0)
        {
            throw new ArgumentException("At least one output name is required.", nameof(outputNames));
        }

        var inputValues = new nint[inputs.Count];
        var inputNamePointers = new nint[inputs.Count];
        var outputNamePointers = new nint[outputNames.Count];
        var outputValues = new nint[outputNames.Count];
        var temporaryNames = new List<nint>();
        var pins = new MemoryHandle[inputs.Count];
        try
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i] ?? throw new ArgumentException($"Input {i} is null.", nameof(inputs));
                ArgumentException.ThrowIfNullOrEmpty(input.Name, nameof(inputs));
                var shape = input.Shape.ToArray();
                ValidateShape(input.Data.Length, shape, nameof(inputs));
                nint temporary = 0;
                inputNamePointers[i] = NamePointer(input.Name, ref temporary);
                temporaryNames.Add(temporary);
                pins[i] = input.Data.Pin();
                inputValues[i] = CreateInputTensor((float*)pins[i].Pointer, input.Data.Length, shape);
            }

            for (var i = 0; i < outputNames.Count; i++)
            {
                ArgumentException.ThrowIfNullOrEmpty(outputNames[i], nameof(outputNames));
                nint temporary = 0;
                outputNamePointers[i] = NamePointer(outputNames[i], ref temporary);
                temporaryNames.Add(temporary);
            }

            fixed (nint* inNames = inputNamePointers, inValues = inputValues, outNames = outputNamePointers, outValues = outputValues)
            {
                RunNative((byte**)inNames, inValues, (nuint)inputs.Count, (byte**)outNames, outValues, (nuint)outputNames.Count);
            }

            var results = new FloatTensor[outputNames.Count];
            for (var i = 0; i < results.Length; i++)
            {
                var shape = ReadFloatTensor(outputValues[i], outputNames[i], out var source);
                results[i] = new FloatTensor(source.ToArray(), shape);
            }

            return results;
        }
        finally
        {
            foreach (var value in outputValues)
            {
                _api.ReleaseValue(value);
            }

            foreach (var value in inputValues)
            {
                _api.ReleaseValue(value);
            }

            foreach (var pin in pins)
            {
                pin.Dispose();
            }

            foreach (var name in temporaryNames)
            {
                Marshal.FreeCoTaskMem(name);
            }
        }
    }

    /// <summary>Releases the native session (deferred until runs in flight on other threads have finished).</summary>
    public void Dispose() => _session.Dispose();

    private static (OrtEnvironment Environment, OrtApi Api) Prepare(SessionOptions? options, OrtEnvironment? environment)
    {
        options?.Validate();
        var env = environment ?? OrtEnvironment.Shared;
        ObjectDisposedException.ThrowIf(env.Handle.IsClosed, env);
        return (env, env.Api);
    }

    /// <summary>
    /// Native session options; when a logger is configured, <paramref name="loggerState"/> is the handle that keeps it
    /// reachable from the native callback, to be freed once the session that uses it is released.
    /// </summary>
    private OrtHandle CreateSessionOptions(SessionOptions options, out GCHandle loggerState)
    {
        loggerState = default;
        nint raw;
        _api.Check(_api.CreateSessionOptions(&raw));
        var handle = new OrtHandle(raw, _api.ReleaseSessionOptions);
        try
        {
            _api.Check(_api.SetIntraOpNumThreads(raw, options.IntraOpThreads));
            _api.Check(_api.SetInterOpNumThreads(raw, options.InterOpThreads));
            _api.Check(_api.SetSessionGraphOptimizationLevel(raw, (int)options.OptimizationLevel));
            _api.Check(_api.SetSessionLogSeverityLevel(raw, (int)options.LogLevel));
            if (options.Logger is not null)
            {
                if (_api.SetUserLoggingFunction == null)
                {
                    throw new NotSupportedException(
                        $"SessionOptions.Logger needs ONNX Runtime 1.{OrtApi.HeaderApiVersion} or later; the loaded runtime is {_environment.RuntimeVersion}.");
                }

                loggerState = GCHandle.Alloc(options.Logger);
                _api.Check(_api.SetUserLoggingFunction(raw, &OrtSessionLogger.Log, GCHandle.ToIntPtr(loggerState)));
            }

            return handle;
        }
        catch
        {
            OrtSessionLogger.Free(ref loggerState);
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Runs one input to one output; the caller releases the returned ORT value.</summary>
    private nint RunSingle(string inputName, ReadOnlySpan<float> data, ReadOnlySpan<long> shape, string outputName)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputName);
        ArgumentException.ThrowIfNullOrEmpty(outputName);
        ValidateShape(data.Length, shape, nameof(data));

        nint temporaryInputName = 0;
        nint temporaryOutputName = 0;
        nint inputValue = 0;
        nint outputValue = 0;
        try
        {
            var inputNamePointer = NamePointer(inputName, ref temporaryInputName);
            var outputNamePointer = NamePointer(outputName, ref temporaryOutputName);
            fixed (float* dataPointer = data)
            {
                inputValue = CreateInputTensor(dataPointer, data.Length, shape);
                RunNative((byte**)&inputNamePointer, &inputValue, 1, (byte**)&outputNamePointer, &outputValue, 1);
            }

            var result = outputValue;
            outputValue = 0;
            return result;
        }
        finally
        {
            _api.ReleaseValue(outputValue);
            _api.ReleaseValue(inputValue);
            Marshal.FreeCoTaskMem(temporaryInputName);
            Marshal.FreeCoTaskMem(temporaryOutputName);
        }
    }

    /// <summary>Wraps caller memory as an ORT tensor without copying; the memory must stay pinned until the value is released.</summary>
    private nint CreateInputTensor(float* data, int length, ReadOnlySpan<long> shape)
    {
        nint value;
        fixed (long* dims = shape)
        {
            _api.Check(_api.CreateTensorWithDataAsOrtValue(
                _environment.CpuMemoryInfo, data, (nuint)length * sizeof(float), dims, (nuint)shape.Length, FloatElementType, &value));
        }

        return value;
    }

    private void RunNative(byte** inputNames, nint* inputValues, nuint inputCount, byte** outputNames, nint* outputValues, nuint outputCount)
    {
        var added = false;
        _session.DangerousAddRef(ref added);
        try
        {
            _api.Check(_api.Run(_session.DangerousGetHandle(), 0, inputNames, inputValues, inputCount, outputNames, outputCount, outputValues));
        }
        finally
        {
            _session.DangerousRelease();
        }
    }

    /// <summary>Shape and element view of an ORT-owned float tensor; the view is valid until the value is released.</summary>
    private long[] ReadFloatTensor(nint value, string outputName, out ReadOnlySpan<float> data)
    {
        int kind;
        _api.Check(_api.GetValueType(value, &kind));
        if (kind != (int)OnnxValueKind.Tensor)
        {
            throw new NotSupportedException($"Output '{outputName}' is a {(OnnxValueKind)kind}, not a tensor.");
        }

        nint info;
        _api.Check(_api.GetTensorTypeAndShape(value, &info));
        long[] shape;
        nuint count;
        try
        {
            int elementType;
            _api.Check(_api.GetTensorElementType(info, &elementType));
            if (elementType != FloatElementType)
            {
                throw new NotSupportedException($"Output '{outputName}' has element type {(TensorElementType)elementType}; only Float32 outputs are supported.");
            }

            shape = ReadDimensions(info);
            _api.Check(_api.GetTensorShapeElementCount(info, &count));
        }
        finally
        {
            // Released directly rather than through a SafeHandle: this runs once per inference.
            _api.ReleaseTensorTypeAndShapeInfo(info);
        }

        void* elements;
        _api.Check(_api.GetTensorMutableData(value, &elements));
        data = new ReadOnlySpan<float>(elements, checked((int)count));
        return shape;
    }

    private long[] ReadDimensions(nint tensorInfo)
    {
        nuint rank;
        _api.Check(_api.GetDimensionsCount(tensorInfo, &rank));
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
        {
            _api.Check(_api.GetDimensions(tensorInfo, dims, rank));
        }

        return shape;
    }

    private static void ValidateShape(int elementCount, ReadOnlySpan<long> shape, string parameterName)
    {
        long expected = 1;
        foreach (var dimension in shape)
        {
            if (dimension < 0)
            {
                throw new ArgumentException($"Shape [{string.Join(",", shape.ToArray())}] has a negative dimension.", parameterName);
            }

            expected = checked(expected * dimension);
        }

        if (expected != elementCount)
        {
            throw new ArgumentException(
                $"Input holds {elementCount} elements but shape [{string.Join(",", shape.ToArray())}] needs {expected}.", parameterName);
        }
    }

    /// <summary>
    /// NUL-terminated UTF-8 name: the cached copy for the model's own names; otherwise (a name the runtime will reject
    /// with its own message) a copy in <paramref name="temporary"/> that the caller frees.
    /// </summary>
    private nint NamePointer(string name, ref nint temporary)
    {
        if (_utf8Names.TryGetValue(name, out var cached))
        {
            return cached;
        }

        temporary = Marshal.StringToCoTaskMemUTF8(name);
        return temporary;
    }

    private (IReadOnlyList<TensorMetadata> Inputs, IReadOnlyList<TensorMetadata> Outputs, ModelMetadata Model, FrozenDictionary<string, nint> Names)
        ReadDescription()
    {
        var session = _session.DangerousGetHandle();
        nuint inputCount;
        nuint outputCount;
        _api.Check(_api.SessionGetInputCount(session, &inputCount));
        _api.Check(_api.SessionGetOutputCount(session, &outputCount));

        var inputs = new TensorMetadata[(int)inputCount];
        for (var i = 0; i < inputs.Length; i++)
        {
            byte* name;
            _api.Check(_api.SessionGetInputName(session, (nuint)i, _api.DefaultAllocator, &name));
            var inputName = _api.TakeAllocatedString(name);
            nint typeInfo;
            _api.Check(_api.SessionGetInputTypeInfo(session, (nuint)i, &typeInfo));
            inputs[i] = Describe(inputName, typeInfo);
        }

        var outputs = new TensorMetadata[(int)outputCount];
        for (var i = 0; i < outputs.Length; i++)
        {
            byte* name;
            _api.Check(_api.SessionGetOutputName(session, (nuint)i, _api.DefaultAllocator, &name));
            var outputName = _api.TakeAllocatedString(name);
            nint typeInfo;
            _api.Check(_api.SessionGetOutputTypeInfo(session, (nuint)i, &typeInfo));
            outputs[i] = Describe(outputName, typeInfo);
        }

        var names = new Dictionary<string, nint>(StringComparer.Ordinal);
        foreach (var item in inputs.Concat(outputs))
        {
            if (!names.ContainsKey(item.Name))
            {
                // Pinned-heap copy: its address stays valid for the session's lifetime, so Run passes it without pinning.
                var utf8 = GC.AllocateArray<byte>(Encoding.UTF8.GetByteCount(item.Name) + 1, pinned: true);
                Encoding.UTF8.GetBytes(item.Name, utf8);
                _pinnedNames.Add(utf8);
                names.Add(item.Name, (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(utf8)));
            }
        }

        return (inputs, outputs, ReadModelMetadata(session), names.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private TensorMetadata Describe(string name, nint typeInfo)
    {
        using var typeInfoHandle = new OrtHandle(typeInfo, _api.ReleaseTypeInfo);
        int kind;
        _api.Check(_api.GetOnnxTypeFromTypeInfo(typeInfo, &kind));
        if (kind != (int)OnnxValueKind.Tensor)
        {
            return new TensorMetadata(name, (OnnxValueKind)kind, TensorElementType.Undefined, [], []);
        }

        // Owned by the type info: not released separately.
        nint tensorInfo;
        _api.Check(_api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo));
        int elementType;
        _api.Check(_api.GetTensorElementType(tensorInfo, &elementType));
        var shape = ReadDimensions(tensorInfo);
        var symbols = new nint[shape.Length];
        fixed (nint* symbolPointers = symbols)
        {
            _api.Check(_api.GetSymbolicDimensions(tensorInfo, (byte**)symbolPointers, (nuint)symbols.Length));
        }

        var symbolic = symbols.Select(p => p == 0 ? string.Empty : Marshal.PtrToStringUTF8(p) ?? string.Empty).ToArray();
        return new TensorMetadata(name, OnnxValueKind.Tensor, (TensorElementType)elementType, shape, symbolic);
    }

    private ModelMetadata ReadModelMetadata(nint session)
    {
        nint metadataOut;
        _api.Check(_api.SessionGetModelMetadata(session, &metadataOut));
        using var metadataHandle = new OrtHandle(metadataOut, _api.ReleaseModelMetadata);
        var metadata = metadataOut;
        var allocator = _api.DefaultAllocator;

        string Read(delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> getter)
        {
            byte* value;
            _api.Check(getter(metadata, allocator, &value));
            return _api.TakeAllocatedString(value);
        }

        var producer = Read(_api.ModelMetadataGetProducerName);
        var graphName = Read(_api.ModelMetadataGetGraphName);
        var domain = Read(_api.ModelMetadataGetDomain);
        var description = Read(_api.ModelMetadataGetDescription);
        var graphDescription = Read(_api.ModelMetadataGetGraphDescription);
        long version;
        _api.Check(_api.ModelMetadataGetVersion(metadata, &version));

        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        byte** keys;
        long keyCount;
        _api.Check(_api.ModelMetadataGetCustomMetadataMapKeys(metadata, allocator, &keys, &keyCount));
        if (keys != null)
        {
            try
            {
                for (long i = 0; i < keyCount; i++)
                {
                    var key = Marshal.PtrToStringUTF8((nint)keys[i]) ?? string.Empty;
                    byte* value;
                    _api.Check(_api.ModelMetadataLookupCustomMetadataMap(metadata, allocator, keys[i], &value));
                    custom[key] = _api.TakeAllocatedString(value);
                }
            }
            finally
            {
                for (long i = 0; i < keyCount; i++)
                {
                    _api.ReleaseStatus(_api.AllocatorFree(allocator, keys[i]));
                }

                _api.ReleaseStatus(_api.AllocatorFree(allocator, keys));
            }
        }

        return new ModelMetadata(producer, graphName, domain, description, graphDescription, version, custom.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
