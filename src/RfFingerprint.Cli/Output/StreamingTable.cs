namespace RfFingerprint.Cli.Output;

/// <summary>
/// A plain-text table written row by row as results arrive (a Spectre table is rendered only once it is
/// complete, which would hold a whole recording's bursts in memory and print nothing until the end).
/// </summary>
/// <remarks>Columns have fixed widths; a longer cell pushes the rest of its row right rather than being cut.</remarks>
internal sealed class StreamingTable
{
    private const string Separator = "  ";

    private readonly TextWriter _output;
    private readonly IReadOnlyList<TextColumn> _columns;
    private bool _headerWritten;

    public StreamingTable(TextWriter output, IReadOnlyList<TextColumn> columns)
    {
        _output = output;
        _columns = columns;
    }

    /// <summary>Writes the header (once) and then one row.</summary>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns.</exception>
    public void WriteRow(IReadOnlyList<string> cells)
    {
        if (cells.Count != _columns.Count)
            throw new ArgumentException($"A row needs {_columns.Count} cells, got {cells.Count}.", nameof(cells));
        if (!_headerWritten)
        {
            _headerWritten = true;
            WriteLine(_columns.Select(c => c.Header).ToList());
        }

        WriteLine(cells);
    }

    private void WriteLine(IReadOnlyList<string> cells)
    {
        var line = new System.Text.StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
                line.Append(Separator);
            var column = _columns[i];
            var last = i == cells.Count - 1;
            line.Append(column.AlignRight ? cells[i].PadLeft(column.Width) : last ? cells[i] : cells[i].PadRight(column.Width));
        }

        _output.WriteLine(line.ToString());
        _output.Flush();
    }
}
