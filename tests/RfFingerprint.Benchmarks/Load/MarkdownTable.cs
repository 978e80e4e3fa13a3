using System.Text;

namespace RfFingerprint.Benchmarks.Load;

/// <summary>A two-column figure table, printed as markdown so it can go straight into a note.</summary>
internal sealed class MarkdownTable(string title)
{
    private readonly List<(string Name, string Value)> _rows = [];

    public MarkdownTable Add(string name, string value)
    {
        _rows.Add((name, value));
        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(title).AppendLine();
        text.AppendLine("| figure | value |").AppendLine("|---|---|");
        foreach (var (name, value) in _rows)
        {
            text.Append("| ").Append(name).Append(" | ").Append(value).AppendLine(" |");
        }

        return text.ToString();
    }
}
