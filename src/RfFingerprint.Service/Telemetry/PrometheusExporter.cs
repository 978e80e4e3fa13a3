using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace RfFingerprint.Service.Telemetry;

/// <summary>
/// Aggregates every instrument of the meters whose name starts with <c>RfFingerprint</c> (the service's, and any the
/// libraries publish) and renders them in the Prometheus text exposition format 0.0.4: counters as
/// <c>_total</c> sums, up-down counters and gauges as gauges, histograms as <c>_sum</c>/<c>_count</c>. Names have
/// '.' replaced by '_' and the unit suffix left out. Thread-safe.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentState> _states = new();
    private readonly object _observeGate = new();

    /// <summary>Starts listening; instruments created later are picked up as they appear.</summary>
    public PrometheusExporter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("RfFingerprint", StringComparison.Ordinal))
            {
                _states.TryAdd(instrument, new InstrumentState(instrument));
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) => _states.TryRemove(instrument, out var _);
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>Renders every instrument's current values.</summary>
    public string Render()
    {
        lock (_observeGate)
        {
            // Observable instruments report only when asked; their last values replace the previous ones.
            foreach (var state in _states.Values.Where(s => s.IsObservable))
            {
                state.ClearObserved();
            }

            _listener.RecordObservableInstruments();
        }

        var text = new StringBuilder();
        foreach (var state in _states.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            state.Render(text);
        }

        return text.ToString();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_states.TryGetValue(instrument, out var state))
        {
            state.Record(value, tags);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _listener.Dispose();

    private sealed class InstrumentState(Instrument instrument)
    {
        private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

        public string Name { get; } = SanitizeName(instrument.Name);

        public bool IsObservable => instrument.IsObservable;

        private string Kind => instrument switch
        {
            Counter<long> or Counter<int> or Counter<double> or Counter<float> => "counter",
            ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double> or ObservableCounter<float> => "counter",
            Histogram<long> or Histogram<int> or Histogram<double> or Histogram<float> => "histogram",
            _ => "gauge",
        };

        public void ClearObserved() => _series.Clear();

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = FormatLabels(tags);
            var series = _series.GetOrAdd(labels, _ => new Series());
            lock (series)
            {
                switch (Kind)
                {
                    case "counter" when !instrument.IsObservable:
                        series.Sum += value;
                        break;
                    case "histogram":
                        series.Sum += value;
                        series.Count++;
                        break;
                    default:
                        // Gauges, observable counters and up-down counters: observable ones report totals, the
                        // synchronous up-down counter reports deltas.
                        series.Sum = instrument.IsObservable ? value : series.Sum + value;
                        break;
                }
            }
        }

        public void Render(StringBuilder text)
        {
            var kind = Kind;
            var name = kind == "counter" ? Name + "_total" : Name;
            text.Append("# HELP ").Append(name).Append(' ').Append(Escape(instrument.Description ?? instrument.Name, false)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(kind == "histogram" ? "summary" : kind).Append('\n');
            foreach (var (labels, series) in _series.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                double sum;
                long count;
                lock (series)
                {
                    sum = series.Sum;
                    count = series.Count;
                }

                if (kind == "histogram")
                {
                    text.Append(Name).Append("_sum").Append(labels).Append(' ').Append(Format(sum)).Append('\n');
                    text.Append(Name).Append("_count").Append(labels).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
                }
                else
                {
                    text.Append(name).Append(labels).Append(' ').Append(Format(sum)).Append('\n');
                }
            }
        }

        private static string FormatLabels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.Length == 0)
            {
                return string.Empty;
            }

            var pairs = new List<string>(tags.Length);
            foreach (var tag in tags)
            {
                pairs.Add($"{SanitizeName(tag.Key)}=\"{Escape(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty, true)}\"");
            }

            pairs.Sort(StringComparer.Ordinal);
            return "{" + string.Join(',', pairs) + "}";
        }

        private static string SanitizeName(string name)
        {
            var chars = name.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (!(char.IsAsciiLetterOrDigit(chars[i]) || chars[i] == '_' || chars[i] == ':'))
                {
                    chars[i] = '_';
                }
            }

            return chars.Length > 0 && char.IsAsciiDigit(chars[0]) ? "_" + new string(chars) : new string(chars);
        }

        private static string Escape(string value, bool quote)
        {
            var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
            return quote ? escaped.Replace("\"", "\\\"", StringComparison.Ordinal) : escaped;
        }

        private static string Format(double value) =>
            double.IsPositiveInfinity(value) ? "+Inf"
            : double.IsNegativeInfinity(value) ? "-Inf"
            : double.IsNaN(value) ? "NaN"
            : value.ToString("R", CultureInfo.InvariantCulture);
    }

    private sealed class Series
    {
        public double Sum;
        public long Count;
    }
}
