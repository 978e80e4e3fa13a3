using System.Globalization;

namespace RfFingerprint.Cli.Output;

/// <summary>How LoRaWAN identifiers are printed everywhere in the CLI: upper-case hex, most significant byte first.</summary>
internal static class IdentifierText
{
    /// <summary>DevAddr as 8 hex digits, e.g. <c>49BE7DF1</c>.</summary>
    public static string DevAddr(uint devAddr) => devAddr.ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>DevEUI / JoinEUI as 16 hex digits.</summary>
    public static string Eui(ulong eui) => eui.ToString("X16", CultureInfo.InvariantCulture);
}
