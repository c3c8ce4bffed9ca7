using System.Globalization;

namespace SpineMetsRegistry.Domain.Records;

/// <summary>
/// Age at the index treatment in whole years, top-coded: every age above 89 is the single
/// category "90+" (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(C)).
/// </summary>
/// <param name="Years">Whole years; 90 when top-coded.</param>
/// <param name="IsTopCoded">True for the "90+" category.</param>
public readonly record struct AgeAtIndex(int Years, bool IsTopCoded)
{
    /// <summary>The literal that stands for every age above 89.</summary>
    public const string TopCode = "90+";

    /// <summary>The canonical text: the number of years, or "90+".</summary>
    public override string ToString() => IsTopCoded ? TopCode : Years.ToString(CultureInfo.InvariantCulture);
}
