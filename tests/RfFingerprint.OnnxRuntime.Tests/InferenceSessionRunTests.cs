using Xunit.Abstractions;

namespace RfFingerprint.OnnxRuntime.Tests;

public sealed class InferenceSessionRunTests(ITestOutputHelper output)
{
    [Fact]
    public void SingleExampleMatchesPyTorch()
    {
        var example = TestModel.Case("single");
        using var session = new InferenceSession(TestModel.ModelPath);
        output.WriteLine($"ONNX Runtime {session.Environment.RuntimeVersion} (API {session.Environment.ApiVersion}) from {session.Environment.LibraryPath}");

        var (data, shape) = session.Run(TestModel.Expected.InputName, example.Input, example.InputShape, TestModel.Expected.OutputName);

        Assert.Equal(example.OutputShape, shape);
        TestModel.AssertClose(example.Output, data);
    }

    [Fact]
    public void BatchWithDynamicFirstDimensionMatchesPyTorch()
    {
        var batch = TestModel.Case("batch5");
        using var session = new InferenceSession(TestModel.ModelPath);

        var result = session.Run(TestModel.Expected.InputName, batch.Input, batch.InputShape, TestModel.Expected.OutputName);

        Assert.Equal([5L, 3L], result.Shape);
        TestModel.AssertClose(batch.Output, result.Data);
    }

    [Fact]
    public void BatchRowsEqualTheSameExamplesRunOneByOne()
    {
        var batch = TestModel.Case("batch5");
        using var session = new InferenceSession(TestModel.ModelPath);
        var batched = session.Run(TestModel.Expected.InputName, batch.Input, batch.InputShape, TestModel.Expected.OutputName);
        var exampleLength = batch.Input.Length / 5;

        for (var i = 0; i < 5; i++)
        {
            var single = session.Run(
                TestModel.Expected.InputName,
                batch.Input.AsSpan(i * exampleLength, exampleLength),
                [1, batch.InputShape[1], batch.InputShape[2]],
                TestModel.Expected.OutputName);
            TestModel.AssertClose(batched.Row(i).ToArray(), single.Data);
        }
    }

    [Fact]
    public void RunIntoCallerSpanWritesOutputAndReturnsShape()
    {
        var batch = TestModel.Case("batch5");
        using var session = new InferenceSession(TestModel.ModelPath);
        var destination = new float[batch.Output.Length + 4];
        Array.Fill(destination, float.NaN);

        var shape = session.Run(TestModel.Expected.InputName, batch.Input, batch.InputShape, TestModel.Expected.OutputName, destination);

        Assert.Equal(batch.OutputShape, shape);
        TestModel.AssertClose(batch.Output, destination.AsSpan(0, batch.Output.Length));
        Assert.All(destination[batch.Output.Length..], v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void SingleInputSingleOutputOverloadUsesTheModelsOnlyNames()
    {
        var example = TestModel.Case("single");
        using var session = new InferenceSession(TestModel.ModelPath);

        var result = session.Run(example.Input, example.InputShape);

        TestModel.AssertClose(example.Output, result.Data);
    }

    [Fact]
    public void NamedInputsOverloadMatchesPyTorch()
    {
        var batch = TestModel.Case("batch5");
        using var session = new InferenceSession(TestModel.ModelPath);

        var results = session.Run(
            [new FloatTensorInput(TestModel.Expected.InputName, batch.Input, batch.InputShape)],
            [TestModel.Expected.OutputName]);

        var result = Assert.Single(results);
        Assert.Equal(batch.OutputShape, result.Shape);
        TestModel.AssertClose(batch.Output, result.Data);
    }

    [Fact]
    public void SessionFromBytesGivesTheSameOutputsAsFromFile()
    {
        var batch = TestModel.Case("batch5");
        using var session = new InferenceSession(File.ReadAllBytes(TestModel.ModelPath));

        var result = session.Run(TestModel.Expected.InputName, batch.Input, batch.InputShape, TestModel.Expected.OutputName);

        TestModel.AssertClose(batch.Output, result.Data);
    }

    [Theory]
    [InlineData(GraphOptimizationLevel.DisableAll)]
    [InlineData(GraphOptimizationLevel.Basic)]
    [InlineData(GraphOptimizationLevel.All)]
    public void EveryOptimisationLevelWithOneThreadMatchesPyTorch(GraphOptimizationLevel level)
    {
        var batch = TestModel.Case("batch5");
        using var session = new InferenceSession(
            TestModel.ModelPath, new SessionOptions { IntraOpThreads = 1, InterOpThreads = 1, OptimizationLevel = level });

        var result = session.Run(TestModel.Expected.InputName, batch.Input, batch.InputShape, TestModel.Expected.OutputName);

        TestModel.AssertClose(batch.Output, result.Data);
    }

    [Fact]
    public void OneSessionRunFromManyThreadsAtOnceGivesEveryCallerItsOwnCorrectResult()
    {
        const int threads = 8;
        const int runsPerThread = 40;
        var cases = TestModel.Expected.Cases;
        using var session = new InferenceSession(TestModel.ModelPath, new SessionOptions { IntraOpThreads = 1 });
        using var start = new Barrier(threads);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var completed = 0;

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var run = 0; run < runsPerThread; run++)
            {
                // Threads walk the cases in different orders, so concurrent runs see different batch sizes.
                var example = cases[(t + run) % cases.Count];
                var result = session.Run(TestModel.Expected.InputName, example.Input, example.InputShape, TestModel.Expected.OutputName);
                var worst = example.Output.Zip(result.Data, (e, a) => Math.Abs(e - a)).Max();
                if (!result.Shape.SequenceEqual(example.OutputShape) || worst > TestModel.Tolerance)
                {
                    failures.Enqueue($"thread {t} run {run} case {example.Name}: shape [{string.Join(",", result.Shape)}], max error {worst}");
                }

                Interlocked.Increment(ref completed);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Empty(failures);
        Assert.Equal(threads * runsPerThread, completed);
    }

    [Fact]
    public void DisposingWhileOtherThreadsRunEndsThemWithObjectDisposedAndNothingElse()
    {
        const int threads = 4;
        var example = TestModel.Case("batch5");
        var session = new InferenceSession(TestModel.ModelPath, new SessionOptions { IntraOpThreads = 1 });
        using var running = new CountdownEvent(threads);
        var endings = new System.Collections.Concurrent.ConcurrentQueue<Exception?>();

        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            var signalled = false;
            try
            {
                while (true)
                {
                    var result = session.Run(TestModel.Expected.InputName, example.Input, example.InputShape, TestModel.Expected.OutputName);
                    TestModel.AssertClose(example.Output, result.Data);
                    if (!signalled)
                    {
                        running.Signal();
                        signalled = true;
                    }
                }
            }
            catch (Exception e)
            {
                endings.Enqueue(e);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        running.Wait();
        session.Dispose();
        workers.ForEach(w => w.Join());

        Assert.Equal(threads, endings.Count);
        Assert.All(endings, e => Assert.IsType<ObjectDisposedException>(e));
    }
}
