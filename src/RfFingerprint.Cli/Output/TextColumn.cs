namespace RfFingerprint.Cli.Output;

/// <summary>One column of a <see cref="StreamingTable"/>.</summary>
/// <param name="Header">Column title.</param>
/// <param name="Width">Characters reserved for the column.</param>
/// <param name="AlignRight">Right-align (numbers) or left-align (text).</param>
internal sealed record TextColumn(string Header, int Width, bool AlignRight = false);
