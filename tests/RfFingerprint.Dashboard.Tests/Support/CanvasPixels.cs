using Microsoft.Playwright;

namespace RfFingerprint.Dashboard.Tests.Support;

/// <summary>Reads back what a canvas shows.</summary>
public static class CanvasPixels
{
    /// <summary>How many distinct colours the canvas's pixels hold (1 for a blank canvas).</summary>
    public static Task<int> DistinctColoursAsync(ILocator canvas) =>
        canvas.EvaluateAsync<int>("""
            c => {
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              const seen = new Set();
              for (let i = 0; i < d.length && seen.size < 1000; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2] | (d[i + 3] << 24));
              return seen.size;
            }
            """);
}
