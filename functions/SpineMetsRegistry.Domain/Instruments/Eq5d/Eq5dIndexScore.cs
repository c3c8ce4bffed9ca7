namespace SpineMetsRegistry.Domain.Instruments.Eq5d;

/// <summary>An EQ-5D index value with everything needed to reproduce it.</summary>
/// <param name="State">The five-digit health state scored.</param>
/// <param name="Version">EQ-5D version code, <c>3L</c> or <c>5L</c>.</param>
/// <param name="ValueSet">Value-set name (e.g. <c>USA</c>).</param>
/// <param name="ValueSetDoi">DOI of the value set's source publication.</param>
/// <param name="Index">The index, rounded to 3 decimals half away from zero.</param>
public sealed record Eq5dIndexScore(string State, string Version, string ValueSet, string ValueSetDoi, decimal Index);
