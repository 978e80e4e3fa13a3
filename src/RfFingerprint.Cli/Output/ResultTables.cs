using RfFingerprint.Cli.Hosting;
using Spectre.Console.Rendering;

namespace RfFingerprint.Cli.Output;

/// <summary>Writes Spectre tables and grids to the results console.</summary>
internal static class ResultTables
{
    /// <summary>
    /// Width used when no terminal is attached. Spectre assumes 80 columns for a file, a pipe or a test's writer
    /// and then wraps cells mid-word, which breaks <c>grep</c>; tables are not expanded, so a wide limit only
    /// stops the wrapping.
    /// </summary>
    private const int DetachedWidth = 400;

    public static void Write(CliIo io, IRenderable renderable)
    {
        if (!io.Interactive && io.Console.Profile.Width < DetachedWidth)
            io.Console.Profile.Width = DetachedWidth;
        io.Console.Write(renderable);
    }
}
