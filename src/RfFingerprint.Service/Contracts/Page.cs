namespace RfFingerprint.Service.Contracts;

/// <summary>One page of a filtered listing.</summary>
/// <typeparam name="T">Item type.</typeparam>
/// <param name="Items">The page's items.</param>
/// <param name="Total">How many items match the filters in all.</param>
/// <param name="Offset">Items skipped before this page.</param>
/// <param name="Limit">Largest page size asked for.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Offset, int Limit);
